/**
 * One object in a kustomize build, with the history kustomize keeps so that
 * references to an object's old names can follow it when it is renamed.
 */

/** An object being built, with every name it has had (first the original). */
export interface KResource {
  obj: Record<string, any>;
  /** Names the object had before prefixes, suffixes and hashes; the last is the current one. */
  names: string[];
  /** Whether the build appends the content hash to the name (generated ConfigMaps and Secrets). */
  hashSuffix?: boolean;
}

/** Returns the API group of an apiVersion (`apps/v1`: `apps`; `v1`: the core group, ""). */
export function groupOf(apiVersion: unknown): string {
  const text = String(apiVersion ?? '');
  return text.includes('/') ? text.slice(0, text.indexOf('/')) : '';
}

/** Returns the version of an apiVersion (`apps/v1`: `v1`). */
export function versionOf(apiVersion: unknown): string {
  const text = String(apiVersion ?? '');
  return text.includes('/') ? text.slice(text.indexOf('/') + 1) : text;
}

/** Renames a resource, keeping its old names for reference updates. */
export function renameResource(r: KResource, name: string): void {
  r.obj.metadata.name = name;
  if (r.names.at(-1) !== name) r.names.push(name);
}

/** Returns kustomize's id of a resource in messages: `Deployment.v1.apps/web.[noNs]`. */
export function describeId(obj: Record<string, any>): string {
  const group = groupOf(obj.apiVersion);
  const gvk = `${obj.kind}.${versionOf(obj.apiVersion)}${group ? `.${group}` : ''}`;
  return `${gvk}/${obj.metadata?.name}.${obj.metadata?.namespace || '[noNs]'}`;
}

/**
 * Walks a slash-separated field path through maps and lists (a list applies
 * the rest of the path to each item), calling `visit` with the parent map
 * and key of each field found. With `create`, missing maps on the way are
 * created (but never inside lists).
 */
export function visitPath(obj: any, path: string[], create: boolean, visit: (parent: any, key: string) => void): void {
  if (obj === null || typeof obj !== 'object') return;
  if (Array.isArray(obj)) {
    for (const item of obj) visitPath(item, path, false, visit);
    return;
  }
  const [head, ...rest] = path;
  if (rest.length === 0) {
    visit(obj, head);
    return;
  }
  if (obj[head] === undefined || obj[head] === null) {
    if (!create) return;
    obj[head] = {};
  }
  visitPath(obj[head], rest, create, visit);
}
