/**
 * The Ingress of `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]`:
 * one rule per host, one path per `--rule`, `Exact` paths unless the path
 * ends in `*` (then `Prefix`, without the star), and a TLS entry per secret
 * gathering the hosts whose rules ask for TLS.
 */
import type { KObject } from '../../api/types.js';
import { parseIntOrString } from '../../printers/generator-helpers.js';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

/** Flags of `kubectl create ingress`. */
export interface IngressFlags {
  name: string;
  rules: string[];
  annotations: string[];
  ingressClass: string;
  defaultBackend: string;
  namespace?: string;
}

/** CreateIngressOptions.Validate's checks, in its order. */
function validate(f: IngressFlags): void {
  if (!f.defaultBackend && f.rules.length === 0) {
    throw new Error('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const rule of f.rules) if (!RULE.test(rule)) throw new Error(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of f.annotations) if (!a.includes('=')) throw new Error(`annotation ${a} is invalid and should be in format key=[value]`);
  if (f.defaultBackend && f.defaultBackend.split(':').length !== 2) throw new Error('default-backend should be in format servicename:serviceport');
}

/** Builds the IngressBackend for `svc:port`: a numeric port is a number, anything else a port name. */
function backend(service: string): Record<string, unknown> {
  const [name, portText] = service.split(':');
  const port = parseIntOrString(portText);
  return { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

function httpPath(pathAndService: string): Record<string, unknown> {
  const [pathText, service] = pathAndService.split('=');
  let path = `/${pathText}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

function tlsEntries(rules: string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const entries: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const tls = rule.split('tls');
    if (tls.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = tls[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    const same = entries.find((e) => (e.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) entries.push(entry);
  }
  return entries;
}

function ingressRules(rules: string[]): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

/** Builds the Ingress, or throws kubectl's message for a malformed flag. */
export function generateIngress(f: IngressFlags): KObject {
  validate(f);
  const annotations: Record<string, string> = {};
  for (const a of f.annotations) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const metadata: KObject['metadata'] = { name: f.name };
  if (f.namespace) metadata.namespace = f.namespace;
  metadata.creationTimestamp = null as unknown as string;
  if (Object.keys(annotations).length) metadata.annotations = Object.fromEntries(Object.keys(annotations).sort().map((k) => [k, annotations[k]]));

  const spec: Record<string, unknown> = {};
  if (f.ingressClass) spec.ingressClassName = f.ingressClass;
  if (f.defaultBackend) spec.defaultBackend = backend(f.defaultBackend);
  const tls = tlsEntries(f.rules);
  if (tls.length) spec.tls = tls;
  const rules = ingressRules(f.rules);
  if (rules.length) spec.rules = rules;
  return { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: { loadBalancer: {} } };
}
