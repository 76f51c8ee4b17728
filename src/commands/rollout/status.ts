/**
 * `kubectl rollout status`: prints the progress line each time the object
 * changes until the rollout is done. Under a manual clock it moves the
 * clock to the next due timer instead of waiting; on a wall clock it
 * sleeps until then.
 */
import type { CommandDef } from '../types.js';
import type { Cluster } from '../../engine/cluster.js';
import type { KObject } from '../../api/types.js';
import { ExitError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import { RESOURCE_FLAGS, rolloutTargets, supportFor } from './common.js';
import type { Resolved } from '../shared/resolve.js';

/** Maximum single sleep on a wall clock, so writes by other processes are noticed. */
const MAX_SLEEP_MS = 1000;

function nextDue(cluster: Cluster): number | undefined {
  return cluster.nextTimerDue();
}

/** Moves time to the next due timer; returns false when nothing can happen before `deadline`. */
async function waitForChange(cluster: Cluster, deadline: number): Promise<boolean> {
  const due = nextDue(cluster);
  if (cluster.settings.clock === 'manual') {
    if (due === undefined || cluster.simNow >= deadline) return false;
    const target = Math.min(due, deadline);
    if (target > cluster.clockNow()) cluster.advanceClock(target - cluster.clockNow());
    cluster.settle();
    return true;
  }
  const now = cluster.clockNow();
  if (now >= deadline) return false;
  const wait = Math.max(10, Math.min(MAX_SLEEP_MS, (due ?? Infinity) - now, deadline - now));
  await new Promise((r) => setTimeout(r, wait));
  cluster.settle();
  return true;
}

async function watchOne(ctx: Parameters<NonNullable<CommandDef['run']>>[0], cluster: Cluster, item: Resolved, timeoutMs: number): Promise<void> {
  const viewer = supportFor(item, 'status');
  const revision = ctx.flags.revision;
  const deadline = timeoutMs > 0 ? cluster.clockNow() + timeoutMs : Infinity;
  let seen = '';
  for (;;) {
    const obj: KObject | undefined = cluster.store.get(item.info.resource, item.obj.metadata.namespace ?? '', item.obj.metadata.name);
    if (!obj) throw new Error('object has been deleted');
    if (obj.metadata.resourceVersion !== seen) {
      seen = obj.metadata.resourceVersion!;
      const { message, done } = viewer(obj, revision);
      ctx.io.out(message);
      if (done || !ctx.flags.watch) return;
    }
    if (!(await waitForChange(cluster, deadline))) throw new Error('timed out waiting for the condition');
  }
}

export const command: CommandDef = {
  use: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout.',
  examples: '  # Watch the rollout status of a deployment\n  kubesim rollout status deployment/nginx',
  flags: [
    ...RESOURCE_FLAGS,
    { name: 'watch', short: 'w', type: 'bool', default: true, help: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', default: 0, help: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before ending watch, zero means never.' },
  ],
  async run(ctx, parsed) {
    if (ctx.flags.revision < 0) throw new Error(`revision must be a positive integer: ${ctx.flags.revision}`);
    const { items, errors } = await rolloutTargets(ctx, parsed);
    for (const e of errors) return reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    for (const item of items) {
      try {
        await watchOne(ctx, cluster, item, ctx.flags.timeout);
      } catch (err) {
        throw new ExitError(reportError(err, ctx.io, ctx.path));
      }
    }
    if (items.length === 0) ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  },
};
