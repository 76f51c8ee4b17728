/**
 * `kubectl describe service` (ServiceDescriber): addresses, ports with
 * their target and node ports, the Endpoints' addresses, policies and events.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';

function endpointList(ep: KObject | undefined, port: any): string {
  const out: string[] = [];
  for (const s of ep?.subsets ?? []) {
    const p = (s.ports ?? []).find((x: any) => (x.name ?? '') === (port?.name ?? '')) ?? (s.ports ?? [])[0];
    for (const a of s.addresses ?? []) out.push(p ? `${a.ip}:${p.port}` : a.ip);
  }
  return out.length ? out.join(',') : '<none>';
}

export function describeService(svc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  w.line(0, 'Name', svc.metadata.name);
  w.line(0, 'Namespace', svc.metadata.namespace ?? 'default');
  writeMap(w, 0, 'Labels', svc.metadata.labels);
  writeMap(w, 0, 'Annotations', svc.metadata.annotations);
  const sel = spec.selector ?? {};
  w.line(0, 'Selector', Object.keys(sel).length ? Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',') : '<none>');
  w.line(0, 'Type', spec.type ?? 'ClusterIP');
  // describeService prints what the spec holds: an ExternalName Service has no policy, families or IPs.
  if (ctx.version >= 120) {
    if (spec.ipFamilyPolicy) w.line(0, 'IP Family Policy', spec.ipFamilyPolicy);
    w.line(0, 'IP Families', spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>');
  }
  w.line(0, 'IP', spec.clusterIP ?? '');
  if (ctx.version >= 120) w.line(0, 'IPs', spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>');
  if (spec.externalIPs?.length) w.line(0, 'External IPs', spec.externalIPs.join(','));
  if (spec.type === 'ExternalName') w.line(0, 'External Name', spec.externalName ?? '');
  const ep = ctx.list('endpoints', svc.metadata.namespace).find((e) => e.metadata.name === svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${p.name || '<unset>'}\t${p.port}/${proto}\n`);
    w.line(0, 'TargetPort', `${p.targetPort ?? p.port}/${proto}`);
    if (p.nodePort) w.write(0, `NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${proto}\n`);
    w.line(0, 'Endpoints', endpointList(ep, p));
  }
  w.line(0, 'Session Affinity', spec.sessionAffinity ?? 'None');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') w.line(0, 'External Traffic Policy', spec.externalTrafficPolicy ?? 'Cluster');
  if (ctx.version >= 126 && spec.internalTrafficPolicy) w.line(0, 'Internal Traffic Policy', spec.internalTrafficPolicy);
  writeEvents(w, ctx.events(svc), ctx.now, ctx.version);
  return w.text();
}
