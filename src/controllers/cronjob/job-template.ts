/**
 * The Job a CronJob creates for one scheduled time
 * (pkg/controller/cronjob/utils.go getJobFromTemplate2): a name that is a
 * function of the time, so the same start never creates two jobs, the
 * template's labels and annotations, and a controller reference.
 */
import type { KObject } from '../../api/types.js';
import { cloneJson, isoTime } from '../../store/store.js';

/** Annotation recording the scheduled time of a CronJob's job (beta, on by default, from 1.28). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * Names the job for a scheduled time: `<cronjob>-<minutes since the epoch>`
 * from 1.21 (the v2 controller), `<cronjob>-<seconds since the epoch>` before.
 * Example: 2022-05-31T09:50:00Z → `hello-27566510` (1.32), `hello-1653990600` (1.15).
 */
export function getJobName(cronJobName: string, scheduledTime: number, version: number): string {
  const seconds = Math.floor(scheduledTime / 1000);
  return `${cronJobName}-${version >= 121 ? Math.floor(seconds / 60) : seconds}`;
}

/** Formats a time as RFC 3339 in an IANA zone (`2022-05-31T05:50:00-04:00`), as Go's time.Format does. */
export function formatRfc3339InZone(ms: number, zone: string | undefined): string {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return isoTime(ms);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMinutes = Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
  if (offsetMinutes === 0) return isoTime(ms);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Formats a time as Go's RFC1123Z in UTC (`Tue, 31 May 2022 09:50:00 +0000`), the form of MissSchedule events. */
export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Builds the Job for `scheduledTime` from the CronJob's jobTemplate. */
export function newJobFromCronJob(cj: KObject, scheduledTime: number, version: number): KObject {
  const template = cj.spec?.jobTemplate ?? {};
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  if (version >= 128) annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = formatRfc3339InZone(scheduledTime, cj.spec?.timeZone);
  const metadata: KObject['metadata'] = {
    name: getJobName(cj.metadata.name, scheduledTime, version),
    namespace: cj.metadata.namespace,
    ownerReferences: [
      { apiVersion: cj.apiVersion ?? 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true },
    ],
  };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: cloneJson(template.spec ?? {}) };
}
