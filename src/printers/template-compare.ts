/**
 * Comparison rules of Go's text/template (eq, ne, lt, le, gt, ge) as
 * client-go's forked copy applies them to jsonpath filters and the
 * go-template printer uses them: only values of the same basic kind compare.
 */

import { goKind, plainValue } from './go-value';

/** Compares two decoded JSON values with a jsonpath filter operator (`==`, `<`, ...). */
export function compareValues(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return goEqual(left, right);
    case '!=':
      return !goEqual(left, right);
    case '<':
      return goLess(left, right);
    case '>':
      return !goLess(left, right) && !goEqual(left, right);
    case '<=':
      return goLess(left, right) || goEqual(left, right);
    case '>=':
      return !goLess(left, right);
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}

const BASIC = new Set(['bool', 'int', 'float', 'string']);

/** Go template `eq` for two values: same basic kind required. */
export function goEqual(left: unknown, right: unknown): boolean {
  const lk = goKind(left);
  const rk = goKind(right);
  if (!BASIC.has(lk) || !BASIC.has(rk)) {
    if (lk === 'invalid' || rk === 'invalid') return left == right;
    throw new Error('invalid type for comparison');
  }
  if (lk !== rk) throw new Error('incompatible types for comparison');
  return plainValue(left) === plainValue(right);
}

/** Go template `lt` for two values: ordered basic kinds only. */
export function goLess(left: unknown, right: unknown): boolean {
  const lk = goKind(left);
  const rk = goKind(right);
  if (lk === 'bool' || !BASIC.has(lk) || !BASIC.has(rk)) throw new Error('invalid type for comparison');
  if (lk !== rk) throw new Error('incompatible types for comparison');
  return (plainValue(left) as number | string) < (plainValue(right) as number | string);
}
