/**
 * What the rollout subcommands share: their resource flags, resolving the
 * objects, and finding each kind's rollout support in the registry.
 */
import type { FlagSpec, Parsed } from '../../cli/flags.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../../api/errors.js';
import { errorName, resolveObjects, type Resolved } from '../shared/resolve.js';
import { ROLLOUT_KINDS, type RolloutKind } from './registry.js';
import './deployment.js';

export const RESOURCE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
];

/** Resolves the rollout targets; kubectl requires a resource before anything else. */
export async function rolloutTargets(ctx: CommandContext, parsed: Parsed): Promise<{ items: Resolved[]; errors: Error[] }> {
  const flags = ctx.flags;
  if (parsed.args.length === 0 && flags.filename.length === 0) throw new UsageError('required resource not specified', true);
  return resolveObjects(ctx, parsed.args, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: !!flags.selector });
}

/** Finds `what` support for an object's kind, or throws kubectl's "not supported" error. */
export function supportFor<K extends keyof RolloutKind>(item: Resolved, what: K, verbing: string): NonNullable<RolloutKind[K]> {
  const impl = ROLLOUT_KINDS[item.info.resource]?.[what];
  if (!impl) throw new Error(`${errorName(item)} ${verbing} is not supported`);
  return impl as NonNullable<RolloutKind[K]>;
}
