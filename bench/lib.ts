/**
 * In-process helpers for the benchmark: seeding large clusters straight
 * through the store (building 100,000 pods through the CLI would take the
 * whole run) and reading counts without settling. bench/run.mjs bundles this
 * file with esbuild and calls it as `node lib.mjs VERB ...`, with
 * KUBESIM_HOME set to the benchmark's own home.
 */
import { openCluster } from '../src/engine/open.js';
import type { KObject } from '../src/api/types.js';
import type { Cluster } from '../src/engine/cluster.js';

function open(name: string): Cluster {
  const cluster = openCluster(name);
  if (!cluster) throw new Error(`no cluster ${name}`);
  return cluster;
}

function podManifest(name: string, image: string, labels: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }] }] },
  };
}

/**
 * Creates `count` unbound pods in one transaction, the way a ReplicaSet
 * controller would, so the next settle measures the scheduler and kubelet.
 */
function createPods(name: string, count: number): number {
  const cluster = open(name);
  const start = performance.now();
  cluster.store.tx(() => {
    for (let i = 0; i < count; i++) cluster.store.create('pods', podManifest(`web-${i}`, 'nginx:1.27', { app: 'web' }));
  });
  return performance.now() - start;
}

/**
 * Fills a cluster with `count` Running pods that have nothing due: one pod is
 * taken through the real lifecycle, then cloned (new name, uid and IP) with
 * the store's hooks detached, so no controller work is queued.
 */
function seedRunning(name: string, count: number): number {
  const cluster = open(name);
  const start = performance.now();
  cluster.store.create('pods', podManifest('seed-0', 'nginx:1.27', { app: 'seed' }));
  cluster.advanceClock(60_000);
  cluster.settle();
  const model = cluster.store.get('pods', 'default', 'seed-0')!;
  if (model.status?.phase !== 'Running') throw new Error(`seed pod is ${model.status?.phase}`);
  const hooks = cluster.store.hooks.splice(0);
  const nodes = cluster.store.list('nodes').filter((n) => !n.spec?.taints?.length);
  cluster.store.tx(() => {
    for (let i = 1; i < count; i++) {
      const pod = structuredClone(model);
      const node = nodes[i % nodes.length];
      const ip = `10.${100 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`;
      pod.metadata = { name: `seed-${i}`, namespace: 'default', labels: { app: 'seed' } };
      pod.spec.nodeName = node.metadata.name;
      pod.status.podIP = ip;
      pod.status.podIPs = [{ ip }];
      cluster.store.create('pods', pod);
    }
  });
  cluster.store.hooks.push(...hooks);
  const due = cluster.store.db.prepare('SELECT count(*) AS n FROM queue').get() as { n: number };
  if (due.n !== 0) throw new Error(`seeding left ${due.n} queued keys`);
  return performance.now() - start;
}

/** Counts without settling: the workload's pods (namespace default, not kube-system's) by phase and image, owners, jobs, timers. */
function stats(name: string): Record<string, unknown> {
  const cluster = open(name);
  const pods = cluster.store.list('pods', 'default');
  const phases: Record<string, number> = {};
  const images: Record<string, number> = {};
  for (const p of pods) {
    const phase = p.metadata.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Unknown');
    phases[phase] = (phases[phase] ?? 0) + 1;
    const image = p.spec.containers[0]?.image;
    images[image] = (images[image] ?? 0) + 1;
  }
  return {
    pods: pods.length,
    phases,
    images,
    replicasets: cluster.store.count('replicasets', 'default'),
    jobs: cluster.store.count('jobs', 'default'),
    timers: (cluster.store.db.prepare('SELECT count(*) AS n FROM timers').get() as { n: number }).n,
  };
}

const [verb, cluster, n] = process.argv.slice(2);
let result: unknown;
if (verb === 'create-pods') result = { ms: createPods(cluster, Number(n)) };
else if (verb === 'seed-running') result = { ms: seedRunning(cluster, Number(n)) };
else if (verb === 'stats') result = stats(cluster);
else throw new Error(`unknown verb ${verb}`);
process.stdout.write(JSON.stringify(result) + '\n');
