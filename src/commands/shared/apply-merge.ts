/**
 * Client-side apply: the last-applied-configuration annotation and the
 * three-way merge of last-applied, the new manifest and the live object.
 * Maps merge key by key; lists are replaced whole, except that containers
 * are matched by name as the strategic merge patch does.
 */

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as any)[k]);
    return out;
  }
  return v;
}

/** The annotation's value: the manifest as JSON with sorted keys (Go's map order), newline-terminated. */
export function lastAppliedValue(manifest: any): string {
  const copy = structuredClone(manifest);
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return JSON.stringify(sortKeys(copy)) + '\n';
}

const isMap = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

function mergeList(key: string, last: any[] | undefined, next: any[], live: any[] | undefined): any[] {
  if ((key === 'containers' || key === 'initContainers' || key === 'env' || key === 'volumes' || key === 'volumeMounts') && Array.isArray(live)) {
    const by = key === 'volumeMounts' ? 'mountPath' : 'name';
    return next.map((item) => {
      const liveItem = live.find((l) => l?.[by] === item?.[by]);
      const lastItem = last?.find((l) => l?.[by] === item?.[by]);
      return isMap(item) && isMap(liveItem) ? threeWayMerge(lastItem, item, liveItem) : item;
    });
  }
  return next;
}

/** Merges `next` into `live`, deleting fields that were in `last` but are gone from `next`. */
export function threeWayMerge(last: any, next: any, live: any): any {
  const out: Record<string, any> = { ...(isMap(live) ? live : {}) };
  if (isMap(last)) for (const k of Object.keys(last)) if (!(k in next)) delete out[k];
  for (const [k, v] of Object.entries(next)) {
    if (isMap(v) && isMap(out[k])) out[k] = threeWayMerge(isMap(last) ? last[k] : undefined, v, out[k]);
    else if (Array.isArray(v)) out[k] = mergeList(k, isMap(last) ? last[k] : undefined, v, out[k]);
    else out[k] = v;
  }
  return out;
}
