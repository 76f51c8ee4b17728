/**
 * Values and built-in functions of the go-template printer: Go's truth
 * rules, `index`, `len`, `print` and the type names fmt's error markers use.
 */

import { formatGoPrint, goKind, plainValue } from './go-value';

/** Go's invalid reflect.Value: a missing key, a JSON null or `nil`. */
export const NO_VALUE = undefined;

/** An integer constant of the template itself (Go int), unlike float64 data. */
export class GoInt {
  constructor(readonly value: number) {}
}

export function unwrap(v: unknown): unknown {
  return v instanceof GoInt ? v.value : v;
}


export function isTrue(v: unknown): boolean {
  const plain = plainValue(unwrap(v));
  if (plain === NO_VALUE || plain === null || plain === false || plain === 0 || plain === '') return false;
  if (Array.isArray(plain)) return plain.length > 0;
  if (typeof plain === 'object') return Object.keys(plain).length > 0;
  return true;
}

export function indexValue(item: unknown, indexes: unknown[], quiet = false): unknown {
  let value = item;
  for (const index of indexes) {
    if (Array.isArray(value)) {
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= value.length) {
        if (quiet) return NO_VALUE;
        throw new Error(`index out of range: ${i}`);
      }
      value = value[i];
    } else if (goKind(value) === 'map') {
      value = (value as Record<string, unknown>)[String(index)];
    } else if (value === NO_VALUE || value === null) {
      if (quiet) return NO_VALUE;
      throw new Error('index of untyped nil');
    } else {
      if (quiet) return NO_VALUE;
      throw new Error(`can't index item of type ${typeof value === 'string' ? 'string' : 'interface {}'}`);
    }
  }
  return value === null ? NO_VALUE : value;
}

export function lengthOf(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (goKind(v) === 'map') return Object.keys(v as object).length;
  throw new Error(`len of ${v === NO_VALUE ? 'nil pointer' : `type ${goTypeName(v)}`}`);
}

/** Go type name of a template value, as fmt's `%T` prints it. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoInt) return 'int';
  switch (goKind(v)) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return '<nil>';
  }
}

/** Formats a value as `fmt.Print` does. */
export function printOperand(v: unknown): string {
  if (v instanceof GoInt) return String(v.value);
  return formatGoPrint(plainValue(v));
}

// fmt.Sprint puts spaces between operands when neither side is a string.
export function formatSprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += printOperand(a);
  });
  return out;
}

