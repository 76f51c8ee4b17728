/**
 * Small builders and flag parsers shared by the object generators.
 */

import type { KObject } from '../api/types';

/** ObjectMeta in Go field order: name, namespace, creationTimestamp, labels. */
export function meta(name: string, namespace?: string, extra: { labels?: Record<string, string> } = {}): KObject['metadata'] {
  const m: KObject['metadata'] = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null as unknown as string;
  if (extra.labels) m.labels = extra.labels;
  return m;
}

/**
 * Parses a decimal int as Go's strconv.Atoi does on 64-bit platforms: an
 * optional sign and digits only, throwing Go's message (`strconv.Atoi:
 * parsing "abc": invalid syntax`) for anything else, because kubectl prints
 * that error unchanged.
 */
export function goAtoi(text: string): number {
  const fail = (reason: string) => new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: ${reason}`);
  if (!/^[+-]?\d+$/.test(text)) throw fail('invalid syntax');
  const value = BigInt(text);
  if (value < -(2n ** 63n) || value >= 2n ** 63n) throw fail('value out of range');
  return Number(value);
}

/**
 * Parses an IntOrString as intstr.Parse does: an int when strconv.Atoi
 * reads one (so `-1` stays a number for the API server to reject), else
 * the text as a port name.
 */
export function parseIntOrString(text: string): number | string {
  try {
    return goAtoi(text);
  } catch {
    return text;
  }
}

/**
 * Parses `key=value` flag values as kubectl's cmdutil.ParsePairs does without
 * removals: a value with no `=`, or starting with one, is invalid, and all
 * invalid values are listed in one error (`invalid annotations format: a, =b`).
 */
export function parsePairs(values: string[], pairType: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  const invalid: string[] = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) invalid.push(value);
    else pairs[value.slice(0, eq)] = value.slice(eq + 1);
  }
  if (invalid.length > 0) throw new Error(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return sortedMap(pairs);
}

/** Parses `a=b,c=d` label flags. */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`unexpected label spec: ${pair}`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return sortedMap(labels);
}

/**
 * Returns a copy with keys in sorted order, because Go's encoding/json
 * writes map keys sorted and kubesim's JSON keeps insertion order.
 */
export function sortedMap<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));
}
