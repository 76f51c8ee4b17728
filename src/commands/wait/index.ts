/**
 * `kubectl wait --for=delete|create|condition=...|jsonpath=... (TYPE/NAME | TYPE NAME | TYPE -l SEL)`:
 * waits in simulated time (see shared/clock-step.ts) until each object meets
 * the condition, printing `kind.group/name condition met`, or fails with
 * kubectl's timeout message.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { UsageError, notFound } from '../../api/errors.js';
import { kindString, resourceString } from '../../api/registry.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { parseTargets } from '../shared/targets.js';
import { groupFor } from '../shared/output.js';
import { stepClock } from '../shared/clock-step.js';
import { parseWaitFor } from './conditions.js';

/** A negative --timeout means a week, as in kubectl. */
const WEEK_MS = 7 * 24 * 3_600_000;

export const command: CommandDef = {
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  short: 'Experimental: Wait for a specific condition on one or many resources.',
  examples: '  # Wait for the job "pi" to complete, with a timeout of 60 seconds\n  kubesim wait --for=condition=complete job/pi --timeout=60s',
  flags: [
    { name: 'for', type: 'string', default: '', help: 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]].' },
    { name: 'timeout', type: 'duration', default: 30_000, help: 'The length of time to wait before giving up. Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    // kubectl 1.32 reads a missing --for as an empty condition.
    if (!f.for) throw new UsageError('unrecognized condition: ""');
    const condition = parseWaitFor(f.for);
    const targets = parseTargets(parsed.args);
    if (targets.length === 0) throw new UsageError('resource(s) were provided, but no name was specified', true);
    const cluster = ctx.cluster();
    const timeout: number = f.timeout < 0 ? WEEK_MS : f.timeout;
    const deadline = cluster.clockNow() + timeout;
    const ns = ctx.namespace;
    const selector = f.selector ? parseSelector(f.selector) : undefined;

    // Resolve the objects to wait on: named ones, or those matching the selector / --all now.
    const waits: { resource: string; ns: string; name: string; label: string; plural: string }[] = [];
    for (const t of targets) {
      const group = groupFor(t.info, cluster.settings.version, t.group);
      const objNs = t.info.namespaced ? ns : '';
      // The timeout error names the plural resource without its group (extendErrWaitTimeout).
      const describe = (name: string) => ({ resource: t.info.resource, ns: objNs, name, label: `${kindString(t.info, group)}/${name}`, plural: `${t.info.resource}/${name}` });
      if (t.names.length > 0) {
        for (const name of t.names) {
          const exists = cluster.store.get(t.info.resource, objNs, name) !== undefined;
          // kubectl's builder fetches each named object, and --for=delete ignores the NotFound: nothing to wait for, nothing printed.
          if (!exists && condition.kind === 'delete') continue;
          if (!exists && condition.kind !== 'create') throw notFound(resourceString(t.info, group), name);
          waits.push(describe(name));
        }
      } else {
        if (!selector && !f.all) throw new UsageError('resource(s) were provided, but no name was specified', true);
        const list = t.info.namespaced && !f['all-namespaces'] ? cluster.store.list(t.info.resource, objNs) : cluster.store.list(t.info.resource);
        const found = list.filter((o: KObject) => !selector || matches(selector, o.metadata.labels));
        if (found.length === 0 && condition.kind !== 'delete') throw new UsageError('no matching resources found');
        for (const o of found) waits.push(describe(o.metadata.name));
      }
    }

    for (const w of waits) {
      for (;;) {
        if (condition.met(cluster.store.get(w.resource, w.ns, w.name))) {
          ctx.io.out(`${w.label} condition met\n`);
          break;
        }
        if (cluster.clockNow() >= deadline || !(await stepClock(cluster, { deadline }))) {
          ctx.io.err(`error: timed out waiting for the condition on ${w.plural}\n`);
          return 1;
        }
      }
    }
    return 0;
  },
};
