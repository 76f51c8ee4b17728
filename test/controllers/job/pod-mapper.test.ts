import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { jobPodMapper } from '../../../src/controllers/job/job-controller.js';
import { COMPLETION_INDEX_KEY } from '../../../src/controllers/job/pods.js';

const OWNER = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true }];

/** Builds a job's pod (Pending, unbound, one waiting container), then applies `edit`. */
function newPod(edit: (pod: any) => void = () => {}): KObject {
  const pod: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pi-abcde', namespace: 'default', uid: 'pod-uid', ownerReferences: OWNER, annotations: {} },
    spec: { containers: [{ name: 'pi', image: 'perl' }] },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'pi', restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
    },
  };
  edit(pod);
  return pod;
}

describe('job controller pod watch', () => {
  const ignored: [string, (pod: any) => void][] = [
    ['binding the pod to a node', (p) => {
      p.spec.nodeName = 'k8s-node01';
      p.status.conditions.push({ type: 'PodScheduled', status: 'True' });
    }],
    ['a new pod IP', (p) => (p.status.podIP = '10.244.1.5')],
    ['a new waiting reason', (p) => (p.status.containerStatuses[0].state = { waiting: { reason: 'ErrImagePull' } })],
    ['a new label', (p) => (p.metadata.labels = { extra: 'yes' })],
  ];
  for (const [name, edit] of ignored) {
    it(`does not wake the job for ${name}`, () => {
      expect(jobPodMapper(newPod(edit), newPod())).toBeUndefined();
    });
  }

  const woken: [string, (pod: any) => void][] = [
    ['a new phase', (p) => (p.status.phase = 'Running')],
    ['readiness', (p) => (p.status.conditions[0].status = 'True')],
    ['a container restart', (p) => (p.status.containerStatuses[0].restartCount = 1)],
    ['a container termination time', (p) => (p.status.containerStatuses[0].state = { terminated: { exitCode: 0, finishedAt: '2022-05-31T09:50:05Z' } })],
    ['the start of deletion', (p) => (p.metadata.deletionTimestamp = '2022-05-31T09:50:30Z')],
    ['a completion index', (p) => (p.metadata.annotations[COMPLETION_INDEX_KEY] = '2')],
  ];
  for (const [name, edit] of woken) {
    it(`wakes the job for ${name}`, () => {
      expect(jobPodMapper(newPod(edit), newPod())).toEqual(['default/pi', 'default/pi']);
    });
  }

  it('binding phase change wakes no job', () => {
    const created = newPod((p) => (p.status = undefined));
    const bound = newPod((p) => {
      p.spec.nodeName = 'k8s-node01';
      p.status = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] };
    });
    expect(jobPodMapper(bound, created)).toBeUndefined();
  });

  it('wakes the job when a pod without a phase becomes Pending with restarts', () => {
    const created = newPod((p) => (p.status = undefined));
    expect(jobPodMapper(newPod((p) => (p.status.containerStatuses[0].restartCount = 1)), created)).toEqual(['default/pi', 'default/pi']);
  });

  it('wakes the job when its pod is created or removed', () => {
    expect(jobPodMapper(newPod(), undefined)).toEqual(['default/pi']);
    expect(jobPodMapper(undefined, newPod())).toEqual(['default/pi']);
  });

  it('wakes both jobs when the pod changes owner', () => {
    const moved = newPod((p) => (p.metadata.ownerReferences = [{ ...OWNER[0], name: 'other', uid: 'other-uid' }]));
    expect(jobPodMapper(moved, newPod())).toEqual(['default/other', 'default/pi']);
  });

  it('ignores a pod without a Job controller', () => {
    const replicaSetPod = (edit: (pod: any) => void = () => {}) =>
      newPod((p) => {
        p.metadata.ownerReferences = [{ ...OWNER[0], apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web' }];
        edit(p);
      });
    expect(jobPodMapper(replicaSetPod((p) => (p.status.phase = 'Running')), replicaSetPod())).toBeUndefined();
    expect(jobPodMapper(replicaSetPod(), undefined)).toBeUndefined();
  });
});
