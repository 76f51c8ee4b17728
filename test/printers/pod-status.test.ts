import { describe, expect, it } from 'vitest';
import { podCells } from '../../src/printers/pod-status.js';
import type { KObject } from '../../src/api/types.js';

const NOW = Date.UTC(2022, 4, 31, 10, 0, 0);
const TEN_SECONDS_AGO = '2022-05-31T09:59:50Z';

function pod(spec: any, status: any): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, status };
}

const running = { running: { startedAt: TEN_SECONDS_AGO } };
const completed = { terminated: { exitCode: 0, reason: 'Completed' } };
const initializing = { waiting: { reason: 'PodInitializing' } };
const initialized = (value: string) => [{ type: 'Initialized', status: value }];

const TWO_INITS = { initContainers: [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'main' }] };
const SIDECAR = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'setup' }], containers: [{ name: 'main' }] };

describe('pod STATUS, READY and RESTARTS with init containers', () => {
  const cases: [string, KObject, string][] = [
    ['the first init container runs', pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: running }, { name: 'b', state: initializing }], containerStatuses: [{ name: 'main', state: initializing }] }), '0/1 Init:0/2 0'],
    ['the second init container runs', pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: completed }, { name: 'b', state: running }], containerStatuses: [{ name: 'main', state: initializing }] }), '0/1 Init:1/2 0'],
    ['every init container completed', pod(TWO_INITS, { phase: 'Pending', conditions: initialized('True'), initContainerStatuses: [{ name: 'a', state: completed }, { name: 'b', state: completed }], containerStatuses: [{ name: 'main', state: initializing }] }), '0/1 PodInitializing 0'],
    ['an init container failed', pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 3, reason: 'Error' } } }, { name: 'b', state: initializing }], containerStatuses: [] }), '0/1 Init:Error 0'],
    ['an init container ended without a reason', pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 3 } } }], containerStatuses: [] }), '0/1 Init:ExitCode:3 0'],
    ['an init container was killed by a signal', pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } }], containerStatuses: [] }), '0/1 Init:Signal:9 0'],
    [
      'an init container backs off',
      pod(TWO_INITS, { phase: 'Pending', initContainerStatuses: [{ name: 'a', restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: TEN_SECONDS_AGO } }, state: { waiting: { reason: 'CrashLoopBackOff' } } }], containerStatuses: [] }),
      '0/1 Init:CrashLoopBackOff 2 (10s ago)',
    ],
    ['a sidecar started and the next init container runs', pod(SIDECAR, { phase: 'Pending', initContainerStatuses: [{ name: 'proxy', started: true, ready: true, state: running }, { name: 'setup', state: running }], containerStatuses: [{ name: 'main', state: initializing }] }), '1/2 Init:1/2 0'],
    [
      'the sidecar and the app container run',
      pod(SIDECAR, { phase: 'Running', conditions: [...initialized('True'), { type: 'Ready', status: 'True' }], initContainerStatuses: [{ name: 'proxy', started: true, ready: true, state: running }, { name: 'setup', state: completed }], containerStatuses: [{ name: 'main', ready: true, state: running }] }),
      '2/2 Running 0',
    ],
    [
      'a restarted sidecar counts its restarts once the pod is initialized',
      pod(SIDECAR, {
        phase: 'Running',
        conditions: initialized('True'),
        initContainerStatuses: [
          { name: 'proxy', started: true, ready: true, restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: TEN_SECONDS_AGO } }, state: running },
          { name: 'setup', restartCount: 4, state: completed },
        ],
        containerStatuses: [{ name: 'main', ready: true, state: running }],
      }),
      '2/2 Running 1 (10s ago)',
    ],
  ];
  for (const [name, p, expected] of cases) {
    it(name, () => {
      const { ready, status, restarts } = podCells(p, NOW, 132);
      expect(`${ready} ${status} ${restarts}`).toBe(expected);
    });
  }
});
