/**
 * Strict field validation: fields a manifest sets that the kind's OpenAPI
 * schema does not have. kubectl 1.25+ asks the API server to reject them
 * (`--validate=strict`, the default) or warn (`--validate=warn`); older
 * kubectl validated on the client with a different message.
 */
import fields from './openapi/fields.json';

interface FieldSchema {
  kinds: Record<string, string>;
  /** Each definition's fields, or (in the bundle, see scripts/build.mjs) their JSON text. */
  definitions: Record<string, Record<string, string> | string>;
}

const schema = fields as FieldSchema;
const parsedDefinitions = new Map<string, Record<string, string>>();

/** Returns the fields of a schema definition, parsing the bundle's JSON text on first use. */
function definitionFields(name: string): Record<string, string> | undefined {
  let props = parsedDefinitions.get(name);
  if (props !== undefined) return props;
  const raw = schema.definitions[name];
  if (raw === undefined) return undefined;
  props = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, string>) : raw;
  parsedDefinitions.set(name, props);
  return props;
}

export interface UnknownField {
  /** `spec.template.spec.containers[0].imagePull` */
  path: string;
  /** The field's own name and the definition it is missing from, for the old client-side message. */
  name: string;
  parentPath: string;
  definition: string;
}

/** Reports whether an unknown field stays out of the checks: the status, and kubesim's own top-level `_` fields. */
function isExempt(path: string): boolean {
  return path === 'status' || path.startsWith('_');
}

/** Collects the unknown fields under `value`, and deletes them from it when `prune` is set. */
function walk(value: unknown, code: string, path: string, out: UnknownField[], prune = false): void {
  if (value === null || value === undefined) return;
  if (code.startsWith('L:')) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, code.slice(2), `${path}[${i}]`, out, prune));
    return;
  }
  if (code.startsWith('M:')) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, code.slice(2), `${path}.${k}`, out, prune);
    }
    return;
  }
  if (!code.startsWith('D:') || !value || typeof value !== 'object' || Array.isArray(value)) return;
  const definition = code.slice(2);
  const props = definitionFields(definition);
  if (!props) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const child = props[k];
    const childPath = path ? `${path}.${k}` : k;
    if (child !== undefined) walk(v, child, childPath, out, prune);
    else if (!isExempt(childPath)) {
      out.push({ path: childPath, name: k, parentPath: path, definition });
      if (prune) delete (value as Record<string, unknown>)[k];
    }
  }
}

/** Lists the fields of `doc` that its kind's schema does not define; empty for kinds without a schema. */
export function findUnknownFields(kind: string, doc: unknown): UnknownField[] {
  const definition = schema.kinds[kind];
  if (!definition) return [];
  const out: UnknownField[] = [];
  walk(doc, `D:${definition}`, '', out);
  return out;
}

/**
 * Deletes the fields of `doc` that its kind's schema does not define, as the
 * API server drops them when it decodes a request without strict field
 * validation (`--validate=warn` or `--validate=false`). Returns them.
 */
export function pruneUnknownFields(kind: string, doc: unknown): UnknownField[] {
  const definition = schema.kinds[kind];
  if (!definition) return [];
  const out: UnknownField[] = [];
  walk(doc, `D:${definition}`, '', out, true);
  return out;
}

/** The server's strict decoding error text (1.25+). */
export function strictDecodingMessage(kind: string, version: string, unknown: UnknownField[]): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((u) => `unknown field "${u.path}"`).join(', ')}`;
}

/** kubectl's client-side validation message (before 1.25), naming the first unknown field. */
export function clientValidationMessage(source: string, kind: string, unknown: UnknownField[]): string {
  const u = unknown[0];
  const parent = u.parentPath ? `${kind}.${u.parentPath.replace(/\[(\d+)\]/g, '[$1]')}` : kind;
  return `error validating "${source}": error validating data: ValidationError(${parent}): unknown field "${u.name}" in ${u.definition}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** Replaces the null items of struct lists under `value`, following the schema code of `value`. */
function fillNulls(value: unknown, code: string): void {
  if (value === null || typeof value !== 'object') return;
  if (code.startsWith('L:')) {
    if (!Array.isArray(value)) return;
    const item = code.slice(2);
    value.forEach((v, i) => {
      if (v === null && item.startsWith('D:')) value[i] = {};
      else fillNulls(v, item);
    });
    return;
  }
  if (code.startsWith('M:')) {
    if (!Array.isArray(value)) for (const v of Object.values(value)) fillNulls(v, code.slice(2));
    return;
  }
  if (!code.startsWith('D:') || Array.isArray(value)) return;
  const props = definitionFields(code.slice(2));
  if (!props) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const child = props[k];
    if (child !== undefined) fillNulls(v, child);
  }
}

/**
 * Replaces each null item of a list of objects in `doc` (a bare `-` under
 * `containers:` in YAML) with an empty object, as the API server's decoder
 * turns it into the item type's zero value. Defaulting and validation then
 * see an empty container or port, and report its missing fields. Lists of
 * strings are left alone. Kinds without a schema are unchanged.
 */
export function fillNullListItems(kind: string, doc: unknown): void {
  // Most writes come from controllers and hold no null list item, which a plain walk finds faster than the schema walk.
  if (!hasNullListItem(doc)) return;
  const definition = schema.kinds[kind];
  if (definition) fillNulls(doc, `D:${definition}`);
}

/** Reports whether any list inside `value` has a null item. */
function hasNullListItem(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (v === null || hasNullListItem(v)) return true;
    return false;
  }
  for (const key in value) if (hasNullListItem((value as Record<string, unknown>)[key])) return true;
  return false;
}
