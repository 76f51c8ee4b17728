/**
 * Describers per resource. A kind without its own describer gets the
 * generic one: metadata, then spec and status as indented fields.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { describePod } from './pod.js';
import { describeNode } from './node.js';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads.js';
import { describeCronJob, describeJob } from './batch.js';
import { describeHpa } from './hpa.js';
import { describeDaemonSet } from './daemonset.js';
import { describeStatefulSet } from './statefulset.js';
import { describeService } from './service.js';
import { describePersistentVolumeClaim } from './persistentvolumeclaim.js';
import { describeRole, describeRoleBinding } from './rbac.js';
import { describeResourceQuota } from './quota.js';
import { describeIngress, describeNetworkPolicy } from './networking.js';
import { describeNamespace } from './namespace.js';
import { describePodDisruptionBudget } from './pdb.js';
import { describeConfigMap, describeSecret } from './config-data.js';
import { describeServiceAccount } from './serviceaccount.js';

export interface DescribeContext {
  now: number;
  version: number;
  /** Events about an object. */
  events(obj: KObject): KObject[];
  /** Lists objects of a resource in a namespace (for describers that show related objects). */
  list(resource: string, namespace?: string): KObject[];
}

export type Describer = (obj: KObject, ctx: DescribeContext) => string;

export const DESCRIBERS: Record<string, Describer> = {
  pods: describePod,
  nodes: describeNode,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  replicationcontrollers: describeReplicationController,
  jobs: describeJob,
  cronjobs: describeCronJob,
  horizontalpodautoscalers: describeHpa,
  daemonsets: describeDaemonSet,
  statefulsets: describeStatefulSet,
  services: describeService,
  persistentvolumeclaims: describePersistentVolumeClaim,
  roles: describeRole,
  clusterroles: describeRole,
  rolebindings: describeRoleBinding,
  clusterrolebindings: describeRoleBinding,
  resourcequotas: describeResourceQuota,
  ingresses: describeIngress,
  networkpolicies: describeNetworkPolicy,
  namespaces: describeNamespace,
  poddisruptionbudgets: describePodDisruptionBudget,
  secrets: describeSecret,
  configmaps: describeConfigMap,
  serviceaccounts: describeServiceAccount,
};

function writeValue(w: DescribeWriter, level: number, key: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    w.write(level, `${key}:\n`);
    for (const item of value) {
      if (item && typeof item === 'object') {
        for (const [k, v] of Object.entries(item)) writeValue(w, level + 1, k, v);
      } else w.write(level + 1, `${String(item)}\n`);
    }
    return;
  }
  if (typeof value === 'object') {
    w.write(level, `${key}:\n`);
    for (const [k, v] of Object.entries(value as object)) writeValue(w, level + 1, k, v);
    return;
  }
  w.line(level, key, String(value));
}

export function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', obj.metadata.name);
  if (obj.metadata.namespace) w.line(0, 'Namespace', obj.metadata.namespace);
  writeMap(w, 0, 'Labels', obj.metadata.labels);
  writeMap(w, 0, 'Annotations', obj.metadata.annotations);
  w.line(0, 'API Version', obj.apiVersion);
  w.line(0, 'Kind', obj.kind);
  if (obj.metadata.creationTimestamp) w.line(0, 'Creation Timestamp', rfc1123z(obj.metadata.creationTimestamp));
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'metadata' || k === '_sim') continue;
    writeValue(w, 0, k.charAt(0).toUpperCase() + k.slice(1), v);
  }
  writeEvents(w, ctx.events(obj), ctx.now, ctx.version);
  return w.text();
}

export function describeObject(resource: string, obj: KObject, ctx: DescribeContext): string {
  return (DESCRIBERS[resource] ?? describeGeneric)(obj, ctx);
}
