/**
 * Defaulting as the API server applies it (k8s.io/kubernetes pkg/apis/<group>/v1
 * defaults.go): the fields a stored object carries even when the manifest
 * left them out.
 */
import type { KObject } from './types.js';
import { applyBuiltinDefaults } from './builtin-defaults.js';

/**
 * The priority of the two classes every cluster has, which the Priority
 * admission plugin copies into a pod that names one of them.
 * Simplified: other class names are not looked up and give priority 0.
 */
const BUILT_IN_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

const MAX_INT32 = 2147483647;

function imageTag(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : '';
}

export function defaultContainer(c: any): void {
  if (!c.imagePullPolicy) {
    const tag = imageTag(c.image ?? '');
    c.imagePullPolicy = tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  // SetDefaults_Container and SetDefaults_ContainerPort replace an empty string as well as a missing one.
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ||= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    // SetDefaults_Probe and SetDefaults_HTTPGetAction replace zero values as well as missing ones.
    probe.timeoutSeconds ||= 1;
    probe.periodSeconds ||= 10;
    probe.successThreshold ||= 1;
    probe.failureThreshold ||= 3;
    if (probe.httpGet) {
      probe.httpGet.path ||= '/';
      probe.httpGet.scheme ||= 'HTTP';
    }
  }
  // SetDefaults_HTTPGetAction applies to lifecycle hooks as well.
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) {
    if (!handler?.httpGet) continue;
    handler.httpGet.path ||= '/';
    handler.httpGet.scheme ||= 'HTTP';
  }
}

/** Defaults a pod spec (also used inside templates). */
export function defaultPodSpec(spec: any): void {
  if (!spec) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

function defaultTemplate(t: any): void {
  if (!t) return;
  t.metadata ??= {};
  t.metadata.creationTimestamp ??= null;
  defaultPodSpec(t.spec);
}

function defaultRollingUpdate(spec: any, surge: number | string, unavailable: number | string): void {
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxSurge ??= surge;
    spec.strategy.rollingUpdate.maxUnavailable ??= unavailable;
  }
}

/** Fills a selector from template labels, as the removed beta versions did. */
function selectorFromTemplate(spec: any): void {
  if (!spec.selector && spec.template?.metadata?.labels) spec.selector = { matchLabels: { ...spec.template.metadata.labels } };
}

/**
 * Applies defaults in place. `legacyApiVersion` is the version the manifest
 * was written in when it was converted from a removed one, whose defaults differ.
 */
export function applyDefaults(resource: string, obj: KObject, legacyApiVersion?: string): void {
  const spec = obj.spec;
  const legacyExtensions = legacyApiVersion === 'extensions/v1beta1';
  const legacyApps = legacyApiVersion?.startsWith('apps/v1beta') ?? false;
  switch (resource) {
    case 'pods':
      obj.spec ??= {};
      defaultPodSpec(obj.spec);
      // The ServiceAccount admission plugin names the default account, except in a kubelet's mirror pod.
      if (obj.metadata?.annotations?.['kubernetes.io/config.mirror'] === undefined) {
        obj.spec.serviceAccountName ??= 'default';
        obj.spec.serviceAccount ??= obj.spec.serviceAccountName;
      }
      obj.spec.enableServiceLinks ??= true;
      obj.spec.preemptionPolicy ??= 'PreemptLowerPriority';
      obj.spec.priority ??= BUILT_IN_PRIORITIES[obj.spec.priorityClassName] ?? 0;
      obj.spec.tolerations ??= [];
      for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
        if (!obj.spec.tolerations.some((t: any) => t.key === key)) {
          obj.spec.tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
        }
      }
      break;
    case 'replicasets':
    case 'replicationcontrollers':
      if (!spec) break;
      spec.replicas ??= 1;
      if (resource === 'replicationcontrollers' && !spec.selector && spec.template?.metadata?.labels) spec.selector = { ...spec.template.metadata.labels };
      if (legacyExtensions || legacyApps) selectorFromTemplate(spec);
      if (resource === 'replicationcontrollers' && !obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      if (legacyExtensions && !obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      defaultTemplate(spec.template);
      break;
    case 'deployments':
      if (!spec) break;
      spec.replicas ??= 1;
      if (legacyExtensions) {
        selectorFromTemplate(spec);
        defaultRollingUpdate(spec, 1, 1);
        spec.revisionHistoryLimit ??= MAX_INT32;
        spec.progressDeadlineSeconds ??= MAX_INT32;
        if (!obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      } else if (legacyApps) {
        selectorFromTemplate(spec);
        defaultRollingUpdate(spec, '25%', '25%');
        spec.revisionHistoryLimit ??= 2;
        spec.progressDeadlineSeconds ??= 600;
      } else {
        defaultRollingUpdate(spec, '25%', '25%');
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
      }
      defaultTemplate(spec.template);
      break;
    case 'daemonsets':
      if (!spec) break;
      if (legacyExtensions) selectorFromTemplate(spec);
      spec.updateStrategy ??= legacyExtensions ? { type: 'OnDelete' } : {};
      spec.updateStrategy.type ??= 'RollingUpdate';
      if (spec.updateStrategy.type === 'RollingUpdate') {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
        spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      defaultTemplate(spec.template);
      break;
    case 'statefulsets':
      if (!spec) break;
      if (legacyApps) selectorFromTemplate(spec);
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.updateStrategy ??= {};
      spec.updateStrategy.type ??= 'RollingUpdate';
      if (spec.updateStrategy.type === 'RollingUpdate') {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.partition ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      for (const pvc of spec.volumeClaimTemplates ?? []) {
        pvc.apiVersion ??= 'v1';
        pvc.kind ??= 'PersistentVolumeClaim';
        pvc.metadata ??= {};
        pvc.metadata.creationTimestamp ??= null;
        pvc.spec ??= {};
        pvc.spec.volumeMode ??= 'Filesystem';
        pvc.status ??= { phase: 'Pending' };
      }
      defaultTemplate(spec.template);
      break;
    case 'jobs':
      if (spec) defaultJobSpec(spec);
      break;
    case 'cronjobs':
      if (!spec) break;
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      spec.jobTemplate ??= {};
      spec.jobTemplate.metadata ??= {};
      spec.jobTemplate.metadata.creationTimestamp ??= null;
      if (spec.jobTemplate.spec) defaultJobSpec(spec.jobTemplate.spec, true);
      break;
    case 'secrets':
      obj.type ??= 'Opaque';
      break;
    case 'services':
      if (!spec) break;
      defaultServiceSpec(spec);
      break;
    case 'horizontalpodautoscalers':
      if (!spec) break;
      spec.minReplicas ??= 1;
      if (!spec.metrics || spec.metrics.length === 0) {
        spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
      }
      if (spec.behavior) defaultHpaBehavior(spec.behavior);
      break;
    case 'persistentvolumeclaims':
      if (!spec) break;
      spec.volumeMode ??= 'Filesystem';
      break;
    case 'persistentvolumes':
      if (!spec) break;
      spec.persistentVolumeReclaimPolicy ??= 'Retain';
      spec.volumeMode ??= 'Filesystem';
      break;
    default:
      applyBuiltinDefaults(resource, obj);
  }
}

/**
 * Defaults a Service spec as SetDefaults_Service does. The cluster IPs,
 * ipFamilies and ipFamilyPolicy are set by the allocator step of admission
 * (service-ip-families.ts) instead, as the API server sets them.
 */
function defaultServiceSpec(spec: any): void {
  // Go defaulting fills empty strings and zero values as well as omitted fields.
  spec.type ||= 'ClusterIP';
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? null) === null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port ?? 0;
  }
  const externallyAccessible =
    spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ||= 'Cluster';
  if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function defaultJobSpec(spec: any, inTemplate = false): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  if (spec.completionMode === 'Indexed') spec.backoffLimitPerIndex ??= undefined;
  void inTemplate;
  defaultTemplate(spec.template);
}

/**
 * Fills a user-set HPA `behavior` with autoscaling/v2's defaults for the
 * fields left out. scaleDown keeps no stabilization window here: the
 * controller applies its own default (300 seconds) when it is unset.
 */
function defaultHpaBehavior(behavior: any): void {
  const fill = (rules: any, defaults: any) => {
    const r = rules ?? {};
    return {
      stabilizationWindowSeconds: r.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
      selectPolicy: r.selectPolicy ?? 'Max',
      policies: r.policies ?? defaults.policies,
    };
  };
  behavior.scaleUp = fill(behavior.scaleUp, {
    stabilizationWindowSeconds: 0,
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  });
  behavior.scaleDown = fill(behavior.scaleDown, { stabilizationWindowSeconds: undefined, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
  if (behavior.scaleDown.stabilizationWindowSeconds === undefined) delete behavior.scaleDown.stabilizationWindowSeconds;
}
