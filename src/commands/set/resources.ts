/**
 * `kubectl set resources`: sets container limits and requests in pod
 * templates, writing each quantity in Kubernetes' canonical form.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { podSpecOf } from './pod-template.js';
import { containerMatches, runSet, SET_FLAGS } from './run-set.js';
import { displayName } from '../shared/resolve.js';
import { canonicalQuantity } from './canonical-quantity.js';

/** Parses `cpu=200m,memory=512Mi` into canonical quantities. */
export function parseResourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid argument syntax ${pair}, expected <resource>=<value>`);
    try {
      out[pair.slice(0, eq)] = canonicalQuantity(pair.slice(eq + 1));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return out;
}

export const command: CommandDef = {
  use: 'set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  short: 'Update resource requests/limits on objects with pod templates.',
  examples:
    '  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"\n  kubesim set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi\n\n  # Set the resource request and limits for all containers in nginx\n  kubesim set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
  flags: [
    { name: 'containers', short: 'c', type: 'string', default: '*', help: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    { name: 'limits', type: 'string', default: '', help: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' },
    { name: 'requests', type: 'string', default: '', help: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' },
    ...SET_FLAGS,
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    let limits: Record<string, string> = {};
    let requests: Record<string, string> = {};
    return runSet(ctx, parsed, parsed.args, {
      operation: 'resource requirements updated',
      validate() {
        if (flags.limits === '' && flags.requests === '') throw new UsageError('you must specify an update to requests or limits (in the form of --requests/--limits)');
        limits = parseResourceList(flags.limits);
        requests = parseResourceList(flags.requests);
      },
      mutate(item) {
        const spec = podSpecOf(item.info.resource, item.obj);
        if (!spec) throw new UsageError(`${displayName(item)} has no pod template, so its resources cannot be set`);
        const containers = (spec.containers ?? []).filter((c: any) => containerMatches(flags.containers, c.name));
        if (containers.length === 0) ctx.warn(`${item.obj.kind}/${item.obj.metadata.name} does not have any containers matching ${JSON.stringify(flags.containers)}`);
        for (const c of containers) {
          c.resources ??= {};
          if (Object.keys(limits).length > 0) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits };
          if (Object.keys(requests).length > 0) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests };
        }
      },
    });
  },
};
