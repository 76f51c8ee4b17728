/**
 * The OpenAPI v3 schema data behind `kubesim explain`: the kinds kubesim
 * serves and the component schemas they reference, generated from the
 * official Kubernetes schema by scripts/gen-explain-schemas.mjs.
 *
 * The data is about 450 KB, so it is read from disk when the explain verb
 * first needs it rather than bundled into the CLI, whose start-up would
 * otherwise parse it on every command. The build copies the file to
 * dist/openapi/, the same path relative to the bundle as to this module.
 */
import { readFileSync } from 'node:fs';

/** One served kind, as API discovery describes it. */
export interface ExplainKind {
  /** API group, '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, as used on the command line and in URLs. */
  resource: string;
  namespaced: boolean;
  shortNames: string[];
  /** Name of the component schema, e.g. io.k8s.api.apps.v1.Deployment. */
  definition: string;
}

/** A component schema or property schema, in the subset of OpenAPI v3 the API server emits. */
export interface OpenApiSchema {
  description?: string;
  type?: string;
  format?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  $ref?: string;
  default?: unknown;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

/** The generated data set: where it came from, the kinds, and the component schemas by name. */
export interface ExplainSchemaData {
  source: string;
  kinds: ExplainKind[];
  schemas: Record<string, OpenApiSchema>;
}

/** The schema data, read when this module is first loaded (only the explain verb loads it). */
export const explainSchemaData = JSON.parse(readFileSync(new URL('./openapi/explain-schemas.json', import.meta.url), 'utf8')) as ExplainSchemaData;

/**
 * Kinds that `kubesim explain` documents, with group, version and resource
 * names, in discovery order (a group's preferred version first). The resource
 * registry can compare its own list against this one.
 */
export const explainKinds: readonly ExplainKind[] = explainSchemaData.kinds;
