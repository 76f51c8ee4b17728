/**
 * Builders for controller tests: a bootstrapped cluster on a manual clock in
 * a temporary folder, and small Job and CronJob manifests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../src/engine/open.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';
import type { ControllerContext } from '../../src/engine/controller.js';

/** 2022-05-31T09:49:30Z, half a minute before the tutorial's first CronJob run. */
export const START = Date.parse('2022-05-31T09:49:30Z');

export function newCluster(opts: { version?: string; startTime?: number } = {}): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-test-'));
  return createCluster('test', { clock: 'manual', seed: 1, kubernetesVersion: opts.version, startTime: opts.startTime ?? START }, join(dir, 'state.db'));
}

/** Moves the manual clock forward and runs what fell due. */
export function advance(cluster: Cluster, ms: number): void {
  cluster.advanceClock(ms);
  cluster.settle();
}

/** Creates an object as `kubectl create` would, then settles. */
export function create(cluster: Cluster, resource: string, obj: KObject): KObject {
  const created = cluster.store.tx(() => cluster.store.create(resource, obj));
  cluster.settle();
  return created;
}

/** A busybox container running `script` with `sh -c`. */
export function shell(script: string): any {
  return { name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] };
}

export function newJob(name: string, spec: Record<string, unknown> & { script?: string; restartPolicy?: string } = {}): KObject {
  const { script = 'exit 0', restartPolicy = 'Never', ...rest } = spec;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { ...rest, template: { spec: { containers: [shell(script)], restartPolicy } } },
  };
}

export function newCronJob(name: string, spec: Record<string, unknown> & { script?: string } = {}): KObject {
  const { script = 'date; echo Hello from the Kubernetes cluster', ...rest } = spec;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      ...rest,
      jobTemplate: { spec: { template: { spec: { containers: [shell(script)], restartPolicy: 'OnFailure' } } } },
    },
  };
}

export function get(cluster: Cluster, resource: string, name: string): KObject | undefined {
  return cluster.store.get(resource, 'default', name);
}

/** Names of the pods a job owns, oldest first. */
export function jobPods(cluster: Cluster, jobName: string): KObject[] {
  const job = get(cluster, 'jobs', jobName);
  if (!job) return [];
  return cluster.store
    .list('pods', 'default', { owner: job.metadata.uid })
    .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
}

/** Event reasons and messages recorded about an object, in order. */
export function eventsOf(cluster: Cluster, obj: KObject): string[] {
  return cluster.store
    .list('events', 'default')
    .filter((e) => e.involvedObject?.uid === obj.metadata.uid)
    .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

/** Builds a context for calling a controller's sync directly, inside a transaction of `c`. Timers and random draws are ignored. */
export function contextOf(c: Cluster): ControllerContext {
  return { store: c.store, settings: c.settings, now: () => c.clockNow(), wakeAt: () => {}, random: () => 0 };
}
