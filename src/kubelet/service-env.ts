/**
 * The Service environment variables the kubelet gives every container
 * (`MY_SVC_SERVICE_HOST`, `MY_SVC_PORT_80_TCP_ADDR`, …), as
 * pkg/kubelet/envvars FromServices and the kubelet's getServiceEnvVarMap
 * build them.
 */
import type { KObject } from '../api/types.js';

/** One environment variable of a container. */
export interface EnvVar {
  name: string;
  value: string;
}

/** Services whose variables every pod gets from the default namespace, even with enableServiceLinks false. */
const MASTER_SERVICES = new Set(['kubernetes']);

/** Turns a Service or port name into a variable name: upper case, `-` and `.` as `_`, a leading digit prefixed with `_`. */
function toVariableName(name: string): string {
  const upper = name.replace(/[.-]/g, '_').toUpperCase();
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

function hasClusterIP(service: KObject): boolean {
  const ip = service.spec?.clusterIP;
  return typeof ip === 'string' && ip !== '' && ip !== 'None';
}

/** Builds the variables of one Service: host and port, named ports, then the Docker link variables of each port. */
function variablesOf(service: KObject): EnvVar[] {
  const prefix = toVariableName(service.metadata.name);
  const ip: string = service.spec.clusterIP;
  const ports: any[] = service.spec.ports ?? [];
  if (ports.length === 0) return [];
  const out: EnvVar[] = [
    { name: `${prefix}_SERVICE_HOST`, value: ip },
    { name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) },
  ];
  for (const p of ports) {
    if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${toVariableName(p.name)}`, value: String(p.port) });
  }
  ports.forEach((p, i) => {
    const protocol = String(p.protocol || 'TCP');
    const url = `${protocol.toLowerCase()}://${ip}:${p.port}`;
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
    out.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: protocol.toLowerCase() },
      { name: `${portPrefix}_PORT`, value: String(p.port) },
      { name: `${portPrefix}_ADDR`, value: ip },
    );
  });
  return out;
}

/**
 * Builds the Service variables of a container in `namespace`: the
 * `kubernetes` Service of the default namespace always, and with
 * `enableServiceLinks` every Service of the pod's namespace that has a
 * cluster IP. A container's environment is fixed when it starts, so only
 * Services created at or before `startedAt` (ms) count.
 * Simplified: the kubelet iterates a Go map, so real variables come in no
 * fixed order. kubesim orders them by Service name, which keeps `env` output
 * stable.
 */
export function buildServiceEnv(services: KObject[], namespace: string, enableServiceLinks: boolean, startedAt: number): EnvVar[] {
  const chosen = new Map<string, KObject>();
  for (const service of services) {
    if (!hasClusterIP(service)) continue;
    const created = Date.parse(service.metadata.creationTimestamp ?? '');
    if (Number.isFinite(created) && created > startedAt) continue;
    const name = service.metadata.name;
    if (service.metadata.namespace === 'default' && MASTER_SERVICES.has(name)) {
      if (!chosen.has(name)) chosen.set(name, service);
    } else if (service.metadata.namespace === namespace && enableServiceLinks) {
      chosen.set(name, service);
    }
  }
  const names = [...chosen.keys()].sort();
  return names.flatMap((name) => variablesOf(chosen.get(name)!));
}
