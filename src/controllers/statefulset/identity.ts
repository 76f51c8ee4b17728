/**
 * A StatefulSet pod's stable identity: its name `<set>-<ordinal>`, hostname
 * and subdomain, identity labels, and the claims `<claim>-<set>-<ordinal>`
 * its volumeClaimTemplates give it.
 */
import type { KObject } from '../../api/types.js';
import { controllerRef } from '../podutil/pod-state.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export function podName(sts: KObject, ordinal: number): string {
  return `${sts.metadata.name}-${ordinal}`;
}

export function claimName(template: KObject, sts: KObject, ordinal: number): string {
  return `${template.metadata?.name}-${sts.metadata.name}-${ordinal}`;
}

/** Returns the ordinal in a pod's name, or -1 when the name is not `<set>-<n>`. */
export function ordinalOf(sts: KObject, pod: KObject): number {
  const prefix = `${sts.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

/** Returns the first ordinal (`spec.ordinals.start`, default 0). */
export function startOrdinal(sts: KObject): number {
  return sts.spec?.ordinals?.start ?? 0;
}

/** Builds the pod for an ordinal from a template of the given revision. */
export function buildStatefulPod(sts: KObject, template: any, ordinal: number, revisionName: string, version: number): KObject {
  const t = structuredClone(template ?? {});
  const name = podName(sts, ordinal);
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}), 'controller-revision-hash': revisionName, [POD_NAME_LABEL]: name };
  if (version >= 128) labels[POD_INDEX_LABEL] = String(ordinal);
  const spec = t.spec ?? {};
  const claims: any[] = sts.spec?.volumeClaimTemplates ?? [];
  const volumes: any[] = (spec.volumes ?? []).filter((v: any) => !claims.some((c) => c.metadata?.name === v.name));
  for (const c of claims) volumes.push({ name: c.metadata?.name, persistentVolumeClaim: { claimName: claimName(c, sts, ordinal) } });
  if (volumes.length) spec.volumes = volumes;
  spec.hostname = name;
  if (sts.spec?.serviceName) spec.subdomain = sts.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: sts.metadata.namespace,
      labels,
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [controllerRef(sts)],
    },
    spec,
  };
}

/** Builds the claim an ordinal's volumeClaimTemplate describes, labelled with the set's selector. */
export function buildClaim(sts: KObject, template: any, ordinal: number): KObject {
  const t = structuredClone(template);
  const labels = { ...(t.metadata?.labels ?? {}), ...(sts.spec?.selector?.matchLabels ?? {}) };
  const spec = { ...(t.spec ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: claimName(t, sts, ordinal), namespace: sts.metadata.namespace, labels, ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}) },
    spec,
  };
}
