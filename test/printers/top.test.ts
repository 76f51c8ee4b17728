import { describe, expect, it } from 'vitest';
import { formatNodeTable, formatPodTable } from '../../src/printers/top.js';
import type { PodUsage } from '../../src/metrics/usage.js';

const Mi = 1024 * 1024;
const pod = (name: string, ns: string, containers: [string, number, number][]): PodUsage => ({
  namespace: ns,
  name,
  containers: containers.map(([n, cpu, mem]) => ({ name: n, cpu, memory: mem })),
  cpu: containers.reduce((s, c) => s + c[1], 0),
  memory: containers.reduce((s, c) => s + c[2], 0),
});
const PODS = [pod('api', 'default', [['app', 5, 20 * Mi], ['proxy', 2, 9.5 * Mi]]), pod('web', 'default', [['nginx', 120, 7 * Mi]])];
const base = { containers: false, withNamespace: false, noHeaders: false, sortBy: '', sum: false };

describe('top tables', () => {
  it('prints pods with trailing cell padding', () => {
    expect(formatPodTable(PODS, base)).toBe('NAME   CPU(cores)   MEMORY(bytes)   \napi    7m           29Mi            \nweb    120m         7Mi             \n');
  });

  it('sorts pods by cpu, largest first', () => {
    expect(formatPodTable(PODS, { ...base, sortBy: 'cpu', noHeaders: true })).toBe('web   120m   7Mi    \napi   7m     29Mi   \n');
  });

  it('prints containers with namespaces', () => {
    expect(formatPodTable(PODS, { ...base, containers: true, withNamespace: true })).toBe(
      'NAMESPACE   POD   NAME    CPU(cores)   MEMORY(bytes)   \n' +
        'default     api   app     5m           20Mi            \n' +
        'default     api   proxy   2m           9Mi             \n' +
        'default     web   nginx   120m         7Mi             \n',
    );
  });

  it('prints the sum under the usage columns', () => {
    expect(formatPodTable(PODS, { ...base, sum: true })).toBe(
      'NAME   CPU(cores)   MEMORY(bytes)   \napi    7m           29Mi            \nweb    120m         7Mi             \n       ________     ________        \n       127m         36Mi            \n',
    );
  });

  it('prints node percentages of allocatable', () => {
    const nodes = [{ name: 'k8s-node01', cpu: 250, memory: 600 * Mi, allocatableCpu: 4000, allocatableMemory: 8008812 * 1024 }];
    expect(formatNodeTable(nodes, [], { noHeaders: false, sortBy: '' })).toBe(
      'NAME         CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nk8s-node01   250m         6%       600Mi           7%          \n',
    );
  });

  it('lists nodes without metrics last as unknown', () => {
    const nodes = [{ name: 'k8s-node01', cpu: 250, memory: 600 * Mi, allocatableCpu: 4000, allocatableMemory: 8008812 * 1024 }];
    expect(formatNodeTable(nodes, ['k8s-node02'], { noHeaders: true, sortBy: '' })).toBe(
      'k8s-node01   250m        6%          600Mi       7%          \nk8s-node02   <unknown>   <unknown>   <unknown>   <unknown>   \n',
    );
  });
});
