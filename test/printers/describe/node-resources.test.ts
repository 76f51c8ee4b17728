import { describe, expect, it } from 'vitest';
import { formatAmount, podResource, sumAmounts } from '../../../src/printers/describe/node-resources.js';

describe('describe node amounts', () => {
  it('formats as Quantity.String()', () => {
    const cases: [number, boolean, string][] = [
      [0, false, '0'],
      [0.85, false, '850m'],
      [2, false, '2'],
      [240 * 1024 ** 2, true, '240Mi'],
      [1536 * 1024 ** 2, true, '1536Mi'],
      [2 * 1024 ** 3, true, '2Gi'],
      [128e6, false, '128M'],
      [73400320, false, '73400320'],
    ];
    for (const [value, binary, text] of cases) expect(formatAmount({ value, binary })).toBe(text);
  });

  it('sums in the first amount format', () => {
    const mem = sumAmounts(sumAmounts({ value: 0, binary: false }, { value: 70 * 1024 ** 2, binary: true }), { value: 100e6, binary: false });
    expect(formatAmount(mem)).toBe('173400320');
    const both = sumAmounts({ value: 70 * 1024 ** 2, binary: true }, { value: 170 * 1024 ** 2, binary: true });
    expect(formatAmount(both)).toBe('240Mi');
  });

  it('takes the larger of apps and init', () => {
    const pod = {
      spec: {
        initContainers: [{ resources: { requests: { cpu: '500m' } } }, { resources: { requests: { cpu: '1' } } }],
        containers: [{ resources: { requests: { cpu: '200m', memory: '64Mi' } } }, { resources: { requests: { cpu: '300m' } } }],
      },
    };
    expect(formatAmount(podResource(pod, 'requests', 'cpu'))).toBe('1');
    expect(formatAmount(podResource(pod, 'requests', 'memory'))).toBe('64Mi');
    expect(formatAmount(podResource(pod, 'limits', 'memory'))).toBe('0');
  });
});
