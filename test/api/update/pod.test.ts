import { describe, expect, it } from 'vitest';
import { admit } from '../../../src/api/admission.js';
import { context, deepFreeze } from './admit-helpers.js';
import { POD_UPDATE_MESSAGE } from '../../../src/api/update/pod.js';


/** Builds a pod as the store keeps it: admitted on create, bound, then frozen. */
function storedPod(spec: any = {}): any {
  const pod: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', labels: { app: 'p' } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }], nodeName: 'k8s-node01', ...spec },
  };
  admit(context, 'pods', pod, undefined, 'create');
  return deepFreeze(pod);
}

/** Applies `change` to a copy of the stored pod, admits it as an update and returns the error text. */
function updateError(old: any, change: (pod: any) => void): string {
  const pod = structuredClone(old);
  change(pod);
  try {
    admit(context, 'pods', pod, old, 'update');
  } catch (err: any) {
    return err.message;
  }
  return 'accepted';
}

const FORBIDDEN = `The Pod "p" is invalid: spec: Forbidden: ${POD_UPDATE_MESSAGE}`;

describe('pod update rules', () => {
  it('spells the message of Kubernetes 1.32', () => {
    expect(FORBIDDEN).toBe(
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it('accepts a copied spec that changes nothing', () => {
    expect(updateError(storedPod(), () => {})).toBe('accepted');
  });

  it('accepts a new container image', () => {
    expect(updateError(storedPod(), (p) => (p.spec.containers[0].image = 'nginx:1.28'))).toBe('accepted');
  });

  it('words the message as older servers do before 1.27', () => {
    const old = storedPod();
    const pod = structuredClone(old);
    pod.spec.restartPolicy = 'Never';
    expect(() => admit({ ...context, clusterVersion: 115 }, 'pods', pod, old, 'update')).toThrow(
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)',
    );
  });

  it('rejects a changed nodeName', () => {
    expect(updateError(storedPod(), (p) => (p.spec.nodeName = 'k8s-node02'))).toBe(FORBIDDEN);
  });

  it('rejects a nodeName set on a copied unscheduled spec', () => {
    const old = storedPod({ nodeName: undefined });
    expect(updateError(old, (p) => (p.spec.nodeName = 'k8s-node01'))).toBe(FORBIDDEN);
  });

  it('rejects a changed restartPolicy', () => {
    expect(updateError(storedPod(), (p) => (p.spec.restartPolicy = 'Never'))).toBe(FORBIDDEN);
  });

  it('rejects a changed container command', () => {
    expect(updateError(storedPod(), (p) => (p.spec.containers[0].command = ['sleep', '10']))).toBe(FORBIDDEN);
  });

  it('rejects changed container ports', () => {
    expect(updateError(storedPod(), (p) => (p.spec.containers[0].ports[0].containerPort = 8080))).toBe(FORBIDDEN);
  });

  it('rejects an added container', () => {
    expect(updateError(storedPod(), (p) => p.spec.containers.push({ name: 'd', image: 'busybox' }))).toBe(
      'The Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
  });

  it('compares resource quantities by value', () => {
    const old = storedPod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] });
    expect(updateError(old, (p) => (p.spec.containers[0].resources.requests.cpu = '1000m'))).toBe('accepted');
  });

  it('accepts a lower activeDeadlineSeconds', () => {
    expect(updateError(storedPod({ activeDeadlineSeconds: 60 }), (p) => (p.spec.activeDeadlineSeconds = 30))).toBe('accepted');
  });

  it('rejects a higher activeDeadlineSeconds', () => {
    expect(updateError(storedPod({ activeDeadlineSeconds: 60 }), (p) => (p.spec.activeDeadlineSeconds = 90))).toBe(
      'The Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 90: must be less than or equal to previous value',
    );
  });

  it('rejects an activeDeadlineSeconds out of range', () => {
    expect(updateError(storedPod(), (p) => (p.spec.activeDeadlineSeconds = 3000000000))).toBe(
      'The Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 3000000000: must be between 0 and 2147483647, inclusive',
    );
  });

  it('rejects a removed activeDeadlineSeconds', () => {
    expect(updateError(storedPod({ activeDeadlineSeconds: 60 }), (p) => delete p.spec.activeDeadlineSeconds)).toBe(
      'The Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value',
    );
  });

  it('accepts an added toleration and a changed tolerationSeconds', () => {
    const toleration = { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    const old = storedPod({ tolerations: [toleration] });
    expect(
      updateError(old, (p) => {
        p.spec.tolerations[0].tolerationSeconds = 10;
        p.spec.tolerations.push({ key: 'other', operator: 'Exists' });
      }),
    ).toBe('accepted');
  });

  it('rejects a changed toleration', () => {
    const old = storedPod({ tolerations: [{ key: 'k', operator: 'Equal', value: 'a', effect: 'NoSchedule' }] });
    expect(updateError(old, (p) => (p.spec.tolerations[0].value = 'b'))).toBe(
      'The Pod "p" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('accepts terminationGracePeriodSeconds set to 1 from a negative value', () => {
    expect(updateError(storedPod({ terminationGracePeriodSeconds: -1 }), (p) => (p.spec.terminationGracePeriodSeconds = 1))).toBe('accepted');
  });

  it('rejects any other terminationGracePeriodSeconds change', () => {
    expect(updateError(storedPod(), (p) => (p.spec.terminationGracePeriodSeconds = 5))).toBe(FORBIDDEN);
  });

  it('accepts a removed scheduling gate', () => {
    const old = storedPod({ nodeName: undefined, schedulingGates: [{ name: 'a' }, { name: 'b' }] });
    expect(updateError(old, (p) => (p.spec.schedulingGates = [{ name: 'b' }]))).toBe('accepted');
  });

  it('keeps the binding fast path for a spec that only adds nodeName', () => {
    const old = storedPod({ nodeName: undefined });
    const bound: any = { ...old, spec: { ...old.spec, nodeName: 'k8s-node01' } };
    admit(context, 'pods', bound, old, 'update');
    expect(bound.spec.containers).toBe(old.spec.containers);
  });

  it('accepts new labels beside the stored spec', () => {
    const old = storedPod();
    const obj: any = { ...old, metadata: { ...old.metadata, labels: { app: 'p', extra: 'yes' } } };
    admit(context, 'pods', obj, old, 'update');
    expect(obj.spec).toBe(old.spec);
  });
});
