import { describe, expect, it } from 'vitest';
import { orderLikeGoStruct } from '../../src/printers/go-struct-order.js';

/** The keys of an object, in order. */
const keysOf = (value: unknown) => Object.keys(value as object);

describe('orderLikeGoStruct', () => {
  it('orders Container fields by declaration', () => {
    const container = { imagePullPolicy: 'Always', args: ['a'], image: 'busybox', command: ['sh'], name: 'main' };
    expect(keysOf(orderLikeGoStruct(container, 'Container'))).toEqual(['name', 'image', 'command', 'args', 'resources', 'imagePullPolicy']);
  });

  it('writes an empty struct value field', () => {
    expect(orderLikeGoStruct({ name: 'main' }, 'Container')).toEqual({ name: 'main', resources: {} });
  });

  it('writes a missing creationTimestamp as null', () => {
    expect(orderLikeGoStruct({ labels: { app: 'x' } }, 'ObjectMeta')).toEqual({ creationTimestamp: null, labels: { app: 'x' } });
  });

  it('sorts map keys', () => {
    const spec = { nodeSelector: { zone: 'a', disk: 'ssd' } };
    expect(keysOf((orderLikeGoStruct(spec, 'PodSpec') as any).nodeSelector)).toEqual(['disk', 'zone']);
  });

  it('flattens inline probe handler fields', () => {
    const probe = { periodSeconds: 5, httpGet: { scheme: 'HTTP', port: 80, path: '/' } };
    const ordered = orderLikeGoStruct(probe, 'Probe') as any;
    expect(keysOf(ordered)).toEqual(['httpGet', 'periodSeconds']);
    expect(keysOf(ordered.httpGet)).toEqual(['path', 'port', 'scheme']);
  });

  it('orders each element of a struct slice', () => {
    const ordered = orderLikeGoStruct({ env: [{ value: '1', name: 'A' }] }, 'Container') as any;
    expect(keysOf(ordered.env[0])).toEqual(['name', 'value']);
  });

  it('keeps unlisted keys after listed ones', () => {
    expect(keysOf(orderLikeGoStruct({ extra: 1, name: 'v' }, 'Volume'))).toEqual(['name', 'extra']);
  });
});
