import { describe, expect, it } from 'vitest';
import { context, stored, updateError } from './admit-helpers.js';

/** Builds a Service as stored after the address allocation that follows admission. */
function service(): any {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
  return stored('services', svc, (s) => {
    s.spec.clusterIP = '10.96.10.10';
    s.spec.clusterIPs = ['10.96.10.10'];
  });
}

function claim(bound: boolean): any {
  const pvc = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  };
  return stored('persistentvolumeclaims', pvc, (c) => {
    if (!bound) return;
    c.spec.storageClassName = 'standard';
    c.spec.volumeName = 'pv-1';
    c.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
  });
}

const PVC_FORBIDDEN = 'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

describe('Service update rules', () => {
  it('rejects a changed clusterIP', () => {
    expect(updateError('services', service(), (s) => (s.spec.clusterIP = '10.96.0.50'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: may not change once set',
    );
  });

  it('rejects a change to headless', () => {
    expect(updateError('services', service(), (s) => (s.spec.clusterIP = 'None'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set',
    );
  });

  it('keeps the allocated clusterIP when the update omits it', () => {
    const change = (s: any) => {
      delete s.spec.clusterIP;
      delete s.spec.clusterIPs;
      s.spec.ports[0].port = 8080;
    };
    expect(updateError('services', service(), change)).toBe('accepted');
  });
});

describe('PersistentVolumeClaim update rules', () => {
  it('rejects changed accessModes', () => {
    expect(updateError('persistentvolumeclaims', claim(true), (c) => (c.spec.accessModes = ['ReadWriteMany']))).toBe(PVC_FORBIDDEN);
  });

  it('rejects a bigger request on an unbound claim', () => {
    expect(updateError('persistentvolumeclaims', claim(false), (c) => (c.spec.resources.requests.storage = '2Gi'))).toBe(PVC_FORBIDDEN);
  });

  it('accepts a bigger request on a bound claim', () => {
    expect(updateError('persistentvolumeclaims', claim(true), (c) => (c.spec.resources.requests.storage = '2Gi'))).toBe('accepted');
  });

  it('rejects a request below the bound capacity', () => {
    expect(updateError('persistentvolumeclaims', claim(true), (c) => (c.spec.resources.requests.storage = '500Mi'))).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
  });

  it('rejects any smaller request before 1.32', () => {
    const older = { ...context, clusterVersion: 131 };
    expect(updateError('persistentvolumeclaims', claim(true), (c) => (c.spec.resources.requests.storage = '500Mi'), older)).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    );
  });

  it('accepts the binder setting volumeName and storageClassName once', () => {
    const change = (c: any) => {
      c.spec.volumeName = 'pv-1';
      c.spec.storageClassName = 'standard';
    };
    expect(updateError('persistentvolumeclaims', claim(false), change)).toBe('accepted');
  });

  it('rejects a changed volumeName', () => {
    expect(updateError('persistentvolumeclaims', claim(true), (c) => (c.spec.volumeName = 'pv-2'))).toBe(PVC_FORBIDDEN);
  });
});

describe('ConfigMap and Secret update rules', () => {
  function configMap(): any {
    return stored('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, immutable: true, data: { a: '1' } });
  }

  it('rejects changed data of an immutable ConfigMap', () => {
    expect(updateError('configmaps', configMap(), (c) => (c.data.a = '2'))).toBe('The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  it('rejects clearing immutable together with new data', () => {
    const change = (c: any) => {
      c.immutable = false;
      c.data.a = '2';
    };
    expect(updateError('configmaps', configMap(), change)).toBe(
      'The ConfigMap "cfg" is invalid: \n* immutable: Forbidden: field is immutable when `immutable` is set\n* data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it('rejects changed binaryData of an immutable ConfigMap', () => {
    expect(updateError('configmaps', configMap(), (c) => (c.binaryData = { b: 'AA==' }))).toBe(
      'The ConfigMap "cfg" is invalid: binaryData: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it('accepts new labels on an immutable ConfigMap', () => {
    expect(updateError('configmaps', configMap(), (c) => (c.metadata.labels = { team: 'a' }))).toBe('accepted');
  });

  it('accepts changed data of a mutable ConfigMap', () => {
    const old = stored('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } });
    expect(updateError('configmaps', old, (c) => (c.data.a = '2'))).toBe('accepted');
  });

  it('rejects changed data of an immutable Secret', () => {
    const old = stored('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, immutable: true, data: { a: 'MQ==' } });
    expect(updateError('secrets', old, (s) => (s.data.a = 'Mg=='))).toBe('The Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  it('rejects a changed Secret type', () => {
    const old = stored('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { a: 'MQ==' } });
    expect(updateError('secrets', old, (s) => (s.type = 'kubernetes.io/basic-auth'))).toBe(
      'The Secret "s" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    );
  });
});
