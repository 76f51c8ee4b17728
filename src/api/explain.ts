/**
 * `kubectl explain` for kubesim: documentation of the served kinds and
 * their fields, printed from the official Kubernetes OpenAPI schema exactly
 * as kubectl v1.32 prints it.
 */
import { explainSchemaData, type ExplainKind, type OpenApiSchema } from './explain-schema.js';
import { ExplainError, resolveExplainTarget } from './explain-resolve.js';
import { createSchemaResolver, renderSchemaPath } from './explain-render.js';
import { lookupFieldV2, renderSchemaV2 } from './explain-render-v2.js';

export { explainKinds, type ExplainKind } from './explain-schema.js';
export { ExplainError, findExplainKinds } from './explain-resolve.js';

/** Options of `kubectl explain`. */
export interface ExplainOptions {
  /** Print only the field tree, without descriptions (`--recursive`). */
  recursive?: boolean;
  /** `--api-version`: group/version (or `v1` for the core group) to explain instead of the preferred one. */
  apiVersion?: string;
  /** `--output`; kubectl's default is `plaintext`. */
  output?: 'plaintext' | 'plaintext-openapiv2';
}

function groupVersionString(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

function findKindSchema(kind: ExplainKind): OpenApiSchema {
  const schema = Object.values(explainSchemaData.schemas).find((s) =>
    s['x-kubernetes-group-version-kind']?.some((g) => g.group === kind.group && g.version === kind.version && g.kind === kind.kind),
  );
  if (!schema) throw new ExplainError(`error: GVK ${groupVersionString(kind.group, kind.version)}, Kind=${kind.kind} not found in OpenAPI schema`);
  return schema;
}

/**
 * Explains `path` (`TYPE[.group][.field...]`, e.g. `deployment.spec.strategy`
 * or `deployments.apps.spec`) and returns kubectl's stdout text, ending in its
 * trailing blank line. Throws ExplainError with kubectl's message for an
 * unknown type, an unknown field, a malformed path, an unserved
 * --api-version or an unknown output format.
 */
export function explain(path: string, opts: ExplainOptions = {}): string {
  const output: string = opts.output ?? 'plaintext';
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') {
    throw new ExplainError(`error: unrecognized format: ${output}`);
  }
  const { kind, fieldPath } = resolveExplainTarget(path, opts.apiVersion, output === 'plaintext-openapiv2');
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
