import { describe, expect, it } from 'vitest';
import { goLabelSelector, goQuote, goStringMap, goStringSlice } from '../../src/api/go-syntax.js';

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
    expect(goStringSlice(undefined)).toBe('[]string(nil)');
  });
});
