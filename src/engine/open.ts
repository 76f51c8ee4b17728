/**
 * Opening a cluster for a command: the store with admission and hooks wired,
 * every controller registered, and a new cluster bootstrapped on first use.
 */
import { Cluster } from './cluster.js';
import { admit, type AdmissionContext } from '../api/admission.js';
import { isTerminating } from '../api/namespace-lifecycle.js';
import type { FieldCause } from '../api/errors.js';
import { CONTROLLERS } from '../controllers/index.js';
import { validateCronJobSchedule } from '../controllers/cronjob/validation.js';
import { trackNodeUsage } from '../controllers/scheduler/usage.js';
import { trackOwnerSpread } from '../controllers/scheduler/owner-spread.js';
import { bootstrapKubeadmCluster } from './kube-system.js';
import { allocateServiceAddresses } from '../network/service-ipam.js';
import { stampTemplateGeneration } from '../controllers/daemonset/template-generation.js';
import { clusterExists, clusterFile } from './home.js';
import { DEFAULT_SETTINGS, type ClusterSettings } from './settings.js';
import { versionNumber } from '../api/registry.js';
import { mountServiceAccountToken } from '../controllers/serviceaccount/token-admission.js';
import { admitResourceQuota } from '../controllers/resourcequota/admission.js';

export interface CreateOptions {
  clock?: 'wall' | 'manual';
  seed?: number;
  workers?: number;
  kubernetesVersion?: string;
  strictVersions?: boolean;
  pullTimeout?: string[];
  /** Start time of a manual clock (ms); defaults to the wall clock. */
  startTime?: number;
}

/** Empty causes for resources without checks above the api layer (frozen, shared by every write). */
const NO_CAUSES: readonly FieldCause[] = Object.freeze([]);

function wire(cluster: Cluster): Cluster {
  const store = cluster.store;
  // One context serves every write. It reads the settings at each write because loading them replaces the object.
  const context: AdmissionContext = {
    get clusterVersion() {
      return cluster.settings.version;
    },
    namespaceExists: (n) => store.exists('namespaces', '', n),
    namespaceTerminating: (n) => isTerminating(store.get('namespaces', '', n, { shared: true })),
    validateMore: (r, o) => (r === 'cronjobs' ? validateCronJobSchedule(o) : NO_CAUSES),
    allocateServiceAddresses: (svc, old) => allocateServiceAddresses(store, svc, old, cluster.settings.version),
  };
  store.admission = (resource, obj, old, op) => {
    admit(context, resource, obj, old, op);
    if (resource === 'daemonsets' && op !== 'delete') stampTemplateGeneration(obj, old);
    if (resource === 'pods' && op === 'create') {
      // The plugin only reads the account, so it gets the cache's own object instead of a copy.
      mountServiceAccountToken(obj, cluster.settings, (ns, name) => store.get('serviceaccounts', ns, name, { shared: true }));
    }
    // A quota's status changes only through status writes, as the registry's PrepareForUpdate keeps the old status.
    if (resource === 'resourcequotas' && op === 'update' && old?.status && obj.spec !== old.spec) obj.status = old.status;
    admitResourceQuota(store, resource, obj, old, op, store.now());
  };
  store.hooks.unshift(trackNodeUsage(store));
  store.hooks.push(trackOwnerSpread(store));
  cluster.register(CONTROLLERS);
  return cluster;
}

/** Creates and bootstraps a cluster; the file must not exist yet. */
export function createCluster(name: string, opts: CreateOptions = {}, file = clusterFile(name)): Cluster {
  const cluster = wire(new Cluster(name, file));
  const versionString = opts.kubernetesVersion?.replace(/^v/, '') ?? DEFAULT_SETTINGS.versionString;
  const settings: ClusterSettings = {
    ...DEFAULT_SETTINGS,
    clock: opts.clock ?? 'wall',
    seed: opts.seed ?? (Date.now() % 2147483647),
    workers: opts.workers ?? 2,
    version: versionNumber(versionString),
    versionString,
    strictVersions: opts.strictVersions ?? false,
    pullTimeout: opts.pullTimeout ?? [],
  };
  cluster.settings = settings;
  const start = Math.floor((opts.startTime ?? Date.now()) / 1000) * 1000;
  // Another process may have created the same cluster first; then this one just opens it.
  const raced = cluster.store.tx(() => {
    if (cluster.store.getMeta('settings')) return true;
    cluster.store.setMeta('settings', JSON.stringify(settings));
    cluster.store.setMeta('manualNow', String(start));
    cluster.store.setMeta('simTime', String(start));
    cluster.store.setMeta('createdAt', String(start));
    return false;
  });
  if (raced) {
    cluster.loadSettings();
    return cluster;
  }
  cluster.settle(start);
  bootstrapKubeadmCluster(cluster, start);
  cluster.settle();
  return cluster;
}

/** Opens an existing cluster, or creates `default`-style clusters on first use when allowed. */
export function openCluster(name: string, createIfMissing = false): Cluster | undefined {
  if (!clusterExists(name)) {
    if (!createIfMissing) return undefined;
    return createCluster(name);
  }
  const cluster = wire(new Cluster(name));
  if (!cluster.initialized) return createIfMissing ? createCluster(name) : undefined;
  return cluster;
}
