/**
 * The `--for` expressions of `kubectl wait`: `delete`, `create`,
 * `condition=TYPE[=VALUE]` and `jsonpath={PATH}[=VALUE]`, parsed into a
 * test on the current object (undefined when it does not exist).
 */
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { compileJsonPath, findJsonPathResults, type JsonPathTemplate } from '../../printers/jsonpath.js';

export interface WaitCondition {
  kind: 'delete' | 'create' | 'condition' | 'jsonpath';
  /** Whether the object, as it is now, meets the condition. */
  met(obj: KObject | undefined): boolean;
}

/**
 * Parses `jsonpath={PATH}[=VALUE]`. As in kubectl, the path must lead to a
 * single scalar; without a value the condition holds once the path exists.
 */
function parseJsonPath(expression: string): WaitCondition {
  const text = expression.replace(/^'(.*)'$/, '$1');
  const close = text.lastIndexOf('}');
  if (!text.startsWith('{') || close < 0) throw new UsageError(`unrecognized condition: "jsonpath=${expression}"`);
  const path = text.slice(0, close + 1);
  const rest = text.slice(close + 1);
  if (rest !== '' && !rest.startsWith('=')) throw new UsageError(`unrecognized condition: "jsonpath=${expression}"`);
  const expected = rest === '' ? undefined : rest.slice(1);
  let compiled: JsonPathTemplate;
  try {
    compiled = compileJsonPath(path);
  } catch (err) {
    throw new UsageError((err as Error).message.trim());
  }
  return {
    kind: 'jsonpath',
    met: (obj) => {
      if (!obj) return false;
      const values = findJsonPathResults(compiled.nodes, obj, true).flat();
      if (values.length === 0 || values[0] === undefined) return false;
      if (values.length > 1 || (typeof values[0] === 'object' && values[0] !== null)) {
        throw new UsageError('jsonpath leads to a nested object or list which is not supported');
      }
      return expected === undefined || String(values[0]) === expected;
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
