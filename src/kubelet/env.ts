/**
 * A container's own environment as the kubelet builds it when it creates
 * the container (makeEnvironmentVariables in pkg/kubelet/kubelet_pods.go):
 * `envFrom` ConfigMaps and Secrets first, then `env` in order, each entry a
 * plain value or a `valueFrom` source (fieldRef, resourceFieldRef,
 * configMapKeyRef, secretKeyRef). A missing source that is not optional
 * stops the container from being created.
 */
import type { KObject } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';
import type { EnvVar } from './service-env.js';

/** Lookups for the objects an environment refers to, each in the pod's namespace. */
export interface EnvSources {
  configMap(name: string): KObject | undefined;
  secret(name: string): KObject | undefined;
  /** The pod's node, whose allocatable resources stand in for limits a container does not set. */
  node?: KObject;
}

/** The kubelet's result: the variables, the error that blocks the container's creation, and warnings for the pod's events. */
export interface ContainerEnvironment {
  env: EnvVar[];
  /** The kubelet's error text, shown as `Error: <text>` in the `Failed` event and as the CreateContainerConfigError message. */
  error?: string;
  /** Messages of `InvalidEnvironmentVariableNames` warnings. */
  warnings: string[];
}

/** The reason an envFrom warning carries. */
export const INVALID_ENV_NAMES_REASON = 'InvalidEnvironmentVariableNames';

/**
 * Returns whether `name` is a valid variable name for envFrom keys, as
 * IsEnvVarName (apimachinery's validation) decides: letters, digits, `_`,
 * `-` and `.`, not starting with a digit, and not `.`, `..` or `..`-prefixed.
 * NOTE: whether the 1.32 kubelet applies the relaxed rule of the
 * RelaxedEnvironmentVariableValidation gate here is not checked.
 */
export function isEnvVarName(name: string): boolean {
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) return false;
  return name !== '.' && name !== '..' && !name.startsWith('..');
}

/** Decodes a Secret value, which the API server stores in base64. */
function decodeSecretValue(value: unknown): string {
  return Buffer.from(String(value ?? ''), 'base64').toString('utf8');
}

/** Returns a Secret's keys with decoded values: `data`, then any `stringData` the store kept (it wins, as the API server merges it). */
function secretEntries(secret: KObject): [string, string][] {
  const merged = new Map<string, string>();
  for (const [k, v] of Object.entries((secret as any).data ?? {})) merged.set(k, decodeSecretValue(v));
  for (const [k, v] of Object.entries((secret as any).stringData ?? {})) merged.set(k, String(v));
  return [...merged];
}

function configMapEntries(cm: KObject): [string, string][] {
  return Object.entries((cm as any).data ?? {}).map(([k, v]) => [k, String(v)]);
}

/** Resolves a downward API field path of the pod; unknown paths resolve to an empty string. */
export function resolveFieldPath(pod: KObject, path: string): string {
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (keyed) return (keyed[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[keyed[2]] ?? '';
  const fields: Record<string, unknown> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return String(fields[path] ?? '');
}

/**
 * Resolves a resourceFieldRef as the kubelet does. A limit the container
 * does not set is the node's allocatable amount. The value is divided by
 * the divisor (default 1) and rounded up, CPU in millicores: `limits.cpu`
 * of 250m is `250` with divisor 1m and `1` with divisor 1.
 */
export function resolveResourceField(container: any, resource: string, divisor: unknown, node?: KObject): string {
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  let amount = container?.resources?.[kind]?.[name];
  if (amount === undefined && kind === 'limits') amount = node?.status?.allocatable?.[name];
  const value = parseQuantity(amount ?? '0');
  const per = parseQuantity(divisor ?? '1');
  if (Number.isNaN(value) || Number.isNaN(per) || per === 0) return '0';
  if (name === 'cpu') return String(Math.ceil(Math.round(value * 1000) / Math.round(per * 1000)));
  return String(Math.ceil(value / per));
}

/** Returns whether a reference's `optional` is set to true. */
function isOptional(ref: any): boolean {
  return ref?.optional === true;
}

/**
 * Builds a container's environment from its spec and the objects it
 * refers to. Later envFrom sources overwrite earlier ones, and `env` entries
 * overwrite envFrom keys; the result keeps the first place of each name.
 */
export function makeEnvironment(pod: KObject, container: any, sources: EnvSources): ContainerEnvironment {
  const ns = pod.metadata.namespace ?? 'default';
  const vars = new Map<string, string>();
  const warnings: string[] = [];
  const configMaps = new Map<string, KObject | undefined>();
  const secrets = new Map<string, KObject | undefined>();
  const configMapOf = (name: string) => {
    if (!configMaps.has(name)) configMaps.set(name, sources.configMap(name));
    return configMaps.get(name);
  };
  const secretOf = (name: string) => {
    if (!secrets.has(name)) secrets.set(name, sources.secret(name));
    return secrets.get(name);
  };

  for (const from of container.envFrom ?? []) {
    const ref = from?.configMapRef ?? from?.secretRef;
    if (!ref) continue;
    const isSecret = !from.configMapRef;
    const obj = isSecret ? secretOf(ref.name) : configMapOf(ref.name);
    if (!obj) {
      if (isOptional(ref)) continue;
      return { env: [], error: `${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found`, warnings };
    }
    const invalid: string[] = [];
    for (const [key, value] of isSecret ? secretEntries(obj) : configMapEntries(obj)) {
      const name = (from.prefix ?? '') + key;
      if (!isEnvVarName(name)) invalid.push(name);
      else vars.set(name, value);
    }
    if (invalid.length) {
      invalid.sort();
      warnings.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${isSecret ? 'secret' : 'configMap'} ${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
    }
  }

  for (const e of container.env ?? []) {
    if (!e?.name) continue;
    const from = e.valueFrom;
    if (!from) {
      vars.set(e.name, String(e.value ?? ''));
      continue;
    }
    if (from.fieldRef) vars.set(e.name, resolveFieldPath(pod, from.fieldRef.fieldPath ?? ''));
    else if (from.resourceFieldRef) {
      const target = from.resourceFieldRef.containerName
        ? (pod.spec?.containers ?? []).find((c: any) => c.name === from.resourceFieldRef.containerName) ?? container
        : container;
      vars.set(e.name, resolveResourceField(target, from.resourceFieldRef.resource ?? '', from.resourceFieldRef.divisor, sources.node));
    } else if (from.configMapKeyRef || from.secretKeyRef) {
      const ref = from.configMapKeyRef ?? from.secretKeyRef;
      const isSecret = !from.configMapKeyRef;
      const obj = isSecret ? secretOf(ref.name) : configMapOf(ref.name);
      if (!obj) {
        if (isOptional(ref)) continue;
        return { env: [], error: `${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found`, warnings };
      }
      const found = (isSecret ? secretEntries(obj) : configMapEntries(obj)).find(([k]) => k === ref.key);
      if (!found) {
        if (isOptional(ref)) continue;
        return { env: [], error: `couldn't find key ${ref.key} in ${isSecret ? 'Secret' : 'ConfigMap'} ${ns}/${ref.name}`, warnings };
      }
      vars.set(e.name, found[1]);
    } else vars.set(e.name, '');
  }
  return { env: [...vars].map(([name, value]) => ({ name, value })), warnings };
}

/** Builds the lookups of `makeEnvironment` over a store's objects in the pod's namespace. */
export function storeEnvSources(store: { get(resource: string, ns: string, name: string): KObject | undefined }, pod: KObject): EnvSources {
  const ns = pod.metadata.namespace ?? 'default';
  return {
    configMap: (name) => store.get('configmaps', ns, name),
    secret: (name) => store.get('secrets', ns, name),
    // Read on first use: most containers need neither resource limits nor node fields.
    get node() {
      return pod.spec?.nodeName ? store.get('nodes', '', pod.spec.nodeName) : undefined;
    },
  };
}
