/**
 * Pure builders for `create job` and `create cronjob`: the objects kubectl's
 * generators produce, before the server adds defaults.
 */
import type { KObject } from '../../api/types.js';

/** The Job of `kubectl create job NAME --image=IMAGE -- COMMAND...`. */
export function generateJob(name: string, image: string, command: string[]): KObject {
  const container: any = { name, image, resources: {} };
  if (command.length > 0) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, creationTimestamp: null } as any,
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  };
}

/** The CronJob of `kubectl create cronjob NAME --image=IMAGE --schedule=S -- COMMAND...`. */
export function generateCronJob(name: string, image: string, schedule: string, command: string[], restartPolicy = 'OnFailure'): KObject {
  const container: any = { name, image, resources: {} };
  if (command.length > 0) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, creationTimestamp: null } as any,
    spec: {
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } } },
      },
      schedule,
    },
    status: {},
  };
}

/**
 * The Job of `kubectl create job NAME --from=cronjob/CJ`: the CronJob's job
 * template, its labels and annotations (plus `cronjob.kubernetes.io/instantiate: manual`),
 * and a controller reference to the CronJob.
 */
export function generateJobFromCronJob(name: string, cj: KObject): KObject {
  const template = cj.spec?.jobTemplate ?? {};
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const metadata: any = {
    name,
    creationTimestamp: null,
    annotations,
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
  };
  if (template.metadata?.labels) metadata.labels = { ...template.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(template.spec ?? {}), status: {} };
}
