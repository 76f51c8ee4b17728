/**
 * `kubectl describe job` and `kubectl describe cronjob` (describeJob,
 * describeCronJob and describeJobTemplate in kubectl's describe package),
 * with the pod template block they share.
 */
import type { KObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/selectors.js';
import { humanDuration } from '../duration.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { writeContainer } from './pod.js';
import type { DescribeContext } from './index.js';

/** Writes a container of a template: the name one space deeper than its level, as kubectl prints it. */
function writeTemplateContainer(w: DescribeWriter, c: any): void {
  w.write(1, ` ${c.name}:\n`);
  const rest = Object.create(w) as DescribeWriter;
  let skipped = false;
  rest.write = (level: number, text: string) => {
    if (!skipped) skipped = true;
    else w.write(level, text);
  };
  writeContainer(rest, c, undefined, 1, true);
}

/** Writes the `Pod Template:` block (DescribePodTemplate). */
export function writePodTemplate(w: DescribeWriter, template: any, version: number): void {
  w.write(0, 'Pod Template:\n');
  writeMap(w, 1, 'Labels', template?.metadata?.labels);
  if (Object.keys(template?.metadata?.annotations ?? {}).length > 0) writeMap(w, 1, 'Annotations', template.metadata.annotations);
  const spec = template?.spec ?? {};
  if (spec.serviceAccountName) w.line(1, 'Service Account', spec.serviceAccountName);
  if (spec.initContainers?.length) {
    w.write(1, 'Init Containers:\n');
    for (const c of spec.initContainers) writeTemplateContainer(w, c);
  }
  w.write(1, 'Containers:\n');
  for (const c of spec.containers ?? []) writeTemplateContainer(w, c);
  if (!spec.volumes?.length) w.line(1, 'Volumes', '<none>');
  else {
    w.write(1, 'Volumes:\n');
    for (const v of spec.volumes) w.write(2, `${v.name}:\n`);
  }
  if (version >= 130) {
    const selector = Object.entries(spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    w.line(1, 'Node-Selectors', selector || '<none>');
    const tolerations: any[] = spec.tolerations ?? [];
    if (tolerations.length === 0) w.line(1, 'Tolerations', '<none>');
    else {
      tolerations.forEach((t, i) => {
        const text = `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`;
        if (i === 0) w.line(1, 'Tolerations', text);
        else w.write(1, `\t${text}\n`);
      });
    }
  }
}

function controllerOf(obj: KObject): string | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}

/** `kubectl describe job`. */
export function describeJob(job: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  w.line(0, 'Name', job.metadata.name);
  w.line(0, 'Namespace', job.metadata.namespace ?? '');
  w.line(0, 'Selector', formatLabelSelector(spec.selector));
  writeMap(w, 0, 'Labels', job.metadata.labels);
  writeMap(w, 0, 'Annotations', job.metadata.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.line(0, 'Controlled By', controlledBy);
  if (spec.parallelism !== undefined) w.line(0, 'Parallelism', spec.parallelism);
  w.line(0, 'Completions', spec.completions ?? '<unset>');
  if (spec.completionMode) w.line(0, 'Completion Mode', spec.completionMode);
  if (spec.suspend !== undefined) w.line(0, 'Suspend', String(spec.suspend));
  if (spec.backoffLimit !== undefined) w.line(0, 'Backoff Limit', spec.backoffLimit);
  if (spec.ttlSecondsAfterFinished !== undefined) w.line(0, 'TTL Seconds After Finished', spec.ttlSecondsAfterFinished);
  if (status.startTime) w.line(0, 'Start Time', rfc1123z(status.startTime));
  if (status.completionTime) w.line(0, 'Completed At', rfc1123z(status.completionTime));
  if (status.startTime && status.completionTime) w.line(0, 'Duration', humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime)));
  if (spec.activeDeadlineSeconds !== undefined) w.line(0, 'Active Deadline Seconds', `${spec.activeDeadlineSeconds}s`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  if (status.ready === undefined) w.line(0, 'Pods Statuses', `${status.active ?? 0} Active / ${counts}`);
  else w.line(0, 'Pods Statuses', `${status.active ?? 0} Active (${status.ready} Ready) / ${counts}`);
  if (spec.completionMode === 'Indexed') w.line(0, 'Completed Indexes', capIndexes(status.completedIndexes ?? '', 50));
  writePodTemplate(w, spec.template, ctx.version);
  writeEvents(w, ctx.events(job), ctx.now, ctx.version);
  return w.text();
}

/** Shortens a long completedIndexes list at the first comma past `softLimit` characters. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  const cut = indexes.indexOf(',', softLimit);
  return cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

/** `kubectl describe cronjob`. */
export function describeCronJob(cj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = cj.spec ?? {};
  const unset = (v: unknown, suffix = '') => (v === undefined || v === null ? '<unset>' : `${v}${suffix}`);
  w.line(0, 'Name', cj.metadata.name);
  w.line(0, 'Namespace', cj.metadata.namespace ?? '');
  writeMap(w, 0, 'Labels', cj.metadata.labels);
  writeMap(w, 0, 'Annotations', cj.metadata.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  w.line(0, 'Schedule', spec.schedule ?? '');
  w.line(0, 'Concurrency Policy', spec.concurrencyPolicy ?? '');
  w.line(0, 'Suspend', unset(spec.suspend === undefined ? undefined : spec.suspend ? 'True' : 'False'));
  w.line(0, 'Successful Job History Limit', unset(spec.successfulJobsHistoryLimit));
  w.line(0, 'Failed Job History Limit', unset(spec.failedJobsHistoryLimit));
  w.line(0, 'Starting Deadline Seconds', unset(spec.startingDeadlineSeconds, 's'));
  const jobSpec = spec.jobTemplate?.spec ?? {};
  w.line(0, 'Selector', jobSpec.selector ? formatLabelSelector(jobSpec.selector) : '<unset>');
  w.line(0, 'Parallelism', unset(jobSpec.parallelism));
  w.line(0, 'Completions', unset(jobSpec.completions));
  if (jobSpec.activeDeadlineSeconds !== undefined) w.line(0, 'Active Deadline Seconds', `${jobSpec.activeDeadlineSeconds}s`);
  writePodTemplate(w, jobSpec.template, ctx.version);
  w.line(0, 'Last Schedule Time', cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>');
  const active: any[] = cj.status?.active ?? [];
  w.line(0, 'Active Jobs', active.length ? active.map((r) => r.name).join(', ') : '<none>');
  writeEvents(w, ctx.events(cj), ctx.now, ctx.version);
  return w.text();
}
