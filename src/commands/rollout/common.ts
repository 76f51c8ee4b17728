/**
 * Shared parts of the rollout subcommands: their resource flags, resolving
 * the objects, and finding each kind's rollout support in the registry.
 */
import type { FlagSpec, Parsed } from '../../cli/flags.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../../api/errors.js';
import { errorName, resolveObjects, type Resolved } from '../shared/resolve.js';
import { ROLLOUT_KINDS, type RolloutKind } from './registry.js';
import './deployment.js';
import './daemonset.js';
import './statefulset.js';

export const RESOURCE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
];

/** Resolves the rollout targets; kubectl requires a resource before anything else. */
export async function rolloutTargets(ctx: CommandContext, parsed: Parsed): Promise<{ items: Resolved[]; errors: Error[] }> {
  const flags = ctx.flags;
  if (parsed.args.length === 0 && flags.filename.length === 0) throw new UsageError('required resource not specified');
  // A bare type names every object of that type in the namespace (ResourceTypeOrNameArgs(true, ...) in kubectl).
  return resolveObjects(ctx, parsed.args, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: true });
}

/** kubectl's error when a kind has no support for `what`; pause, resume and restart name the object. */
function unsupported(item: Resolved, what: keyof RolloutKind): Error {
  const groupKind = item.info.group ? `${item.info.kind}.${item.info.group}` : item.info.kind;
  switch (what) {
    case 'status':
      return new Error(`no status viewer has been implemented for ${groupKind}`);
    case 'history':
      return new Error(`no history viewer has been implemented for "${groupKind}"`);
    case 'rollback':
      return new Error(`no rollbacker has been implemented for "${groupKind}"`);
    default: {
      const verbing = { pause: 'pausing', resume: 'resuming', restart: 'restarting' }[what];
      return new Error(`${errorName(item)} ${verbing} is not supported`);
    }
  }
}

/** Finds `what` support for an object's kind, or throws kubectl's error for an unsupported kind. */
export function supportFor<K extends keyof RolloutKind>(item: Resolved, what: K): NonNullable<RolloutKind[K]> {
  const impl = ROLLOUT_KINDS[item.info.resource]?.[what];
  if (!impl) throw unsupported(item, what);
  return impl as NonNullable<RolloutKind[K]>;
}
