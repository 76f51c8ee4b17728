import { describe, expect, it } from 'vitest';
import { goLabelSelector, goQuote, goStringMap, goStringSlice, invalidList } from '../../src/api/go-syntax.js';
import { formatCause } from '../../src/api/errors.js';

describe('goStringMap', () => {
  it('prints a map with its keys sorted, as fmt does', () => {
    expect(goStringMap({ tier: 'front', app: 'web' })).toBe('map[string]string{"app":"web", "tier":"front"}');
  });

  it('prints a missing map as nil and an empty one as empty', () => {
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
    expect(goStringMap({})).toBe('map[string]string{}');
  });
});

describe('goLabelSelector', () => {
  it('prints matchLabels and a nil expression list', () => {
    expect(goLabelSelector({ matchLabels: { app: 'web2' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
  });

  it('prints each requirement with its key, operator and values', () => {
    expect(goLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'Exists' }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{' +
        'v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}, ' +
        'v1.LabelSelectorRequirement{Key:"x", Operator:"Exists", Values:[]string(nil)}}}',
    );
  });
});

describe('goQuote', () => {
  it('escapes quotes, backslashes and control characters as strconv.Quote does', () => {
    expect(goQuote('a"b\\c\n\x01\x7f')).toBe('"a\\"b\\\\c\\n\\x01\\x7f"');
    expect(goQuote('héllo')).toBe('"héllo"');
  });

  it('prints a string slice, or nil', () => {
    expect(goStringSlice(['a'])).toBe('[]string{"a"}');
    expect(goStringSlice(['10.96.0.5', 'fd00::5'])).toBe('[]string{"10.96.0.5", "fd00::5"}');
    expect(goStringSlice(undefined)).toBe('[]string(nil)');
  });
});

describe('invalidList', () => {
  it('prints the list in Go syntax before 1.34', () => {
    expect(formatCause(invalidList('spec.clusterIPs', ['10.96.0.5', 'fd00::5'], 'd', 133))).toBe('spec.clusterIPs: Invalid value: []string{"10.96.0.5", "fd00::5"}: d');
    expect(formatCause(invalidList('spec.clusterIPs', undefined, 'd', 132))).toBe('spec.clusterIPs: Invalid value: []string(nil): d');
  });

  it('prints the list as JSON from 1.34', () => {
    expect(formatCause(invalidList('spec.clusterIPs', ['10.96.0.5', 'fd00::5'], 'd', 134))).toBe('spec.clusterIPs: Invalid value: ["10.96.0.5","fd00::5"]: d');
    expect(formatCause(invalidList('spec.clusterIPs', undefined, 'd', 134))).toBe('spec.clusterIPs: Invalid value: null: d');
  });
});
