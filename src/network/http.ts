/**
 * HTTP inside the simulated network: an address (pod IP, Service IP or
 * in-cluster name) resolves to a pod, and the pod's image program answers.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { planContainer, serverListensOn } from '../images/program.js';
import { serveHttp } from '../images/http.js';
import type { ContainerRecord, PodRecord } from '../kubelet/state.js';
import { resolveHost } from './dns.js';
import { pickBackend } from './load-balance.js';

/** The part of a cluster that HTTP requests read: its store. A Cluster fits, and so does a controller's context. */
export interface NetworkHost {
  store: Store;
}

export interface HttpTarget {
  host: string;
  port: number;
  path: string;
  /** Namespace of the asking pod, for short Service names (default `default`). */
  namespace?: string;
}

export interface HttpResult {
  status?: number;
  body: string;
  error?: string;
  exitCode?: number;
}

export function resolveHttpTarget(cluster: NetworkHost, url: string, namespace: string): HttpTarget {
  void cluster;
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { host: url, port: 80, path: '/', namespace };
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/', namespace };
}

function podByIP(cluster: NetworkHost, ip: string): KObject | undefined {
  const row = cluster.store
    .prepared("SELECT data FROM objects WHERE resource = 'pods' AND json_extract(data, '$.status.podIP') = ? AND json_extract(data, '$.metadata.deletionTimestamp') IS NULL LIMIT 1")
    .get(ip) as { data: string } | undefined;
  return row ? JSON.parse(row.data) : undefined;
}

function refused(target: HttpTarget): HttpResult {
  return { body: '', error: `curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`, exitCode: 7 };
}

/** Answers a GET from the pod behind the target: a pod IP, a Service (IP or name) or a pod's DNS name. */
export function httpGet(cluster: NetworkHost, target: HttpTarget): HttpResult {
  const resolved = resolveHost(cluster.store, target.host, target.namespace ?? 'default');
  if (!resolved) return { body: '', error: `curl: (6) Could not resolve host: ${target.host}`, exitCode: 6 };
  if (resolved.kind === 'pod') return podGet(cluster, resolved.pod, target);
  if (resolved.kind === 'service') {
    const backend = pickBackend(cluster.store, resolved.service, target.port);
    // A headless Service's name resolves to its endpoints' addresses, so with none it does not resolve at all.
    if (!backend && resolved.service.spec?.clusterIP === 'None') return { body: '', error: `curl: (6) Could not resolve host: ${target.host}`, exitCode: 6 };
    if (!backend) return refused(target);
    return podGet(cluster, backend.pod, { ...target, port: backend.port });
  }
  const node = cluster.store.list('nodes').find((n) => (n.status?.addresses ?? []).some((a: any) => a.address === resolved.ip));
  if (node) return nodeGet(cluster, node, target);
  const pod = podByIP(cluster, resolved.ip);
  const timeout = { body: '', error: `curl: (28) Failed to connect to ${target.host} port ${target.port} after 129318 ms: Couldn't connect to server`, exitCode: 28 };
  if (!pod) return timeout;
  return podGet(cluster, pod, target);
}

/**
 * Returns the reply to a GET sent to a node's address. kube-proxy forwards a Service's
 * nodePort on every node to the Service's endpoints. Otherwise only a
 * host-network pod on that node that declares the port replies, and any
 * other port refuses the connection.
 */
function nodeGet(cluster: NetworkHost, node: KObject, target: HttpTarget): HttpResult {
  for (const svc of cluster.store.list('services')) {
    if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') continue;
    const entry = (svc.spec.ports ?? []).find((p: any) => p.nodePort === target.port);
    if (!entry) continue;
    const backend = pickBackend(cluster.store, svc, entry.port);
    if (!backend) return refused(target);
    return podGet(cluster, backend.pod, { ...target, port: backend.port });
  }
  for (const pod of cluster.store.list('pods', undefined, { node: node.metadata.name })) {
    if (!pod.spec?.hostNetwork || pod.metadata.deletionTimestamp) continue;
    const declares = (pod.spec.containers ?? []).some((c: any) => (c.ports ?? []).some((p: any) => p.containerPort === target.port || p.hostPort === target.port));
    if (declares) return podGet(cluster, pod, target);
  }
  return refused(target);
}

/** Returns the files the container's processes wrote (null: removed) by `now`, which the kubelet keeps for an exec'd or exec-probed container. */
function writtenPages(rec: ContainerRecord, now: number): Map<string, string | null> | undefined {
  if (!rec.fileChanges) return undefined;
  const written = new Map<string, string | null>();
  for (const [at, path, content] of rec.fileChanges) {
    if (at > now) break;
    written.set(path, content);
  }
  return written;
}

export function podGet(cluster: NetworkHost, pod: KObject, target: HttpTarget): HttpResult {
  const record = pod._sim as PodRecord | undefined;
  for (const spec of pod.spec?.containers ?? []) {
    const rec = record?.containers[spec.name];
    if (!rec || rec.stage !== 'run') continue;
    const env: Record<string, string> = {};
    for (const e of spec.env ?? []) if (e?.name) env[e.name] = String(e.value ?? '');
    const ctx = {
      podName: pod.metadata.name,
      hostname: pod.spec.hostname ?? pod.metadata.name,
      podIP: pod.status?.podIP ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      nodeName: pod.spec.nodeName,
      startedAt: rec.startedAt ?? 0,
      env,
    };
    const plan = planContainer({ name: spec.name, image: spec.image, command: spec.command, args: spec.args, env: spec.env }, ctx);
    if (!serverListensOn(plan.serves, plan.listens, (spec.ports ?? []).map((p: any) => p.containerPort), target.port)) continue;
    const now = cluster.store.now();
    const res = serveHttp(plan, ctx, target.path, writtenPages(rec, now), now);
    if (res.status === 0) continue;
    return { status: res.status, body: res.body };
  }
  void cluster;
  return refused(target);
}
