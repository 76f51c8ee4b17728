/**
 * Client-side apply: the last-applied-configuration annotation and the
 * three-way merge of last-applied, the new manifest and the live object.
 * Maps merge key by key; lists are replaced whole, except that containers
 * are matched by name as the strategic merge patch does.
 */

/**
 * Maps whose patch strategy is retainKeys, by kind: DeploymentSpec.strategy.
 * When apply changes such a map, kubectl's patch carries `$retainKeys` with
 * the manifest's keys, so the server drops the others (a defaulted
 * `rollingUpdate` when the manifest switches to `type: Recreate`).
 */
const RETAIN_KEYS: Record<string, readonly string[]> = { Deployment: ['spec.strategy'] };

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
  return mergeMaps(last, next, live, '', (isMap(next) && RETAIN_KEYS[next.kind]) || []);
}

function mergeMaps(last: any, next: any, live: any, path: string, retainPaths: readonly string[]): Record<string, any> {
  const out: Record<string, any> = { ...(isMap(live) ? live : {}) };
  if (isMap(last)) for (const k of Object.keys(last)) if (!(k in next)) delete out[k];
  for (const [k, v] of Object.entries(next)) {
    const childPath = path ? `${path}.${k}` : k;
    if (isMap(v) && isMap(out[k])) out[k] = mergeMaps(isMap(last) ? last[k] : undefined, v, out[k], childPath, retainPaths);
    else if (Array.isArray(v)) out[k] = mergeList(k, isMap(last) ? last[k] : undefined, v, out[k]);
    else out[k] = v;
  }
  // A retainKeys map that the apply changes keeps only the manifest's keys.
  if (retainPaths.includes(path) && JSON.stringify(out) !== JSON.stringify(isMap(live) ? live : {})) {
    for (const k of Object.keys(out)) if (!(k in next)) delete out[k];
  }
  return out;
}
