/**
 * Encodes kubesim's explain schema data as the protobuf OpenAPI v2 document
 * (gnostic's openapi.v2.Document) that kubectl fetches for
 * `--output=plaintext-openapiv2`. Test-only: it exists so the golden tests
 * can let the real kubectl render the v2 format from the same data.
 */
import type { ExplainSchemaData, OpenApiSchema } from '../../../src/api/explain-schema.js';

/** Content type of the protobuf document, in the spelling Go's MIME parser accepts. */
export const OPENAPI_V2_PROTO = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

/** Encodes a length-delimited field (wire type 2): a string or a nested message. */
function field(num: number, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([Buffer.from(varint((num << 3) | 2)), Buffer.from(varint(body.length)), body]);
}

function message(...parts: (Buffer | undefined)[]): Buffer {
  return Buffer.concat(parts.filter((p): p is Buffer => p !== undefined));
}

/** gnostic Any with a YAML value (JSON is valid YAML). */
function anyYaml(value: unknown): Buffer {
  return field(2, JSON.stringify(value));
}

function namedAny(name: string, value: unknown): Buffer {
  return message(field(1, name), field(2, anyYaml(value)));
}

function toV2Ref(ref: string): string {
  return ref.replace('#/components/schemas/', '#/definitions/');
}

/** Converts one OpenAPI v3 schema of the data set to a gnostic v2 Schema message. */
function encodeSchema(s: OpenApiSchema): Buffer {
  const parts: Buffer[] = [];
  const ref = s.$ref ?? (s.allOf?.length === 1 && !s.properties ? s.allOf[0].$ref : undefined);
  if (ref) parts.push(field(1, toV2Ref(ref)));
  if (s.format) parts.push(field(2, s.format));
  if (s.description) parts.push(field(4, s.description));
  for (const name of s.required ?? []) parts.push(field(19, name));
  for (const value of s.enum ?? []) parts.push(field(20, anyYaml(value)));
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    parts.push(field(21, field(1, encodeSchema(s.additionalProperties))));
  }
  // OpenAPI v2 publishes IntOrString and Quantity as plain strings.
  if (s.oneOf) parts.push(field(22, field(1, 'string')));
  else if (!ref && s.type) parts.push(field(22, field(1, s.type)));
  if (s.items) parts.push(field(23, field(1, encodeSchema(s.items))));
  if (s.properties) {
    const named = Object.entries(s.properties).map(([name, sub]) => field(1, message(field(1, name), field(2, encodeSchema(sub)))));
    parts.push(field(25, message(...named)));
  }
  const gvk = s['x-kubernetes-group-version-kind'];
  if (gvk) parts.push(field(31, namedAny('x-kubernetes-group-version-kind', gvk)));
  return message(...parts);
}

/** Builds the whole v2 document: definitions only, which is all kubectl explain reads. */
export function encodeOpenApiV2(data: ExplainSchemaData): Buffer {
  const definitions = Object.entries(data.schemas).map(([name, schema]) =>
    field(1, message(field(1, name), field(2, encodeSchema(schema)))),
  );
  const info = message(field(1, 'Kubernetes'), field(2, 'v1.32.0'));
  return message(field(1, '2.0'), field(2, info), field(8, Buffer.alloc(0)), field(9, message(...definitions)));
}
