import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import type { Store } from '../../src/store/store.js';
import { allocatePodIP } from '../../src/kubelet/ipam.js';
import { StoreFixture } from '../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

beforeEach(() => {
  fixture = new StoreFixture();
  store = fixture.open();
});

afterEach(() => fixture.dispose());

function node(name: string, podCIDR?: string): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: podCIDR ? { podCIDR } : {} };
}

/** Allocates `n` addresses on `target` in one transaction. */
function allocate(target: KObject, n: number): string[] {
  return store.tx(() => Array.from({ length: n }, () => allocatePodIP(store, target)));
}

describe('pod IP allocation', () => {
  it('counts per node from .2', () => {
    expect(allocate(node('a', '10.244.1.0/24'), 2)).toEqual(['10.244.1.2', '10.244.1.3']);
    expect(allocate(node('b', '10.244.2.0/24'), 1)).toEqual(['10.244.2.2']);
    expect(allocate(node('a', '10.244.1.0/24'), 1)).toEqual(['10.244.1.4']);
  });

  it('uses 10.244.0.0/24 without a podCIDR', () => {
    expect(allocate(node('c'), 1)).toEqual(['10.244.0.2']);
  });

  it('wraps after .254', () => {
    const addresses = allocate(node('a', '10.244.3.0/24'), 254);
    expect(addresses[252]).toBe('10.244.3.254');
    expect(addresses[253]).toBe('10.244.3.2');
  });

  it('writes octets as numbers', () => {
    expect(allocate(node('d', '10.244.007.0/24'), 1)).toEqual(['10.244.7.2']);
  });
});
