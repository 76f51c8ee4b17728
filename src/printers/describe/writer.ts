/**
 * kubectl describe's prefix writer: lines at indent levels of two spaces,
 * `key:\tvalue` cells aligned by the tabwriter at the end.
 */
import { tabwrite } from '../tabwriter.js';

export class DescribeWriter {
  private buf: string[] = [];

  write(level: number, text: string): void {
    this.buf.push('  '.repeat(level) + text);
  }

  line(level: number, key: string, value: string | number): void {
    this.write(level, `${key}:\t${value}\n`);
  }

  text(): string {
    return tabwrite(this.buf.join(''), { padding: 2 });
  }
}

/** kubectl's `Mon, 02 Jan 2006 15:04:05 -0700` time format (RFC 1123 with numeric zone). */
export function rfc1123z(iso: string | undefined): string {
  if (!iso) return '<unset>';
  const d = new Date(iso);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Writes a label or annotation map as describe does: first on the key line, the rest indented. */
export function writeMap(w: DescribeWriter, level: number, key: string, map: Record<string, string> | undefined, skip: string[] = []): void {
  const keys = Object.keys(map ?? {})
    .filter((k) => !skip.includes(k))
    .sort();
  if (keys.length === 0) {
    w.line(level, key, '<none>');
    return;
  }
  keys.forEach((k, i) => {
    const value = key === 'Annotations' ? `${k}: ${map![k]}` : `${k}=${map![k]}`;
    if (i === 0) w.line(level, key, value);
    else w.write(level, `\t${value}\n`);
  });
}
