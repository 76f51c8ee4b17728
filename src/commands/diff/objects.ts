/**
 * The two versions of each manifest object that `kubectl diff` compares:
 * the live object, and the object the API server would hold after
 * `kubectl apply` (a server dry run: nothing is stored). Both are shown as
 * kubectl prints them for diff: YAML without managedFields, with a Secret's
 * data values masked.
 */
import type { CommandContext } from '../context.js';
import type { ManifestDoc } from '../shared/manifests.js';
import type { KObject } from '../../api/types.js';
import { decodeObject } from '../../api/manifest.js';
import { LAST_APPLIED, threeWayMerge } from '../shared/apply-merge.js';
import { serverDryRun, serverDryRunCreate } from '../shared/generated.js';
import { publicView } from '../shared/output.js';
import { toKubectlYaml } from '../../printers/yaml.js';

/** One object's file name and both versions. `live` is absent for an object apply would create. */
export interface DiffPair {
  /** `<group>.<version>.<Kind>.<namespace>.<name>`, without the group for the core group. */
  name: string;
  live?: KObject;
  merged: KObject;
}

/**
 * Returns kubectl's file name for an object: the manifest's group (left out
 * for the core group), version and kind, then the namespace (empty for
 * cluster-scoped objects) and the name, joined by dots.
 */
export function diffFileName(apiVersion: string, kind: string, namespace: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : `${apiVersion.slice(0, slash)}.`;
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return `${group}${version}.${kind}.${namespace}.${name}`;
}

/**
 * Computes what apply would produce for one manifest document, writing
 * nothing. As kubectl diff does, a missing object is created in a dry run
 * from the manifest as written, so without the last-applied-configuration
 * annotation. An existing one is patched in a dry run with the manifest
 * minus that annotation, which leaves the live annotation as it is.
 */
export function calculateDiffPair(ctx: CommandContext, d: ManifestDoc, opts: { serverSide?: boolean } = {}): DiffPair {
  const cluster = ctx.cluster();
  const store = cluster.store;
  const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: d.source });
  for (const w of dec.warnings) ctx.warn(w);
  const obj = dec.obj;
  if (dec.info.namespaced) {
    const requested = ctx.flags.namespace;
    if (requested && obj.metadata.namespace && requested !== obj.metadata.namespace) {
      throw new Error(`the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${requested}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
    }
    obj.metadata.namespace ||= ctx.namespace;
  }
  const resource = dec.info.resource;
  const ns = obj.metadata.namespace ?? '';
  const name = diffFileName(String(d.doc.apiVersion), String(d.doc.kind), ns, obj.metadata.name);
  const live = store.get(resource, ns, obj.metadata.name);
  if (!live) return { name, merged: serverDryRunCreate(ctx, resource, obj) };

  if (obj.metadata.annotations) {
    delete obj.metadata.annotations[LAST_APPLIED];
    if (Object.keys(obj.metadata.annotations).length === 0) delete obj.metadata.annotations;
  }
  delete obj.status;
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  const last = lastText && !opts.serverSide ? decodeLast(JSON.parse(lastText), cluster.settings.version) : undefined;
  const patched: KObject = threeWayMerge(last, obj, structuredClone(live));
  patched.metadata.resourceVersion = live.metadata.resourceVersion;
  const merged = serverDryRun(ctx, () => store.update(resource, patched));
  // A dry-run update stores nothing, so the result keeps the live resourceVersion.
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  return { name, live, merged };
}

/** Reads the last-applied configuration in the stored version; an undecodable one is merged as written. */
function decodeLast(last: any, version: number): any {
  try {
    return decodeObject(last, { clusterVersion: version, strictVersions: false, source: '' }).obj;
  } catch {
    return last;
  }
}

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/**
 * Masks a v1 Secret's `data` values on both sides as kubectl does: every
 * value becomes `***`, except that a key whose value changed shows
 * `*** (before)` and `*** (after)`, so the diff still shows which keys
 * changed without printing a secret.
 */
export function maskSecretData(from: KObject | undefined, to: KObject): [KObject | undefined, KObject] {
  const fromData: Record<string, unknown> | undefined = from?.data ? { ...from.data } : undefined;
  const toData: Record<string, unknown> | undefined = to.data ? { ...to.data } : undefined;
  for (const k of Object.keys(fromData ?? {})) {
    if (toData && k in toData) {
      if (fromData![k] !== toData[k]) {
        fromData![k] = MASK_BEFORE;
        toData[k] = MASK_AFTER;
        continue;
      }
      toData[k] = MASK;
    }
    fromData![k] = MASK;
  }
  for (const k of Object.keys(toData ?? {})) if (!fromData || !(k in fromData)) toData![k] = MASK;
  return [from && fromData ? { ...from, data: fromData } : from, toData ? { ...to, data: toData } : to];
}

/** The YAML kubectl diff writes for one version: nothing for an absent object, and no managedFields. */
export function diffYaml(obj: KObject | undefined, showManagedFields = false): string {
  if (!obj) return '';
  const visible = publicView(obj);
  if (showManagedFields || !visible.metadata?.managedFields) return toKubectlYaml(visible);
  const { managedFields, ...metadata } = visible.metadata;
  void managedFields;
  return toKubectlYaml({ ...visible, metadata });
}

/** Renders the two files' contents for a pair, with a Secret's data masked. */
export function renderDiffPair(pair: DiffPair, showManagedFields = false): { live: string; merged: string } {
  let { live, merged } = pair;
  if (merged.apiVersion === 'v1' && merged.kind === 'Secret') [live, merged] = maskSecretData(live, merged);
  return { live: diffYaml(live, showManagedFields), merged: diffYaml(merged, showManagedFields) };
}
