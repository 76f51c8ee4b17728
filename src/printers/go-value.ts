/**
 * Go's fmt formatting of the values of a decoded JSON object
 * (map[string]interface{}), shared by the jsonpath and go-template printers.
 * Integral numbers are int64 and the rest float64, as apimachinery's
 * unstructured JSON decoding makes them.
 */

import { GoFloat, plainValue } from './go-float';
import { formatGoFloat, toGoJsonCompact } from './json';

export { GoFloat, plainValue };

/** Go reflect kinds that the template comparisons distinguish. */
export type GoKind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'map' | 'slice';


/** Returns the Go kind of a decoded JSON value or template constant. */
export function goKind(value: unknown): GoKind {
  if (value instanceof GoFloat) return 'float';
  if (value === null || value === undefined) return 'invalid';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'slice' : 'map';
}

/** Formats a number as fmt's `%v` does for int64 or float64. */
export function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  return formatGoFloat64(n);
}

/** Formats a float64 as fmt's `%v` does (`1.5`, `1e+06`, `+Inf`). */
export function formatGoFloat64(n: number): string {
  return formatGoFloat(n).replace('.inf', '+Inf').replace('.nan', 'NaN');
}

/**
 * Formats a value as `fmt.Fprint` does: strings raw, numbers as int64 or
 * float64, maps and slices in Go's `map[k:v]` and `[a b]` notation.
 */
export function formatGoPrint(value: unknown): string {
  switch (goKind(value)) {
    case 'invalid':
      return '<nil>';
    case 'bool':
    case 'string':
      return String(value);
    case 'int':
      return formatGoNumber(value as number);
    case 'float':
      return formatGoFloat64(plainValue(value) as number);
    case 'slice':
      return '[' + (value as unknown[]).map((v) => formatGoPrint(v)).join(' ') + ']';
    case 'map': {
      const entries = sortedEntries(value as Record<string, unknown>);
      return 'map[' + entries.map(([k, v]) => `${k}:${formatGoPrint(v)}`).join(' ') + ']';
    }
  }
}

/** Formats a value as Go's `%#v` prints a decoded JSON object, for error messages. */
export function formatGoSyntax(value: unknown): string {
  switch (goKind(value)) {
    case 'invalid':
      return 'interface {}(nil)';
    case 'bool':
      return String(value);
    case 'int':
      return formatGoNumber(value as number);
    case 'float':
      return formatGoFloat64(plainValue(value) as number);
    case 'string':
      return quoteGoString(value as string);
    case 'slice':
      return '[]interface {}{' + (value as unknown[]).map((v) => formatGoSyntax(v)).join(', ') + '}';
    case 'map': {
      const entries = sortedEntries(value as Record<string, unknown>);
      const body = entries.map(([k, v]) => `${quoteGoString(k)}:${formatGoSyntax(v)}`).join(', ');
      return 'map[string]interface {}{' + body + '}';
    }
  }
}

/** Quotes a string as Go's strconv.Quote does for printable text. */
export function quoteGoString(s: string): string {
  // NOTE: JSON escaping agrees with strconv.Quote on printable text, quotes,
  // backslashes and \n \r \t. Other control characters differ (Go writes
  // \x01 or \a where JSON writes \u0001), which only error messages show.
  return JSON.stringify(s);
}

/** Marshals a map or slice the way jsonpath prints one: compact Go JSON. */
export function formatGoJson(value: unknown): string {
  return toGoJsonCompact(value);
}

// Go's fmt prints map entries sorted by key.
function sortedEntries(map: Record<string, unknown>): [string, unknown][] {
  return Object.keys(map)
    .sort()
    .map((k) => [k, map[k]]);
}
