/**
 * Checks a pod spec's initContainers as the API server's
 * validateInitContainers does (pkg/apis/core/validation). Each init
 * container gets the checks of every container. Its restartPolicy may only
 * be Always (a sidecar), and its name must differ from every other
 * container's. Only a sidecar may have a lifecycle or probes.
 */
import type { FieldCause } from './errors.js';
import { unsupportedValue } from './errors.js';

/** A check of a container list's common fields, duplicate names within the list included. */
export type ContainerListCheck = (containers: any, field: string, clusterVersion: number) => FieldCause[];

/** Detail of the Forbidden cause for a lifecycle or probe on an init container that is not a sidecar. */
const NOT_SIDECAR = 'may not be set for init containers without restartPolicy=Always';

/**
 * Returns the causes for the init containers at `field`, container by
 * container as the API server lists them. `checkContainers` runs the checks
 * shared with app containers, and its duplicate names give way to the check
 * across init and app containers.
 */
export function validateInitContainers(spec: any, field: string, clusterVersion: number, checkContainers: ContainerListCheck): FieldCause[] {
  const inits = spec.initContainers;
  if (!Array.isArray(inits) || inits.length === 0) return [];
  const common = checkContainers(inits, field, clusterVersion).filter((c) => c.type !== 'Duplicate value');
  const names = new Set<string>();
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) if (typeof c?.name === 'string') names.add(c.name);
  const causes: FieldCause[] = [];
  inits.forEach((c: any, i: number) => {
    const at = `${field}[${i}]`;
    causes.push(...common.filter((cause) => cause.field.startsWith(`${at}.`)));
    if (!c || typeof c !== 'object') return;
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') causes.push(unsupportedValue(`${at}.restartPolicy`, c.restartPolicy, ['Always']));
    if (typeof c.name === 'string' && c.name !== '') {
      if (names.has(c.name)) causes.push({ field: `${at}.name`, type: 'Duplicate value', value: c.name, hasValue: true });
      else names.add(c.name);
    }
    if (c.restartPolicy === 'Always') return;
    for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[key] !== undefined && c[key] !== null) causes.push({ field: `${at}.${key}`, type: 'Forbidden', detail: NOT_SIDECAR });
    }
  });
  return causes;
}
