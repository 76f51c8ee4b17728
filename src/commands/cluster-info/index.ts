/**
 * `kubectl cluster-info`: the address of the (simulated) control plane, then
 * each Service labelled `kubernetes.io/cluster-service=true` in the
 * namespace (kube-system unless -n names another), under its
 * `kubernetes.io/name` label, at the API server's proxy path for its first
 * port, as kubectl prints them.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';

/** Returns the link kubectl prints for a cluster Service: its load balancer's ports, or the API server's proxy path. */
function serviceLink(host: string, svc: KObject): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  if (ingress) {
    const ip = ingress.ip || ingress.hostname;
    return (svc.spec?.ports ?? []).map((p: any) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    const portName: string = port.name ?? '';
    // <scheme>:<name>:<port> needs all three parts once a scheme is given, <name>:<port> only a port.
    if (scheme) name = `${scheme}:${name}:${portName}`;
    else if (portName) name = `${name}:${portName}`;
  }
  return `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

export const command: CommandDef = {
  use: 'cluster-info',
  short: 'Display cluster information.',
  flags: [],
  run(ctx) {
    const cluster = ctx.cluster();
    const colour = ctx.io.isTTY && !process.env.NO_COLOR;
    const g = (s: string) => (colour ? `\x1b[0;32m${s}\x1b[0m` : s);
    const y = (s: string) => (colour ? `\x1b[0;33m${s}\x1b[0m` : s);
    const host = `kubesim://${cluster.name}`;
    let out = `${g('Kubernetes control plane')} is running at ${y(host)}\n`;
    const namespace = ctx.flags.namespace || 'kube-system';
    for (const svc of cluster.store.list('services', namespace)) {
      if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
      out += `${g(name)} is running at ${y(serviceLink(host, svc))}\n`;
    }
    ctx.io.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
