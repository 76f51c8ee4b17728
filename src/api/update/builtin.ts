/**
 * Update rules of the stored-only built-in kinds: a binding's roleRef and a
 * PriorityClass's value and preemptionPolicy cannot change
 * (ValidateRoleBindingUpdate, ValidatePriorityClassUpdate).
 */
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';

/** Rejects a changed roleRef, printed as Go's %#v prints the struct. */
export function validateRoleRefUpdate(obj: KObject, old: KObject): FieldCause[] {
  const ref = obj.roleRef ?? {};
  const before = old.roleRef ?? {};
  if (ref.apiGroup === before.apiGroup && ref.kind === before.kind && ref.name === before.name) return [];
  const q = (v: unknown) => JSON.stringify(String(v ?? ''));
  const valueText = `rbac.RoleRef{APIGroup:${q(ref.apiGroup)}, Kind:${q(ref.kind)}, Name:${q(ref.name)}}`;
  return [{ field: 'roleRef', type: 'Invalid value', hasValue: true, valueText, detail: 'cannot change roleRef' }];
}

/** Rejects a changed value or preemptionPolicy. */
export function validatePriorityClassUpdate(obj: KObject, old: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  if (obj.value !== old.value) causes.push({ field: 'value', type: 'Forbidden', detail: 'may not be changed in an update.' });
  if (obj.preemptionPolicy !== old.preemptionPolicy) {
    causes.push({ field: 'preemptionPolicy', type: 'Invalid value', value: obj.preemptionPolicy, hasValue: true, detail: 'field is immutable' });
  }
  return causes;
}
