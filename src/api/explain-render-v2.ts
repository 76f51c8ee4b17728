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

const BULLET = /^(\d+\.?|-|\*)\s/;

/** Tells whether a source line starts a new output line instead of joining the previous one. */
function startsNewLine(lastWord: string, line: string): boolean {
  if (lastWord.endsWith(':')) return true;
  const trimmed = line.trim();
  return trimmed.length === 0 || BULLET.test(trimmed);
}

/**
 * Splits text into lines of at most `limit` bytes the way kubectl's OpenAPI
 * v2 printer does. Source lines are joined, except after a colon, before a
 * list item and at a blank line. A line indented by 4 spaces is kept as it
 * is. A blank line is kept only once some output line is complete, and a
 * longer word gets its own line.
 */
export function wrapWords(text: string, limit: number): string[] {
  const lines: string[] = [];
  let words: string[] = [];
  let length = -1;
  let lastWord = '';
  const flush = () => {
    if (words.length === 0) return;
    lines.push(words.join(' '));
    words = [];
    length = -1;
    lastWord = '';
  };

  for (const source of text.split('\n')) {
    if (lines.length > 0 && source.trim().length === 0) {
      flush();
      lines.push('');
      continue;
    }
    if (source.startsWith('    ')) {
      // An indented block is kept verbatim on its own line.
      flush();
      lines.push(source);
      continue;
    }
    if (startsNewLine(lastWord, source)) flush();
    for (const word of source.split(/\s+/).filter(Boolean)) {
      lastWord = word;
      const wordLength = Buffer.byteLength(word);
      if (words.length > 0 && length + 1 + wordLength > limit) flush();
      words.push(word);
      length += 1 + wordLength;
    }
  }
  flush();
  return lines;
}

function writeWrapped(text: string, indent: number): string {
  return wrapWords(text, WRAP - indent)
    .map((l) => (l ? ' '.repeat(indent) + l : '') + '\n')
    .join('');
}

/** Returns the type name the OpenAPI v2 printer shows: Object, []Object, map[string]string, string. */
export function typeNameV2(schema: OpenApiSchema, resolve: SchemaResolver): string {
  const ref = refOf(schema);
  if (ref) {
    const target = resolve(ref);
    return target ? typeNameV2(target, resolve) : 'Object';
  }
  if (schema.items) return '[]' + typeNameV2(schema.items, resolve);
  const values = mapValues(schema);
  if (values) return 'map[string]' + typeNameV2(values, resolve);
  if (schema.properties || schema.type === 'object') return 'Object';
  // OpenAPI v2 publishes IntOrString and Quantity as strings.
  if (schema.oneOf) return 'string';
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
    const isObject = s.properties !== undefined || s.type === 'object';
    return { descriptions, type, kind: isObject ? s : undefined };
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

/**
 * Finds the schema a field path names, or returns the first missing field.
 * Like kubectl, a map consumes one path element as its key.
 */
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
    if (s.items) {
      s = s.items;
      continue;
    }
    const values = mapValues(s);
    if (values) {
      // Any key of a map names its value type.
      path.shift();
      s = values;
      continue;
    }
    // kubectl stops at a primitive and ignores the rest of the path.
    if (!s.properties && s.type !== 'object') break;
    const next: OpenApiSchema | undefined = s.properties?.[path[0]];
    if (!next) return { missing: path[0] };
    path.shift();
    s = next;
  }
  return { schema: s };
}

/**
 * Renders the body below the KIND/VERSION header. `schema` is the kind's
 * schema or the field reached by the path, and `name` is that field's name
 * ('' for the kind itself).
 */
export function renderSchemaV2(schema: OpenApiSchema, name: string, recursive: boolean, resolve: SchemaResolver): string {
  const leaf = viewLeaf(schema, resolve);
  if (!leaf.kind) return `FIELD:    ${name} <${leaf.type}>\n\n` + renderDescriptions(leaf.descriptions);
  let out = name ? `RESOURCE: ${name} <${leaf.type}>\n\n` : '';
  out += renderDescriptions(leaf.descriptions) + '\nFIELDS:\n';
  if (recursive) return out + renderFieldTree(leaf.kind, FIELD_INDENT, new Set(), resolve);
  return out + renderFields(leaf.kind, resolve);
}
