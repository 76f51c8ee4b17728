import { describe, expect, it } from 'vitest';
import { stored, updateError } from './admit-helpers.js';

function binding(): any {
  return stored('rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'read', namespace: 'default' },
    roleRef: { kind: 'Role', name: 'pod-reader' },
    subjects: [{ kind: 'User', name: 'jane' }],
  });
}

function priorityClass(): any {
  return stored('priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
}

describe('RoleBinding update rules', () => {
  it('rejects a changed roleRef', () => {
    expect(updateError('rolebindings', binding(), (b) => (b.roleRef.name = 'admin'))).toBe(
      'The RoleBinding "read" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"admin"}: cannot change roleRef',
    );
  });

  it('accepts changed subjects', () => {
    expect(updateError('rolebindings', binding(), (b) => b.subjects.push({ kind: 'Group', name: 'devs' }))).toBe('accepted');
  });
});

describe('PriorityClass update rules', () => {
  it('rejects a changed value', () => {
    expect(updateError('priorityclasses', priorityClass(), (p) => (p.value = 5))).toBe('The PriorityClass "high" is invalid: value: Forbidden: may not be changed in an update.');
  });

  it('rejects a changed preemptionPolicy', () => {
    expect(updateError('priorityclasses', priorityClass(), (p) => (p.preemptionPolicy = 'Never'))).toBe(
      'The PriorityClass "high" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable',
    );
  });

  it('accepts a changed description', () => {
    expect(updateError('priorityclasses', priorityClass(), (p) => (p.description = 'x'))).toBe('accepted');
  });
});
