// Derives src/api/openapi/fields.json from explain-schemas.json: for each
// definition only its field names and what each field holds (another
// definition, a list of one, a map, or a scalar), so strict field
// validation can walk manifests without loading the descriptions.
import { readFileSync, writeFileSync } from 'node:fs';

const source = JSON.parse(readFileSync(new URL('../src/api/openapi/explain-schemas.json', import.meta.url), 'utf8'));
const PREFIX = '#/components/schemas/';

function refOf(schema) {
  if (!schema) return undefined;
  if (schema.$ref) return schema.$ref.slice(PREFIX.length);
  if (schema.allOf?.length === 1 && schema.allOf[0].$ref) return schema.allOf[0].$ref.slice(PREFIX.length);
  return undefined;
}

/** Encodes a field: "D:<def>" object, "L:<code>" list of, "M:<code>" map of, "S" anything else. */
function encode(schema) {
  const ref = refOf(schema);
  if (ref) {
    const target = source.schemas[ref];
    return target?.properties ? `D:${ref}` : 'S';
  }
  if (schema?.type === 'array') return `L:${encode(schema.items)}`;
  if (schema?.type === 'object' && schema.additionalProperties) return `M:${encode(schema.additionalProperties)}`;
  return 'S';
}

const definitions = {};
for (const [name, schema] of Object.entries(source.schemas)) {
  if (!schema.properties) continue;
  definitions[name] = Object.fromEntries(Object.entries(schema.properties).map(([field, s]) => [field, encode(s)]));
}
// The preferred version of a kind comes first in the source list.
const kinds = {};
for (const k of source.kinds) kinds[k.kind] ??= k.definition;
const out = JSON.stringify({ kinds, definitions }) + '\n';
const target = new URL('../src/api/openapi/fields.json', import.meta.url);
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== out) {
    console.error('src/api/openapi/fields.json is stale; run node scripts/gen-field-schema.mjs');
    process.exit(1);
  }
} else writeFileSync(target, out);
