/**
 * Splits a YAML stream into documents the way kubectl's YAML reader
 * (k8s.io/apimachinery pkg/util/yaml, YAMLReader) does before go-yaml parses
 * them. The split decides which text each parser error's line number counts
 * from, so it is kept exact rather than left to js-yaml's own `---` handling.
 */

/** A document separator line with something other than a comment after `---`. */
export class InvalidSeparatorError extends Error {
  constructor(readonly rest: string) {
    super(`invalid Yaml document separator: ${rest}`);
  }
}

/**
 * Yields each document of a YAML stream as kubectl's reader builds it:
 *
 * - every line ends with `\n`, also the last one, and `\r\n` becomes `\n`;
 * - a line that starts with `---` and has only blanks or a `#` comment after
 *   it ends the current document and is dropped, unless no line was collected
 *   yet: then it stays as the first line of the document;
 * - any other text after `---` on such a line is an error.
 */
export function* splitYamlDocuments(text: string): Generator<string> {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';

  let buffer = '';
  for (const [i, raw] of [...lines, last].entries()) {
    if (i === lines.length && raw === '') break;
    // Only a \r before a \n belongs to the line ending, as in Go's bufio.Reader.ReadLine.
    const line = i < lines.length && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) throw new InvalidSeparatorError(rest);
      if (buffer !== '') {
        yield buffer;
        buffer = '';
        continue;
      }
    }
    buffer += `${line}\n`;
  }
  if (buffer !== '') yield buffer;
}
