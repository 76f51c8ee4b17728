/**
 * `kubectl explain` for kubesim: documentation of the served kinds and
 * their fields, printed from the official Kubernetes OpenAPI schema exactly
 * as kubectl v1.32 prints it.
 */
import { explainSchemaData, type ExplainKind, type OpenApiSchema } from './explain-schema.js';
import { createSchemaResolver, renderSchemaPath } from './explain-render.js';
import { lookupFieldV2, renderSchemaV2 } from './explain-render-v2.js';

export { explainKinds, type ExplainKind } from './explain-schema.js';

/** Options of `kubectl explain`. */
export interface ExplainOptions {
  /** Print only the field tree, without descriptions (`--recursive`). */
  recursive?: boolean;
  /** `--api-version`: group/version (or `v1` for the core group) to explain instead of the preferred one. */
  apiVersion?: string;
  /** `--output`; kubectl's default is `plaintext`. */
  output?: 'plaintext' | 'plaintext-openapiv2';
}

/**
 * Error of a failed explain, after which kubectl exits 1. `message` is the
 * exact line kubectl writes to stderr. `output` is what kubectl has already
 * written to stdout by then: the KIND/VERSION header when a field does not
 * exist, '' otherwise.
 */
export class ExplainError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
    this.name = 'ExplainError';
  }
}

function groupVersionString(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

function matchesResource(k: ExplainKind, name: string): boolean {
  return k.resource === name || k.kind.toLowerCase() === name || k.shortNames.includes(name);
}

/**
 * Finds the kind a command-line resource name means: plural, singular, kind
 * or short name, case-insensitive; without --api-version the group's
 * preferred version wins.
 */
export function findExplainKind(resource: string, apiVersion?: string): ExplainKind {
  const name = resource.toLowerCase();
  const candidates = explainSchemaData.kinds.filter((k) => matchesResource(k, name));
  if (candidates.length === 0) throw new ExplainError(`the server doesn't have a resource type "${resource}"`);
  if (!apiVersion) return candidates[0];

  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const match = candidates.find((k) => k.group === group && k.version === version);
  if (match) return match;
  const gvr = `${group}/${version}, Resource=${candidates[0].resource}`;
  const served = explainSchemaData.kinds.some((k) => k.group === group && k.version === version);
  // kubectl looks the group/version up in the OpenAPI index first, then the resource's paths in it.
  if (!served) throw new ExplainError(`error: couldn't find resource for "${gvr}"`);
  throw new ExplainError(`error: GVR (${gvr}) not found in OpenAPI schema`);
}

function findKindSchema(kind: ExplainKind): OpenApiSchema {
  const schema = Object.values(explainSchemaData.schemas).find((s) =>
    s['x-kubernetes-group-version-kind']?.some((g) => g.group === kind.group && g.version === kind.version && g.kind === kind.kind),
  );
  if (!schema) throw new ExplainError(`error: GVK ${groupVersionString(kind.group, kind.version)}, Kind=${kind.kind} not found in OpenAPI schema`);
  return schema;
}

/**
 * Explains `path` (`TYPE[.field[.field...]]`, e.g. `deployment.spec.strategy`)
 * and returns kubectl's stdout text, ending in its trailing blank line.
 * Throws ExplainError with kubectl's message for an unknown type, an unknown
 * field or an unserved --api-version.
 */
export function explain(path: string, opts: ExplainOptions = {}): string {
  const output: string = opts.output ?? 'plaintext';
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') {
    throw new ExplainError(`error: unrecognized format: ${output}`);
  }
  const [resource, ...fieldPath] = path.split('.');
  const kind = findExplainKind(resource, opts.apiVersion);
  const schema = findKindSchema(kind);
  const resolve = createSchemaResolver(explainSchemaData.schemas);

  if (output === 'plaintext-openapiv2') {
    const found = lookupFieldV2(schema, fieldPath, resolve);
    if (!found.schema) throw new ExplainError(`error: field "${found.missing}" does not exist`);
    const header = `KIND:     ${kind.kind}\nVERSION:  ${groupVersionString(kind.group, kind.version)}\n\n`;
    return header + renderSchemaV2(found.schema, fieldPath[fieldPath.length - 1] ?? '', opts.recursive ?? false, resolve);
  }

  let header = kind.group ? `GROUP:      ${kind.group}\n` : '';
  header += `KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`;
  const ctx = { resolve, recursive: opts.recursive ?? false };
  const body = renderSchemaPath(schema, fieldPath, new Set(), ctx);
  if (!body) {
    // kubectl names the last element of the path, whichever element is missing.
    const lastField = fieldPath[fieldPath.length - 1];
    throw new ExplainError(`error: field "${lastField}" does not exist`, header);
  }
  return header + body + '\n';
}
