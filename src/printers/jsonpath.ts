/**
 * `-o jsonpath=...` as kubectl v1.32 evaluates and prints it
 * (k8s.io/client-go/util/jsonpath with cli-runtime's JSONPathPrinter).
 * The object is the decoded JSON form, so fields are map keys.
 */

import { formatGoJson, formatGoPrint, formatGoSyntax, goKind } from './go-value';
import { wrapNumbersAsFloat } from './go-float';
import { toKubectlJson } from './json';
import { JsonPathNode, parseJsonPath, SliceParam } from './jsonpath-parse';
import { compareValues } from './template-compare';

/** Options of the jsonpath printer. */
export interface JsonPathOptions {
  /** `--allow-missing-template-keys`: missing fields print nothing instead of failing. Default true. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: print each action's results as an indented JSON array. */
  outputJson?: boolean;
  /**
   * Treat every number as float64, as kubectl does for objects it builds
   * itself (`create ... --dry-run=client`), so 1000000 prints `1e+06`.
   * Objects read from a server keep int64 integers. Default false.
   */
  numbersAsFloat?: boolean;
}

/**
 * Error of a template that does not parse, with kubectl's message
 * (`error parsing jsonpath {.foo, unclosed action`). kubectl adds `error: `.
 */
export class JsonPathParseError extends Error {}

/**
 * Error of a template that fails on an object. The message is kubectl's, so
 * it ends in blank lines and includes the object in Go syntax.
 */
export class JsonPathExecuteError extends Error {}

/** A parsed template, reusable for many objects. */
export interface JsonPathTemplate {
  readonly raw: string;
  readonly nodes: JsonPathNode[];
}

/** Parses a jsonpath template, throwing {@link JsonPathParseError} with kubectl's message. */
export function compileJsonPath(template: string): JsonPathTemplate {
  try {
    return { raw: template, nodes: parseJsonPath(template) };
  } catch (err) {
    throw new JsonPathParseError(`error parsing jsonpath ${template}, ${(err as Error).message}\n`);
  }
}

/**
 * Prints one object (a `List` for several) through a jsonpath template, as
 * kubectl does: values of one action joined by spaces, maps and arrays as
 * compact JSON, text outside actions verbatim. No newline is added.
 */
export function printJsonPath(template: string | JsonPathTemplate, obj: unknown, opts: JsonPathOptions = {}): string {
  const compiled = typeof template === 'string' ? compileJsonPath(template) : template;
  const evaluator = new Evaluator(opts.allowMissingKeys ?? true);
  const data = opts.numbersAsFloat ? wrapNumbersAsFloat(obj) : obj;
  try {
    const results = evaluator.findResults(compiled.nodes, data);
    return results.map((values) => printResults(values, opts.outputJson ?? false)).join('');
  } catch (err) {
    const detail =
      `Error executing template: ${(err as Error).message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${compiled.raw}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(obj)}\n\n`;
    throw new JsonPathExecuteError(`error executing jsonpath ${JSON.stringify(compiled.raw)}: ${detail}\n`);
  }
}

/**
 * Evaluates parsed template nodes on an object and returns each action's
 * values, without printing. Custom columns format these values themselves.
 */
export function findJsonPathResults(nodes: JsonPathNode[], obj: unknown, allowMissingKeys: boolean): unknown[][] {
  return new Evaluator(allowMissingKeys).findResults(nodes, obj);
}

function printResults(values: unknown[], outputJson: boolean): string {
  if (outputJson) return toKubectlJson(values);
  return values
    .map((v) => {
      const kind = goKind(v);
      return kind === 'map' || kind === 'slice' ? formatGoJson(v) : formatText(v);
    })
    .join(' ');
}

function formatText(value: unknown): string {
  return value === null || value === undefined ? 'null' : formatGoPrint(value);
}

class Evaluator {
  constructor(private readonly allowMissingKeys: boolean) {}

  /**
   * Evaluates the top-level nodes on `data`. A `range` action repeats the
   * nodes up to its `end` for every value it yields, as client-go does.
   */
  findResults(nodes: JsonPathNode[], data: unknown): unknown[][] {
    return this.runBlock(nodes, 0, [data], 0).results;
  }

  // Runs nodes from `start` until an `end` closes this block (when inside a
  // range) or the nodes run out. Returns the results and where it stopped.
  private runBlock(nodes: JsonPathNode[], start: number, cur: unknown[], depth: number): { results: unknown[][]; end: number } {
    const results: unknown[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const node = nodes[i];
      const marker = rangeMarker(node);
      if (marker === 'end') {
        if (depth === 0) throw new Error('not in range, nothing to end');
        return { results, end: i };
      }
      if (marker === 'range') {
        const values = this.walk(cur, { type: 'list', nodes: (node as { nodes: JsonPathNode[] }).nodes.slice(1) });
        let end = nodes.length;
        if (values.length === 0) end = this.runBlock(nodes, i + 1, [null], depth + 1).end;
        for (const value of values) {
          const block = this.runBlock(nodes, i + 1, [value], depth + 1);
          results.push(...block.results);
          end = block.end;
        }
        // Without a matching end, client-go goes on after the range node.
        if (end < nodes.length) i = end;
        continue;
      }
      results.push(this.walk(cur, node));
    }
    return { results, end: nodes.length };
  }

  private walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce((values, child) => this.walk(values, child), input);
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'wildcard':
        return input.flatMap(childValues);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        if (node.name === 'end') throw new Error('not in range, nothing to end');
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const value of input) {
      if (goKind(value) === 'map' && Object.hasOwn(value as object, name)) {
        results.push((value as Record<string, unknown>)[name]);
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private evalFilter(input: unknown[], node: JsonPathNode & { type: 'filter' }): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${formatGoPrint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: unknown[];
        try {
          lefts = this.walk([item], node.left);
        } catch (err) {
          if (node.operator === 'exists') continue;
          throw err;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compareValues(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

function rangeMarker(node: JsonPathNode): 'range' | 'end' | undefined {
  if (node.type !== 'list') return undefined;
  const first = node.nodes[0];
  if (first?.type !== 'identifier') return undefined;
  if (first.name === 'range') return 'range';
  if (first.name === 'end') return 'end';
  return undefined;
}

function evalArray(input: unknown[], params: SliceParam[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);

    const length = value.length;
    let from = params[0].known ? params[0].value : 0;
    if (from < 0) from += length;
    let to = params[1].known ? params[1].value : length;
    if (to < 0 || (to === 0 && params[1].derived)) to += length;

    if (to === from) return result;
    if (from >= length || from < 0) throw new Error(`array index out of bounds: index ${from}, length ${length}`);
    if (to > length || to < 0) throw new Error(`array index out of bounds: index ${to - 1}, length ${length}`);
    if (from > to) throw new Error(`starting index ${from} is greater than ending index ${to}`);

    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new Error('step must be > 0');
      step = params[2].value;
    }
    for (let i = from; i < to; i += step) result.push(value[i]);
  }
  return result;
}

// Map values in key order, array elements, or the bytes of a string, as
// client-go's wildcard and recursive descent visit them. Go visits map keys
// in random order; kubesim sorts them so output is stable.
function childValues(value: unknown): unknown[] {
  const kind = goKind(value);
  if (kind === 'map') return Object.keys(value as object).sort().map((k) => (value as Record<string, unknown>)[k]);
  if (kind === 'slice') return value as unknown[];
  if (kind === 'string') return [...Buffer.from(value as string, 'utf8')];
  return [];
}

function evalRecursive(input: unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    const children = childValues(value);
    if (children.length === 0) continue;
    result.push(value);
    result.push(...evalRecursive(children));
  }
  return result;
}

function goTypeName(value: unknown): string {
  switch (goKind(value)) {
    case 'map':
      return 'map[string]interface {}';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    default:
      return 'float64';
  }
}
