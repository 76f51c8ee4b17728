/**
 * Computing an HPA's metrics into replica proposals and metric statuses
 * (computeReplicasForMetrics upstream), with Kubernetes' error texts so
 * conditions and events read as on a real cluster.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { matches, type Selector } from '../../api/selectors.js';
import { parseQuantity } from '../../api/quantity.js';
import type { MetricsSnapshot } from '../../metrics/usage.js';
import { calculateAverageValueReplicas, calculateUtilizationReplicas, MetricError, type PodSample, type ResourceProposal } from './replica-calculator.js';

/** A failed metric: the ScalingActive condition it proposes, and the error text for the summary event. */
export interface MetricFailure {
  reason: string;
  conditionMessage: string;
  error: string;
}

export interface MetricsResult {
  /** Highest proposal over the valid metrics, or -1 when none was valid. */
  replicas: number;
  /** Description of the metric behind `replicas` (`cpu resource utilization (percentage of request)`). */
  metricName: string;
  statuses: any[];
  failures: MetricFailure[];
  /** Warning events to record, as [reason, message]. */
  events: [string, string][];
}

const MILLI_SUFFIXES: [number, string][] = [
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Formats a milli-unit amount as a canonical decimal quantity (`161m`, `2`, `8k`). */
export function formatMilliQuantity(milli: number): string {
  if (milli % 1000 !== 0) return `${milli}m`;
  const value = milli / 1000;
  if (value === 0) return '0';
  for (const [factor, suffix] of MILLI_SUFFIXES) if (value % factor === 0) return `${value / factor}${suffix}`;
  return String(value);
}

/** Reads each pod's sample of `resource` in milli-units (millicores, or bytes times 1000). */
function samplesFor(pods: KObject[], snapshot: MetricsSnapshot, resource: string): Map<string, PodSample> {
  const samples = new Map<string, PodSample>();
  for (const pod of pods) {
    const usage = snapshot.pod(pod);
    if (!usage) continue;
    const value = resource === 'cpu' ? usage.cpu : resource === 'memory' ? usage.memory * 1000 : undefined;
    if (value !== undefined) samples.set(pod.metadata.name, { value, timestamp: snapshot.now });
  }
  return samples;
}

function resourceMetric(
  spec: any,
  currentReplicas: number,
  pods: KObject[],
  snapshot: MetricsSnapshot,
  out: MetricsResult,
): { replicas: number; name: string; status: any } | MetricFailure {
  const resource = String(spec.resource?.name ?? '');
  const target = spec.resource?.target ?? {};
  const utilization = target.averageValue === undefined;
  try {
    if (utilization && target.averageUtilization === undefined) {
      throw new MetricError('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
    }
    const samples = samplesFor(pods, snapshot, resource);
    if (samples.size === 0) throw new MetricError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
    let proposal: ResourceProposal;
    if (utilization) {
      proposal = calculateUtilizationReplicas(currentReplicas, target.averageUtilization, resource, pods, samples, snapshot.now);
    } else {
      const averageMilli = Math.round(parseQuantity(target.averageValue) * 1000);
      proposal = calculateAverageValueReplicas(currentReplicas, averageMilli, resource, pods, samples, snapshot.now);
    }
    const current: any = {};
    if (proposal.utilization !== undefined) current.averageUtilization = proposal.utilization;
    current.averageValue = formatMilliQuantity(proposal.rawAverage);
    return {
      replicas: proposal.replicas,
      name: utilization ? `${resource} resource utilization (percentage of request)` : `${resource} resource`,
      status: { type: 'Resource', resource: { name: resource, current } },
    };
  } catch (err) {
    if (!(err instanceof MetricError)) throw err;
    const message = `failed to get ${resource} ${utilization ? 'utilization' : 'usage'}: ${err.message}`;
    out.events.push(['FailedGetResourceMetric', message]);
    return {
      reason: 'FailedGetResourceMetric',
      conditionMessage: `the HPA was unable to compute the replica count: ${message}`,
      error: `failed to get ${resource} resource metric value: ${message}`,
    };
  }
}

// Simplified: kubesim runs no custom or external metrics API, so these metric types always fail as on a cluster without one.
const UNSERVED: Record<string, { reason: string; error: (spec: any) => string }> = {
  Pods: { reason: 'FailedGetPodsMetric', error: (s) => `unable to get metric ${s.pods?.metric?.name}: no custom metrics API (custom.metrics.k8s.io) registered` },
  Object: { reason: 'FailedGetObjectMetric', error: (s) => `unable to get metric ${s.object?.metric?.name}: no custom metrics API (custom.metrics.k8s.io) registered` },
  External: { reason: 'FailedGetExternalMetric', error: (s) => `unable to get external metric ${s.external?.metric?.name}: no external metrics API (external.metrics.k8s.io) registered` },
  ContainerResource: { reason: 'FailedGetContainerResourceMetric', error: () => 'container resource metrics are not simulated' },
};

/** Computes every metric of an HPA against the pods its scale selector picks. */
export function computeReplicasForMetrics(store: Store, hpa: KObject, currentReplicas: number, selector: Selector, snapshot: MetricsSnapshot): MetricsResult {
  const specs: any[] = hpa.spec?.metrics ?? [];
  const out: MetricsResult = { replicas: -1, metricName: '', statuses: [], failures: [], events: [] };
  const pods = store.list('pods', hpa.metadata.namespace ?? 'default').filter((p) => matches(selector, p.metadata.labels));
  for (const spec of specs) {
    let result: { replicas: number; name: string; status: any } | MetricFailure;
    if (spec.type === 'Resource') {
      result = resourceMetric(spec, currentReplicas, pods, snapshot, out);
    } else {
      const unserved = UNSERVED[spec.type];
      const error = unserved ? unserved.error(spec) : `unknown metric source type "${spec.type}"`;
      const reason = unserved?.reason ?? 'InvalidMetricSourceType';
      out.events.push([reason, error]);
      result = { reason, conditionMessage: `the HPA was unable to compute the replica count: ${error}`, error };
    }
    if ('reason' in result) {
      out.failures.push(result);
      out.statuses.push({ type: '' });
      continue;
    }
    out.statuses.push(result.status);
    if (out.replicas === -1 || result.replicas > out.replicas) {
      out.replicas = result.replicas;
      out.metricName = result.name;
    }
  }
  return out;
}
