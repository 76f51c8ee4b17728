import { describe, expect, it } from 'vitest';
import { formatLabelSelector, fromLabelSelector, matches, parseSelector } from '../../src/api/selectors.js';

const labels = { app: 'nginx', tier: 'frontend', env: 'prod' };

describe('parseSelector', () => {
  it.each([
    ['equality', 'app=nginx', true],
    ['double equals', 'app==nginx', true],
    ['inequality that holds', 'app!=redis', true],
    ['inequality that fails', 'app!=nginx', false],
    ['set in', 'tier in (frontend,backend)', true],
    ['set in without match', 'tier in (backend)', false],
    ['set notin', 'env notin (dev,test)', true],
    ['exists', 'tier', true],
    ['exists on a missing key', 'missing', false],
    ['does not exist', '!missing', true],
    ['does not exist on a present key', '!app', false],
    ['several requirements', 'app=nginx,tier in (frontend),!missing', true],
  ])('%s', (_name, text, expected) => {
    expect(matches(parseSelector(text), labels)).toBe(expected);
  });

  it('rejects a dangling operator', () => {
    expect(() => parseSelector('app in frontend')).toThrow(/unable to parse requirement/);
  });

  it('matches everything when empty', () => {
    expect(matches(parseSelector(''), labels)).toBe(true);
  });
});

describe('structured selectors', () => {
  it('converts matchLabels and matchExpressions', () => {
    const sel = fromLabelSelector({ matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] });
    expect(matches(sel, labels)).toBe(true);
    expect(matches(sel, { app: 'nginx' })).toBe(false);
  });

  it('treats an absent selector as matching nothing', () => {
    expect(matches(fromLabelSelector(undefined), labels)).toBe(false);
  });

  it('formats like kubectl', () => {
    expect(formatLabelSelector({ matchLabels: { tier: 'frontend', app: 'x' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a', 'b'] }] })).toBe(
      'app=x,tier=frontend,env notin (a,b)',
    );
    expect(formatLabelSelector(undefined)).toBe('<none>');
  });
});
