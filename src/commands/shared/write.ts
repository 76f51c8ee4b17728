/**
 * Writing manifests for create and apply: decode each document (printing
 * deprecation warnings), write it, and report each outcome as kubectl does.
 * A failing document does not stop the others; the command then exits 1.
 */
import type { CommandContext } from '../context.js';
import type { Parsed } from '../../cli/flags.js';
import type { ManifestDoc } from './manifests.js';
import { readManifestSources } from './kustomize-source.js';
import { decodeObject } from '../../api/manifest.js';
import { apiVersionOf, findKind, kindString, resourceString } from '../../api/registry.js';
import { clientValidationMessage, findUnknownFields, pruneUnknownFields, strictDecodingMessage } from '../../api/field-validation.js';
import { ApiError, UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import { LAST_APPLIED, lastAppliedValue, threeWayMerge } from './apply-merge.js';
import { CHANGE_CAUSE, changeCause } from './record.js';
import type { KObject } from '../../api/types.js';
import { checkMutationOutput, printMutated } from './mutation-output.js';
import { dryRunMode, serverDryRun } from './generated.js';

/**
 * Applies kubectl's `--validate` to fields the schema does not define: an
 * error (strict), a warning (warn), or nothing (ignore/false). Without
 * strict validation the API server drops those fields from `obj`, the object
 * to store. Manifests in removed API versions are checked only for the
 * fields they share.
 */
function checkFields(ctx: CommandContext, d: ManifestDoc, obj: KObject, kind: string, version: number, mode: string): void {
  const level = mode === 'true' ? 'strict' : mode === 'false' ? 'ignore' : mode;
  if (level !== 'strict' && level !== 'warn' && level !== 'ignore') {
    throw new UsageError(`invalid - validate option "${mode}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
  const info = findKind(kind);
  if (!info || d.doc.apiVersion !== apiVersionOf(info)) return;
  if (level === 'ignore') {
    pruneUnknownFields(kind, obj);
    return;
  }
  const unknown = findUnknownFields(kind, d.doc);
  if (unknown.length === 0) return;
  if (version < 125) throw new UsageError(clientValidationMessage(d.source, kind, unknown));
  if (level === 'warn') {
    for (const u of unknown) ctx.warn(`unknown field "${u.path}"`);
    pruneUnknownFields(kind, obj);
    return;
  }
  throw new ApiError('BadRequest', 400, strictDecodingMessage(kind, info.version, unknown));
}

export interface WriteOptions {
  /** kubectl's --validate: strict (default), warn, ignore; true and false as aliases. */
  validate?: string;
  mode: 'create' | 'apply';
  changeCause?: string;
  dryRun?: 'none' | 'client' | 'server';
  /** `-o` value; empty prints `kind/name created|configured|unchanged`. */
  output?: string;
  /** `--template` for `-o go-template|jsonpath` without `=`. */
  template?: string;
  allowMissingKeys?: boolean;
}

/** The API server's limit on a request body (MaxRequestBodyBytes). */
const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

export function withSource(err: unknown, verb: string, source: string, resource: string, name: string): unknown {
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
    // kubectl reports a document that fails before the live object is read as being created.
    let verb = 'creating';
    let resource = '';
    let name = '';
    try {
      // Each document is read and written in one transaction, as the API server applies a patch to the object it holds.
      store.tx(() => {
        const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: d.source });
        for (const w of dec.warnings) ctx.warn(w);
        const obj = dec.obj;
        if (JSON.stringify(d.doc).length > MAX_REQUEST_BYTES) {
          throw new ApiError('RequestEntityTooLarge', 413, `Request entity too large: limit is ${MAX_REQUEST_BYTES}`);
        }
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
        if (opts.mode === 'apply') verb = store.get(resource, ns, name) ? 'patching' : 'creating';
        checkFields(ctx, d, obj, dec.info.kind, cluster.settings.version, opts.validate ?? 'strict');
        if (opts.mode === 'create') {
          const created = dryRun === 'client' ? obj : write(() => store.create(resource, obj));
          report(created, `${label}/${name}`, 'created');
          return;
        }
        const manifest = structuredClone(d.doc);
        if (opts.changeCause) {
          manifest.metadata ??= {};
          manifest.metadata.annotations = { ...(manifest.metadata.annotations ?? {}), [CHANGE_CAUSE]: opts.changeCause };
        }
        const applied = lastAppliedValue(manifest);
        const live = store.get(resource, ns, name);
        // Server-side apply keeps no last-applied annotation and always reports `serverside-applied`.
        // Simplified: kubesim records no field managers, so it merges as a client-side apply would.
        const serverSide = ctx.flags['server-side'] === true;
        if (!live) {
          verb = 'creating';
          if (!serverSide) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
          const created = dryRun === 'client' ? obj : write(() => store.create(resource, obj));
          report(created, `${label}/${name}`, serverSide ? 'serverside-applied' : 'created');
          return;
        }
        verb = 'patching';
        const lastText = live.metadata.annotations?.[LAST_APPLIED];
        if (!lastText && !serverSide) ctx.io.err(missingLastAppliedWarning(resource, name, cluster.settings.version));
        const last = lastText ? JSON.parse(lastText) : undefined;
        const desired = structuredClone(obj);
        if (!serverSide) desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
        const merged: KObject = threeWayMerge(last ? decodeLast(last, cluster.settings.version) : undefined, strip(desired), live);
        merged.metadata.resourceVersion = live.metadata.resourceVersion;
        const patched = (changed: boolean) => {
          if (serverSide) return 'serverside-applied';
          return changed ? 'configured' : 'unchanged';
        };
        if (dryRun === 'client') {
          report(merged, `${label}/${name}`, patched(canonical(merged) !== canonical(live)));
          return;
        }
        const saved = write(() => store.update(resource, merged));
        report(saved, `${label}/${name}`, patched(JSON.stringify(saved) !== JSON.stringify(live)));
      });
    } catch (err) {
      code = reportError(withSource(err, verb, d.source, resource ? resourceString({ resource } as any) : '', name), ctx.io, ctx.path) || 1;
    }
  }
  ctx.settle();
  return code;
}

/** Drops server-populated fields from a decoded manifest before merging it into the live object. */
/**
 * Returns the warning kubectl apply prints when the live object has no
 * last-applied-configuration annotation, as after `kubectl create`.
 * NOTE: 1.19 as the first release with the longer wording is an estimate.
 */
function missingLastAppliedWarning(resource: string, name: string, version: number): string {
  if (version < 119) return 'Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply\n';
  return (
    `Warning: resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.\n'
  );
}

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

/**
 * Runs `create -f` or `apply -f` after the caller checked that files were
 * given: reads the manifests and writes every document with the command's flags.
 */
export async function writeManifestFiles(ctx: CommandContext, parsed: Parsed, mode: 'create' | 'apply'): Promise<number> {
  checkMutationOutput(ctx.flags.output);
  const dryRun = dryRunMode(ctx);
  const docs = await readManifestSources(ctx.flags, ctx.io.stdin, (t) => ctx.io.err(t));
  const cluster = ctx.cluster();
  return writeDocs(ctx, docs, {
    mode,
    changeCause: ctx.flags.record ? changeCause(ctx.path, parsed) : undefined,
    dryRun,
    output: ctx.flags.output,
    template: ctx.flags.template,
    allowMissingKeys: ctx.flags['allow-missing-template-keys'],
    validate: ctx.flags.validate,
  });
}
