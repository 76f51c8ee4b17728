/**
 * `kubectl run` before 1.18 created a Deployment by default (generator
 * `deployment/apps.v1`) and a Job for `--restart=OnFailure` (`job/v1`),
 * each with a deprecation warning. Only `--restart=Never` or
 * `--generator=run-pod/v1` made a bare Pod. kubesim does the same on
 * clusters older than 1.18, so old tutorials read the same.
 */
import type { KObject } from '../../api/types.js';

/** The generator kubectl before 1.18 picked, or `run-pod/v1` for a Pod. */
export function legacyGenerator(restart: string, requested: string): string {
  if (requested) return requested;
  if (restart === 'Always') return 'deployment/apps.v1';
  if (restart === 'OnFailure') return 'job/v1';
  return 'run-pod/v1';
}

/** Returns the warning kubectl printed on stderr for a deprecated generator. */
export function legacyWarning(generator: string): string {
  return `kubectl run --generator=${generator} is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n`;
}

/** Wraps the Pod `kubectl run` generates into the Deployment or Job of the old generators. */
export function legacyObject(pod: KObject, generator: string): KObject {
  const labels = pod.metadata.labels ?? {};
  const meta = { ...pod.metadata };
  const containers = pod.spec.containers;
  if (generator === 'job/v1') {
    return {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: meta,
      spec: { template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers, restartPolicy: 'OnFailure' } } },
      status: {},
    };
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta,
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
