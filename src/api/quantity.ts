/**
 * Kubernetes resource quantities (`250m`, `1.5`, `128Mi`, `1G`) as numbers:
 * CPU in millicores, everything else in base units.
 */

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** Parses a quantity into base units; returns NaN when it is not a quantity. */
export function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

export function cpuMillis(q: unknown): number {
  const v = parseQuantity(q);
  return Number.isNaN(v) ? 0 : Math.round(v * 1000);
}

/** Formats millicores as kubectl prints CPU (`250m`, `2`). */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Sums the requests of a pod's containers: cpu in millicores, memory in bytes. */
export function podRequests(pod: any): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod?.spec?.containers ?? []) {
    const req = c.resources?.requests ?? c.resources?.limits ?? {};
    cpu += cpuMillis(req.cpu);
    const mem = parseQuantity(req.memory);
    if (!Number.isNaN(mem)) memory += mem;
  }
  return { cpu, memory };
}
