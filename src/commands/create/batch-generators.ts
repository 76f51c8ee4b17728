/**
 * The builder for `create job --from=cronjob/NAME`, which needs the live
 * CronJob (the image-based generators are in printers/generators.ts).
 */
import type { KObject } from '../../api/types.js';
import { sortedMap } from '../../printers/generator-helpers.js';
import { orderLikeGoStruct } from '../../printers/go-struct-order.js';

/**
 * Builds the Job of `kubectl create job NAME --from=cronjob/CJ`: the CronJob's
 * job template, its labels and annotations (plus
 * `cronjob.kubernetes.io/instantiate: manual`), and a controller reference to
 * the CronJob. Keys follow Go's struct field order and map keys are sorted,
 * as Go's JSON encoder writes kubectl's typed Job.
 */
export function generateJobFromCronJob(name: string, cj: KObject, namespace?: string): KObject {
  const template = cj.spec?.jobTemplate ?? {};
  const metadata: any = { name };
  if (namespace) metadata.namespace = namespace;
  metadata.creationTimestamp = null;
  if (template.metadata?.labels) metadata.labels = sortedMap(template.metadata.labels);
  metadata.annotations = sortedMap({ 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) });
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: orderLikeGoStruct(structuredClone(template.spec ?? {}), 'JobSpec'), status: {} };
}
