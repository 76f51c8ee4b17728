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

/** The annotation kubectl describe never prints (its skipAnnotations). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Longest `key: value` annotation describe prints on one line (maxAnnotationLen). */
const MAX_ANNOTATION_LEN = 140;

/**
 * Writes a label or annotation map as describe does: first on the key line,
 * the rest indented. Annotations follow printAnnotationsMultiline: the
 * last-applied configuration is left out, and a value that is long or spans
 * lines goes below its key, one line each, cut at 138 characters with `...`.
 */
export function writeMap(w: DescribeWriter, level: number, key: string, map: Record<string, string> | undefined, skip: string[] = []): void {
  const annotations = key === 'Annotations';
  const keys = Object.keys(map ?? {})
    .filter((k) => !skip.includes(k) && !(annotations && k === LAST_APPLIED))
    .sort();
  if (keys.length === 0) {
    w.line(level, key, '<none>');
    return;
  }
  keys.forEach((k, i) => {
    const lead = i === 0 ? `${key}:\t` : '\t';
    if (!annotations) {
      w.write(level, `${lead}${k}=${map![k]}\n`);
      return;
    }
    const value = String(map![k]).replace(/\n$/, '');
    if (value.length + k.length + 2 <= MAX_ANNOTATION_LEN && !value.includes('\n')) {
      w.write(level, `${lead}${k}: ${value}\n`);
      return;
    }
    w.write(level, `${lead}${k}:\n`);
    for (const part of value.split('\n')) {
      const cut = part.length > MAX_ANNOTATION_LEN - 2 ? `${part.slice(0, MAX_ANNOTATION_LEN - 2)}...` : part;
      w.write(level, `\t  ${cut}\n`);
    }
  });
}
