/**
 * The API server's checks of a CronJob's schedule and time zone. The
 * schedule's syntax is checked in the api layer (src/api/cron-syntax.ts,
 * robfig/cron's rules and messages); the time zone needs the IANA database
 * that the cronjob controller's schedule parser loads, so it is checked here.
 */
import type { KObject } from '../../api/types.js';
import type { FieldCause } from '../../api/errors.js';
import { cronSyntaxError } from '../../api/cron-syntax.js';
import { isKnownTimeZone } from './schedule.js';

/** Returns robfig/cron's error message for a schedule it rejects, or undefined for a valid one. */
export function findScheduleError(schedule: string): string | undefined {
  if (schedule === '') return 'empty spec string';
  // robfig/cron trims the text after a zone prefix, and nothing else.
  const zone = /^(?:CRON_TZ|TZ)=\S+\s/.exec(schedule);
  return cronSyntaxError(zone ? schedule.slice(zone[0].length).trim() : schedule);
}

/** Field causes for a CronJob's time zone, as the API server reports them. */
export function validateCronJobSchedule(cj: KObject): FieldCause[] {
  const zone = cj.spec?.timeZone;
  if (typeof zone === 'string' && !isKnownTimeZone(zone)) {
    return [{ field: 'spec.timeZone', type: 'Invalid value', value: zone, hasValue: true, detail: `unknown time zone ${zone}` }];
  }
  return [];
}
