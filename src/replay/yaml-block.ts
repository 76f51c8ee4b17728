/**
 * Finds where a manifest shown in a tutorial starts and ends. Manifests are
 * not parsed here: the block is kept byte for byte, comments included.
 */

import { matchPrompt } from './prompts';

/** Reports whether a line can belong to a manifest: indented, a list item, `---`, or a lower-case `key:`. */
export function isYamlLine(line: string): boolean {
  return /^[ \t]+\S/.test(line) || /^-( |$)/.test(line) || /^---\s*$/.test(line) || /^[a-z_][\w./-]*:(\s|$)/.test(line);
}

/**
 * Reads YAML lines from `start` (optionally skipping blank lines first).
 * A blank line inside the block is kept only when YAML follows it.
 */
export function readYamlBlock(
  lines: string[], start: number, known: readonly string[], skipLeadingBlanks = false,
): { content: string; end: number } {
  let i = start;
  if (skipLeadingBlanks) while (i < lines.length && lines[i].trim() === '') i++;
  const body: string[] = [];
  while (i < lines.length) {
    const line = lines[i];
    if (matchPrompt(line.trimEnd(), known)) break;
    if (line.trim() === '') {
      const next = nextNonBlank(lines, i);
      if (next < 0 || !isYamlLine(lines[next]) || matchPrompt(lines[next].trimEnd(), known)) break;
      body.push('');
    } else if (isYamlLine(line)) {
      body.push(line);
    } else {
      break;
    }
    i++;
  }
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return { content: body.length > 0 ? body.join('\n') + '\n' : '', end: i };
}

/** Returns the index of the next non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (lines[j].trim() !== '') return j;
  return -1;
}
