/**
 * The requests and limits `kubectl describe node` prints per pod and in
 * total. A pod's amount is the larger of its containers' sum and its
 * largest init container, as resourcehelper.PodRequestsAndLimits works it
 * out. A sum prints as a resource.Quantity does, in the format of the first
 * amount added (`70Mi`, `240Mi`, `850m`, `1`).
 */
import { parseQuantity } from '../../api/quantity.js';

/** An amount in base units (CPU in cores) and whether its first term was written with a binary suffix. */
export interface Amount {
  value: number;
  binary: boolean;
}

/** Zero, which takes the format of whatever is added to it. */
export const NO_AMOUNT: Amount = Object.freeze({ value: 0, binary: false });

function amountOf(q: unknown): Amount | undefined {
  const value = parseQuantity(q);
  if (Number.isNaN(value)) return undefined;
  return { value, binary: typeof q === 'string' && /[KMGTPE]i$/.test(q.trim()) };
}

function add(a: Amount | undefined, b: Amount | undefined): Amount | undefined {
  if (!b) return a;
  if (!a) return b;
  return { value: a.value + b.value, binary: a.binary };
}

function max(a: Amount | undefined, b: Amount | undefined): Amount | undefined {
  if (!b) return a;
  if (!a) return b;
  return b.value > a.value ? { value: b.value, binary: a.binary } : a;
}

const BINARY = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL = ['k', 'M', 'G', 'T', 'P', 'E'];

/** Prints an amount as Quantity.String() does: the largest suffix that keeps the number whole. */
export function formatAmount(a: Amount): string {
  const v = a.value;
  if (v === 0) return '0';
  if (!Number.isInteger(v)) return `${Math.round(v * 1000)}m`;
  if (a.binary && v % 1024 === 0) {
    let n = v;
    let i = -1;
    while (i < BINARY.length - 1 && n % 1024 === 0) {
      n /= 1024;
      i++;
    }
    return `${n}${BINARY[i]}`;
  }
  let n = v;
  let i = -1;
  while (i < DECIMAL.length - 1 && n % 1000 === 0) {
    n /= 1000;
    i++;
  }
  return i < 0 ? String(n) : `${n}${DECIMAL[i]}`;
}


function containersTotal(containers: any[], field: 'requests' | 'limits', name: string, combine: typeof add): Amount | undefined {
  let total: Amount | undefined;
  for (const c of containers) total = combine(total, amountOf(c?.resources?.[field]?.[name]));
  return total;
}

/** Returns a pod's requests or limits of one resource (`cpu`, `memory`, `ephemeral-storage`) as describe node counts them. */
export function podResource(pod: any, field: 'requests' | 'limits', name: string): Amount {
  const spec = pod?.spec ?? {};
  const apps = containersTotal(spec.containers ?? [], field, name, add);
  const inits = containersTotal(spec.initContainers ?? [], field, name, max);
  return add(max(apps, inits), amountOf(spec.overhead?.[name])) ?? NO_AMOUNT;
}

/** Adds two amounts, keeping the format of the first one that is not zero. */
export function sumAmounts(a: Amount, b: Amount): Amount {
  if (a.value === 0 && !a.binary) return b;
  return { value: a.value + b.value, binary: a.binary };
}
