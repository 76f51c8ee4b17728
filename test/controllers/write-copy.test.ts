import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { copyFields, copyForWrite } from '../../src/controllers/write-copy.js';

/** Builds a frozen CronJob as the store's cache hands it out under tests. */
function sharedCronJob(): KObject {
  const cj: KObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', labels: { app: 'hello' } },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        metadata: { creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'hello', image: 'busybox' }] } } },
      },
    },
    status: { active: [{ name: 'hello-1' }] },
  };
  return freeze(cj);
}

function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const item of Object.values(value)) freeze(item);
  }
  return value;
}

describe('copyForWrite', () => {
  it('copies metadata without its contents', () => {
    const shared = sharedCronJob();
    const copy = copyForWrite(shared, []);
    copy.metadata.resourceVersion = '2';
    expect(shared.metadata.resourceVersion).toBeUndefined();
    expect(copy.metadata.labels).toBe(shared.metadata.labels);
  });

  it('deep-copies the named fields', () => {
    const shared = sharedCronJob();
    const copy = copyForWrite(shared, ['status']);
    copy.status.active[0].name = 'hello-2';
    expect(shared.status.active[0].name).toBe('hello-1');
  });

  it('shares the spec', () => {
    const shared = sharedCronJob();
    expect(copyForWrite(shared, ['status']).spec).toBe(shared.spec);
  });

  it('keeps the key order of the shared object', () => {
    const shared = sharedCronJob();
    const copy = copyForWrite(shared, ['status']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(shared));
  });

  it('leaves out a named field the object lacks', () => {
    const shared = freeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } } as KObject);
    expect(Object.keys(copyForWrite(shared, ['status']))).toEqual(['apiVersion', 'kind', 'metadata']);
  });
});

describe('copyFields', () => {
  it('deep-copies the named fields only', () => {
    const shared = sharedCronJob();
    const copy = copyFields(shared, ['status']);
    copy.status.active[0].name = 'hello-2';
    expect(shared.status.active[0].name).toBe('hello-1');
    expect(copy.metadata).toBe(shared.metadata);
    expect(copy.spec).toBe(shared.spec);
  });

  it('keeps the key order of the shared object', () => {
    const shared = sharedCronJob();
    expect(JSON.stringify(copyFields(shared, ['status', '_sim']))).toBe(JSON.stringify(shared));
  });
});
