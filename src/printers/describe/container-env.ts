/**
 * The `Environment Variables from:` and `Environment:` blocks of a container
 * in kubectl describe (describeContainerEnvFrom and describeContainerEnvVars
 * in kubectl's describe package).
 */
import type { KObject } from '../../api/types.js';
import { parseQuantity } from '../../api/quantity.js';
import type { DescribeWriter } from './writer.js';

/**
 * Resolves a fieldRef as kubectl's EnvValueRetriever does for a pod: only
 * metadata fields resolve, so `status.podIP` or `spec.nodeName` print empty.
 * Pod templates have no pod, and every fieldRef prints empty there.
 */
function describeFieldRef(pod: KObject | undefined, path: string): string {
  if (!pod) return '';
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (keyed) return (keyed[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[keyed[2]] ?? '';
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
  };
  return fields[path] ?? '';
}

/**
 * Computes a resourceFieldRef from the container's own resources, as
 * kubectl's ExtractContainerResourceValue does: no node is consulted, so an
 * unset limit is 0 and prints as `node allocatable`.
 */
function describeResourceField(container: any, ref: any): string {
  const resource = String(ref.resource ?? '');
  const [kind, name] = [resource.slice(0, resource.indexOf('.')), resource.slice(resource.indexOf('.') + 1)];
  const value = parseQuantity(container.resources?.[kind]?.[name] ?? '0');
  const divisor = parseQuantity(ref.divisor ?? '1');
  if (Number.isNaN(value) || Number.isNaN(divisor) || divisor === 0) return '';
  const text = name === 'cpu' ? String(Math.ceil(Math.round(value * 1000) / Math.round(divisor * 1000))) : String(Math.ceil(value / divisor));
  if (text === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) return 'node allocatable';
  return text;
}

/** Writes the `Environment Variables from:` block, which kubectl prints only when the container has envFrom. */
export function writeContainerEnvFrom(w: DescribeWriter, container: any, level: number): void {
  const sources: any[] = container.envFrom ?? [];
  if (sources.length === 0) return;
  w.write(level, 'Environment Variables from:\n');
  for (const source of sources) {
    const ref = source.configMapRef ?? source.secretRef ?? {};
    let from = '';
    if (source.configMapRef) from = 'ConfigMap';
    else if (source.secretRef) from = 'Secret';
    const optional = ref.optional === true;
    const kind = source.prefix ? `${from} with prefix '${source.prefix}'` : from;
    w.write(level + 1, `${ref.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
  }
}

/** Writes the `Environment:` block: plain values line by line, and each valueFrom source as kubectl names it. */
export function writeContainerEnv(w: DescribeWriter, container: any, level: number, pod?: KObject): void {
  const env: any[] = container.env ?? [];
  if (env.length === 0) {
    w.line(level, 'Environment', '<none>');
    return;
  }
  w.write(level, 'Environment:\n');
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      String(e.value ?? '')
        .split('\n')
        .forEach((part, i) => (i === 0 ? w.line(level + 1, e.name, part) : w.write(level + 1, `\t${part}\n`)));
    } else if (from.fieldRef) {
      const path = from.fieldRef.fieldPath ?? '';
      w.line(level + 1, e.name, `${describeFieldRef(pod, path)} (${from.fieldRef.apiVersion ?? 'v1'}:${path})`);
    } else if (from.resourceFieldRef) {
      w.line(level + 1, e.name, `${describeResourceField(container, from.resourceFieldRef)} (${from.resourceFieldRef.resource ?? ''})`);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      w.line(level + 1, e.name, `<set to the key '${ref.key}' in secret '${ref.name}'>\tOptional: ${ref.optional === true}`);
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      w.line(level + 1, e.name, `<set to the key '${ref.key}' of config map '${ref.name}'>\tOptional: ${ref.optional === true}`);
    }
  }
}
