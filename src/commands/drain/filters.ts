/**
 * The pod filters of `kubectl drain`, in kubectl's order and with its
 * messages: DaemonSet-managed pods, mirror pods, pods with emptyDir data,
 * and pods that declare no controller.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';

export interface DrainOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
}

type Verdict = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };

const OKAY: Verdict = { delete: true, kind: 'okay' };
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

function finished(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: KObject) {
  return pod.metadata.ownerReferences?.find((r) => r.controller);
}

function daemonSetFilter(store: Store, pod: KObject, o: DrainOptions): Verdict {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished(pod)) return OKAY;
  if (!store.get('daemonsets', pod.metadata.namespace ?? '', ref.name)) {
    const message = `daemonsets.apps "${ref.name}" not found`;
    return o.force ? { delete: true, kind: 'warning', message } : { delete: false, kind: 'error', message };
  }
  if (!o.ignoreDaemonSets) return { delete: false, kind: 'error', message: DAEMONSET_FATAL };
  return { delete: false, kind: 'warning', message: DAEMONSET_WARNING };
}

function mirrorPodFilter(pod: KObject): Verdict {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, kind: 'skip' } : OKAY;
}

function localStorageFilter(pod: KObject, o: DrainOptions): Verdict {
  if (!(pod.spec?.volumes ?? []).some((v: any) => v.emptyDir) || finished(pod)) return OKAY;
  if (!o.deleteEmptyDirData) return { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
  return { delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(pod: KObject, o: DrainOptions): Verdict {
  if (finished(pod) || controllerOf(pod)) return OKAY;
  if (o.force) return { delete: true, kind: 'warning', message: UNMANAGED_WARNING };
  return { delete: false, kind: 'error', message: UNMANAGED_FATAL };
}

export interface DrainPlan {
  /** Pods to evict. */
  pods: KObject[];
  /** `ignoring DaemonSet-managed Pods: default/x, ...` joined with `; `. */
  warnings: string;
  /** `cannot delete ...: ns/pod, ...`, one per message. */
  errors: string[];
}

/** Runs drain's filters over the pods on a node, keeping each pod's last verdict as kubectl does. */
export function planDrain(store: Store, pods: KObject[], o: DrainOptions): DrainPlan {
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const out: KObject[] = [];
  for (const pod of pods) {
    const filters = [() => daemonSetFilter(store, pod, o), () => mirrorPodFilter(pod), () => localStorageFilter(pod, o), () => unreplicatedFilter(pod, o)];
    let v: Verdict = OKAY;
    for (const f of filters) {
      v = f();
      if (!v.delete) break;
    }
    const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (v.kind === 'warning') warnings.set(v.message!, [...(warnings.get(v.message!) ?? []), name]);
    if (v.kind === 'error') errors.set(v.message!, [...(errors.get(v.message!) ?? []), name]);
    if (v.delete) out.push(pod);
  }
  return {
    pods: out,
    warnings: [...warnings.entries()].map(([m, ps]) => `${m}: ${ps.join(', ')}`).join('; '),
    errors: [...errors.entries()].map(([m, ps]) => `cannot delete ${m}: ${ps.join(', ')}`),
  };
}
