/**
 * The `--for` expressions of `kubectl wait`: `delete`, `create`,
 * `condition=TYPE[=VALUE]` and `jsonpath={PATH}[=VALUE]`, parsed into a
 * test on the current object (undefined when it does not exist).
 */
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';

export interface WaitCondition {
  kind: 'delete' | 'create' | 'condition' | 'jsonpath';
  /** Whether the object, as it is now, meets the condition. */
  met(obj: KObject | undefined): boolean;
}

/** Reads a simple JSONPath (`.status.phase`, `.status.conditions[0].type`, `.metadata.labels.app`). */
export function readJsonPath(obj: unknown, path: string): unknown {
  const steps = path.replace(/^\./, '').split(/\.|(?=\[)/).filter(Boolean);
  let value: any = obj;
  for (const step of steps) {
    if (value === undefined || value === null) return undefined;
    const index = /^\[(\d+)\]$/.exec(step);
    value = index ? value[Number(index[1])] : value[step];
  }
  return value;
}

function parseJsonPath(expression: string): WaitCondition {
  const m = /^\{([^}]*)\}(?:=(.*))?$/.exec(expression.replace(/^'(.*)'$/, '$1'));
  if (!m || !/^(\.[\w-]+|\[\d+\])+$/.test(m[1])) {
    throw new UsageError(`unrecognized condition: "jsonpath=${expression}"; kubesim supports simple paths such as {.status.phase}=Running`);
  }
  const [, path, expected] = m;
  return {
    kind: 'jsonpath',
    met: (obj) => {
      if (!obj) return false;
      const value = readJsonPath(obj, path);
      if (expected === undefined) return value !== undefined;
      return value !== undefined && value !== null && typeof value !== 'object' && String(value) === expected;
    },
  };
}

/** Parses a `--for` value as kubectl does. */
export function parseWaitFor(text: string): WaitCondition {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete', met: (obj) => obj === undefined };
  if (lower === 'create') return { kind: 'create', met: (obj) => obj !== undefined };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? 'true' : rest.slice(eq + 1);
    if (!type) throw new UsageError(`unrecognized condition: "${text}"`);
    return {
      kind: 'condition',
      met: (obj) =>
        (obj?.status?.conditions ?? []).some(
          (c: any) => String(c.type).toLowerCase() === type.toLowerCase() && String(c.status).toLowerCase() === value.toLowerCase(),
        ),
    };
  }
  if (lower.startsWith('jsonpath=')) return parseJsonPath(text.slice('jsonpath='.length));
  throw new UsageError(`unrecognized condition: "${text}"`);
}
