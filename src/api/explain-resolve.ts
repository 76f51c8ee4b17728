/**
 * Resolves the argument of `kubectl explain` (`TYPE[.group][.field...]`) and
 * `--api-version` to a served kind and a field path, with kubectl v1.32's
 * rules and error messages.
 */
import { explainSchemaData, type ExplainKind } from './explain-schema.js';

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

/** Kind and field path that an explain argument names. */
export interface ExplainTarget {
  kind: ExplainKind;
  fieldPath: string[];
}

const FIRST_NODE_ERROR = 'error: invalid jsonpath syntax, first node must be field node';
const ALL_NODES_ERROR = 'error: invalid jsonpath syntax, all nodes must be field nodes';

function matchesResource(k: ExplainKind, name: string): boolean {
  return k.resource === name || k.kind.toLowerCase() === name || k.shortNames.includes(name);
}

/**
 * Finds the kinds a command-line resource name can mean: plural, singular,
 * kind or short name, case-insensitive. The group's preferred version comes
 * first.
 */
export function findExplainKinds(resource: string): ExplainKind[] {
  const name = resource.toLowerCase();
  const candidates = explainSchemaData.kinds.filter((k) => matchesResource(k, name));
  if (candidates.length === 0) throw new ExplainError(`the server doesn't have a resource type "${resource}"`);
  return candidates;
}

function checkFieldNodes(fieldPath: string[], message: string): string[] {
  if (fieldPath.some((f) => f === '')) throw new ExplainError(message);
  return fieldPath;
}

/**
 * Picks the kind whose `resource.group` prefixes the argument, so
 * `deployments.apps.spec` means apps Deployments and field `spec`. Without
 * such a prefix the preferred kind is used and every later part is a field.
 */
function resolveByPrefix(input: string, parts: string[], candidates: ExplainKind[]): ExplainTarget {
  for (const kind of candidates) {
    const groupResource = kind.group ? `${kind.resource}.${kind.group}` : kind.resource;
    if (!input.startsWith(groupResource)) continue;
    const suffix = input.slice(groupResource.length);
    // kubectl drops the first node of the suffix, whether it is the empty one before a dot or not.
    const fieldPath = suffix ? suffix.split('.').slice(1) : [];
    return { kind, fieldPath: checkFieldNodes(fieldPath, FIRST_NODE_ERROR) };
  }
  return { kind: candidates[0], fieldPath: checkFieldNodes(parts.slice(1), FIRST_NODE_ERROR) };
}

function resolveWithApiVersion(
  parts: string[],
  candidates: ExplainKind[],
  apiVersion: string,
  openApiV2: boolean,
): ExplainTarget {
  const fieldPath = checkFieldNodes(parts.slice(1), ALL_NODES_ERROR);
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const kind = candidates.find((k) => k.group === group && k.version === version);
  if (kind) return { kind, fieldPath };

  if (openApiV2) {
    // The v2 printer looks the kind up by group, version and kind.
    throw new ExplainError(`error: couldn't find resource for "${group}/${version}, Kind=${candidates[0].kind}"`);
  }
  const gvr = `${group}/${version}, Resource=${candidates[0].resource}`;
  const served = explainSchemaData.kinds.some((k) => k.group === group && k.version === version);
  // The v3 printer looks the group/version up in the OpenAPI index first, then the resource's paths in it.
  if (!served) throw new ExplainError(`error: couldn't find resource for "${gvr}"`);
  throw new ExplainError(`error: GVR (${gvr}) not found in OpenAPI schema`);
}

/**
 * Resolves an explain argument to a kind and field path. One trailing dot is
 * ignored. Throws ExplainError with kubectl's message for an unknown type, an
 * empty path element or a group/version that does not serve the type.
 */
export function resolveExplainTarget(path: string, apiVersion: string | undefined, openApiV2: boolean): ExplainTarget {
  const input = path.endsWith('.') ? path.slice(0, -1) : path;
  const parts = input.split('.');
  if (parts[0] === '') throw new ExplainError(FIRST_NODE_ERROR);
  const candidates = findExplainKinds(parts[0]);
  if (apiVersion) return resolveWithApiVersion(parts, candidates, apiVersion, openApiV2);
  return resolveByPrefix(input, parts, candidates);
}
