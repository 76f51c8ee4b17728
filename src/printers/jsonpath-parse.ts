/**
 * Parser for kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath):
 * text with `{...}` actions holding fields, array slices, filters,
 * recursive descent, quoted text, numbers, booleans and `range`/`end`.
 * Error messages are client-go's, because kubectl prints them verbatim.
 */

/** One step of an action, applied to the list of current values. */
export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: SliceParam[] }
  | { type: 'filter'; left: JsonPathNode; right: JsonPathNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JsonPathNode[] }
  | { type: 'identifier'; name: string };

/** A slice bound: `derived` marks the end of `[i]`, computed as i+1. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

const SLICE_OPERATOR = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER_COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isAlphaNumeric = (c: string) => c === '_' || /[\p{L}\p{Nd}]/u.test(c);
const isTerminator = (c: string | undefined) => c === undefined || ' \t\r\n.,[]$@{}'.includes(c);

/** Parses a template into its top-level list: text nodes and one list per action. */
export function parseJsonPath(template: string): JsonPathNode[] {
  return new Parser(template).parse();
}

/** Parses text that client-go wraps in `{...}` itself (filter operands, unions). */
function parseAction(text: string): JsonPathNode & { type: 'list' } {
  const root = new Parser(`{${text}}`).parse();
  return root[0] as JsonPathNode & { type: 'list' };
}

class Parser {
  private pos = 0;
  private start = 0;
  private readonly root: JsonPathNode[] = [];

  constructor(private readonly input: string) {}

  parse(): JsonPathNode[] {
    this.parseText();
    return this.root;
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const c = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += c.length;
    return c;
  }

  private peek(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    return String.fromCodePoint(this.input.codePointAt(this.pos)!);
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private parseText(): void {
    while (this.pos < this.input.length) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const action: JsonPathNode = { type: 'list', nodes: [] };
        this.root.push(action);
        this.parseInsideAction(action.nodes);
        continue;
      }
      this.next();
    }
    if (this.pos > this.start) this.root.push({ type: 'text', text: this.consumeText() });
  }

  // Parses one action up to its closing brace, appending nodes to `cur`.
  private parseInsideAction(cur: JsonPathNode[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }

      const c = this.next();
      if (c === undefined || c === '\r' || c === '\n') throw new Error('unclosed action');
      if (c === ' ' || c === '@' || c === '$') this.consumeText();
      else if (c === '[') this.parseArray(cur);
      else if (c === '"' || c === "'") this.parseQuote(cur, c);
      else if (c === '.') this.parseField(cur);
      else if (c === '+' || c === '-' || /\p{Nd}/u.test(c)) {
        this.pos -= c.length;
        this.parseNumber(cur);
      } else if (isAlphaNumeric(c)) {
        this.pos -= c.length;
        this.parseIdentifier(cur);
      } else throw new Error(`unrecognized character in action: ${formatRune(c)}`);
    }
  }

  private parseIdentifier(cur: JsonPathNode[]): void {
    while (!isTerminator(this.peek())) this.next();
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.push({ type: 'bool', value: value === 'true' });
    else cur.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JsonPathNode[]): void {
    if (cur.at(-1)?.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.push({ type: 'recursive' });
    const c = this.peek();
    if (c !== undefined && isAlphaNumeric(c)) this.parseField(cur);
  }

  private parseNumber(cur: JsonPathNode[]): void {
    const first = this.peek();
    if (first === '+' || first === '-') this.next();
    for (let c = this.peek(); c !== undefined && (c === '.' || /\p{Nd}/u.test(c)); c = this.peek()) this.next();
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ type: 'float', value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: JsonPathNode[]): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || c === '\n') throw new Error('unterminated array');
      if (c === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ type: 'union', nodes: parts.map((part) => parseAction(`[${part.trim()}]`)) });
      return;
    }

    const dictKey = DICT_KEY.exec(text);
    if (dictKey) {
      cur.push(...parseAction(`.${dictKey[1]}`).nodes);
      return;
    }

    const slice = SLICE_OPERATOR.exec(text);
    if (!slice) throw new Error(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let raw = slice[i + 1] ?? '';
      if (raw !== '') {
        if (i > 0) raw = raw.slice(1);
        if (i > 0 && raw === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(raw)) throw new Error(`array index ${raw} is not a number`);
          params.push({ value: Number(raw), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.push({ type: 'array', params });
  }

  private parseFilter(cur: JsonPathNode[]): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const c = this.next();
      if (c === undefined || c === '\n') throw new Error('unterminated filter');
      if (c === '"' || c === "'") {
        if (!begin) {
          begin = true;
          pair = c;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && c === pair) end = true;
      } else if (c === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');

    const text = this.consumeText().slice(0, -2);
    const comparison = FILTER_COMPARISON.exec(text);
    if (!comparison) {
      cur.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' });
      return;
    }
    const left = parseAction(comparison[1]);
    const right = parseAction(comparison[3]);
    cur.push({ type: 'filter', left, right, operator: comparison[2] });
  }

  private parseQuote(cur: JsonPathNode[], quote: string): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || c === '\n') throw new Error('unterminated quoted string');
      if (c === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    cur.push({ type: 'text', text: unquoteExtended(value) });
  }

  private parseField(cur: JsonPathNode[]): void {
    this.consumeText();
    for (;;) {
      const c = this.peek();
      if (c === '\\') {
        this.next();
        this.next();
      } else if (isTerminator(c)) break;
      else this.next();
    }
    const value = this.consumeText();
    if (value === '*') cur.push({ type: 'wildcard' });
    else cur.push({ type: 'field', name: value.replaceAll('\\', '') });
  }
}

const GO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Unquotes a Go-style quoted string; single quotes are accepted like double quotes. */
function unquoteExtended(quoted: string): string {
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e in GO_ESCAPES) out += GO_ESCAPES[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
      const size = HEX_DIGITS[e];
      const hex = body.slice(i + 1, i + 1 + size);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size) throw new Error(`unquote string ${quoted} error invalid syntax`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += size;
    } else throw new Error(`unquote string ${quoted} error invalid syntax`);
  }
  return out;
}

// Go's %#U: "U+0023 '#'".
function formatRune(c: string): string {
  const hex = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} '${c}'`;
}
