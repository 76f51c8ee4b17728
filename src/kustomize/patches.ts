/**
 * patches, patchesStrategicMerge and patchesJson6902: strategic merge
 * patches and JSON 6902 patches, found by the patch's own id or by a target
 * selector, applied with the same patch code `kubectl patch` uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, CommandFailedError } from '../api/errors.js';
import { jsonPatch, strategicMergePatch } from '../api/patch.js';
import { matches, parseSelector } from '../api/selectors.js';
import { parseManifestText } from '../commands/shared/manifests.js';
import { missingPathMessage, outsideRootMessage } from './kustomization.js';
import { describeId, groupOf, versionOf, type KResource } from './resource.js';

/** kustomize's patch target selector. */
interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** Returns whether a target's string field matches. An unset field matches anything, a set one is an anchored regular expression. */
function fieldMatches(pattern: string | undefined, ...values: string[]): boolean {
  if (pattern === undefined || pattern === '') return true;
  const re = new RegExp(`^(?:${pattern})$`);
  return values.some((v) => re.test(v));
}

/** Returns whether a resource is selected by a patch target. */
function selects(t: Target, r: KResource): boolean {
  const { obj } = r;
  return fieldMatches(t.group, groupOf(obj.apiVersion))
    && fieldMatches(t.version, versionOf(obj.apiVersion))
    && fieldMatches(t.kind, obj.kind)
    && fieldMatches(t.name, ...r.names)
    && fieldMatches(t.namespace, obj.metadata.namespace ?? '')
    && (!t.labelSelector || matches(parseSelector(t.labelSelector), obj.metadata.labels))
    && (!t.annotationSelector || matches(parseSelector(t.annotationSelector), obj.metadata.annotations));
}

/** Reads a patch given inline or by path, relative to the kustomization's directory. */
async function readPatchDocs(dir: string, entry: { path?: string; patch?: string }, restrict: boolean): Promise<unknown[]> {
  if (typeof entry.patch === 'string') return (await parseManifestText(entry.patch, 'patch')).map((d) => d.doc);
  if (typeof entry.path !== 'string') throw new CommandFailedError('must specify a patch file or inline patch string');
  const outside = existsSync(join(dir, entry.path)) ? outsideRootMessage(dir, join(dir, entry.path), restrict) : undefined;
  if (outside) throw new CommandFailedError(outside);
  let text: string;
  try {
    text = readFileSync(join(dir, entry.path), 'utf8');
  } catch {
    throw new CommandFailedError(missingPathMessage(join(dir, entry.path), entry.path));
  }
  if (/^\s*\[/.test(text)) return [JSON.parse(text)];
  const docs = (await parseManifestText(text, entry.path)).map((d) => d.doc);
  return docs;
}

/** Applies a strategic merge patch to a resource; the patch's own name and namespace do not rename it. */
function applyStrategic(r: KResource, patch: Record<string, any>): void {
  const body = structuredClone(patch);
  delete body.apiVersion;
  delete body.kind;
  if (body.metadata) {
    delete body.metadata.name;
    delete body.metadata.namespace;
  }
  r.obj = strategicMergePatch(r.obj, body);
}

/** Applies JSON 6902 operations to a resource, with kustomize's wording when one fails. */
function applyJson6902(r: KResource, ops: any[]): void {
  try {
    r.obj = jsonPatch(r.obj, ops);
  } catch (err) {
    if (err instanceof ApiError) throw new CommandFailedError(`unable to apply JSON patch to ${describeId(r.obj)}: ${err.message}`);
    throw err;
  }
}

/** Finds the one resource a target-less strategic merge patch names by apiVersion, kind, name and namespace. */
function findPatchTarget(resources: KResource[], patch: Record<string, any>, fromPatches: boolean): KResource {
  const found = resources.filter((r) => r.obj.kind === patch.kind
    && groupOf(r.obj.apiVersion) === groupOf(patch.apiVersion)
    && r.names.includes(patch.metadata?.name)
    && (!patch.metadata?.namespace || patch.metadata.namespace === r.obj.metadata.namespace));
  if (found.length !== 1) {
    const id = describeId(patch);
    const cause = `no matches for Id ${id}; failed to find unique target for patch ${id}`;
    throw new CommandFailedError(fromPatches ? `no resource matches strategic merge patch ${JSON.stringify(id)}: ${cause}` : cause);
  }
  return found[0];
}

/** Applies one patch entry (a strategic merge document or a list of operations) to its targets. */
function applyPatchDoc(resources: KResource[], doc: unknown, target: Target | undefined, fromPatches: boolean): void {
  if (Array.isArray(doc)) {
    if (!target) throw new CommandFailedError('unable to find patch target: a JSON 6902 patch needs a target');
    for (const r of resources.filter((x) => selects(target, x))) applyJson6902(r, doc);
    return;
  }
  if (!doc || typeof doc !== 'object') throw new CommandFailedError('unable to parse SM or JSON patch: the patch is not an object or a list');
  const patch = doc as Record<string, any>;
  if (target) {
    for (const r of resources.filter((x) => selects(target, x))) applyStrategic(r, patch);
    return;
  }
  applyStrategic(findPatchTarget(resources, patch, fromPatches), patch);
}

/** Applies a kustomization's patchesStrategicMerge, patches and patchesJson6902, in kustomize's order. */
export async function applyPatches(resources: KResource[], spec: Record<string, any>, dir: string, restrict = true): Promise<void> {
  for (const item of spec.patchesStrategicMerge ?? []) {
    const text = String(item);
    const inline = text.includes('\n') || text.trimStart().startsWith('{');
    const docs = inline ? await readPatchDocs(dir, { patch: text }, restrict) : await readPatchDocs(dir, { path: text }, restrict);
    for (const doc of docs) applyPatchDoc(resources, doc, undefined, false);
  }
  for (const entry of spec.patches ?? []) {
    for (const doc of await readPatchDocs(dir, entry ?? {}, restrict)) applyPatchDoc(resources, doc, entry.target, true);
  }
}

/** Applies patchesJson6902, which kustomize runs after labels and annotations. */
export async function applyJson6902Patches(resources: KResource[], spec: Record<string, any>, dir: string, restrict = true): Promise<void> {
  for (const entry of spec.patchesJson6902 ?? []) {
    for (const doc of await readPatchDocs(dir, entry ?? {}, restrict)) applyPatchDoc(resources, doc, entry.target, false);
  }
}
