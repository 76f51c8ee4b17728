/**
 * Renders `kubectl explain --output=plaintext-openapiv2`, the format kubectl
 * printed before OpenAPI v3 (and the only one of kubectl 1.15): 5-space
 * description indents, RESOURCE/FIELD lines, whitespace-collapsing word wrap
 * at 80 columns, and primitive type names for IntOrString, Quantity and Time.
 */
import type { OpenApiSchema } from './explain-schema.js';
import type { SchemaResolver } from './explain-render.js';

const WRAP = 80;
const FIELD_INDENT = 3;
const DESCRIPTION_INDENT = 5;
const RECURSIVE_INDENT = 3;

/** The reference a property stands for: a bare $ref, or the single allOf wrapper OpenAPI v3 uses. */
function refOf(schema: OpenApiSchema): string | undefined {
  if (schema.$ref) return schema.$ref;
  if (schema.allOf?.length === 1 && !schema.properties) return schema.allOf[0].$ref;
  return undefined;
}

function mapValues(schema: OpenApiSchema): OpenApiSchema | undefined {
  const ap = schema.additionalProperties;
  return ap && typeof ap === 'object' ? ap : undefined;
}

/**
 * Splits text into lines of at most `limit` bytes on any whitespace (newlines
 * included, as kubectl's old wrapper does); a longer word gets its own line.
 */
export function wrapWords(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let length = -1;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordLength = Buffer.byteLength(word);
    if (line.length > 0 && length + 1 + wordLength > limit) {
      lines.push(line.join(' '));
      line = [];
      length = -1;
    }
    line.push(word);
    length += 1 + wordLength;
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines;
}

function writeWrapped(text: string, indent: number): string {
  return wrapWords(text, WRAP - indent)
    .map((l) => ' '.repeat(indent) + l + '\n')
    .join('');
}

/** Type names as the OpenAPI v2 printer shows them: Object, []Object, map[string]string, string. */
export function typeNameV2(schema: OpenApiSchema, resolve: SchemaResolver): string {
  const ref = refOf(schema);
  if (ref) {
    const target = resolve(ref);
    return target ? typeNameV2(target, resolve) : 'Object';
  }
  if (schema.items) return '[]' + typeNameV2(schema.items, resolve);
  const values = mapValues(schema);
  if (values) return 'map[string]' + typeNameV2(values, resolve);
  if (schema.properties) return 'Object';
  // OpenAPI v2 publishes IntOrString and Quantity as strings.
  if (schema.oneOf) return 'string';
  // NOTE: an object without properties is an arbitrary map in the v2 model; "map[string]" is from memory of old kubectl output, not checked against kubectl.
  if (schema.type === 'object') return 'map[string]';
  return schema.type ?? 'Object';
}

interface LeafView {
  descriptions: string[];
  type: string;
  kind?: OpenApiSchema;
}

/** Walks references, arrays and maps down to the object or primitive they hold, collecting descriptions. */
function viewLeaf(schema: OpenApiSchema, resolve: SchemaResolver): LeafView {
  const descriptions: string[] = [];
  let type = '';
  let s: OpenApiSchema | undefined = schema;
  while (s) {
    const ref = refOf(s);
    if (ref) {
      descriptions.push(s.description ?? '');
      s = resolve(ref);
      continue;
    }
    const values = mapValues(s);
    if (s.items || values) {
      descriptions.push(s.description ?? '');
      if (!type) type = typeNameV2(s, resolve);
      s = s.items ?? values;
      continue;
    }
    if (!type) type = typeNameV2(s, resolve);
    descriptions.push(s.description ?? '');
    return { descriptions, type, kind: s.properties ? s : undefined };
  }
  return { descriptions, type: type || 'Object' };
}

function renderDescriptions(descriptions: string[]): string {
  let out = 'DESCRIPTION:\n';
  let empty = true;
  for (const [i, description] of descriptions.entries()) {
    if (!description) continue;
    empty = false;
    if (i !== 0) out += '\n';
    out += writeWrapped(description, DESCRIPTION_INDENT);
  }
  if (empty) out += writeWrapped('<empty>', DESCRIPTION_INDENT);
  return out;
}

function renderFields(kind: OpenApiSchema, resolve: SchemaResolver): string {
  let out = '';
  for (const name of Object.keys(kind.properties ?? {}).sort()) {
    const field = kind.properties![name];
    const required = kind.required?.includes(name) ? ' -required-' : '';
    out += ' '.repeat(FIELD_INDENT) + `${name}\t<${typeNameV2(field, resolve)}>${required}\n`;
    out += writeWrapped(field.description ?? '', FIELD_INDENT + 2) + '\n';
  }
  return out;
}

/** Field names only, nested by 3 spaces, without re-entering a type already open on the current path. */
function renderFieldTree(schema: OpenApiSchema, indent: number, open: ReadonlySet<string>, resolve: SchemaResolver): string {
  const ref = refOf(schema);
  if (ref) {
    if (open.has(ref)) return '';
    const target = resolve(ref);
    return target ? renderFieldTree(target, indent, new Set(open).add(ref), resolve) : '';
  }
  const inner = schema.items ?? mapValues(schema);
  if (inner) return renderFieldTree(inner, indent, open, resolve);
  let out = '';
  for (const name of Object.keys(schema.properties ?? {}).sort()) {
    const field = schema.properties![name];
    out += ' '.repeat(indent) + `${name}\t<${typeNameV2(field, resolve)}>\n`;
    out += renderFieldTree(field, indent + RECURSIVE_INDENT, open, resolve);
  }
  return out;
}

/** Finds the schema a field path names, or undefined with the first missing field. */
export function lookupFieldV2(
  schema: OpenApiSchema,
  fieldPath: readonly string[],
  resolve: SchemaResolver,
): { schema?: OpenApiSchema; missing?: string } {
  let s: OpenApiSchema | undefined = schema;
  const path = [...fieldPath];
  while (s && path.length > 0) {
    const ref = refOf(s);
    if (ref) {
      s = resolve(ref);
      continue;
    }
    const inner = s.items ?? mapValues(s);
    if (inner) {
      s = inner;
      continue;
    }
    const next: OpenApiSchema | undefined = s.properties?.[path[0]];
    if (!next) return { missing: path[0] };
    path.shift();
    s = next;
  }
  return { schema: s };
}

/**
 * Renders the body below the KIND/VERSION header for `schema`, the kind's
 * schema or the field reached by the path; `name` is the field name, '' for
 * the kind itself.
 */
export function renderSchemaV2(schema: OpenApiSchema, name: string, recursive: boolean, resolve: SchemaResolver): string {
  const leaf = viewLeaf(schema, resolve);
  if (!leaf.kind) return `FIELD:    ${name} <${leaf.type}>\n\n` + renderDescriptions(leaf.descriptions);
  let out = name ? `RESOURCE: ${name} <${leaf.type}>\n\n` : '';
  out += renderDescriptions(leaf.descriptions) + '\nFIELDS:\n';
  if (recursive) return out + renderFieldTree(leaf.kind, FIELD_INDENT, new Set(), resolve);
  return out + renderFields(leaf.kind, resolve);
}
