/**
 * Pod IP allocation from each node's podCIDR (a /24 inside 10.244.0.0/16),
 * handing out addresses in order and wrapping after .254.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';

export function allocatePodIP(store: Store, node: KObject): string {
  const cidr: string = node.spec?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0].split('.').map(Number);
  const key = `ipam:${node.metadata.name}`;
  const next = Number(store.getMeta(key) ?? '2');
  store.setMeta(key, String(next >= 254 ? 2 : next + 1));
  return `${base[0]}.${base[1]}.${base[2]}.${next}`;
}
