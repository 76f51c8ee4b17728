/**
 * `kubectl describe node` (describeNode), with the pods on the node and
 * their requests.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';
import { translateTimestampSince } from '../duration.js';
import { parseQuantity } from '../../api/quantity.js';
import { NO_AMOUNT, formatAmount, podResource, sumAmounts, type Amount } from './node-resources.js';

export function describeNode(node: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  w.line(0, 'Name', node.metadata.name);
  w.line(0, 'Roles', roles.length ? roles.sort().join(',') : '<none>');
  writeMap(w, 0, 'Labels', node.metadata.labels);
  writeMap(w, 0, 'Annotations', node.metadata.annotations);
  w.line(0, 'CreationTimestamp', rfc1123z(node.metadata.creationTimestamp));
  const taints: any[] = node.spec?.taints ?? [];
  if (taints.length === 0) w.line(0, 'Taints', '<none>');
  else taints.forEach((t, i) => (i === 0 ? w.line(0, 'Taints', `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`) : w.write(0, `\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`)));
  w.line(0, 'Unschedulable', node.spec?.unschedulable ? 'true' : 'false');
  w.write(0, 'Conditions:\n');
  w.write(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of node.status?.conditions ?? []) {
    w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.line(1, a.type, a.address);
  for (const [key, field] of [
    ['Capacity', 'capacity'],
    ['Allocatable', 'allocatable'],
  ] as const) {
    w.write(0, `${key}:\n`);
    const m = node.status?.[field] ?? {};
    for (const k of Object.keys(m).sort()) w.line(1, k, m[k]);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.line(1, 'Machine ID', info.machineID ?? '');
  w.line(1, 'System UUID', info.systemUUID ?? '');
  w.line(1, 'Boot ID', info.bootID ?? '');
  w.line(1, 'Kernel Version', info.kernelVersion ?? '');
  w.line(1, 'OS Image', info.osImage ?? '');
  w.line(1, 'Operating System', info.operatingSystem ?? '');
  w.line(1, 'Architecture', info.architecture ?? '');
  w.line(1, 'Container Runtime Version', info.containerRuntimeVersion ?? '');
  w.line(1, 'Kubelet Version', info.kubeletVersion ?? '');
  w.line(1, 'Kube-Proxy Version', info.kubeProxyVersion ?? '');
  if (node.spec?.podCIDR) w.line(0, 'PodCIDR', node.spec.podCIDR);
  if (node.spec?.podCIDRs) w.line(0, 'PodCIDRs', node.spec.podCIDRs.join(','));
  const pods = ctx.list('pods').filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.line(0, 'Non-terminated Pods', `(${pods.length} in total)`);
  // kubectl writes an empty column after the name, which widens the gap before CPU Requests.
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = node.status?.allocatable ?? {};
  const resources = ['cpu', 'memory', 'ephemeral-storage'];
  const allocatable = resources.map((name) => parseQuantity(alloc[name]) || 0);
  // A node that reports none of a resource gets 0%, as kubectl leaves the fraction at zero.
  const cell = (a: Amount, i: number) => `${formatAmount(a)} (${allocatable[i] ? Math.trunc((a.value * 100) / allocatable[i]) : 0}%)`;
  const totals = resources.map(() => ({ requests: NO_AMOUNT, limits: NO_AMOUNT }));
  for (const p of pods) {
    const cells: string[] = [];
    resources.forEach((name, i) => {
      const requests = podResource(p, 'requests', name);
      const limits = podResource(p, 'limits', name);
      totals[i] = { requests: sumAmounts(totals[i].requests, requests), limits: sumAmounts(totals[i].limits, limits) };
      if (i < 2) cells.push(cell(requests, i), cell(limits, i));
    });
    const age = translateTimestampSince(p.metadata.creationTimestamp, ctx.now);
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cells.join('\t')}\t${age}\n`);
  }
  w.write(0, 'Allocated resources:\n');
  w.write(1, '(Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  resources.forEach((name, i) => w.write(1, `${name}\t${cell(totals[i].requests, i)}\t${cell(totals[i].limits, i)}\n`));
  writeEvents(w, ctx.events(node), ctx.now, ctx.version);
  return w.text();
}
