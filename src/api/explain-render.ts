/**
 * Renders one kind's OpenAPI v3 schema the way kubectl v1.32 prints
 * `kubectl explain` in its default `plaintext` format. The field path is
 * followed through properties, array items, map values and allOf wrappers.
 * Then the description and the field list (or the recursive field tree) are
 * printed.
 */
import type { OpenApiSchema } from './explain-schema.js';
import { indentText, wrapText } from './explain-wrap.js';

const REF_PREFIX = '#/components/schemas/';

/** Looks up `$ref` targets among the component schemas. */
export type SchemaResolver = (ref: string | undefined) => OpenApiSchema | undefined;

/** Builds a resolver over a set of component schemas keyed by definition name. */
export function createSchemaResolver(schemas: Record<string, OpenApiSchema>): SchemaResolver {
  return (ref) => (ref?.startsWith(REF_PREFIX) ? schemas[ref.slice(REF_PREFIX.length)] : undefined);
}

function mapValues(schema: OpenApiSchema): OpenApiSchema | undefined {
  const ap = schema.additionalProperties;
  return ap && typeof ap === 'object' ? ap : undefined;
}

/** Returns the short type hint kubectl shows in angle brackets: string, Object, []Container, map[string]string. */
export function guessType(schema: OpenApiSchema, resolve: SchemaResolver): string {
  if (schema.items) return '[]' + guessType(schema.items, resolve);
  const values = mapValues(schema);
  if (values) return 'map[string]' + guessType(values, resolve);
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return guessType(schema.allOf[0], resolve);
  if (schema.$ref) {
    const target = resolve(schema.$ref);
    // A reference names its type only when the target is an object or has no single type.
    if (!target || !target.type || target.type === 'object') {
      const name = schema.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return target.type;
  }
  if (schema.type === 'object') return 'Object';
  return schema.type || 'Object';
}

/** Enum values, inline after the field line (`enum: A, B, ....`) or as an ENUM block for a single field. */
function renderEnum(schema: OpenApiSchema, longView: boolean, indent: number): string {
  if (!schema.enum?.length) return '';
  const limit = longView ? -1 : 4;
  let out = longView ? 'ENUM:' : '\n' + ' '.repeat(indent) + 'enum: ';
  for (const [i, value] of schema.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += value === '' ? '""' : value;
  }
  return out;
}

/** Joins the description of a schema and those of what it wraps: referenced type, array items, map values. */
function collectDescription(schema: OpenApiSchema, resolve: SchemaResolver): string {
  const s = resolve(schema.$ref) ?? schema;
  let out = s.description ? s.description + '\n' : '';
  for (const sub of s.allOf ?? []) out += collectDescription(sub, resolve);
  if (s.items) out += collectDescription(s.items, resolve);
  const values = mapValues(s);
  if (values) out += collectDescription(values, resolve);
  return out;
}

interface RenderContext {
  resolve: SchemaResolver;
  recursive: boolean;
}

function renderField(name: string, parent: OpenApiSchema, level: number, ctx: RenderContext): string {
  const indent = level * 2;
  const field = parent.properties![name];
  let out = ' '.repeat(indent) + name + '\t<' + guessType(field, ctx.resolve) + '>';
  if (parent.required?.includes(name)) out += ' -required-';
  out += renderEnum(field, false, indent) + '\n';
  if (!ctx.recursive) {
    out += indentText(indent + 2, wrapText(field.description || '<no description>', 78 - indent)) + '\n\n';
  }
  return out;
}

/**
 * Lists the fields of a schema, sorted by name. In recursive mode each field
 * is followed by its own fields one level deeper. A type already being
 * expanded on the current path is not expanded again, so cycles end.
 */
function renderFieldList(schema: OpenApiSchema, level: number, seen: ReadonlySet<string>, ctx: RenderContext): string {
  const ref = schema.$ref ?? '';
  if (ref && seen.has(ref)) return '';
  const nextSeen = new Set(seen).add(ref);
  const s = ctx.resolve(ref) ?? schema;
  let out = '';
  for (const name of Object.keys(s.properties ?? {}).sort()) {
    out += renderField(name, s, level, ctx);
    if (ctx.recursive) out += renderFieldList(s.properties![name], level + 1, nextSeen, ctx);
  }
  for (const sub of s.allOf ?? []) out += renderFieldList(sub, level, nextSeen, ctx);
  if (s.items) out += renderFieldList(s.items, level, nextSeen, ctx);
  const values = mapValues(s);
  if (values) out += renderFieldList(values, level, nextSeen, ctx);
  return out;
}

/**
 * Follows `fieldPath` from `schema` and renders what it reaches, or returns
 * '' when the path leads nowhere (the caller reports the missing field).
 */
export function renderSchemaPath(
  schema: OpenApiSchema,
  fieldPath: readonly string[],
  seen: ReadonlySet<string>,
  ctx: RenderContext,
): string {
  const ref = schema.$ref ?? '';
  const nextSeen = new Set(seen).add(ref);
  const s = ctx.resolve(ref) ?? schema;

  if (fieldPath.length === 0) {
    const description = collectDescription(s, ctx.resolve) || '<empty>';
    let out = 'DESCRIPTION:\n' + indentText(4, wrapText(description, 76)) + '\n';
    const fields = renderFieldList(s, 1, new Set(), ctx);
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && seen.has(ref)) return '';

  const [first, ...rest] = fieldPath;
  const sub = s.properties?.[first];
  if (sub) {
    let out = '';
    if (rest.length === 0) {
      out += `FIELD: ${first} <${guessType(sub, ctx.resolve)}>\n` + renderEnum(sub, true, 0) + '\n\n';
    }
    return out + renderSchemaPath(sub, rest, new Set(), ctx);
  }
  if (s.items) return renderSchemaPath(s.items, fieldPath, nextSeen, ctx);
  const values = mapValues(s);
  if (values) return renderSchemaPath(values, fieldPath, nextSeen, ctx);
  for (const alt of s.allOf ?? []) {
    const out = renderSchemaPath(alt, fieldPath, nextSeen, ctx);
    if (out) return out;
  }
  return '';
}
