/**
 * `get -w` / `--watch-only`: after the first listing, print a row for each
 * object that changes as simulated time passes, until interrupted or until
 * `--request-timeout` (wall time) runs out.
 */
import type { CommandContext } from '../context.js';
import type { Target } from '../shared/targets.js';
import { fetchTargets, type FetchOptions } from '../shared/fetch.js';
import { renderGroups, type PrintOptions } from '../shared/output.js';
import { parseDuration } from '../../cli/flags.js';
import type { KObject } from '../../api/types.js';

const POLL_MS = 500;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function watch(ctx: CommandContext, targets: Target[], fetch: FetchOptions, print: PrintOptions, listFirst: boolean): Promise<number> {
  const cluster = ctx.cluster();
  const timeoutText = String(ctx.flags['request-timeout'] ?? '0');
  const timeout = timeoutText === '0' ? Infinity : parseDuration(timeoutText);
  const deadline = Date.now() + timeout;
  const events = ctx.flags['output-watch-events'];
  let seen = new Map<string, KObject>();
  let headerDone = false;
  const emit = (changed: { obj: KObject; type: string }[], groupIndex: number, groups: ReturnType<typeof fetchTargets>['groups']) => {
    if (changed.length === 0) return;
    const g = groups[groupIndex];
    const text = renderGroups([{ ...g, objects: changed.map((c) => c.obj) }], { ...print, noHeaders: print.noHeaders || headerDone }, { now: cluster.simNow, version: cluster.settings.version });
    headerDone = true;
    if (events && (print.output === '' || print.output === 'wide')) {
      const lines = text.split('\n').filter(Boolean);
      const offset = lines.length - changed.length;
      ctx.io.out(lines.map((l, i) => (i < offset ? `EVENT      ${l}` : `${changed[i - offset].type.padEnd(11)}${l}`)).join('\n') + '\n');
    } else ctx.io.out(text);
  };
  const snapshot = () => fetchTargets(cluster, targets, fetch).groups;
  let groups = snapshot();
  groups.forEach((g, i) => {
    for (const o of g.objects) seen.set(`${i}/${o.metadata.namespace}/${o.metadata.name}`, o);
    if (listFirst) emit(g.objects.map((o) => ({ obj: o, type: 'ADDED' })), i, groups);
  });
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  while (!stop && Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    cluster.settle();
    groups = snapshot();
    const next = new Map<string, KObject>();
    groups.forEach((g, i) => {
      const changed: { obj: KObject; type: string }[] = [];
      for (const o of g.objects) {
        const key = `${i}/${o.metadata.namespace}/${o.metadata.name}`;
        next.set(key, o);
        const before = seen.get(key);
        if (!before) changed.push({ obj: o, type: 'ADDED' });
        else if (before.metadata.resourceVersion !== o.metadata.resourceVersion) changed.push({ obj: o, type: 'MODIFIED' });
      }
      for (const [key, o] of seen) if (key.startsWith(`${i}/`) && !next.has(key)) changed.push({ obj: o, type: 'DELETED' });
      emit(changed, i, groups);
    });
    seen = next;
  }
  return 0;
}
