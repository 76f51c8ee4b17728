/**
 * Pod facts the ReplicaSet controller reads, computed once per pod version.
 * Each sync walks every pod of its owner, as the real controller does, and
 * reading the same fields again from thousands of unchanged pods was most
 * of the controller's cost.
 *
 * The facts are kept per pod object, so they are valid only for objects
 * that never change: the store's shared objects (`list(..., { shared: true })`
 * returns one object per stored version, frozen under tests). A changed pod
 * is a new object and gets its facts computed again. Callers must not pass
 * an object that they change later.
 */
import type { KObject } from '../../api/types.js';
import { matches, type Selector } from '../../api/selectors.js';

/** Facts of one pod version that the ReplicaSet controller uses. */
export interface PodFacts {
  /** metadata.namespace, '' when absent. */
  readonly namespace: string;
  /** The uid in the pod's controller ownerReference, if it has one. */
  readonly controllerUid: string | undefined;
  /** Being deleted (deletionTimestamp set). */
  readonly deleting: boolean;
  /** Not finished and not being deleted (isPodActive). */
  readonly active: boolean;
  /** The Ready condition is True. */
  readonly ready: boolean;
  /** Time the pod became Ready in ms (NaN for an invalid time), or 0 when it is not Ready or the time is missing. */
  readonly readySince: number;
  /** The node the pod is bound to, or undefined. */
  readonly nodeName: string | undefined;
  /** Key of the last selector this pod was matched against, and the result. */
  selectorKey: string | undefined;
  selectorMatch: boolean;
  /** Key of the last template label set this pod was compared with, and the result. */
  templateKey: string | undefined;
  templateMatch: boolean;
}

const memo = new WeakMap<KObject, PodFacts>();

/** Calculates a pod's facts without keeping them, for objects that may still change (a write hook's). */
export function calculatePodFacts(pod: KObject): PodFacts {
  const meta = pod.metadata;
  const status = pod.status;
  const phase = status?.phase;
  let ready = false;
  let readySince = 0;
  const conditions = status?.conditions;

  if (conditions) {
    for (const c of conditions) {
      if (c.type !== 'Ready') continue;
      if (c.status === 'True') {
        ready = true;
        if (c.lastTransitionTime) readySince = Date.parse(c.lastTransitionTime);
      }
      break;
    }
  }

  let controllerUid: string | undefined;
  const refs = meta.ownerReferences;
  if (refs) {
    for (const r of refs) {
      if (r.controller) {
        controllerUid = r.uid;
        break;
      }
    }
  }

  const deleting = !!meta.deletionTimestamp;
  return {
    namespace: meta.namespace ?? '',
    controllerUid,
    deleting,
    active: phase !== 'Succeeded' && phase !== 'Failed' && !deleting,
    ready,
    readySince,
    nodeName: pod.spec?.nodeName || undefined,
    selectorKey: undefined,
    selectorMatch: false,
    templateKey: undefined,
    templateMatch: false,
  };
}

/** Returns the facts of a pod object that will not change (see the module note). */
export function podFacts(pod: KObject): PodFacts {
  let f = memo.get(pod);
  if (f === undefined) {
    f = calculatePodFacts(pod);
    memo.set(pod, f);
  }
  return f;
}

/**
 * Selector requirements prepared once per sync, with a key that is equal
 * for equal requirements, so a pod's last match result can be reused.
 */
export interface PreparedSelector {
  readonly selector: Selector | null;
  readonly key: string;
}

/** Prepares requirements for matchesSelector. */
export function prepareSelector(selector: Selector | null): PreparedSelector {
  return { selector, key: JSON.stringify(selector) };
}

/** Reports whether the pod's labels satisfy the selector (false for a null selector, as `matches`). */
export function matchesSelector(pod: KObject, facts: PodFacts, sel: PreparedSelector): boolean {
  if (facts.selectorKey !== sel.key) {
    facts.selectorMatch = matches(sel.selector, pod.metadata.labels);
    facts.selectorKey = sel.key;
  }
  return facts.selectorMatch;
}

/** Template labels prepared once per sync, as pairs, with a key equal for equal label sets. */
export interface PreparedLabels {
  readonly pairs: readonly (readonly [string, string])[];
  readonly key: string;
}

/** Prepares a template's labels for hasTemplateLabels. */
export function prepareLabels(labels: Record<string, string> | undefined): PreparedLabels {
  const pairs = Object.entries(labels ?? {});
  return { pairs, key: JSON.stringify(pairs) };
}

/** Reports whether the pod carries every template label with the same value (fullyLabeledReplicas). */
export function hasTemplateLabels(pod: KObject, facts: PodFacts, tpl: PreparedLabels): boolean {
  if (facts.templateKey !== tpl.key) {
    const labels = pod.metadata.labels;
    let ok = true;
    for (const [k, v] of tpl.pairs) {
      if (labels?.[k] !== v) {
        ok = false;
        break;
      }
    }
    facts.templateMatch = ok;
    facts.templateKey = tpl.key;
  }
  return facts.templateMatch;
}
