/**
 * The API server's check of a CronJob's spec.timeZone, wired into admission
 * by the engine (the schedule itself is checked in api/validation.ts).
 */
import type { KObject } from '../../api/types.js';
import type { FieldCause } from '../../api/errors.js';
import { isKnownTimeZone } from './schedule.js';

/** Field causes for an unknown spec.timeZone, as the API server reports them. */
export function validateCronJobTimeZone(cj: KObject): FieldCause[] {
  const zone = cj.spec?.timeZone;
  if (typeof zone !== 'string' || isKnownTimeZone(zone)) return [];
  return [{ field: 'spec.timeZone', type: 'Invalid value', value: zone, hasValue: true, detail: `unknown time zone ${zone}` }];
}
