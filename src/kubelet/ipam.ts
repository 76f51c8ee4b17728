/**
 * Pod IP allocation from each node's podCIDR (a /24 inside 10.244.0.0/16),
 * handing out addresses in order and wrapping after .254.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';

/** The first three octets and a dot ('10.244.1.') of each podCIDR seen, one entry per node. */
const prefixes = new Map<string, string>();

function addressPrefix(cidr: string): string {
  let prefix = prefixes.get(cidr);
  if (prefix === undefined) {
    const base = cidr.split('/')[0].split('.').map(Number);
    prefix = `${base[0]}.${base[1]}.${base[2]}.`;
    prefixes.set(cidr, prefix);
  }
  return prefix;
}

/** Hands out the next address of the node's podCIDR, counting in the store's meta table. */
export function allocatePodIP(store: Store, node: KObject): string {
  const cidr: string = node.spec?.podCIDR ?? '10.244.0.0/24';
  const key = `ipam:${node.metadata.name}`;
  const next = Number(store.getMeta(key) ?? '2');
  store.setMeta(key, String(next >= 254 ? 2 : next + 1));
  return addressPrefix(cidr) + next;
}
