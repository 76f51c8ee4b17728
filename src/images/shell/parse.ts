/**
 * Parser for the POSIX shell subset that the simulated busybox `sh` runs:
 * simple commands, `;` `&` `&&` `||` `|`, `{ }`, `( )`, `while`, `until`,
 * `for … in`, and `if … elif … else … fi`. Words keep their quotes; expansion
 * happens when a command runs.
 */
import { ShellSyntaxError, Token, tokenizeScript } from './tokenize';

export { ShellSyntaxError } from './tokenize';

/** A command word as written, quotes included (`"$HOSTNAME"`). */
export type Word = string;

export type ShellNode =
  | { type: 'simple'; assignments: { name: string; value: Word }[]; words: Word[]; redirections: Redirection[] }
  | { type: 'list'; items: { node: ShellNode; background: boolean }[] }
  | { type: 'and-or'; first: ShellNode; rest: { op: '&&' | '||'; node: ShellNode }[] }
  | { type: 'pipeline'; commands: ShellNode[]; negate: boolean }
  | { type: 'group'; body: ShellNode; subshell: boolean }
  | { type: 'loop'; until: boolean; condition: ShellNode; body: ShellNode }
  | { type: 'for'; variable: string; values: Word[]; body: ShellNode }
  | { type: 'if'; branches: { condition: ShellNode; body: ShellNode }[]; otherwise?: ShellNode };

/**
 * An output or input redirection of a simple command: `>file`, `>>file`,
 * `2>&1`, `>&2`, `<file`. `target` is a word for files and a descriptor
 * number for duplications.
 */
export interface Redirection {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

const TERMINATORS = new Set(['do', 'done', 'then', 'fi', 'else', 'elif', '}', ')', 'esac']);

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parseScript(): ShellNode {
    const node = this.parseList();
    const next = this.peek();
    if (next) throw this.unexpected(next.text);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'op' && t.text === text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'word' && t.text === text;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.pos++;
  }

  private unexpected(text: string): ShellSyntaxError {
    return new ShellSyntaxError(text === '\n' ? 'unexpected newline' : `unexpected "${text}"`);
  }

  private expectWord(text: string): void {
    this.skipNewlines();
    const t = this.peek();
    if (!t || t.kind !== 'word' || t.text !== text) {
      throw t ? this.unexpected(t.text) : new ShellSyntaxError(`unexpected end of file (expecting "${text}")`);
    }
    this.pos++;
  }

  /** Parses and-or lists separated by `;`, `&` or newlines until a reserved word or `)`. */
  parseList(): ShellNode {
    const items: { node: ShellNode; background: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t || (t.kind === 'word' && TERMINATORS.has(t.text)) || (t.kind === 'op' && t.text === ')')) break;
      const node = this.parseAndOr();
      let background = false;
      if (this.isOp('&')) { background = true; this.pos++; }
      else if (this.isOp(';')) this.pos++;
      else if (!this.isOp('\n') && this.peek() && !this.atTerminator()) throw this.unexpected(this.peek()!.text);
      items.push({ node, background });
    }
    if (items.length === 0) {
      const t = this.peek();
      throw t ? this.unexpected(t.text) : new ShellSyntaxError('unexpected end of file');
    }
    return { type: 'list', items };
  }

  private atTerminator(): boolean {
    const t = this.peek();
    return t !== undefined && ((t.kind === 'word' && TERMINATORS.has(t.text)) || (t.kind === 'op' && t.text === ')'));
  }

  private parseAndOr(): ShellNode {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; node: ShellNode }[] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.peek()!.text as '&&' | '||';
      this.pos++;
      this.skipNewlines();
      rest.push({ op, node: this.parsePipeline() });
    }
    return rest.length === 0 ? first : { type: 'and-or', first, rest };
  }

  private parsePipeline(): ShellNode {
    let negate = false;
    if (this.isWord('!')) { negate = true; this.pos++; }
    const commands = [this.parseCommand()];
    while (this.isOp('|')) {
      this.pos++;
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return commands.length === 1 && !negate ? commands[0] : { type: 'pipeline', commands, negate };
  }

  private parseCommand(): ShellNode {
    const t = this.peek();
    if (!t) throw new ShellSyntaxError('unexpected end of file');
    if (t.kind === 'op') {
      if (t.text !== '(') throw this.unexpected(t.text);
      this.pos++;
      const body = this.parseList();
      if (!this.isOp(')')) throw new ShellSyntaxError('unexpected end of file (expecting ")")');
      this.pos++;
      return { type: 'group', body, subshell: true };
    }
    switch (t.text) {
      case 'while':
      case 'until': {
        this.pos++;
        const condition = this.parseList();
        this.expectWord('do');
        const body = this.parseList();
        this.expectWord('done');
        return { type: 'loop', until: t.text === 'until', condition, body };
      }
      case 'for':
        return this.parseFor();
      case 'if':
        return this.parseIf();
      case '{': {
        this.pos++;
        const body = this.parseList();
        this.expectWord('}');
        return { type: 'group', body, subshell: false };
      }
    }
    if (TERMINATORS.has(t.text)) throw this.unexpected(t.text);
    return this.parseSimple();
  }

  private parseFor(): ShellNode {
    this.pos++;
    const name = this.peek();
    if (!name || name.kind !== 'word' || !/^[A-Za-z_]\w*$/.test(name.text)) {
      throw new ShellSyntaxError(`bad for loop variable`);
    }
    this.pos++;
    const values: Word[] = [];
    if (this.isWord('in')) {
      this.pos++;
      while (this.peek()?.kind === 'word') values.push(this.tokens[this.pos++].text);
    }
    if (this.isOp(';')) this.pos++;
    this.expectWord('do');
    const body = this.parseList();
    this.expectWord('done');
    return { type: 'for', variable: name.text, values, body };
  }

  private parseIf(): ShellNode {
    this.pos++;
    const branches: { condition: ShellNode; body: ShellNode }[] = [];
    let otherwise: ShellNode | undefined;
    for (;;) {
      const condition = this.parseList();
      this.expectWord('then');
      branches.push({ condition, body: this.parseList() });
      this.skipNewlines();
      if (this.isWord('elif')) { this.pos++; continue; }
      if (this.isWord('else')) { this.pos++; otherwise = this.parseList(); }
      this.expectWord('fi');
      break;
    }
    return { type: 'if', branches, otherwise };
  }

  private parseSimple(): ShellNode {
    const assignments: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirections: Redirection[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && /[<>]/.test(t.text)) {
        this.pos++;
        redirections.push(this.parseRedirection(t.text));
        continue;
      }
      if (t?.kind !== 'word') break;
      const text = this.tokens[this.pos++].text;
      const m = /^([A-Za-z_]\w*)=/.exec(text);
      if (m && words.length === 0) assignments.push({ name: m[1], value: text.slice(m[0].length) });
      else words.push(text);
    }
    return { type: 'simple', assignments, words, redirections };
  }

  private parseRedirection(text: string): Redirection {
    const m = /^(\d?)(.*)$/.exec(text)!;
    const operator = m[2] === '<&' ? '>&' : m[2];
    let fd = operator === '<' ? 0 : 1;
    if (m[1] !== '') fd = Number(m[1]);
    const target = this.peek();
    if (target?.kind !== 'word') throw target ? this.unexpected(target.text) : new ShellSyntaxError('unexpected newline');
    this.pos++;
    return { fd, op: operator as Redirection['op'], target: target.text };
  }
}

/**
 * Parses a whole `sh -c` script. Throws ShellSyntaxError on malformed input.
 * The tree is frozen and shared, so the same script, started by every run of
 * a CronJob, is parsed once per process.
 */
export function parseScript(script: string): ShellNode {
  let node = parsed.get(script);
  if (!node) {
    node = freezeTree(new Parser(tokenizeScript(script)).parseScript());
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(script, node);
  }
  return node;
}

/** Parsed scripts by text. */
const parsed = new Map<string, ShellNode>();

/** Size limit of the memo. It only bounds memory. */
const MAX_PARSED = 1000;

function freezeTree<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) freezeTree((value as Record<string, unknown>)[key]);
  }
  return value;
}
