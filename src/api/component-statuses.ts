/**
 * ComponentStatus, which kube-apiserver never stores: each read probes the
 * control plane's health endpoints and builds the objects on the fly
 * (pkg/registry/core/componentstatus in Kubernetes). kubesim's control
 * plane is always healthy, so every component reports `Healthy`.
 */
import type { KObject } from './types.js';
import { ApiError } from './errors.js';

/**
 * The components a kubeadm API server probes. Kubernetes probes them in
 * parallel and lists them in the order the probes finish, so a real list's
 * order varies. kubesim always uses this order.
 */
const COMPONENTS = ['controller-manager', 'scheduler', 'etcd-0'];

/** Returns the API server's deprecation warning for a ComponentStatus request, or undefined before 1.19. */
export function componentStatusWarning(version: number): string | undefined {
  // API servers send deprecation warnings since 1.19, the release that deprecated ComponentStatus.
  return version >= 119 ? 'v1 ComponentStatus is deprecated in v1.19+' : undefined;
}

/** Returns the message of a healthy component's probe. */
function probeMessage(name: string, version: number): string {
  if (!name.startsWith('etcd-')) return 'ok';
  // Older API servers printed the body of etcd's /health endpoint, which is this JSON in kubectl output from 1.15 to 1.18 clusters.
  // NOTE: 1.32 prints `ok`. The first release that does is unverified, so kubesim switches at 1.20.
  return version < 120 ? '{"health":"true"}' : 'ok';
}

/** Builds one component's status as the API server returns it, with a null creationTimestamp because nothing stores it. */
function buildComponentStatus(name: string, version: number): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ComponentStatus',
    metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'],
    conditions: [{ type: 'Healthy', status: 'True', message: probeMessage(name, version) }],
  };
}

/** Lists the control plane's component statuses, before any selector filters them. */
export function listComponentStatuses(version: number): KObject[] {
  return COMPONENTS.map((name) => buildComponentStatus(name, version));
}

/**
 * Returns one component's status. An unknown name fails with the plain error
 * the API server returns, a 500 without a reason, which kubectl prints as
 * `Error from server: Component not found: NAME`.
 */
export function getComponentStatus(name: string, version: number): KObject {
  if (!COMPONENTS.includes(name)) throw new ApiError('', 500, `Component not found: ${name}`);
  return buildComponentStatus(name, version);
}
