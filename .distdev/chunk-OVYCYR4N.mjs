import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/api/quantity.ts
var SUFFIX = {
  "": 1,
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
  Ei: 1024 ** 6
};
function parseQuantity(q) {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ""];
}
function cpuMillis(q) {
  const v = parseQuantity(q);
  return Number.isNaN(v) ? 0 : Math.round(v * 1e3);
}
function podRequests(pod) {
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

export {
  parseQuantity,
  cpuMillis,
  podRequests
};
