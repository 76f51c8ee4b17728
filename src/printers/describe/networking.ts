/**
 * `kubectl describe ingress` (describeIngressV1) and `describe
 * networkpolicy` (describeNetworkPolicy).
 */
import type { KObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/selectors.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';

/** serviceBackendStringer: `name:port`, the port's number or else its name. */
function serviceBackend(service: any): string {
  return `${service?.name ?? ''}:${service?.port?.number ? service.port.number : service?.port?.name ?? ''}`;
}

/** describeBackendV1: the service backend and its endpoints for the matching port, or the resource backend. */
function describeBackend(backend: any, namespace: string, ctx: DescribeContext): string {
  if (backend?.service) {
    const s = backend.service;
    const text = serviceBackend(s);
    const ep = ctx.list('endpoints', namespace).find((e) => e.metadata.name === s.name);
    if (!ep) return `${text} (<error: endpoints "${s.name}" not found>)`;
    const svc = ctx.list('services', namespace).find((e) => e.metadata.name === s.name);
    if (!svc) return `${text}(<error: services "${s.name}" not found>)`;
    let portName = '';
    for (const p of svc.spec?.ports ?? []) {
      if ((s.port?.number && s.port.number === p.port) || (s.port?.name && s.port.name === p.name)) portName = p.name ?? '';
    }
    return `${text} (${formatEndpoints(ep, portName)})`;
  }
  if (backend?.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`;
  }
  return '';
}

/** formatEndpoints for the ports named `portName`: up to three `ip:port`, then a count of the rest. */
function formatEndpoints(ep: KObject, portName: string): string {
  const subsets: any[] = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    for (const port of ss.ports ?? []) {
      if ((port.name ?? '') !== portName) continue;
      for (const a of ss.addresses ?? []) {
        count++;
        if (shown.length < 3) shown.push(`${a.ip}:${port.port}`);
      }
    }
  }
  return count > 3 ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',');
}

export function describeIngress(ing: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const ns = ing.metadata.namespace ?? 'default';
  const spec = ing.spec ?? {};
  w.line(0, 'Name', ing.metadata.name);
  writeMap(w, 0, 'Labels', ing.metadata.labels);
  w.line(0, 'Namespace', ns);
  const addresses = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) if (i?.ip || i?.hostname) addresses.add(i.ip || i.hostname);
  w.line(0, 'Address', [...addresses].sort().join(','));
  w.line(0, 'Ingress Class', spec.ingressClassName ?? '<none>');

  const defaultBackend = spec.defaultBackend ? describeBackend(spec.defaultBackend, ns, ctx) : '<default>';
  w.line(0, 'Default backend', defaultBackend);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }

  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule?.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(p.backend, ns, ctx)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);

  writeMap(w, 0, 'Annotations', ing.metadata.annotations);
  writeEvents(w, ctx.events(ing), ctx.now, ctx.version);
  return w.text();
}

/** Go's time.Time String(): `2006-01-02 15:04:05 +0000 UTC`. */
function goTime(iso: string | undefined): string {
  if (!iso) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** printNetworkPolicySpecIngressFrom and its egress twin. */
function writePeers(w: DescribeWriter, rules: any[], direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  const peerWord = direction === 'ingress' ? 'From' : 'To';
  if (rules.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports: any[] = rule?.ports ?? [];
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) w.write(0, `${indent}To Port: ${p?.port ?? '<nil>'}/${p?.protocol ?? 'TCP'}\n`);
    const peers: any[] = (direction === 'ingress' ? rule?.from : rule?.to) ?? [];
    if (peers.length === 0) {
      w.write(0, `${indent}${peerWord}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})\n`);
    }
    for (const peer of peers) {
      w.write(0, `${indent}${peerWord}:\n`);
      if (peer?.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      if (peer?.podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      if (!peer?.namespaceSelector && !peer?.podSelector && peer?.ipBlock) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}\n`);
        w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(np: KObject): string {
  const w = new DescribeWriter();
  const spec = np.spec ?? {};
  w.line(0, 'Name', np.metadata.name);
  w.line(0, 'Namespace', np.metadata.namespace ?? '');
  w.line(0, 'Created on', goTime(np.metadata.creationTimestamp));
  writeMap(w, 0, 'Labels', np.metadata.labels);
  writeMap(w, 0, 'Annotations', np.metadata.annotations);
  w.write(0, 'Spec:\n');
  const sel = spec.podSelector ?? {};
  const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
  w.write(1, `PodSelector: ${'    '}${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatLabelSelector(sel)}\n`);
  const types: string[] = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writePeers(w, spec.ingress ?? [], 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writePeers(w, spec.egress ?? [], 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ')}\n`);
  return w.text();
}
