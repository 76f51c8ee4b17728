/**
 * The files the kubelet writes into a container's ConfigMap, Secret,
 * downward API and projected (service account) volumes, so that `cat` and
 * `ls` in `kubectl exec` and the container's own program can read them.
 * Simplified: the files are read when the process starts, so later changes
 * to a ConfigMap or label do not reach a running container. A missing
 * ConfigMap or Secret leaves its volume empty instead of failing the mount.
 * defaultMode and item modes are not modelled.
 */
import { createRequire } from 'node:module';
import type { KObject } from '../api/types.js';
import { resolveFieldPath, resolveResourceField, type EnvSources } from './env.js';

// node:crypto and the stream modules it pulls in cost a few milliseconds to load, and the kubelet
// runs in every command, so crypto is loaded only when a token file is built.
const load = createRequire(import.meta.url);

/** Lookups for the objects a pod's volumes refer to, each in the pod's namespace. */
export interface VolumeSources extends EnvSources {
  serviceAccount?(name: string): KObject | undefined;
}

/** One file of a volume: its path inside the volume and its content. */
type VolumeFile = [path: string, content: string];

function decodeBase64(value: unknown): string {
  return Buffer.from(String(value ?? ''), 'base64').toString('utf8');
}

/** Selects the keys a volume projects: every key at its own name, or only the listed items at their paths. */
function selectKeys(entries: [string, string][], items: any[] | undefined): VolumeFile[] {
  if (!items?.length) return entries;
  const byKey = new Map(entries);
  const out: VolumeFile[] = [];
  for (const item of items) {
    const content = byKey.get(item.key);
    if (content !== undefined) out.push([item.path ?? item.key, content]);
  }
  return out;
}

function configMapFiles(cm: KObject | undefined, items: any[] | undefined): VolumeFile[] {
  if (!cm) return [];
  const entries = Object.entries((cm as any).data ?? {}).map(([k, v]): [string, string] => [k, String(v)]);
  for (const [k, v] of Object.entries((cm as any).binaryData ?? {})) entries.push([k, decodeBase64(v)]);
  return selectKeys(entries, items);
}

function secretFiles(secret: KObject | undefined, items: any[] | undefined): VolumeFile[] {
  if (!secret) return [];
  const merged = new Map<string, string>();
  for (const [k, v] of Object.entries((secret as any).data ?? {})) merged.set(k, decodeBase64(v));
  for (const [k, v] of Object.entries((secret as any).stringData ?? {})) merged.set(k, String(v));
  return selectKeys([...merged], items);
}

/** Formats labels or annotations as the downward API writes them: sorted `key="value"` lines without a final newline. */
export function formatFieldMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

function downwardAPIFiles(pod: KObject, items: any[] | undefined, sources: VolumeSources): VolumeFile[] {
  const out: VolumeFile[] = [];
  for (const item of items ?? []) {
    if (item.fieldRef) {
      const path = item.fieldRef.fieldPath ?? '';
      let content = resolveFieldPath(pod, path);
      if (path === 'metadata.labels') content = formatFieldMap(pod.metadata.labels);
      if (path === 'metadata.annotations') content = formatFieldMap(pod.metadata.annotations);
      out.push([item.path, content]);
    } else if (item.resourceFieldRef) {
      const ref = item.resourceFieldRef;
      const container = (pod.spec?.containers ?? []).find((c: any) => c.name === ref.containerName) ?? {};
      out.push([item.path, resolveResourceField(container, ref.resource ?? '', ref.divisor, sources.node)]);
    }
  }
  return out;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Builds a stand-in for the bound service account token the kubelet
 * requests for the pod: a JWT-shaped string whose claims name the pod and
 * its service account. Its signature is a hash of the claims, so no
 * server accepts it.
 * NOTE: the API server's one-year extension of 3607-second tokens is not modelled.
 */
export function serviceAccountToken(pod: KObject, account: KObject | undefined, expirationSeconds: number, issuedAt: number): string {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.spec?.serviceAccountName ?? 'default';
  const iat = Math.floor(issuedAt / 1000);
  const issuer = 'https://kubernetes.default.svc.cluster.local';
  const claims = {
    aud: [issuer],
    exp: iat + expirationSeconds,
    iat,
    iss: issuer,
    'kubernetes.io': {
      namespace: ns,
      pod: { name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      serviceaccount: { name, uid: account?.metadata.uid ?? '' },
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${name}`,
  };
  const payload = base64url(JSON.stringify(claims));
  const { createHash } = load('node:crypto') as typeof import('node:crypto');
  const kid = createHash('sha256').update(issuer).digest('base64url');
  const header = base64url(JSON.stringify({ alg: 'RS256', kid }));
  const digest = createHash('sha512').update(`${header}.${payload}`).digest();
  const signature = base64url(Buffer.concat([digest, digest, digest, digest]));
  return `${header}.${payload}.${signature}`;
}

function projectedFiles(pod: KObject, projected: any, sources: VolumeSources, at: number): VolumeFile[] {
  const out: VolumeFile[] = [];
  for (const source of projected.sources ?? []) {
    if (source.configMap) out.push(...configMapFiles(sources.configMap(source.configMap.name), source.configMap.items));
    else if (source.secret) out.push(...secretFiles(sources.secret(source.secret.name), source.secret.items));
    else if (source.downwardAPI) out.push(...downwardAPIFiles(pod, source.downwardAPI.items, sources));
    else if (source.serviceAccountToken) {
      const account = sources.serviceAccount?.(pod.spec?.serviceAccountName ?? 'default');
      const token = serviceAccountToken(pod, account, source.serviceAccountToken.expirationSeconds ?? 3600, at);
      out.push([source.serviceAccountToken.path ?? 'token', token]);
    }
  }
  return out;
}

/** Returns the files of one volume by their paths inside it; other volume types have none. */
function volumeFiles(pod: KObject, volume: any, sources: VolumeSources, at: number): VolumeFile[] {
  if (volume.configMap) return configMapFiles(sources.configMap(volume.configMap.name), volume.configMap.items);
  if (volume.secret) return secretFiles(sources.secret(volume.secret.secretName), volume.secret.items);
  if (volume.downwardAPI) return downwardAPIFiles(pod, volume.downwardAPI.items, sources);
  if (volume.projected) return projectedFiles(pod, volume.projected, sources, at);
  return [];
}

/**
 * Builds the mounted volume files a container reads, by absolute path, from
 * its volumeMounts: each volume's files under the mount path, or with a
 * subPath only the file or folder it names.
 */
export function buildMountedFiles(pod: KObject, container: any, sources: VolumeSources, at: number): Map<string, string> {
  const files = new Map<string, string>();
  const volumes: any[] = pod.spec?.volumes ?? [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.find((v) => v.name === mount.name);
    if (!volume || !mount.mountPath) continue;
    const root = String(mount.mountPath).replace(/\/+$/, '');
    const subPath = String(mount.subPath ?? '').replace(/^\/+|\/+$/g, '');
    for (const [path, content] of volumeFiles(pod, volume, sources, at)) {
      if (!subPath) files.set(`${root}/${path}`, content);
      else if (path === subPath) files.set(root, content);
      else if (path.startsWith(`${subPath}/`)) files.set(`${root}/${path.slice(subPath.length + 1)}`, content);
    }
  }
  return files;
}

/** Builds the lookups of buildMountedFiles over a store's objects in the pod's namespace. */
export function storeVolumeSources(store: { get(resource: string, ns: string, name: string): KObject | undefined }, pod: KObject): VolumeSources {
  const ns = pod.metadata.namespace ?? 'default';
  return {
    configMap: (name) => store.get('configmaps', ns, name),
    secret: (name) => store.get('secrets', ns, name),
    serviceAccount: (name) => store.get('serviceaccounts', ns, name),
    // Read on first use: most containers need neither resource limits nor node fields.
    get node() {
      return pod.spec?.nodeName ? store.get('nodes', '', pod.spec.nodeName) : undefined;
    },
  };
}
