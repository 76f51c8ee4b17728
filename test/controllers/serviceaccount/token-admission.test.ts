import { describe, expect, it } from 'vitest';
import { createObject, newCluster, newPod } from '../../helpers/cluster.js';
import { hashSuffix, mountServiceAccountToken } from '../../../src/controllers/serviceaccount/token-admission.js';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings.js';
import type { KObject } from '../../../src/api/types.js';

const MOUNT = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };
const SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function bare(name: string, spec: any = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { serviceAccountName: 'default', containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

describe('service account token admission', () => {
  it('mounts one token Secret on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    const a = createObject(c, 'pods', newPod('a'));
    const b = createObject(c, 'pods', newPod('b'));
    const volume = a.spec.volumes[0];
    expect(volume.name).toMatch(/^default-token-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume).toEqual({ name: volume.name, secret: { defaultMode: 420, secretName: volume.name } });
    expect(a.spec.containers[0].volumeMounts).toEqual([{ ...MOUNT, name: volume.name }]);
    expect(b.spec.volumes).toEqual([volume]);
  });

  it('mounts a projected kube-api-access volume per pod from 1.21', () => {
    const c = newCluster({ kubernetesVersion: '1.32' });
    const a = createObject(c, 'pods', newPod('a'));
    const b = createObject(c, 'pods', newPod('b'));
    const volume = a.spec.volumes[0];
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.spec.volumes[0].name).not.toBe(volume.name);
    expect(volume.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    });
    expect(a.spec.containers[0].volumeMounts).toEqual([{ ...MOUNT, name: volume.name }]);
  });

  it('leaves out pods that opt out, on the pod or on their ServiceAccount', () => {
    const settings = { ...DEFAULT_SETTINGS, version: 132 };
    const own = bare('own', { automountServiceAccountToken: false });
    mountServiceAccountToken(own, settings, () => undefined);
    expect(own.spec.volumes).toBeUndefined();
    expect(own.spec.containers[0].volumeMounts).toBeUndefined();

    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet' }, automountServiceAccountToken: false } as KObject;
    const quiet = bare('quiet', { serviceAccountName: 'quiet' });
    mountServiceAccountToken(quiet, settings, (ns, name) => (ns === 'default' && name === 'quiet' ? account : undefined));
    expect(quiet.spec.volumes).toBeUndefined();

    const insists = bare('insists', { serviceAccountName: 'quiet', automountServiceAccountToken: true });
    mountServiceAccountToken(insists, settings, () => account);
    expect(insists.spec.volumes).toHaveLength(1);
  });

  it('skips containers already mounting the path', () => {
    const settings = { ...DEFAULT_SETTINGS, version: 115 };
    const pod = bare('mixed', {
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [
        { name: 'own', image: 'nginx', volumeMounts: [{ name: 'mine', mountPath: MOUNT.mountPath }] },
        { name: 'plain', image: 'nginx' },
      ],
      volumes: [{ name: 'mine', emptyDir: {} }],
    });
    mountServiceAccountToken(pod, settings, () => undefined);
    const token = pod.spec.volumes[1].name;
    expect(pod.spec.volumes.map((v: any) => v.name)).toEqual(['mine', token]);
    expect(pod.spec.initContainers[0].volumeMounts).toEqual([{ ...MOUNT, name: token }]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'mine', mountPath: MOUNT.mountPath }]);
    expect(pod.spec.containers[1].volumeMounts).toEqual([{ ...MOUNT, name: token }]);
  });

  it('names the token Secret after the account', () => {
    const settings = { ...DEFAULT_SETTINGS, version: 115 };
    const pod = bare('builder', { serviceAccountName: 'builder' });
    mountServiceAccountToken(pod, settings, () => undefined);
    expect(pod.spec.volumes[0].secret.secretName).toMatch(/^builder-token-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('hashes five characters of the name alphabet', () => {
    expect(hashSuffix('1/default/default')).toMatch(SUFFIX);
    expect(hashSuffix('1/default/default')).toBe(hashSuffix('1/default/default'));
    expect(hashSuffix('1/default/default')).not.toBe(hashSuffix('2/default/default'));
  });
});
