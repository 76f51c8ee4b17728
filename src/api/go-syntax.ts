/**
 * Values as Go's `%#v` prints them, which is how apimachinery's field
 * errors show a struct, map or slice value (field.Error.ErrorBody falls
 * back to `%#v` after dereferencing a pointer). Learners meet these in
 * messages such as a changed Deployment selector's `field is immutable`.
 * Only the API types that such messages carry are covered.
 */
import type { FieldCause } from './errors.js';

/**
 * Reports whether field errors print a struct, map or slice value in Go
 * syntax: apimachinery's field.Error.ErrorBody prints it as JSON from 1.34
 * (k8s.io/apimachinery v0.34.0) and with `%#v` before.
 */
export function printsGoSyntax(clusterVersion: number): boolean {
  return clusterVersion < 134;
}

/** Quotes text as Go's strconv.Quote does, for the characters that label keys and values can hold. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += '\\' + char;
    else if (code === 0x07) out += '\\a';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0b) out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code === 0x2028 || code === 0x2029) out += '\\u' + code.toString(16);
    else out += char;
  }
  return out + '"';
}

/** Prints a `[]string` value: `[]string{"a", "b"}`, or `[]string(nil)` when absent. */
export function goStringSlice(values: unknown): string {
  if (!Array.isArray(values)) return '[]string(nil)';
  return `[]string{${values.map((v) => goQuote(String(v))).join(', ')}}`;
}

/**
 * Builds an `Invalid value` cause whose value is a string list such as
 * spec.clusterIPs, printed as `[]string{"a", "b"}` before 1.34 and as JSON
 * (`["a","b"]`) from 1.34. An absent list is Go's nil slice: `[]string(nil)`,
 * or `null` in JSON.
 */
export function invalidList(field: string, values: readonly unknown[] | undefined, detail: string, clusterVersion: number): FieldCause {
  const value = values === undefined ? null : values.map((v) => String(v));
  const cause: FieldCause = { field, type: 'Invalid value', value, hasValue: true, detail };
  if (printsGoSyntax(clusterVersion)) cause.valueText = goStringSlice(value ?? undefined);
  return cause;
}

/**
 * Prints a `map[string]string` value such as labels, with the entries
 * sorted by key as fmt sorts them, and `map[string]string(nil)` when absent.
 */
export function goStringMap(map: unknown): string {
  if (map === undefined || map === null || typeof map !== 'object') return 'map[string]string(nil)';
  const record = map as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareBytes);
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(record[k]))}`).join(', ')}}`;
}

/** Prints a metav1.LabelSelector value (the struct, not the pointer): `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`. */
export function goLabelSelector(selector: unknown): string {
  if (selector === undefined || selector === null || typeof selector !== 'object') return 'null';
  const { matchLabels, matchExpressions } = selector as { matchLabels?: unknown; matchExpressions?: unknown };
  return `v1.LabelSelector{MatchLabels:${goStringMap(matchLabels)}, MatchExpressions:${goRequirements(matchExpressions)}}`;
}

function goRequirements(expressions: unknown): string {
  if (!Array.isArray(expressions)) return '[]v1.LabelSelectorRequirement(nil)';
  const items = expressions.map((requirement: any) => {
    const key = goQuote(String(requirement?.key ?? ''));
    const operator = goQuote(String(requirement?.operator ?? ''));
    return `v1.LabelSelectorRequirement{Key:${key}, Operator:${operator}, Values:${goStringSlice(requirement?.values)}}`;
  });
  return `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
}

/** Orders strings by their UTF-8 bytes, as Go compares strings. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
