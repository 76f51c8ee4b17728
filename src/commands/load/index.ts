/**
 * `kubesim load TARGET --cpu 250m|--rps N [--for DURATION]` and
 * `kubesim load TARGET --stop`: puts simulated load on a workload, a pod or
 * a Service (spread over its ready pods), for `kubesim top` and the
 * HorizontalPodAutoscaler to see.
 */
import type { CommandDef } from '../types.js';
import { UsageError, notFound } from '../../api/errors.js';
import { kindString, resourceString } from '../../api/registry.js';

import { cpuMillis, parseQuantity } from '../../api/quantity.js';
import { LOAD_TARGET_RESOURCES, loadPods, removeLoad, setLoad, type Load } from '../../metrics/load.js';
import { formatCpuUsage } from '../../printers/top.js';
import { parseTargets } from '../shared/targets.js';
import { groupFor } from '../shared/output.js';

export const command: CommandDef = {
  use: 'load (TYPE NAME | TYPE/NAME) (--cpu=QUANTITY | --rps=N) [--for=DURATION] | --stop',
  short: 'Put simulated CPU load on a Deployment, ReplicaSet, StatefulSet, pod or Service',
  long:
    'Put simulated CPU load on a Deployment, ReplicaSet, StatefulSet, ReplicationController, pod or Service.\n\n' +
    ' The load is shared by the ready pods of the target (a Service shares it over its endpoints), so adding pods lowers each pod\'s share. `kubesim top pod` and the HorizontalPodAutoscaler see it as CPU usage.',
  examples:
    '  # Keep 1600 millicores of CPU busy across the pods of a deployment\n  kubesim load deployment/nginx-deployment --cpu 1600m\n\n' +
    '  # Send 200 requests per second to a Service for ten minutes\n  kubesim load svc/nginx --rps 200 --for 10m\n\n' +
    '  # Stop the load\n  kubesim load deployment/nginx-deployment --stop',
  flags: [
    { name: 'cpu', type: 'string', default: '', help: 'Total CPU the load uses, as a quantity (250m, 1.5).' },
    { name: 'rps', type: 'string', default: '', help: 'Requests per second sent to the target; each request costs CPU by image.' },
    { name: 'for', type: 'duration', default: 0, help: 'Stop the load after this long (e.g. 90s, 10m). Zero keeps it until --stop.' },
    { name: 'stop', type: 'bool', default: false, help: 'Remove the load from the target.' },
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (parsed.args.length === 0) throw new UsageError('a TYPE and NAME (or TYPE/NAME) to load is required', true);
    const targets = parseTargets(parsed.args);
    if (targets.length !== 1 || targets[0].names.length !== 1) throw new UsageError('exactly one TYPE NAME (or TYPE/NAME) is required', true);
    const { info, group, names } = targets[0];
    const name = names[0];
    if (!LOAD_TARGET_RESOURCES.includes(info.resource)) {
      throw new UsageError(`cannot put load on a ${info.kind}: use a Deployment, ReplicaSet, StatefulSet, ReplicationController, DaemonSet, Pod or Service`);
    }
    const given = ['cpu', 'rps'].filter((k) => f[k] !== '');
    if (f.stop && (given.length > 0 || parsed.set.has('for'))) throw new UsageError('--stop cannot be combined with --cpu, --rps or --for');
    if (!f.stop && given.length !== 1) throw new UsageError('exactly one of --cpu or --rps is required (or --stop)');

    const cluster = ctx.cluster();
    const ns = ctx.namespace;
    const shown = `${kindString(info, groupFor(info, cluster.settings.version, group))}/${name}`;
    const store = cluster.store;

    if (f.stop) {
      const had = store.tx(() => removeLoad(store, { namespace: ns, resource: info.resource, name }));
      ctx.settle();
      ctx.io.out(had ? `${shown} load stopped\n` : `${shown} had no load\n`);
      return;
    }

    if (!store.get(info.resource, ns, name)) throw notFound(resourceString(info, group ?? info.group), name);
    const load: Load = { namespace: ns, resource: info.resource, name };
    if (f.cpu !== '') {
      const q = parseQuantity(f.cpu);
      if (Number.isNaN(q) || q <= 0) throw new UsageError(`invalid --cpu "${f.cpu}": use a CPU quantity such as 250m or 1.5`);
      load.cpuMillis = cpuMillis(f.cpu);
    } else {
      const rps = Number(f.rps);
      if (!/^\d+(\.\d+)?$/.test(f.rps) || rps <= 0) throw new UsageError(`invalid --rps "${f.rps}": use a positive number of requests per second`);
      load.rps = rps;
    }
    if (f.for < 0) throw new UsageError(`invalid --for "${parsed.flags.for}": must be positive`);
    if (f.for > 0) load.until = cluster.simNow + f.for;
    store.tx(() => setLoad(store, load));
    ctx.settle();
    const pods = loadPods(store, load).length;
    const what = load.cpuMillis !== undefined ? `cpu ${formatCpuUsage(load.cpuMillis)}` : `${load.rps} requests/s`;
    const spread = pods === 0 ? 'no ready pods yet' : `${pods} ready pod${pods === 1 ? '' : 's'}`;
    ctx.io.out(`${shown} loaded: ${what} over ${spread}${f.for > 0 ? ` for ${parseDurationText(f.for)}` : ''}\n`);
  },
};

function parseDurationText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}


