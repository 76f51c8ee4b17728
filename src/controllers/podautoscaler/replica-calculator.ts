/**
 * The replica calculator for resource metrics, after Kubernetes'
 * pkg/controller/podautoscaler/replica_calculator.go. It sorts the target's
 * pods into ready, unready, missing and ignored, and takes the usage ratio
 * over the ready ones. Only then does it fill in the others conservatively,
 * so pods without good samples never flip the direction of a scale.
 *
 * Worked example: 10 ready pods each using 161m of a 100m request against an
 * 80% target: utilization = 1610*100/1000 = 161%, ratio = 161/80 = 2.0125,
 * desired = ceil(2.0125 * 10) = 21.
 */
import type { KObject } from '../../api/types.js';
import { parseQuantity } from '../../api/quantity.js';

/** Kubernetes' default --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** Default --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** Default --horizontal-pod-autoscaler-initial-readiness-delay. */
export const INITIAL_READINESS_DELAY_MS = 30_000;
/** Window of one metrics-server sample (its default resolution). */
export const METRIC_WINDOW_MS = 15_000;

/** Raised for a metric the controller cannot compute; the message is Kubernetes' own. */
export class MetricError extends Error {}

/** One pod's usage sample, in milli-units (millicores, or bytes times 1000). */
export interface PodSample {
  value: number;
  /** When the sample was taken (ms). */
  timestamp: number;
}

export interface ResourceProposal {
  replicas: number;
  /** Utilization in percent of request (utilization targets only). */
  utilization?: number;
  /** Average usage per pod in milli-units. */
  rawAverage: number;
}

interface PodGroups {
  readyCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

function readyCondition(pod: KObject): any {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
}

/** Sorts pods the way the HPA trusts their samples (groupPods upstream). */
export function groupPods(pods: KObject[], samples: Map<string, PodSample>, resource: string, now: number): PodGroups {
  const groups: PodGroups = { readyCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      groups.ignored.add(name);
      continue;
    }
    if ((pod.status?.phase ?? 'Pending') === 'Pending') {
      groups.unready.add(name);
      continue;
    }
    const sample = samples.get(name);
    if (!sample) {
      groups.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = readyCondition(pod);
      const start = pod.status?.startTime ? Date.parse(pod.status.startTime) : undefined;
      let unready: boolean;
      if (!cond || start === undefined) {
        unready = true;
      } else {
        const transition = Date.parse(cond.lastTransitionTime);
        if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
          // Still starting up: distrust the sample until one full window has passed since the pod turned ready.
          unready = cond.status === 'False' || sample.timestamp < transition + METRIC_WINDOW_MS;
        } else {
          // Past start-up: ignore only a pod that is unready and has never been ready.
          unready = cond.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
        }
      }
      if (unready) {
        groups.unready.add(name);
        continue;
      }
    }
    groups.readyCount++;
  }
  return groups;
}

/** Returns a container's request for `resource` in milli-units, as API defaulting leaves it (limits stand in for missing requests). */
function containerRequest(c: any, resource: string): number | undefined {
  const q = c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
  if (q === undefined) return undefined;
  const v = parseQuantity(q);
  return Number.isNaN(v) ? undefined : Math.round(v * 1000);
}

/** Sums each pod's request for `resource` (calculatePodRequests upstream); a container without one fails the metric. */
export function calculatePodRequests(pods: KObject[], resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const sidecars = (pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always');
    let sum = 0;
    for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
      const r = containerRequest(c, resource);
      if (r === undefined) throw new MetricError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += r;
    }
    requests.set(pod.metadata.name, sum);
  }
  return requests;
}

function utilizationRatio(samples: Map<string, number>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } {
  let usageTotal = 0;
  let requestTotal = 0;
  let entries = 0;
  for (const [name, value] of samples) {
    const request = requests.get(name);
    if (request === undefined) continue;
    usageTotal += value;
    requestTotal += request;
    entries++;
  }
  if (requestTotal === 0) throw new MetricError('no metrics returned matched known pods');
  const utilization = Math.trunc((usageTotal * 100) / requestTotal);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(usageTotal / entries) };
}

/** Returns the desired replicas for a utilization target (GetResourceReplicas upstream). */
export function calculateUtilizationReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: KObject[],
  samples: Map<string, PodSample>,
  now: number,
): ResourceProposal {
  if (pods.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const groups = groupPods(pods, samples, resource, now);
  const values = new Map<string, number>();
  for (const [name, s] of samples) if (!groups.ignored.has(name) && !groups.unready.has(name)) values.set(name, s.value);
  const requests = calculatePodRequests(pods, resource);
  if (values.size === 0) throw new MetricError('did not receive metrics for targeted pods (pods might be unready)');

  const { ratio, utilization, rawAverage } = utilizationRatio(values, requests, targetUtilization);
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= TOLERANCE) return { replicas: currentReplicas, utilization, rawAverage };
    return { replicas: Math.ceil(ratio * groups.readyCount), utilization, rawAverage };
  }

  // Fill in the pods without trusted samples so they pull against the proposed direction.
  if (ratio < 1.0) {
    const fallback = Math.max(100, targetUtilization);
    for (const name of groups.missing) values.set(name, Math.trunc(((requests.get(name) ?? 0) * fallback) / 100));
  } else if (ratio > 1.0) {
    for (const name of groups.missing) values.set(name, 0);
  }
  if (scaleUpWithUnready) for (const name of groups.unready) values.set(name, 0);

  const next = utilizationRatio(values, requests, targetUtilization).ratio;
  if (Math.abs(1.0 - next) <= TOLERANCE || (ratio < 1.0 && next > 1.0) || (ratio > 1.0 && next < 1.0)) {
    return { replicas: currentReplicas, utilization, rawAverage };
  }
  const replicas = Math.ceil(next * values.size);
  if ((next < 1.0 && replicas > currentReplicas) || (next > 1.0 && replicas < currentReplicas)) {
    return { replicas: currentReplicas, utilization, rawAverage };
  }
  return { replicas, utilization, rawAverage };
}

/** Returns the desired replicas for an average-value target in milli-units (GetRawResourceReplicas upstream). */
export function calculateAverageValueReplicas(
  currentReplicas: number,
  targetAverage: number,
  resource: string,
  pods: KObject[],
  samples: Map<string, PodSample>,
  now: number,
): ResourceProposal {
  if (pods.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const groups = groupPods(pods, samples, resource, now);
  const values = new Map<string, number>();
  for (const [name, s] of samples) if (!groups.ignored.has(name) && !groups.unready.has(name)) values.set(name, s.value);
  if (values.size === 0) throw new MetricError('did not receive metrics for any ready pods');

  const average = (m: Map<string, number>) => Math.trunc([...m.values()].reduce((a, b) => a + b, 0) / m.size);
  const rawAverage = average(values);
  const ratio = rawAverage / targetAverage;
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= TOLERANCE) return { replicas: currentReplicas, rawAverage };
    return { replicas: Math.ceil(ratio * groups.readyCount), rawAverage };
  }

  if (ratio < 1.0) for (const name of groups.missing) values.set(name, targetAverage);
  else if (ratio > 1.0) for (const name of groups.missing) values.set(name, 0);
  if (scaleUpWithUnready) for (const name of groups.unready) values.set(name, 0);

  const next = average(values) / targetAverage;
  if (Math.abs(1.0 - next) <= TOLERANCE || (ratio < 1.0 && next > 1.0) || (ratio > 1.0 && next < 1.0)) {
    return { replicas: currentReplicas, rawAverage };
  }
  const replicas = Math.ceil(next * values.size);
  if ((next < 1.0 && replicas > currentReplicas) || (next > 1.0 && replicas < currentReplicas)) {
    return { replicas: currentReplicas, rawAverage };
  }
  return { replicas, rawAverage };
}
