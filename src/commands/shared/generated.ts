/**
 * The common tail of kubectl's generator commands (`create deployment`,
 * `create namespace`, `run` ...): given the object the pure generator
 * built, either print it (`--dry-run=client`), pass it through admission
 * without storing it (`--dry-run=server`), or create it, then print the
 * result as kubectl does.
 */
import type { KObject } from '../../api/types.js';
import type { FlagSpec } from '../../cli/flags.js';
import type { CommandContext } from '../context.js';
import { ApiError, UsageError, formatCause } from '../../api/errors.js';
import { apiVersionOf, findKind } from '../../api/registry.js';
import { decodeObject } from '../../api/manifest.js';
import { formatResourceName, type DryRunMode } from '../../printers/name.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated } from './mutation-output.js';
import { klogWarning } from '../../cli/errors.js';

/** Flags every generator command takes besides its own. */
export const GENERATOR_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
  ...MUTATION_OUTPUT_FLAGS,
  { name: 'save-config', type: 'bool', default: false, help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged.' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create', help: 'Name of the manager used to track field ownership.' },
];

/**
 * Reads `--dry-run` as kubectl does: a bare `--dry-run` still means client
 * (with a deprecation warning), anything else unknown is an error.
 */
export function dryRunMode(ctx: CommandContext): DryRunMode {
  const value = String(ctx.flags['dry-run'] ?? 'none');
  switch (value) {
    case 'none':
    case 'client':
    case 'server':
      return value;
    case 'unchanged':
      ctx.io.err(klogWarning('helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
      return 'client';
    default:
      throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** Thrown inside a transaction to undo a server dry run's writes. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * Runs writes in a transaction and rolls them back, returning what `fn`
 * returned: admission, conflicts and name checks run exactly as for real
 * writes, and nothing is stored.
 */
export function serverDryRun<T>(ctx: CommandContext, fn: () => T): T {
  const store = ctx.cluster().store;
  // Inside an open transaction the dry run runs in a savepoint, so only its writes roll back.
  const isolate = store.inTx ? <R>(f: () => R) => store.savepoint(f) : <R>(f: () => R) => store.tx(f);
  try {
    isolate(() => {
      throw new DryRunRollback(fn());
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result as T;
    throw err;
  }
  throw new Error('unreachable: a dry-run transaction always throws');
}

/** Creates `obj` in a server dry run; the returned object carries no resourceVersion, as the API server's answer does not. */
export function serverDryRunCreate(ctx: CommandContext, resource: string, obj: KObject): KObject {
  const created = serverDryRun(ctx, () => ctx.cluster().store.create(resource, obj));
  delete created.metadata.resourceVersion;
  return created;
}

/**
 * Renders a server error as Go's StatusError.Error() does. An Invalid error
 * has no `The ` prefix and lists several causes in brackets.
 */
function statusErrorText(err: ApiError, obj: KObject): string {
  if (err.reason !== 'Invalid') return err.message;
  const group = findKind(obj.kind)?.group;
  const head = `${obj.kind}${group ? `.${group}` : ''} "${obj.metadata.name}" is invalid`;
  if (err.causes.length === 1) return `${head}: ${formatCause(err.causes[0])}`;
  return `${head}: [${err.causes.map(formatCause).join(', ')}]`;
}

/**
 * Converts a generated object with an older apiVersion (a CronJob as
 * batch/v1beta1 for a cluster before 1.21) as a manifest would be, with the
 * server's deprecation warnings.
 */
function decodeRequest(ctx: CommandContext, obj: KObject): KObject {
  const info = findKind(obj.kind);
  if (!info || obj.apiVersion === apiVersionOf(info)) return obj;
  const settings = ctx.cluster().settings;
  const decoded = decodeObject(obj, { clusterVersion: settings.version, strictVersions: settings.strictVersions, source: '' });
  for (const warning of decoded.warnings) ctx.warn(warning);
  return decoded.obj;
}

/** Options of {@link emitGenerated}. */
export interface EmitOptions {
  /** The verb of the one-line output: `created` unless given. */
  operation?: string;
  /**
   * The text kubectl v1.32 puts before a server error of this generator
   * (`failed to create deployment: `; `failed to create secret `, without a
   * colon). Generators whose kubectl source returns the error unwrapped
   * (namespace, run, expose) omit it and print `Error from server (...)`.
   */
  failurePrefix?: string;
}

/**
 * Finishes a generator command: the object goes to the cluster (or not, in
 * a dry run) and is printed per `-o`. A generator object names no namespace
 * unless `-n` was given; namespaced kinds get the request's namespace here.
 */
export function emitGenerated(ctx: CommandContext, obj: KObject, options: EmitOptions = {}): number {
  checkMutationOutput(ctx.flags.output ?? '');
  const dryRun = dryRunMode(ctx);
  const info = findKind(obj.kind);
  if (!info) throw new Error(`no resource serves kind ${obj.kind}`);
  let printed = obj;
  if (dryRun === 'server') printed = sendGenerated(ctx, obj, options, (resource, request) => serverDryRunCreate(ctx, resource, request));
  else if (dryRun === 'none') printed = createGenerated(ctx, obj, options);
  const text = printMutated([{ obj: printed, name: formatResourceName(obj) }], {
    output: ctx.flags.output ?? '',
    template: ctx.flags.template,
    allowMissingKeys: ctx.flags['allow-missing-template-keys'],
    operation: options.operation ?? 'created',
    dryRun,
    structOrder: dryRun === 'client',
    numbersAsFloat: dryRun === 'client',
  });
  ctx.io.out(text);
  return 0;
}

/**
 * Creates a generated object without printing it, settles the cluster and
 * returns the stored object. `kubectl run` uses it when it attaches to the pod, because it then prints no `created` line.
 */
export function createGenerated(ctx: CommandContext, obj: KObject, options: EmitOptions = {}): KObject {
  return sendGenerated(ctx, obj, options, (resource, request) => {
    const created = ctx.cluster().store.create(resource, request);
    ctx.settle();
    return created;
  });
}

/** Sends a generated object to the API server through `send`, in the request's namespace, wording a failure as the generator does. */
function sendGenerated(ctx: CommandContext, obj: KObject, options: EmitOptions, send: (resource: string, request: KObject) => KObject): KObject {
  const info = findKind(obj.kind);
  if (!info) throw new Error(`no resource serves kind ${obj.kind}`);
  const request = decodeRequest(ctx, structuredClone(obj));
  if (info.namespaced) request.metadata.namespace ||= ctx.namespace;
  try {
    // The generator's empty status stays: the API server returns it from a create (`status: {}`).
    return send(info.resource, request);
  } catch (err) {
    if (options.failurePrefix && err instanceof ApiError) throw new UsageError(`${options.failurePrefix}${statusErrorText(err, obj)}`);
    throw err;
  }
}

/** kubectl's check that a generator got exactly one NAME argument. */
export function requireName(args: string[]): string {
  if (args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${args.length}`, true);
  return args[0];
}

/** The namespace a generator writes into its object: only one given with `-n`. */
export function explicitNamespace(ctx: CommandContext): string | undefined {
  return ctx.parsed.set.has('namespace') ? ctx.flags.namespace : undefined;
}
