/**
 * `-o yaml` output, byte-identical to kubectl v1.32. kubectl turns the object
 * into JSON and then into YAML with sigs.k8s.io/yaml. Its go-yaml v2 emitter
 * sorts mapping keys and writes a sequence in a mapping without extra
 * indentation. It also quotes strings that would read back as another type
 * and folds long scalars at 80 columns.
 */

import { BEST_WIDTH, isPrintable, selectScalarStyle } from './yaml-scalar';
import { compareYamlKeys } from './yaml-sort';
import { formatGoFloat } from './json';

const BEST_INDENT = 2;

/**
 * Renders a JSON-compatible value as kubectl's `-o yaml` prints it, ending in
 * a newline. Several objects are printed by kubectl as one `List`, so callers
 * pass the result of {@link toKubectlList} for those.
 */
export function toKubectlYaml(obj: unknown): string {
  const w = new YamlWriter();
  w.node(JSON.parse(JSON.stringify(obj ?? null)), -1, 'document');
  return w.finish();
}

/**
 * Wraps objects in the `List` kubectl prints when a command outputs more than
 * one object: `apiVersion: v1`, `items`, `kind: List` and
 * `metadata.resourceVersion: ""`.
 */
export function toKubectlList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

type Context = 'document' | 'mapping-value' | 'sequence-item';

class YamlWriter {
  private out = '';
  private column = 0;
  /** True when only indentation has been written on the current line. */
  private indention = true;
  /** True when the last character written is whitespace. */
  private whitespace = true;

  /** Ends the document the way the emitter does: on a fresh line. */
  finish(): string {
    if (!this.indention || this.column > 0) this.newline();
    return this.out;
  }

  node(value: unknown, indent: number, context: Context): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.indicator('[]', true);
      const indentless = context === 'mapping-value' && !this.indention;
      const seqIndent = indentless ? indent : increase(indent);
      for (const item of value) {
        this.writeIndent(seqIndent);
        this.indicator('-', true, true);
        this.node(item, seqIndent, 'sequence-item');
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value).sort(compareYamlKeys);
      if (keys.length === 0) return this.indicator('{}', true);
      const mapIndent = increase(indent);
      for (const key of keys) {
        this.writeIndent(mapIndent);
        if (isSimpleKey(key)) {
          this.scalar(key, mapIndent, true);
          this.indicator(':', false);
        } else {
          this.indicator('?', true, true);
          this.scalar(key, mapIndent, false);
          this.writeIndent(mapIndent);
          this.indicator(':', true, true);
        }
        this.node((value as Record<string, unknown>)[key], mapIndent, 'mapping-value');
      }
      return;
    }
    this.scalar(value, indent, false);
  }

  private scalar(value: unknown, indent: number, simpleKey: boolean): void {
    // The emitter indents a scalar one step deeper than its container.
    let scalarIndent = indent + BEST_INDENT;
    if (indent < 0) scalarIndent = BEST_INDENT;
    else if (simpleKey) scalarIndent = indent;
    if (typeof value !== 'string') return this.plain(formatNonString(value), scalarIndent, false);

    switch (selectScalarStyle(value, simpleKey)) {
      case 'plain':
        return this.plain(value, scalarIndent, !simpleKey);
      case 'single':
        return this.singleQuoted(value, scalarIndent, !simpleKey);
      case 'double':
        return this.doubleQuoted(value, scalarIndent, !simpleKey);
      case 'literal':
        return this.literal(value, scalarIndent);
    }
  }

  private plain(s: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!allowBreaks || !s.includes(' ')) {
      // Without a space there is nowhere to fold, so the text goes out whole.
      this.out += s;
      this.column += codePoints(s);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true);
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      const inner = i > 0 && i < chars.length - 1;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && chars[i + 1] !== ' ') this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        this.put(c === "'" ? "''" : c);
        spaces = false;
      }
    });
    this.indicator("'", false);
  }

  private doubleQuoted(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true);
    let spaces = false;
    for (let i = 0; i < s.length; ) {
      // A run of printable ASCII without space, quote or backslash needs no escape and no break, so it goes out in one piece.
      let end = i;
      while (end < s.length && isPlainAscii(s.charCodeAt(end))) end++;
      if (end > i) {
        this.out += s.slice(i, end);
        this.column += end - i;
        this.whitespace = false;
        spaces = false;
        i = end;
        continue;
      }
      const cp = s.codePointAt(i)!;
      const c = String.fromCodePoint(cp);
      if (!isPrintable(cp) || cp === 0xfeff || c === '\n' || c === '"' || c === '\\') {
        this.put(escapeDoubleQuoted(cp));
        spaces = false;
      } else if (c === ' ') {
        // Not at the first or the last character, where the emitter never breaks.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i + 1 < s.length) {
          this.writeIndent(indent);
          if (s[i + 1] === ' ') this.put('\\');
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
      i += c.length;
    }
    this.indicator('"', false);
  }

  private literal(s: string, indent: number): void {
    let hints = '|';
    if (s[0] === ' ' || s[0] === '\n') hints += String(BEST_INDENT);
    if (!s.endsWith('\n')) hints += '-';
    else if (s.length === 1 || s.endsWith('\n\n')) hints += '+';
    this.indicator(hints, true);

    this.newline();
    let breaks = true;
    for (const c of s) {
      if (c === '\n') {
        this.newline();
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(c);
        breaks = false;
      }
    }
  }

  private indicator(text: string, needWhitespace: boolean, isIndention = false): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = this.indention && isIndention;
  }

  private writeIndent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.newline();
    if (this.column < target) {
      this.out += ' '.repeat(target - this.column);
      this.column = target;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private newline(): void {
    this.out += '\n';
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  private put(text: string): void {
    this.out += text;
    this.column += codePoints(text);
    this.whitespace = text === ' ';
  }
}

/** Reports whether a UTF-16 unit is printable ASCII other than space, `"` and `\\`, which a double-quoted scalar writes unchanged. */
function isPlainAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c;
}

/** Counts the code points of a string (the emitter's column unit), without splitting it. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) n--;
    }
  }
  return n;
}

// libyaml writes a key longer than 128 bytes, or one with a line break, in
// the explicit `? key` / `: value` form.
function isSimpleKey(key: string): boolean {
  return Buffer.byteLength(key) <= 128 && !/[\n\r\u0085\u2028\u2029]/.test(key);
}

function increase(indent: number): number {
  return indent < 0 ? 0 : indent + BEST_INDENT;
}

// go-yaml decodes a JSON number as an int when it fits in 64 bits and as a
// float64 otherwise, and prints the two differently.
function isGoInteger(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

function formatNonString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return isGoInteger(value) ? String(value) : formatGoFloat(value);
  return String(value);
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeDoubleQuoted(cp: number): string {
  const short = SHORT_ESCAPES[cp];
  if (short) return '\\' + short;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

/**
 * Joins already rendered YAML documents the way kubectl's YAML printer does
 * when a command prints objects one at a time (`annotate`, `create -f` with
 * several objects): a `---` line before every document but the first.
 */
export function joinYamlDocuments(documents: string[]): string {
  return documents.join('---\n');
}
