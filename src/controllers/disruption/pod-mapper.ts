/**
 * The watch mapper that wakes PodDisruptionBudgets on pod writes: it queues
 * the budgets of the pod's namespace whose selector matches the pod before or after the write. Pod writes are
 * the hottest path in the simulator, so the budgets of each namespace are
 * kept per process, and a namespace without budgets costs one map lookup.
 */
import type { KObject } from '../../api/types.js';
import type { WatchMapper } from '../../engine/controller.js';
import type { Store } from '../../store/store.js';
import { labelSelectorAsSelector, matches, type Selector } from '../../api/selectors.js';
import { isPodReady } from '../podutil/pod-state.js';
import { controllerOf } from './expected.js';

/** A budget's name and the selector the controller's pod list uses. */
interface BudgetSelector {
  name: string;
  selector: Selector | null;
}

/** Budgets per namespace, with the store state they were read in. */
interface BudgetIndex {
  store?: Store;
  epoch: number;
  budgetWrites: number;
  namespaces: Map<string, BudgetSelector[]>;
}

/**
 * The budgets this process read, per namespace. They stay valid while this
 * process's view of the store is the same (Store.viewEpoch) and it writes no
 * budget, because only a budget write can add, remove or change one.
 */
let index: BudgetIndex = { epoch: -1, budgetWrites: -1, namespaces: new Map() };

function isCurrent(store: Store): boolean {
  return index.store === store && index.epoch === store.viewEpoch && index.budgetWrites === store.writesOf('poddisruptionbudgets');
}

/** Returns the budgets of a namespace, reading them once per store state. */
function budgetsOf(store: Store, namespace: string): BudgetSelector[] {
  if (!isCurrent(store)) index = { store, epoch: store.viewEpoch, budgetWrites: store.writesOf('poddisruptionbudgets'), namespaces: new Map() };
  let budgets = index.namespaces.get(namespace);
  if (!budgets) {
    budgets = store.list('poddisruptionbudgets', namespace, { shared: true }).map((pdb) => ({ name: pdb.metadata.name, selector: selectorOrNothing(pdb) }));
    index.namespaces.set(namespace, budgets);
  }
  return budgets;
}

/** Converts a budget's selector, matching nothing when it is absent or invalid. */
function selectorOrNothing(pdb: KObject): Selector | null {
  try {
    return labelSelectorAsSelector(pdb.spec?.selector);
  } catch {
    return null;
  }
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a ?? {});
  if (keysA.length !== Object.keys(b ?? {}).length) return false;
  for (const key of keysA) if (a![key] !== b?.[key]) return false;
  return true;
}

/**
 * Reports whether a pod write can change a budget's status: the pod came or
 * went, or its labels, readiness, deletion or controller changed.
 */
export function isBudgetChange(obj: KObject | undefined, old: KObject | undefined): boolean {
  if (!obj || !old) return obj !== old;
  return (
    obj.metadata.deletionTimestamp !== old.metadata.deletionTimestamp ||
    isPodReady(obj) !== isPodReady(old) ||
    controllerOf(obj)?.uid !== controllerOf(old)?.uid ||
    !sameLabels(obj.metadata.labels, old.metadata.labels)
  );
}

/**
 * Maps a pod write to the `ns/name` keys of the budgets selecting the pod before or after it.
 * Simplified: Kubernetes queues only the first budget that selects the pod now and records a
 * MultiplePodDisruptionBudgets event on the pod when there are more. kubesim queues them all and records no event.
 */
export const podMapper: WatchMapper = (obj, old, store) => {
  if (store === undefined) return undefined;
  // The namespace's budgets come first, because most namespaces have none and that check is one map lookup.
  const namespace = (obj ?? old)!.metadata.namespace ?? '';
  const budgets = budgetsOf(store, namespace);
  if (budgets.length === 0 || !isBudgetChange(obj, old)) return undefined;
  const keys: string[] = [];
  for (const b of budgets) {
    if (matches(b.selector, obj?.metadata.labels) || (old !== undefined && matches(b.selector, old.metadata.labels))) keys.push(`${namespace}/${b.name}`);
  }
  return keys;
};
