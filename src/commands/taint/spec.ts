/**
 * kubectl's taint arguments: `key=value:Effect` and `key:Effect` add,
 * `key=value:Effect-`, `key:Effect-` and `key-` remove.
 */
import { UsageError } from '../../api/errors.js';

export interface TaintSpec {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function parseOne(text: string, removing: boolean): TaintSpec {
  const colon = text.lastIndexOf(':');
  let kv = text;
  let effect = '';
  if (colon >= 0) {
    kv = text.slice(0, colon);
    effect = text.slice(colon + 1);
  } else if (!removing) {
    throw new UsageError(`invalid taint spec: ${text}`);
  }
  if (effect && !EFFECTS.includes(effect)) throw new UsageError(`invalid taint spec: ${text}, invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = kv.indexOf('=');
  const key = eq >= 0 ? kv.slice(0, eq) : kv;
  const value = eq >= 0 ? kv.slice(eq + 1) : undefined;
  if (!key) throw new UsageError(`invalid taint spec: ${text}`);
  const spec: TaintSpec = { key, effect };
  if (value) spec.value = value;
  return spec;
}

/** Splits taint arguments into taints to add and taints to remove. */
export function parseTaintSpecs(args: string[]): { add: TaintSpec[]; remove: TaintSpec[] } {
  const add: TaintSpec[] = [];
  const remove: TaintSpec[] = [];
  for (const a of args) {
    if (a.endsWith('-')) remove.push(parseOne(a.slice(0, -1), true));
    else {
      const t = parseOne(a, false);
      if (add.some((o) => o.key === t.key && o.effect === t.effect)) throw new UsageError(`duplicated taints with the same key and effect: ${JSON.stringify(t)}`);
      add.push(t);
    }
  }
  return { add, remove };
}

/** `key=value:Effect`, `key:Effect` or `key`, as kubectl prints a taint. */
export function taintString(t: TaintSpec): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

/**
 * Applies additions and removals as kubectl does and names the outcome:
 * `tainted`, `untainted` or `modified`. Throws kubectl's errors for an
 * existing taint without --overwrite and a removal that matches nothing.
 */
export function updateTaints(nodeName: string, current: TaintSpec[], add: TaintSpec[], remove: TaintSpec[], overwrite: boolean, nowIso: string): { taints: TaintSpec[]; operation: string } {
  if (!overwrite) {
    const exists = add.filter((t) => current.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (exists.length) throw new UsageError(`node ${nodeName} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  const taints: TaintSpec[] = add.map((t) => (t.effect === 'NoExecute' ? { ...t, timeAdded: nowIso } : { ...t }));
  for (const old of current) if (!taints.some((t) => t.key === old.key && t.effect === old.effect)) taints.push(old);
  const added = taints.length !== current.length;
  const errors: string[] = [];
  let result = taints;
  let deleted = false;
  for (const r of remove) {
    const before = result.length;
    result = result.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = result.length !== before;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
  }
  if (errors.length) throw new UsageError(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  let operation = 'untainted';
  if ((added && deleted) || overwrite) operation = 'modified';
  else if (added) operation = 'tainted';
  return { taints: result, operation };
}
