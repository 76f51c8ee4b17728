/**
 * Writing manifests for create and apply: decode each document (printing
 * deprecation warnings), write it, and report each outcome as kubectl does.
 * A failing document does not stop the others; the command then exits 1.
 */
import type { CommandContext } from '../context.js';
import type { ManifestDoc } from './manifests.js';
import { decodeObject } from '../../api/manifest.js';
import { ApiError } from '../../api/errors.js';
import { kindString, resourceString } from '../../api/registry.js';
import { reportError } from '../../cli/errors.js';
import { LAST_APPLIED, lastAppliedValue, threeWayMerge } from './apply-merge.js';
import { CHANGE_CAUSE } from './record.js';
import type { KObject } from '../../api/types.js';
import { printMutated } from './mutation-output.js';
import { serverDryRun } from './generated.js';

export interface WriteOptions {
  mode: 'create' | 'apply';
  changeCause?: string;
  dryRun?: 'none' | 'client' | 'server';
  /** `-o` value; empty prints `kind/name created|configured|unchanged`. */
  output?: string;
  /** `--template` for `-o go-template|jsonpath` without `=`. */
  template?: string;
  allowMissingKeys?: boolean;
}

function withSource(err: unknown, verb: string, source: string, resource: string, name: string): unknown {
  if (err instanceof ApiError && err.reason !== 'Invalid') {
    return new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`, err.causes);
  }
  void resource;
  void name;
  return err;
}

export function writeDocs(ctx: CommandContext, docs: ManifestDoc[], opts: WriteOptions): number {
  const cluster = ctx.cluster();
  const store = cluster.store;
  const dryRun = opts.dryRun ?? 'none';
  // A server dry run writes inside a transaction that is rolled back.
  const write = <T>(fn: () => T): T => (dryRun === 'server' ? serverDryRun(ctx, fn) : fn());
  let printed = 0;
  const report = (obj: KObject, name: string, operation: string) => {
    const output = opts.output ?? '';
    const text = printMutated([{ obj, name }], {
      output,
      template: opts.template,
      allowMissingKeys: opts.allowMissingKeys,
      operation,
      dryRun,
      numbersAsFloat: dryRun === 'client',
    });
    ctx.io.out(output === 'yaml' && printed > 0 ? `---\n${text}` : text);
    printed++;
  };
  let code = 0;
  for (const d of docs) {
    let verb = opts.mode === 'create' ? 'creating' : 'applying';
    let resource = '';
    let name = '';
    try {
      const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: d.source });
      for (const w of dec.warnings) ctx.warn(w);
      const obj = dec.obj;
      resource = dec.info.resource;
      name = obj.metadata.name;
      if (dec.info.namespaced) {
        const requested = ctx.flags.namespace;
        if (requested && obj.metadata.namespace && requested !== obj.metadata.namespace) {
          throw new Error(`the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${requested}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
        }
        obj.metadata.namespace ||= ctx.namespace;
      }
      if (opts.changeCause) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: opts.changeCause };
      const label = kindString(dec.info, dec.group);
      const ns = obj.metadata.namespace ?? '';
      if (opts.mode === 'create') {
        const created = dryRun === 'client' ? obj : write(() => store.create(resource, obj));
        report(created, `${label}/${name}`, 'created');
        continue;
      }
      const manifest = structuredClone(d.doc);
      if (opts.changeCause) {
        manifest.metadata ??= {};
        manifest.metadata.annotations = { ...(manifest.metadata.annotations ?? {}), [CHANGE_CAUSE]: opts.changeCause };
      }
      const applied = lastAppliedValue(manifest);
      const live = store.get(resource, ns, name);
      if (!live) {
        verb = 'creating';
        obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
        const created = dryRun === 'client' ? obj : write(() => store.create(resource, obj));
        report(created, `${label}/${name}`, 'created');
        continue;
      }
      verb = 'patching';
      const lastText = live.metadata.annotations?.[LAST_APPLIED];
      const last = lastText ? JSON.parse(lastText) : undefined;
      const desired = structuredClone(obj);
      desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
      const merged: KObject = threeWayMerge(last ? decodeLast(last, cluster.settings.version) : undefined, strip(desired), live);
      merged.metadata.resourceVersion = live.metadata.resourceVersion;
      if (dryRun === 'client') {
        const changed = canonical(merged) !== canonical(live);
        report(merged, `${label}/${name}`, changed ? 'configured' : 'unchanged');
        continue;
      }
      const saved = write(() => store.update(resource, merged));
      const changed = JSON.stringify(saved) !== JSON.stringify(live);
      report(saved, `${label}/${name}`, changed ? 'configured' : 'unchanged');
    } catch (err) {
      code = reportError(withSource(err, verb, d.source, resource ? resourceString({ resource } as any) : '', name), ctx.io, ctx.path) || 1;
    }
  }
  ctx.settle();
  return code;
}

/** Drops server-populated fields from a decoded manifest before merging it into the live object. */
function strip(obj: KObject): KObject {
  delete obj.status;
  return obj;
}

function decodeLast(last: any, version: number): any {
  try {
    return decodeObject(last, { clusterVersion: version, strictVersions: false, source: '' }).obj;
  } catch {
    return last;
  }
}

/** JSON with object keys sorted, to compare objects whose keys were inserted in different orders. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
