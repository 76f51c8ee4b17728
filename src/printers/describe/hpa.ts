/**
 * `describe hpa` in the layout of kubectl's autoscaling/v2 describer:
 * reference, each metric as `current / target`, replica bounds, the
 * behavior when one is set, the target's pod counts, conditions and events.
 */
import type { KObject } from '../../api/types.js';
import type { DescribeContext } from './index.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';

function currentOf(hpa: KObject, i: number, field: string): any {
  return (hpa.status?.currentMetrics ?? [])[i]?.[field];
}

/** Writes one metric line; kubectl writes some of them in two pieces, which puts the level indent mid-line. */
function writeMetric(w: DescribeWriter, hpa: KObject, m: any, i: number): void {
  switch (m.type) {
    case 'Resource':
    case 'ContainerResource': {
      const source = m.type === 'Resource' ? m.resource : m.containerResource;
      const status = currentOf(hpa, i, m.type === 'Resource' ? 'resource' : 'containerResource');
      const head = m.type === 'Resource' ? `resource ${source?.name} on pods` : `resource ${source?.name} of container "${source?.container}" on pods`;
      const target = source?.target ?? {};
      if (target.averageValue !== undefined) {
        w.write(1, `${head}:\t${status?.current?.averageValue ?? '<unknown>'} / ${target.averageValue}\n`);
        return;
      }
      const cur = status?.current?.averageUtilization !== undefined ? `${status.current.averageUtilization}% (${status.current.averageValue})` : '<unknown>';
      const goal = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
      w.write(1, `${head}  (as a percentage of request):\t${cur} / ${goal}\n`);
      return;
    }
    case 'Pods':
      w.write(1, `"${m.pods?.metric?.name}" on pods:\t${currentOf(hpa, i, 'pods')?.current?.averageValue ?? '<unknown>'} / ${m.pods?.target?.averageValue}\n`);
      return;
    case 'Object': {
      const cur = currentOf(hpa, i, 'object')?.current;
      const head = `"${m.object?.metric?.name}" on ${m.object?.describedObject?.kind}/${m.object?.describedObject?.name} `;
      if (m.object?.target?.type === 'AverageValue') w.write(1, `${head}(target average value):\t${cur?.averageValue ?? '<unknown>'} / ${m.object.target.averageValue}\n`);
      else w.write(1, `${head}(target value):\t${cur?.value ?? '<unknown>'} / ${m.object?.target?.value}\n`);
      return;
    }
    case 'External': {
      const cur = currentOf(hpa, i, 'external')?.current;
      const name = JSON.stringify(m.external?.metric?.name ?? '');
      if (m.external?.target?.averageValue !== undefined) w.write(1, `${name} (target average value):\t${cur?.averageValue ?? '<unknown>'} / ${m.external.target.averageValue}\n`);
      else w.write(1, `${name} (target value):\t${cur?.value ?? '<unknown>'} / ${m.external?.target?.value}\n`);
      return;
    }
    default:
      w.write(1, `<unknown metric type ${JSON.stringify(String(m.type))}>\n`);
  }
}

function writeDirection(w: DescribeWriter, title: string, rules: any): void {
  if (!rules) return;
  w.write(1, `${title}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  const policies: any[] = rules.policies ?? [];
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(2, 'Policies:\n');
  for (const p of policies) w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

/** Describes a HorizontalPodAutoscaler as kubectl's v2 describer does. */
export function describeHpa(hpa: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  w.line(0, 'Name', hpa.metadata.name);
  w.line(0, 'Namespace', hpa.metadata.namespace ?? '');
  writeMap(w, 0, 'Labels', hpa.metadata.labels);
  writeMap(w, 0, 'Annotations', hpa.metadata.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  w.line(0, 'CreationTimestamp', rfc1123z(hpa.metadata.creationTimestamp));
  w.line(0, 'Reference', `${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}`);
  w.line(0, 'Metrics', '( current / target )');
  (spec.metrics ?? []).forEach((m: any, i: number) => writeMetric(w, hpa, m, i));
  w.line(0, 'Min replicas', spec.minReplicas === undefined ? '<unset>' : spec.minReplicas);
  w.line(0, 'Max replicas', spec.maxReplicas);
  if (spec.behavior) {
    w.write(0, 'Behavior:\n');
    writeDirection(w, 'Scale Up', spec.behavior.scaleUp);
    writeDirection(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.line(0, `${spec.scaleTargetRef?.kind} pods`, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired`);
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  writeEvents(w, ctx.events(hpa), ctx.now, ctx.version);
  return w.text();
}
