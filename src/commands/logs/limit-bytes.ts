/**
 * `logs --limit-bytes` and `--prefix` on a container's output. The kubelet
 * stops a log stream after the limit, which may fall inside a line, and
 * kubectl puts the prefix before every line it reads, the cut one included.
 */

/** Cuts `text` to its first `limit` bytes of UTF-8. */
// NOTE: a cut inside a multi-byte character prints U+FFFD where kubectl would print the raw bytes.
export function truncateToBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= limit ? text : bytes.subarray(0, limit).toString('utf8');
}

/** Puts `prefix` before each line of `text`, including a last line without a newline. */
export function prefixLines(text: string, prefix: string): string {
  if (!prefix || text === '') return text;
  return text
    .split(/(?<=\n)/)
    .map((line) => prefix + line)
    .join('');
}
