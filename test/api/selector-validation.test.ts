import { describe, expect, it } from 'vitest';
import { formatCause } from '../../src/api/errors.js';
import { validateWorkloadSelector } from '../../src/api/selector-validation.js';

function spec(selector: unknown, labels: Record<string, string> | undefined = { app: 'web' }) {
  return { selector, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } };
}

function check(resource: string, s: unknown, clusterVersion = 132) {
  const { causes, checkTemplate } = validateWorkloadSelector(resource, s, clusterVersion);
  return { lines: causes.map(formatCause), checkTemplate };
}

describe('validateWorkloadSelector', () => {
  it('names the kind in the empty-selector error', () => {
    const empty = 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}';
    expect(check('deployments', spec({})).lines).toEqual([`spec.selector: Invalid value: ${empty}: empty selector is invalid for deployment`]);
    expect(check('replicasets', spec({})).lines).toEqual([`spec.selector: Invalid value: ${empty}: empty selector is invalid for deployment`]);
    expect(check('statefulsets', spec({})).lines).toEqual([`spec.selector: Invalid value: ${empty}: empty selector is invalid for statefulset`]);
    expect(check('daemonsets', spec({})).lines).toEqual([`spec.selector: Invalid value: ${empty}: empty selector is invalid for daemonset`]);
  });

  it('requires values for In and reports the selector as unconvertible', () => {
    const r = check('deployments', spec({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }));
    expect(r.lines).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string{}}}}: invalid label selector',
    ]);
    expect(r.checkTemplate).toBe(false);
  });

  it('forbids values for Exists; a StatefulSet reports the conversion with no detail', () => {
    const r = check('statefulsets', spec({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] }));
    expect(r.lines).toEqual([
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Exists", Values:[]string{"x"}}}}',
    ]);
  });

  it('checks DaemonSet template despite invalid selector', () => {
    const r = check('daemonsets', spec({ matchLabels: { app: '-bad-' } }, { app: 'web' }));
    expect(r.lines).toEqual([
      expect.stringMatching(/^spec\.selector\.matchLabels: Invalid value: "-bad-": a valid label must be an empty string/),
    ]);
    expect(r.checkTemplate).toBe(true);
  });

  it('does not require a DaemonSet selector, but nothing matches a missing one', () => {
    expect(check('daemonsets', spec(undefined)).lines).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('prints mismatching template labels in Go syntax, nil when absent', () => {
    const noLabels = { selector: { matchLabels: { app: 'x' } }, template: { metadata: {}, spec: {} } };
    expect(check('deployments', noLabels).lines).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });

  it('validates a StatefulSet template label under spec.template.labels', () => {
    const long = 'v'.repeat(64);
    const r = check('statefulsets', spec({ matchLabels: { app: 'web' } }, { app: 'web', tier: long }));
    expect(r.lines).toEqual([`spec.template.labels: Invalid value: "${long}": must be no more than 63 characters`]);
  });

  it('reports both the length and the characters of a bad label value', () => {
    const bad = '-' + 'v'.repeat(63);
    const r = check('deployments', spec({ matchLabels: { app: 'web' } }, { app: 'web', tier: bad }));
    expect(r.lines.length).toBe(2);
    expect(r.lines[0]).toBe(`spec.template.metadata.labels: Invalid value: "${bad}": must be no more than 63 characters`);
    expect(r.lines[1]).toMatch(/^spec\.template\.metadata\.labels: Invalid value: "-v+": a valid label must be an empty string/);
  });

  it('prints values as JSON from 1.34', () => {
    expect(check('deployments', spec({ matchLabels: { app: 'x' } }), 134).lines).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
});
