/**
 * The usage each kind of object charges to a ResourceQuota, after the quota
 * evaluators of kube-apiserver and kube-controller-manager
 * (pkg/quota/v1/evaluator/core and the generic object-count evaluator).
 * Pods charge their count and compute resources, Services their count,
 * node ports and load balancers, and claims their count and storage.
 * Every other namespaced kind charges its `count/<resource>.<group>`, and
 * some core kinds also a legacy name (`configmaps`, `secrets`,
 * `replicationcontrollers`, `resourcequotas`).
 */
import type { KObject } from '../../api/types.js';
import { RESOURCES, findResource, type ResourceInfo } from '../../api/registry.js';
import { isNativeResource } from '../../api/resource-names.js';
import { add, count, parse, ZERO, type Quantity, type ResourceList } from './quantity.js';

/** One requirement of a quota's scopes or scopeSelector. */
export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** A quota evaluator: the cost of the objects of one resource (quota.Evaluator). */
export interface QuotaEvaluator {
  /** The REST resource it measures (`pods`). */
  resource: string;
  /** Reports whether a write with this operation can change usage (Handles). */
  handles(op: 'create' | 'update'): boolean;
  /** Returns the names of `names` this evaluator measures (MatchingResources). */
  matchingResources(names: readonly string[]): string[];
  /** Reports whether an object matches one scope requirement. Kinds without scopes match none. */
  matchesScope(requirement: ScopeRequirement, obj: KObject): boolean;
  /** Returns the reason an object cannot be charged for `required`, or undefined (Constraints). */
  constraints(required: readonly string[], obj: KObject): string | undefined;
  /** Returns what an object costs at time `now` (ms). */
  usage(obj: KObject, now: number): ResourceList;
}

/** Resources quota never tracks (the admission plugin's default ignored resources). */
const IGNORED = new Set(['events']);

/** Returns the count name of a resource: `count/pods`, `count/deployments.apps` (ObjectCountQuotaResourceNameFor). */
export function objectCountName(info: Pick<ResourceInfo, 'resource' | 'group'>): string {
  return info.group ? `count/${info.resource}.${info.group}` : `count/${info.resource}`;
}

/** Legacy quota names that count objects of a core resource (legacyObjectCountAliases). */
const LEGACY_ALIASES: Record<string, string> = {
  configmaps: 'configmaps',
  resourcequotas: 'resourcequotas',
  replicationcontrollers: 'replicationcontrollers',
  secrets: 'secrets',
};

function intersection(names: readonly string[], known: ReadonlySet<string>): string[] {
  return names.filter((n) => known.has(n));
}

const NO_SCOPE = (): boolean => false;
const NO_CONSTRAINTS = (): undefined => undefined;

/** Builds the generic evaluator that charges one per object, under its count name and legacy alias. */
function objectCountEvaluator(info: ResourceInfo): QuotaEvaluator {
  const names = [objectCountName(info)];
  const alias = info.group === '' ? LEGACY_ALIASES[info.resource] : undefined;
  if (alias) names.push(alias);
  const known = new Set(names);
  return {
    resource: info.resource,
    handles: (op) => op === 'create',
    matchingResources: (input) => intersection(input, known),
    matchesScope: NO_SCOPE,
    constraints: NO_CONSTRAINTS,
    usage: () => new Map(names.map((n) => [n, count(1)])),
  };
}

const SERVICE_RESOURCES = new Set(['count/services', 'services', 'services.loadbalancers', 'services.nodeports']);

const serviceEvaluator: QuotaEvaluator = {
  resource: 'services',
  // A Service's type can change, so updates are charged too.
  handles: () => true,
  matchingResources: (input) => intersection(input, SERVICE_RESOURCES),
  matchesScope: NO_SCOPE,
  constraints: NO_CONSTRAINTS,
  usage(svc) {
    const ports: any[] = Array.isArray(svc.spec?.ports) ? svc.spec.ports : [];
    const usage: ResourceList = new Map([
      ['count/services', count(1)],
      ['services', count(1)],
      ['services.loadbalancers', ZERO],
      ['services.nodeports', ZERO],
    ]);
    const type = svc.spec?.type;
    if (type === 'NodePort') usage.set('services.nodeports', count(ports.length));
    if (type === 'LoadBalancer') {
      // Without node port allocation only the ports that name a node port use one.
      const nodePorts = svc.spec?.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p?.nodePort).length : ports.length;
      usage.set('services.nodeports', count(nodePorts));
      usage.set('services.loadbalancers', count(1));
    }
    return usage;
  },
};

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';
const PVC_RESOURCES = ['persistentvolumeclaims', 'requests.storage'];

const pvcEvaluator: QuotaEvaluator = {
  resource: 'persistentvolumeclaims',
  handles: () => true,
  matchingResources: (input) =>
    input.filter((n) => n === 'count/persistentvolumeclaims' || PVC_RESOURCES.includes(n) || PVC_RESOURCES.some((r) => n.endsWith(STORAGE_CLASS_SUFFIX + r))),
  matchesScope: NO_SCOPE,
  constraints: NO_CONSTRAINTS,
  usage(pvc) {
    const usage: ResourceList = new Map([
      ['persistentvolumeclaims', count(1)],
      ['count/persistentvolumeclaims', count(1)],
    ]);
    const storageClass: string = pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, count(1));
    const requested = parse(pvc.spec?.resources?.requests?.storage);
    if (requested) {
      // Storage is charged in whole bytes, rounded up.
      const bytes = roundUpToWhole(requested);
      usage.set('requests.storage', bytes);
      if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}requests.storage`, bytes);
    }
    return usage;
  },
};

function roundUpToWhole(q: Quantity): Quantity {
  const unit = 1_000_000_000n;
  const rest = ((q.nano % unit) + unit) % unit;
  return rest === 0n ? q : { nano: q.nano - rest + unit, format: q.format };
}

/** Resource names the pod evaluator measures (podResources). */
const POD_RESOURCES = new Set([
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);

/** Names whose quota requires every container to set them (the validationSet kept for backward compatibility). */
const EXPLICIT_RESOURCES = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

function podMatchingResources(input: readonly string[]): string[] {
  const result = intersection(input, POD_RESOURCES);
  for (const name of input) {
    if (name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')) result.push(name);
    // Extended resources are quota'd only as `requests.<name>`, because they cannot be overcommitted.
    else if (name.startsWith('requests.') && !isNativeResource(name)) result.push(name);
  }
  return result;
}

type Resources = Record<string, unknown>;

/**
 * Returns a container's requests as the API server stores them: each limit
 * without a request also becomes the request (SetDefaults_Pod).
 * NOTE: kubesim's pod defaulting does not copy limits into requests, so the
 * evaluator does it here.
 */
function effectiveRequests(c: any): Resources {
  const requests: Resources = { ...(c?.resources?.requests ?? {}) };
  for (const [name, value] of Object.entries(c?.resources?.limits ?? {})) if (!(name in requests)) requests[name] = value;
  return requests;
}

function limitsOf(c: any): Resources {
  return c?.resources?.limits ?? {};
}

function toList(resources: Resources): ResourceList {
  const list: ResourceList = new Map();
  for (const [name, value] of Object.entries(resources)) {
    const q = parse(value);
    if (q) list.set(name, q);
  }
  return list;
}

function addInto(sum: ResourceList, list: ResourceList): void {
  for (const [name, q] of list) sum.set(name, sum.has(name) ? add(sum.get(name)!, q) : q);
}

function maxInto(max: ResourceList, list: ResourceList): void {
  for (const [name, q] of list) if (!max.has(name) || q.nano > max.get(name)!.nano) max.set(name, q);
}

/**
 * Sums a pod's requests or limits as PodRequests and PodLimits do. The app
 * containers and the sidecars (init containers with restartPolicy Always)
 * add up. The total is at least the largest need of any other init
 * container plus the sidecars started before it, and the pod overhead adds to it.
 */
function podTotal(pod: KObject, of: (c: any) => Resources): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(total, toList(of(c)));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = toList(of(c));
    if (c?.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const withSidecars = new Map(sidecars);
      addInto(withSidecars, own);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(total, initMax);
  addInto(total, toList(pod.spec?.overhead ?? {}));
  return total;
}

/** Maps requests and limits to quota names (podComputeUsageHelper), with `pods` always 1. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const usage: ResourceList = new Map([['pods', count(1)]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    if (request) {
      usage.set(name, request);
      usage.set(`requests.${name}`, request);
    }
    const limit = limits.get(name);
    if (limit) usage.set(`limits.${name}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith('hugepages-')) {
      usage.set(name, request);
      usage.set(`requests.${name}`, request);
    } else if (!isNativeResource(name) && !name.startsWith('requests.')) {
      usage.set(`requests.${name}`, request);
    }
  }
  return usage;
}

/**
 * Reports whether a pod is still charged for compute resources at `now`
 * (QuotaV1Pod): it is not in a terminal phase, and if it is being deleted,
 * its grace period has not run out a second time after deletionTimestamp.
 */
export function isChargedPod(pod: KObject, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return chargeEnds(pod) === undefined || now <= chargeEnds(pod)!;
}

/** Returns when a pod being deleted stops being charged (ms), or undefined while it is not being deleted. */
export function chargeEnds(pod: KObject): number | undefined {
  const deletion = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (!deletion || typeof grace !== 'number') return undefined;
  return Date.parse(deletion) + grace * 1000;
}

function isBestEffort(pod: KObject): boolean {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const list of [c?.resources?.requests, c?.resources?.limits]) {
      if (list && (list.cpu !== undefined || list.memory !== undefined)) return false;
    }
  }
  return true;
}

function isTerminating(pod: KObject): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  return typeof deadline === 'number' && deadline >= 0;
}

function usesCrossNamespaceAffinity(pod: KObject): boolean {
  const affinity = pod.spec?.affinity;
  const terms: any[] = [];
  for (const kind of [affinity?.podAffinity, affinity?.podAntiAffinity]) {
    if (!kind) continue;
    terms.push(...(kind.requiredDuringSchedulingIgnoredDuringExecution ?? []));
    for (const weighted of kind.preferredDuringSchedulingIgnoredDuringExecution ?? []) terms.push(weighted?.podAffinityTerm);
  }
  return terms.some((t) => (t?.namespaces?.length ?? 0) > 0 || t?.namespaceSelector);
}

/** Matches a PriorityClass requirement against the pod's priorityClassName, as a label selector on the key `PriorityClass`. */
function matchesPriorityClass(pod: KObject, requirement: ScopeRequirement): boolean {
  const name: string = pod.spec?.priorityClassName ?? '';
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'Exists':
      return name !== '';
    case 'DoesNotExist':
      return name === '';
    case 'In':
      return name !== '' && values.includes(name);
    case 'NotIn':
      return name === '' || !values.includes(name);
  }
  return false;
}

function podMatchesScope(requirement: ScopeRequirement, pod: KObject): boolean {
  switch (requirement.scopeName) {
    case 'Terminating':
      return isTerminating(pod);
    case 'NotTerminating':
      return !isTerminating(pod);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass':
      return matchesPriorityClass(pod, requirement);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(pod);
  }
  return false;
}

/**
 * Returns `must specify NAME for: CONTAINERS; ...` when a container lacks a
 * request or limit the quota tracks, with names and containers sorted.
 */
function podConstraints(required: readonly string[], pod: KObject): string | undefined {
  const requiredSet = required.filter((r) => EXPLICIT_RESOURCES.has(r));
  if (requiredSet.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = computeUsage(toList(effectiveRequests(c)), toList(limitsOf(c)));
    for (const name of requiredSet) {
      if (has.has(name)) continue;
      if (!missing.has(name)) missing.set(name, new Set());
      missing.get(name)!.add(String(c?.name ?? ''));
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

const podEvaluator: QuotaEvaluator = {
  resource: 'pods',
  // Resources of a pod cannot change after creation (in-place resize is off in 1.32), so only creates are charged.
  handles: (op) => op === 'create',
  matchingResources: podMatchingResources,
  matchesScope: podMatchesScope,
  constraints: podConstraints,
  usage(pod, now) {
    // The object count covers every stored pod, terminal or not.
    const usage: ResourceList = new Map([['count/pods', count(1)]]);
    if (!isChargedPod(pod, now)) return usage;
    for (const [name, q] of computeUsage(podTotal(pod, effectiveRequests), podTotal(pod, limitsOf))) usage.set(name, q);
    return usage;
  },
};

const SPECIFIC: Record<string, QuotaEvaluator> = {
  pods: podEvaluator,
  services: serviceEvaluator,
  persistentvolumeclaims: pvcEvaluator,
};

const generic = new Map<string, QuotaEvaluator>();

/** Returns the evaluator of a namespaced resource, or undefined for what quota does not track. */
export function evaluatorFor(resource: string): QuotaEvaluator | undefined {
  const specific = SPECIFIC[resource];
  if (specific) return specific;
  if (IGNORED.has(resource)) return undefined;
  let evaluator = generic.get(resource);
  if (!evaluator) {
    const info = findResource(resource);
    if (!info || !info.namespaced || info.resource !== resource) return undefined;
    evaluator = objectCountEvaluator(info);
    generic.set(resource, evaluator);
  }
  return evaluator;
}

/**
 * Returns the resources whose objects count toward any of the quota names
 * `names`, each with its evaluator. A `count/` name of a resource kubesim
 * does not serve matches nothing.
 */
export function evaluatorsForNames(names: readonly string[]): QuotaEvaluator[] {
  const found: QuotaEvaluator[] = [];
  for (const evaluator of Object.values(SPECIFIC)) if (evaluator.matchingResources(names).length > 0) found.push(evaluator);
  for (const info of RESOURCES) {
    if (!info.namespaced || info.discoveryOnly || SPECIFIC[info.resource] || IGNORED.has(info.resource)) continue;
    const evaluator = evaluatorFor(info.resource);
    if (evaluator && evaluator.matchingResources(names).length > 0) found.push(evaluator);
  }
  return found;
}
