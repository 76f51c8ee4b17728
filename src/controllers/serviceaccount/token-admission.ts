/**
 * The ServiceAccount admission plugin's token mount: every new pod gets a
 * volume with its service account's API credentials, mounted read-only at
 * /var/run/secrets/kubernetes.io/serviceaccount in each container (and init
 * container) that does not mount something there already.
 *
 * Before 1.21 the volume is the service account's token Secret
 * (`default-token-2k8kw`), named after the Secret. From 1.21
 * (BoundServiceAccountTokenVolume, beta and on by default, GA in 1.22) it is a
 * projected volume `kube-api-access-xxxxx` holding a bound token, the cluster
 * CA from the `kube-root-ca.crt` ConfigMap and the namespace.
 *
 * kubesim creates no token Secrets (the `default` ServiceAccount comes from
 * serviceaccounts-controller.ts), so the name suffixes are hashed from the
 * seed and the account, or from the pod's uid. The Secret's name is then the same for every pod of an account, as on
 * a real cluster, and a projected volume gets a fresh suffix per pod. Hashing
 * instead of drawing from the seeded generator keeps every other generated
 * name where it was.
 *
 * NOTE: before 1.24 `kubectl get secrets` does not list the account's token Secret.
 */
import type { KObject } from '../../api/types.js';
import type { ClusterSettings } from '../../engine/settings.js';
import { NAME_ALPHABET } from '../../engine/random.js';

/** Mount path of the credentials in each container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** First version whose pods get the projected `kube-api-access-*` volume. */
export const PROJECTED_TOKEN_SINCE = 121;

/** Lifetime of the bound token the admission plugin requests (one hour plus 7 s). */
const TOKEN_EXPIRATION_SECONDS = 3607;

/** Looks up a ServiceAccount object the user created, if any. */
export type FindServiceAccount = (namespace: string, name: string) => KObject | undefined;

/**
 * Adds the token volume and mounts to a pod being created, in place. Skips
 * pods that opt out (`automountServiceAccountToken: false` on the pod, or on
 * its ServiceAccount when the pod leaves the field unset).
 */
export function mountServiceAccountToken(pod: KObject, settings: ClusterSettings, findAccount: FindServiceAccount): void {
  const spec = pod.spec;
  if (!spec) return;
  // The plugin leaves a kubelet's mirror pod alone: a static pod has no service account.
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
  const namespace = pod.metadata.namespace ?? 'default';
  const account: string = spec.serviceAccountName ?? 'default';
  const automount = spec.automountServiceAccountToken ?? findAccount(namespace, account)?.automountServiceAccountToken;
  if (automount === false) return;

  const projected = settings.version >= PROJECTED_TOKEN_SINCE;
  const volumes: any[] = spec.volumes ?? [];
  const secretName = `${account}-token-${hashSuffix(`${settings.seed}/${namespace}/${account}`)}`;
  let volumeName = projected ? `kube-api-access-${hashSuffix(`${settings.seed}/${pod.metadata.uid}`)}` : secretName;
  const existing = projected ? undefined : volumes.find((v) => v.secret?.secretName === secretName);
  if (existing) volumeName = existing.name;
  else if (volumes.some((v) => v.name === volumeName)) volumeName = `${volumeName}-${hashSuffix(`${settings.seed}/${pod.metadata.uid}/volume`)}`;

  let needed = false;
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const mounts: any[] = container.volumeMounts ?? [];
    if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    container.volumeMounts = [...mounts, { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true }];
    needed = true;
  }
  if (!needed || existing) return;
  spec.volumes = [...volumes, projected ? projectedTokenVolume(volumeName) : { name: volumeName, secret: { defaultMode: 420, secretName } }];
}

function projectedTokenVolume(name: string): any {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/** Hashes `text` to five characters of Kubernetes' name alphabet (FNV-1a, then a 32-bit mix per character). */
export function hashSuffix(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    let x = (h + Math.imul(i + 1, 0x9e3779b9)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    x = (x ^ (x >>> 16)) >>> 0;
    out += NAME_ALPHABET[x % NAME_ALPHABET.length];
  }
  return out;
}
