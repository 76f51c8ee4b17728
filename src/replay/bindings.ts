/**
 * Bindings from transcript values (generated name segments, IP addresses,
 * uids) to the values a replay produced. A binding is a bijection: a
 * transcript value bound once always maps to the same actual value, and two
 * transcript values never share one actual value.
 *
 * When a table's rows are interchangeable (three fresh pods that differ only
 * in their names), which transcript pod is which actual pod is not known
 * yet. Such rows become a group: any one-to-one pairing of its members is
 * allowed until a later step (an `-o wide` table, a command naming one pod)
 * pins a member down.
 */

/** Transcript values whose pairing with actual values is still open. */
export interface BindingGroup {
  readonly expected: readonly string[];
  readonly actual: readonly string[];
}

/** Transcript value to actual value, plus groups still open. Immutable: updates return a new value. */
export interface Bindings {
  readonly values: Readonly<Record<string, string>>;
  readonly groups: readonly BindingGroup[];
}

/** Bindings of a replay that has not matched anything yet. */
export const EMPTY_BINDINGS: Bindings = Object.freeze({ values: Object.freeze({}), groups: Object.freeze([]) });

/** Returns the actual value a transcript value is pinned to, if any (open groups excluded). */
export function boundValue(bindings: Bindings, expected: string): string | undefined {
  return Object.hasOwn(bindings.values, expected) ? bindings.values[expected] : undefined;
}

/**
 * Binds `expected` to `actual`, returning the updated bindings, or undefined
 * when that contradicts an earlier binding. Binding a group member pins it
 * and removes the actual value from the group's choices.
 */
export function bindValue(bindings: Bindings, expected: string, actual: string): Bindings | undefined {
  const pinned = boundValue(bindings, expected);
  if (pinned !== undefined) return pinned === actual ? bindings : undefined;

  const groupIndex = bindings.groups.findIndex((g) => g.expected.includes(expected));
  if (groupIndex >= 0) {
    const group = bindings.groups[groupIndex];
    if (!group.actual.includes(actual)) return undefined;
    return pinGroupMember(bindings, groupIndex, expected, actual);
  }

  if (Object.values(bindings.values).includes(actual)) return undefined;
  if (bindings.groups.some((g) => g.actual.includes(actual))) return undefined;
  return { values: { ...bindings.values, [expected]: actual }, groups: bindings.groups };
}

function pinGroupMember(bindings: Bindings, groupIndex: number, expected: string, actual: string): Bindings {
  const group = bindings.groups[groupIndex];
  const rest: BindingGroup = {
    expected: group.expected.filter((e) => e !== expected),
    actual: group.actual.filter((a) => a !== actual),
  };
  const values = { ...bindings.values, [expected]: actual };
  const groups = bindings.groups.filter((_, n) => n !== groupIndex);
  if (rest.expected.length === 1) values[rest.expected[0]] = rest.actual[0];
  else if (rest.expected.length > 1) groups.push(rest);
  return { values, groups };
}

/**
 * Turns pinned bindings of interchangeable members into an open group. The
 * members must be pinned in `bindings` already; their pairs are removed and
 * kept as a group.
 */
export function openGroup(bindings: Bindings, expected: readonly string[]): Bindings {
  if (expected.length < 2) return bindings;
  const values = { ...bindings.values };
  const actual = expected.map((e) => values[e]);
  for (const e of expected) delete values[e];
  return { values, groups: [...bindings.groups, { expected: [...expected], actual }] };
}

/**
 * Resolves a transcript value for use in a command: the pinned value, or
 * for an open group member the actual value at the same position, which it
 * then pins. Returns undefined for values never bound.
 */
export function resolveValue(bindings: Bindings, expected: string): { actual: string; bindings: Bindings } | undefined {
  const pinned = boundValue(bindings, expected);
  if (pinned !== undefined) return { actual: pinned, bindings };
  const groupIndex = bindings.groups.findIndex((g) => g.expected.includes(expected));
  if (groupIndex < 0) return undefined;
  const group = bindings.groups[groupIndex];
  const actual = group.actual[group.expected.indexOf(expected)];
  return { actual, bindings: pinGroupMember(bindings, groupIndex, expected, actual) };
}

/** Lists the transcript values that are pinned or in an open group. */
export function boundKeys(bindings: Bindings): string[] {
  return [...Object.keys(bindings.values), ...bindings.groups.flatMap((g) => g.expected)];
}
