/**
 * The builder for `create job --from=cronjob/NAME`, which needs the live
 * CronJob (the image-based generators are in printers/generators.ts).
 */
import type { KObject } from '../../api/types.js';

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
