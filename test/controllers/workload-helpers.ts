/**
 * In-process clusters for workload controller tests: a manual clock, a fixed seed,
 * and small builders for the objects under test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KObject } from '../../src/api/types.js';
import type { Cluster } from '../../src/engine/cluster.js';
import { createCluster } from '../../src/engine/open.js';

/** 2026-01-01T00:00:00Z, the start of every test cluster's clock. */
export const START = Date.UTC(2026, 0, 1);

export function newCluster(opts: { workers?: number; version?: string } = {}): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-ctl-'));
  process.env.KUBESIM_HOME = dir;
  return createCluster('t', { clock: 'manual', seed: 1, startTime: START, workers: opts.workers ?? 2, kubernetesVersion: opts.version }, join(dir, 't.db'));
}

/** Moves the manual clock forward and runs everything that fell due. */
export function advance(c: Cluster, ms: number): void {
  c.advanceClock(ms);
  c.settle();
}

export interface DeploymentOptions {
  name?: string;
  replicas?: number;
  image?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  strategy?: 'RollingUpdate' | 'Recreate';
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

export function newDeployment(o: DeploymentOptions = {}): KObject {
  const name = o.name ?? 'web';
  const strategy: any = { type: o.strategy ?? 'RollingUpdate' };
  if (strategy.type === 'RollingUpdate' && (o.maxSurge !== undefined || o.maxUnavailable !== undefined)) {
    strategy.rollingUpdate = { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' };
  }
  const spec: any = {
    replicas: o.replicas ?? 3,
    selector: { matchLabels: { app: name } },
    strategy,
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: o.image ?? 'nginx:1.14.2' }] } },
  };
  if (o.minReadySeconds !== undefined) spec.minReadySeconds = o.minReadySeconds;
  if (o.revisionHistoryLimit !== undefined) spec.revisionHistoryLimit = o.revisionHistoryLimit;
  if (o.progressDeadlineSeconds !== undefined) spec.progressDeadlineSeconds = o.progressDeadlineSeconds;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec };
}

/** Writes an object through the store in one transaction and settles, as a command would. */
export function apply(c: Cluster, resource: string, obj: KObject): KObject {
  const saved = c.store.tx(() => c.store.create(resource, obj));
  c.settle();
  return saved;
}

/** Changes a stored object with `edit` and settles. */
export function edit(c: Cluster, resource: string, name: string, change: (o: KObject) => void): void {
  c.store.tx(() => {
    const o = c.store.get(resource, 'default', name)!;
    change(o);
    c.store.update(resource, o);
  });
  c.settle();
}

export function setImage(c: Cluster, name: string, image: string): void {
  edit(c, 'deployments', name, (d) => (d.spec.template.spec.containers[0].image = image));
}

/** ReplicaSets of a Deployment as `image=replicas`, oldest first. */
export function rsSizes(c: Cluster, deployment = 'web'): Record<string, number> {
  const out: Record<string, number> = {};
  const rss = c.store.list('replicasets', 'default').filter((rs) => rs.metadata.ownerReferences?.[0]?.name === deployment);
  for (const rs of rss) out[rs.spec.template.spec.containers[0].image] = rs.spec.replicas;
  return out;
}

export function get(c: Cluster, resource: string, name: string): KObject {
  return c.store.get(resource, 'default', name)!;
}
