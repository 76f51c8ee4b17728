/**
 * Parser for the subset of Go's text/template that kubectl's
 * `-o go-template` scripts use: text, `{{pipeline}}`, `if`/`else if`/`else`,
 * `range` (with `$i, $e :=`), `with`, variables, parenthesized pipelines,
 * comments and `{{-`/`-}}` trimming. Parse errors carry Go's messages.
 */

/** A template node. `pos` is the byte offset Go reports in errors. */
export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'action'; pipe: Pipe; pos: number }
  | { type: 'if' | 'with'; pipe: Pipe; list: TemplateNode[]; elseList?: TemplateNode[] }
  | { type: 'range'; pipe: Pipe; list: TemplateNode[]; elseList?: TemplateNode[] };

/** A pipeline: optional variable declarations and `|`-separated commands. */
export interface Pipe {
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
  pos: number;
}

/** One command of a pipeline; `text` is its source, for error context. */
export interface Command {
  args: Operand[];
  pos: number;
  text: string;
}

/** An argument or the head of a command. */
export type Operand =
  | { type: 'field'; names: string[]; pos: number; text: string }
  | { type: 'variable'; name: string; names: string[]; pos: number; text: string }
  | { type: 'dot' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number; isInt: boolean }
  | { type: 'bool'; value: boolean }
  | { type: 'nil' }
  | { type: 'identifier'; name: string; pos: number }
  | { type: 'pipe'; pipe: Pipe; names: string[] };

/** Error of a template that does not parse, as `template: output:LINE: ...`. */
export class TemplateParseError extends Error {}

interface Token {
  kind: 'string' | 'number' | 'word' | 'variable' | 'field' | 'dot' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'comma';
  value: string;
  pos: number;
}

let tokenPattern: RegExp | undefined;

/**
 * Returns the lexer's token pattern, created on first use: creating this
 * literal with Unicode property classes measured about 0.3 ms, which every
 * command paid when the printers loaded.
 */
function tokenRegExp(): RegExp {
  return (tokenPattern ??= /\s+|"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)+'|[+-]?(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|\$[\p{L}\p{Nd}_]*|(?:\.[\p{L}_][\p{L}\p{Nd}_]*)+|\.|\||\(|\)|:=|=|,|[\p{L}_][\p{L}\p{Nd}_]*/uy);
}

/** The set of functions a template may call; parsing rejects any other name. */
export type FunctionNames = Set<string>;

/** Parses a template, rejecting unknown functions as Go does at parse time. */
export function parseGoTemplate(src: string, functions: FunctionNames, name = 'output'): TemplateNode[] {
  return new TemplateParser(src, functions, name).parse();
}

class TemplateParser {
  private actions: { text: string; pos: number; line: number }[] = [];
  private items: ({ kind: 'text'; text: string } | { kind: 'action'; body: string; pos: number; line: number })[] = [];
  private index = 0;

  constructor(
    private readonly src: string,
    private readonly functions: FunctionNames,
    private readonly name: string,
  ) {}

  private fail(line: number, message: string): never {
    throw new TemplateParseError(`template: ${this.name}:${line}: ${message}`);
  }

  parse(): TemplateNode[] {
    this.split();
    const { list, end } = this.parseList();
    if (end) this.fail(end.line, `unexpected {{${end.word}}}`);
    return list;
  }

  // Splits the source into text and action bodies, applying trim markers.
  private split(): void {
    let pos = 0;
    let trimNext = false;
    while (pos <= this.src.length) {
      const open = this.src.indexOf('{{', pos);
      let text = this.src.slice(pos, open < 0 ? undefined : open);
      if (trimNext) text = text.replace(/^\s+/, '');
      let bodyStart = open + 2;
      if (open >= 0 && /^-[ \t\r\n]/.test(this.src.slice(bodyStart, bodyStart + 2))) {
        text = text.replace(/\s+$/, '');
        bodyStart += 1;
      }
      if (text) this.items.push({ kind: 'text', text });
      if (open < 0) break;

      const line = lineOf(this.src, open);
      const close = this.findClose(bodyStart, line);
      let body = this.src.slice(bodyStart, close);
      trimNext = /[ \t\r\n]-$/.test(body);
      if (trimNext) body = body.slice(0, -1);
      pos = close + 2;
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue;
      this.items.push({ kind: 'action', body, pos: bodyStart, line });
    }
  }

  private findClose(from: number, line: number): number {
    let i = from;
    let quote = '';
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (quote) {
        if (c === '\\' && quote !== '`') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === '`' || c === "'") quote = c;
      else if (this.src.startsWith('}}', i)) return i;
      else if (c === '\n' && !this.src.slice(from, i).trimStart().startsWith('/*')) this.fail(line, 'unclosed action');
    }
    return this.fail(line, quote ? 'unterminated quoted string' : 'unclosed action');
  }

  // Parses items until the end or an `else`/`end` action, which it returns.
  private parseList(): { list: TemplateNode[]; end?: { word: string; rest: string; line: number; pos: number } } {
    const list: TemplateNode[] = [];
    while (this.index < this.items.length) {
      const item = this.items[this.index++];
      if (item.kind === 'text') {
        list.push({ type: 'text', text: item.text });
        continue;
      }
      const tokens = tokenize(item.body, item.pos, (m) => this.fail(item.line, m));
      const head = tokens[0];
      if (!head) this.fail(item.line, 'missing value for command');
      const keyword = head.kind === 'word' ? head.value : '';
      if (keyword === 'end' || keyword === 'else') {
        return { list, end: { word: keyword, rest: item.body.trim().slice(keyword.length).trim(), line: item.line, pos: item.pos } };
      }
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        list.push(this.parseControl(keyword, tokens.slice(1), item.line));
        continue;
      }
      list.push({ type: 'action', pipe: this.parsePipe(tokens, item.line, item.pos), pos: item.pos });
    }
    return { list };
  }

  private parseControl(keyword: 'if' | 'with' | 'range', tokens: Token[], line: number): TemplateNode {
    const pipe = this.parsePipe(tokens, line, tokens[0]?.pos ?? 0);
    if (pipe.cmds.length === 0) this.fail(line, `missing value for ${keyword}`);
    const body = this.parseList();
    if (!body.end) this.fail(lineOf(this.src, this.src.length), 'unexpected EOF');
    let elseList: TemplateNode[] | undefined;
    if (body.end.word === 'else') {
      const rest = body.end.rest;
      if (rest.startsWith('if ') && keyword !== 'range') {
        // `{{else if x}}` is shorthand for `{{else}}{{if x}}...{{end}}`.
        const nested = this.parseControl('if', tokenize(rest.slice(3), body.end.pos, (m) => this.fail(line, m)), body.end.line);
        return { type: keyword, pipe, list: body.list, elseList: [nested] } as TemplateNode;
      }
      const tail = this.parseList();
      if (!tail.end) this.fail(lineOf(this.src, this.src.length), 'unexpected EOF');
      if (tail.end.word !== 'end') this.fail(tail.end.line, 'expected end; found {{else}}');
      elseList = tail.list;
    }
    return { type: keyword, pipe, list: body.list, elseList } as TemplateNode;
  }

  private parsePipe(tokens: Token[], line: number, pos: number): Pipe {
    const pipe: Pipe = { decl: [], isAssign: false, cmds: [], pos };
    let i = 0;
    const declEnd = tokens.findIndex((t) => t.kind === 'declare' || t.kind === 'assign');
    if (declEnd > 0 && tokens.slice(0, declEnd).every((t) => t.kind === 'variable' || t.kind === 'comma')) {
      pipe.decl = tokens.slice(0, declEnd).filter((t) => t.kind === 'variable').map((t) => t.value);
      pipe.isAssign = tokens[declEnd].kind === 'assign';
      i = declEnd + 1;
    }

    let current: Command | undefined;
    const stack: { pipe: Pipe; cmd: Command | undefined; start: Token }[] = [];
    let target = pipe;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'pipe') {
        if (!current) this.fail(line, 'missing command');
        current = undefined;
        continue;
      }
      if (!current) {
        current = { args: [], pos: t.pos, text: '' };
        target.cmds.push(current);
      }
      if (t.kind === 'lparen') {
        stack.push({ pipe: target, cmd: current, start: t });
        target = { decl: [], isAssign: false, cmds: [], pos: t.pos };
        current = undefined;
        continue;
      }
      if (t.kind === 'rparen') {
        const outer = stack.pop();
        if (!outer) this.fail(line, 'unexpected right paren');
        const inner = target;
        target = outer.pipe;
        current = outer.cmd!;
        const names = tokens[i + 1]?.kind === 'field' && tokens[i + 1].pos === t.pos + 1 ? splitFields(tokens[++i].value) : [];
        current.args.push({ type: 'pipe', pipe: inner, names });
        continue;
      }
      current.args.push(this.operand(t, line));
    }
    if (stack.length) this.fail(line, 'unclosed left paren');
    fillCommandText(pipe, tokens);
    return pipe;
  }

  private operand(t: Token, line: number): Operand {
    switch (t.kind) {
      case 'string':
        return { type: 'string', value: unquote(t.value) };
      case 'number': {
        if (t.value[0] === "'") return { type: 'number', value: unquote(`"${t.value.slice(1, -1)}"`).codePointAt(0)!, isInt: true };
        const value = Number(t.value.replaceAll('_', ''));
        return { type: 'number', value, isInt: /^[+-]?(0[xX][0-9a-fA-F_]+|\d[\d_]*)$/.test(t.value) };
      }
      case 'dot':
        return { type: 'dot' };
      // Go positions a chain (`.a.b`, `$x.a`) at its second element.
      case 'field': {
        const names = splitFields(t.value);
        const pos = names.length > 1 ? t.pos + 1 + names[0].length : t.pos;
        return { type: 'field', names, pos, text: t.value };
      }
      case 'variable': {
        const [name, ...rest] = t.value.split('.');
        const pos = rest.length > 0 ? t.pos + name.length : t.pos;
        return { type: 'variable', name, names: rest, pos, text: t.value };
      }
      case 'word':
        if (t.value === 'true' || t.value === 'false') return { type: 'bool', value: t.value === 'true' };
        if (t.value === 'nil') return { type: 'nil' };
        if (!this.functions.has(t.value)) this.fail(line, `function "${t.value}" not defined`);
        return { type: 'identifier', name: t.value, pos: t.pos };
      default:
        return this.fail(line, `unexpected "${t.value}" in command`);
    }
  }
}

function tokenize(body: string, offset: number, fail: (m: string) => never): Token[] {
  const tokens: Token[] = [];
  const pattern = tokenRegExp();
  pattern.lastIndex = 0;
  while (pattern.lastIndex < body.length) {
    const start = pattern.lastIndex;
    const m = pattern.exec(body);
    if (!m) fail(`unexpected bad character U+${body.codePointAt(start)!.toString(16).toUpperCase().padStart(4, '0')} '${body[start]}' in command`);
    const text = m[0];
    if (/^\s/.test(text)) continue;
    const pos = offset + start;
    const variableWithFields = /^\$[\p{L}\p{Nd}_]*$/u.test(text) && /^\.[\p{L}_]/u.test(body.slice(pattern.lastIndex));
    if (variableWithFields) {
      const fields = /^(?:\.[\p{L}_][\p{L}\p{Nd}_]*)+/u.exec(body.slice(pattern.lastIndex))![0];
      pattern.lastIndex += fields.length;
      tokens.push({ kind: 'variable', value: text + fields, pos });
      continue;
    }
    tokens.push({ kind: classify(text), value: text, pos });
  }
  return tokens;
}

function classify(text: string): Token['kind'] {
  if (text === '|') return 'pipe';
  if (text === '(') return 'lparen';
  if (text === ')') return 'rparen';
  if (text === ':=') return 'declare';
  if (text === '=') return 'assign';
  if (text === ',') return 'comma';
  if (text === '.') return 'dot';
  if (text[0] === '$') return 'variable';
  if (text[0] === '.' && !/^\.\d/.test(text)) return 'field';
  if (text[0] === '"' || text[0] === '`') return 'string';
  if (text[0] === "'") return 'number';
  if (/^[+\-.\d]/.test(text)) return 'number';
  return 'word';
}

function splitFields(chain: string): string[] {
  return chain.split('.').slice(1);
}

function unquote(literal: string): string {
  if (literal[0] === '`') return literal.slice(1, -1);
  return JSON.parse(literal.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

function lineOf(src: string, pos: number): number {
  return src.slice(0, pos).split('\n').length;
}

// Records each command's source for error messages such as `at <eq 1 1.0>`.
function fillCommandText(pipe: Pipe, tokens: Token[]): void {
  const source = tokens.map((t) => t.value);
  for (const cmd of pipe.cmds) {
    const first = tokens.findIndex((t) => t.pos === cmd.pos);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].kind !== 'pipe') last++;
    cmd.text = source.slice(first, last + 1).join(' ');
  }
}
