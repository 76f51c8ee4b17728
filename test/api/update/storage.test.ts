import { describe, expect, it } from 'vitest';
import { stored, updateError } from './admit-helpers.js';

function storageClass(): any {
  return stored('storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast' },
    provisioner: 'kubesim.io/hostpath',
    parameters: { type: 'ssd' },
  });
}

function volume(): any {
  return stored('persistentvolumes', {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1' },
    spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/data/a' }, persistentVolumeReclaimPolicy: 'Retain' },
  });
}

describe('StorageClass update rules', () => {
  it('rejects changed parameters', () => {
    expect(updateError('storageclasses', storageClass(), (s) => (s.parameters.type = 'hdd'))).toBe(
      'The StorageClass "fast" is invalid: parameters: Forbidden: updates to parameters are forbidden.',
    );
  });

  it('rejects a changed provisioner', () => {
    expect(updateError('storageclasses', storageClass(), (s) => (s.provisioner = 'example.com/nfs'))).toBe(
      'The StorageClass "fast" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.',
    );
  });

  it('rejects a reclaimPolicy that differs from the default', () => {
    expect(updateError('storageclasses', storageClass(), (s) => (s.reclaimPolicy = 'Retain'))).toBe(
      'The StorageClass "fast" is invalid: reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    );
  });

  it('rejects a changed volumeBindingMode', () => {
    expect(updateError('storageclasses', storageClass(), (s) => (s.volumeBindingMode = 'WaitForFirstConsumer'))).toBe(
      'The StorageClass "fast" is invalid: volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    );
  });

  it('accepts allowVolumeExpansion and the defaults written out', () => {
    const change = (s: any) => {
      s.allowVolumeExpansion = true;
      s.reclaimPolicy = 'Delete';
      s.volumeBindingMode = 'Immediate';
    };
    expect(updateError('storageclasses', storageClass(), change)).toBe('accepted');
  });
});

describe('PersistentVolume update rules', () => {
  it('rejects a changed volume source', () => {
    expect(updateError('persistentvolumes', volume(), (v) => (v.spec.hostPath.path = '/data/b'))).toBe(
      'The PersistentVolume "pv-1" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    );
  });

  it('rejects a changed volumeMode', () => {
    expect(updateError('persistentvolumes', volume(), (v) => (v.spec.volumeMode = 'Block'))).toBe(
      'The PersistentVolume "pv-1" is invalid: volumeMode: Invalid value: "Block": field is immutable',
    );
  });

  it('accepts a new capacity, reclaim policy and claimRef', () => {
    const change = (v: any) => {
      v.spec.capacity.storage = '2Gi';
      v.spec.persistentVolumeReclaimPolicy = 'Delete';
      v.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' };
    };
    expect(updateError('persistentvolumes', volume(), change)).toBe('accepted');
  });
});
