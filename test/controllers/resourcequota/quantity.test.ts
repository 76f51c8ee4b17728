import { describe, expect, it } from 'vitest';
import { add, format, parse, parseList, prettyPrint, subtractNonNegative, toStored } from '../../../src/controllers/resourcequota/quantity.js';

function sum(...texts: string[]): string {
  let total = parse('0')!;
  for (const text of texts) total = add(total, parse(text)!);
  return format(total);
}

describe('quota quantities', () => {
  it.each([
    ['millicores to whole cores', ['500m', '500m'], '1'],
    ['binary memory', ['200Mi', '400Mi'], '600Mi'],
    ['binary memory to the next unit', ['512Mi', '512Mi'], '1Gi'],
    ['binary then decimal memory', ['200Mi', '1G'], '1209715200'],
    ['decimal then binary memory', ['1G', '200Mi'], '1209715200'],
    ['decimal memory', ['1G', '500M'], '1500M'],
    ['small binary values in decimal', ['512', '256Ki'], '262656'],
    ['whole counts', ['1', '1', '1'], '3'],
  ])('sums %s', (_name, terms, expected) => {
    expect(sum(...terms)).toBe(expected);
  });

  it.each([
    ['1000m', '1'],
    ['0.5', '500m'],
    ['2048Mi', '2Gi'],
    ['1e3', '1e3'],
    [2, '2'],
    ['0', '0'],
  ])('prints %s canonically as %s', (text, expected) => {
    expect(format(parse(text)!)).toBe(expected);
  });

  it('rejects text that is not a quantity', () => {
    expect(parse('lots')).toBeUndefined();
    expect(parse(undefined)).toBeUndefined();
  });

  it('prints lists sorted by name', () => {
    const list = parseList({ pods: '1', 'limits.memory': '1Gi', 'requests.cpu': '600m' });
    expect(prettyPrint(list)).toBe('limits.memory=1Gi,pods=1,requests.cpu=600m');
    expect(Object.keys(toStored(list))).toEqual(['limits.memory', 'pods', 'requests.cpu']);
  });

  it('subtracts without going below zero', () => {
    const delta = subtractNonNegative(parseList({ 'services.nodeports': '1', services: '1' }), parseList({ 'services.nodeports': '2', services: '1' }));
    expect(toStored(delta)).toEqual({ services: '0', 'services.nodeports': '0' });
  });
});
