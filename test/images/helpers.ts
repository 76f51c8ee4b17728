import type { ProgramContext } from '../../src/images/program';

/** Builds a program context for a pod started at 2022-05-31 10:03:24 UTC. */
export function newContext(overrides: Partial<ProgramContext> = {}): ProgramContext {
  return {
    podName: 'hello-1653990960-vkpzl',
    hostname: 'hello-1653990960-vkpzl',
    podIP: '10.244.1.67',
    namespace: 'default',
    nodeName: 'k8s-node01',
    startedAt: Date.UTC(2022, 4, 31, 10, 3, 24),
    env: {},
    ...overrides,
  };
}
