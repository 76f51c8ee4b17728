/**
 * Reorders an object's keys as Go's encoding/json writes the typed struct:
 * fields in declaration order, map keys sorted. kubectl prints objects it
 * built itself (a Job from `create job --from=cronjob/NAME`) from Go structs,
 * so `-o json` shows this order rather than the order the store keeps.
 *
 * go-struct-order.json lists, per type, the JSON field names in the order of
 * the Go declarations in k8s.io/api v0.32.13 (core/v1 and batch/v1 types.go)
 * and of ObjectMeta and LabelSelector in k8s.io/apimachinery meta/v1. Inline
 * embedded structs (ProbeHandler, VolumeSource) are flattened at their
 * position. A `name:Type` entry names the type of a struct, struct pointer or
 * struct slice field. A trailing `!` marks a struct value field, which Go
 * writes even when empty because `omitempty` never omits a struct, and
 * `creationTimestamp=null` is the zero metav1.Time that Go writes as null.
 */
import table from './go-struct-order.json';

const ORDER = table as Record<string, string[]>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Returns a copy of a Go map's JSON with its keys sorted, at every level. */
function sortMapKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMapKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortMapKeys(value[key])]),
  );
}

/**
 * Returns a copy of `value`, the JSON of Go type `typeName`, with keys in Go
 * field order. Keys the table does not list keep their order after the
 * listed ones, and values of fields with no struct type get their map keys
 * sorted.
 */
export function orderLikeGoStruct(value: unknown, typeName: string): unknown {
  const fields = ORDER[typeName];
  if (Array.isArray(value)) return value.map((item) => orderLikeGoStruct(item, typeName));
  if (!fields || !isPlainObject(value)) return sortMapKeys(value);

  const ordered: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.endsWith('=null')) {
      const name = field.slice(0, -'=null'.length);
      ordered[name] = name in value ? value[name] : null;
      continue;
    }
    const alwaysWritten = field.endsWith('!');
    const [name, fieldType] = (alwaysWritten ? field.slice(0, -1) : field).split(':');
    if (!(name in value) && !alwaysWritten) continue;
    const item = name in value ? value[name] : {};
    ordered[name] = fieldType ? orderLikeGoStruct(item, fieldType) : sortMapKeys(item);
  }
  for (const [key, item] of Object.entries(value)) {
    if (!(key in ordered)) ordered[key] = item;
  }
  return ordered;
}
