/**
 * `-o go-template=...` as kubectl v1.32 runs it on objects read from a
 * server: Go's text/template over map[string]interface{}, where integral
 * numbers are int64 and others float64. Missing keys print `<no value>`
 * unless missing keys are not allowed. kubectl adds the functions `exists`
 * and `base64decode`.
 */

import { toGoJsonCompact } from './json';
import { formatGoPrint, GoFloat, goKind } from './go-value';
import {
  formatSprint,
  GoInt,
  indexValue,
  isTrue,
  lengthOf,
  NO_VALUE,
  printOperand,
  unwrap,
} from './go-template-funcs';
import { Command, Operand, parseGoTemplate, Pipe, TemplateNode, TemplateParseError } from './go-template-parse';
import { goEqual, goLess } from './template-compare';
import { formatPrintf } from './go-printf';

/** Options of the go-template printer. */
export interface GoTemplateOptions {
  /** `--allow-missing-template-keys`; when false a missing map key fails. Default true. */
  allowMissingKeys?: boolean;
}

/**
 * Failure while running a template. kubectl writes `stdout` (the output so
 * far plus debugging details) to standard output and `message` to standard
 * error after `error: `.
 */
export class GoTemplateExecuteError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

/** Error of a template that does not parse, with kubectl's message. */
export class GoTemplateParseError extends Error {}

const FUNCTIONS = new Set([
  'and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'index', 'len', 'printf', 'print', 'println', 'exists', 'base64decode',
]);

/** A parsed template, reusable for many objects. */
export interface GoTemplate {
  readonly raw: string;
  readonly nodes: TemplateNode[];
}

/** Parses a template, throwing {@link GoTemplateParseError} with kubectl's message. */
export function compileGoTemplate(template: string): GoTemplate {
  try {
    return { raw: template, nodes: parseGoTemplate(template, FUNCTIONS) };
  } catch (err) {
    if (!(err instanceof TemplateParseError)) throw err;
    throw new GoTemplateParseError(`error parsing template ${template}, ${err.message}\n`);
  }
}

/**
 * Runs a template on one object (a `List` for several) and returns the
 * output. Throws {@link GoTemplateExecuteError} when the template fails.
 */
export function printGoTemplate(template: string | GoTemplate, obj: unknown, opts: GoTemplateOptions = {}): string {
  const compiled = typeof template === 'string' ? compileGoTemplate(template) : template;
  const rawData = toGoJsonCompact(obj);
  const data = JSON.parse(JSON.stringify(obj ?? null));
  const state = new State(compiled.raw, opts.allowMissingKeys ?? true, data);
  try {
    state.walkList(compiled.nodes, data);
    return state.out;
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    const stdout =
      state.out +
      `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${compiled.raw}\n` +
      `\traw data was:\n\t\t${rawData}\n` +
      `\tobject given to template engine was:\n\t\t${formatGoPrint(data)}\n\n`;
    throw new GoTemplateExecuteError(`error executing template ${JSON.stringify(compiled.raw)}: ${err.message}`, stdout);
  }
}

class ExecError extends Error {}


class State {
  out = '';
  private vars: { name: string; value: unknown }[];

  constructor(
    private readonly src: string,
    private readonly allowMissingKeys: boolean,
    root: unknown,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  private fail(pos: number, context: string, message: string): never {
    const before = this.src.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - (before.lastIndexOf('\n') + 1);
    throw new ExecError(`template: output:${line}:${col}: executing "output" at <${context}>: ${message}`);
  }

  walkList(nodes: TemplateNode[], dot: unknown): void {
    const mark = this.vars.length;
    for (const node of nodes) this.walk(node, dot);
    this.vars.length = mark;
  }

  private walk(node: TemplateNode, dot: unknown): void {
    switch (node.type) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.evalPipe(node.pipe, dot);
        if (node.pipe.decl.length === 0) this.out += printValue(value);
        return;
      }
      case 'if':
      case 'with': {
        const value = this.evalPipe(node.pipe, dot);
        if (isTrue(value)) this.walkList(node.list, node.type === 'with' ? value : dot);
        else if (node.elseList) this.walkList(node.elseList, dot);
        return;
      }
      case 'range':
        return this.walkRange(node, dot);
    }
  }

  private walkRange(node: TemplateNode & { type: 'range' }, dot: unknown): void {
    const mark = this.vars.length;
    const value = this.evalPipe({ ...node.pipe, decl: [] }, dot);
    const entries: [unknown, unknown][] = [];
    const kind = goKind(value);
    if (kind === 'slice') (value as unknown[]).forEach((v, i) => entries.push([i, v]));
    else if (kind === 'map') for (const k of Object.keys(value as object).sort()) entries.push([k, (value as Record<string, unknown>)[k]]);
    else if (kind !== 'invalid') this.fail(node.pipe.pos, node.pipe.cmds[0]?.text ?? '', `range can't iterate over ${printValue(value)}`);

    for (const [key, element] of entries) {
      const [first, second] = node.pipe.decl;
      if (first !== undefined) this.vars.push({ name: first, value: second !== undefined ? key : element });
      if (second !== undefined) this.vars.push({ name: second, value: element });
      this.walkList(node.list, element);
      this.vars.length = mark;
    }
    if (entries.length === 0 && node.elseList) this.walkList(node.elseList, dot);
  }

  private evalPipe(pipe: Pipe, dot: unknown): unknown {
    let value: unknown = NO_VALUE;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(cmd, dot, first ? NO_VALUE : value, !first);
      first = false;
    }
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const v = [...this.vars].reverse().find((x) => x.name === name);
        if (v) v.value = value;
      } else this.vars.push({ name, value });
    }
    return value;
  }

  private evalCommand(cmd: Command, dot: unknown, final: unknown, hasFinal: boolean): unknown {
    const [head, ...args] = cmd.args;
    if (head.type === 'identifier') {
      const values = args.map((a) => this.evalArg(a, dot));
      if (hasFinal) values.push(final);
      return this.call(head.name, values, cmd);
    }
    if (args.length > 0 || hasFinal) {
      this.fail(cmd.pos, cmd.text, `can't give argument to non-function ${cmd.text.split(' ')[0]}`);
    }
    return this.evalArg(head, dot);
  }

  private evalArg(arg: Operand, dot: unknown): unknown {
    switch (arg.type) {
      case 'dot':
        return dot;
      case 'string':
        return arg.value;
      case 'number':
        return arg.isInt ? new GoInt(arg.value) : new GoFloat(arg.value);
      case 'bool':
        return arg.value;
      case 'nil':
        return NO_VALUE;
      case 'field':
        return this.evalFields(dot, arg.names, arg.pos, arg.text);
      case 'variable': {
        const v = [...this.vars].reverse().find((x) => x.name === arg.name);
        if (!v) this.fail(arg.pos, arg.text, `undefined variable: ${arg.name}`);
        return this.evalFields(v.value, arg.names, arg.pos, arg.text);
      }
      case 'pipe':
        return this.evalFields(this.evalPipe(arg.pipe, dot), arg.names, arg.pipe.pos, '');
      case 'identifier':
        return this.call(arg.name, [], { args: [arg], pos: arg.pos, text: arg.name });
    }
  }

  private evalFields(receiver: unknown, names: string[], pos: number, text: string): unknown {
    let value = receiver;
    for (const name of names) {
      const kind = goKind(value);
      if (kind === 'invalid') return NO_VALUE;
      if (kind !== 'map') this.fail(pos, text, `can't evaluate field ${name} in type interface {}`);
      const map = value as Record<string, unknown>;
      if (!Object.hasOwn(map, name)) {
        if (!this.allowMissingKeys) this.fail(pos, text, `map has no entry for key "${name}"`);
        return NO_VALUE;
      }
      value = map[name];
      if (value === null) value = NO_VALUE;
    }
    return value;
  }

  private call(name: string, args: unknown[], cmd: Command): unknown {
    const fail = (message: string): never => this.fail(cmd.pos, cmd.text, `error calling ${name}: ${message}`);
    // Float constants stay typed (GoFloat), so `eq 1 1.0` fails as in Go.
    const plain = args.map(unwrap);
    try {
      switch (name) {
        case 'and':
          return args.find((a) => !isTrue(a)) ?? args.at(-1);
        case 'or':
          return args.find((a) => isTrue(a)) ?? args.at(-1);
        case 'not':
          return !isTrue(args[0]);
        case 'eq':
          return plain.slice(1).some((b) => goEqual(plain[0], b));
        case 'ne':
          return !goEqual(plain[0], plain[1]);
        case 'lt':
          return goLess(plain[0], plain[1]);
        case 'le':
          return goLess(plain[0], plain[1]) || goEqual(plain[0], plain[1]);
        case 'gt':
          return !goLess(plain[0], plain[1]) && !goEqual(plain[0], plain[1]);
        case 'ge':
          return !goLess(plain[0], plain[1]);
        case 'index':
          return indexValue(plain[0], plain.slice(1));
        case 'len':
          return new GoInt(lengthOf(plain[0]));
        case 'printf':
          return formatPrintf(String(plain[0]), args.slice(1));
        case 'print':
          return formatSprint(args);
        case 'println':
          return args.map(printOperand).join(' ') + '\n';
        case 'exists':
          return plain.length > 0 && indexValue(plain[0], plain.slice(1), true) !== NO_VALUE;
        case 'base64decode':
          return Buffer.from(String(plain[0]), 'base64').toString('utf8');
      }
    } catch (err) {
      if (err instanceof ExecError) throw err;
      return fail((err as Error).message);
    }
    return fail('function not defined');
  }
}

function printValue(v: unknown): string {
  if (v === NO_VALUE) return '<no value>';
  return printOperand(v);
}
