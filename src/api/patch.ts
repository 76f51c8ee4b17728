/**
 * The three patch types kubectl sends: strategic merge (with Kubernetes'
 * merge keys, such as containers by name), JSON merge (RFC 7386) and JSON
 * patch (RFC 6902).
 */
import { ApiError } from './errors.js';

/** Merge keys of list fields, from the Kubernetes API types' patchMergeKey tags. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

const isMap = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Returns the JSON type name that Go's encoding/json puts in an UnmarshalTypeError. */
function goJsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

/**
 * Decodes a strategic merge patch document as the API server does before it
 * merges: the document must be a JSON object, and `null` is an empty patch.
 * Anything else is a BadRequest with the message of Go's UnmarshalTypeError,
 * for example `json: cannot unmarshal string into Go value of type map[string]interface {}`.
 */
export function decodeStrategicPatch(patch: unknown): Record<string, any> {
  if (patch === null || patch === undefined) return {};
  if (isMap(patch)) return patch;
  throw new ApiError('BadRequest', 400, `json: cannot unmarshal ${goJsonTypeName(patch)} into Go value of type map[string]interface {}`);
}

/** RFC 7386: maps merge, null deletes, everything else replaces. */
export function jsonMergePatch(target: any, patch: any): any {
  if (!isMap(patch)) return patch;
  const out: Record<string, any> = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

function mergeList(key: string, target: any[] | undefined, patch: any[]): any[] {
  const mergeKey = MERGE_KEYS[key];
  if (!mergeKey || !Array.isArray(target) || !patch.every(isMap)) return patch.filter((p) => !(isMap(p) && p.$patch));
  const out = target.map((t) => structuredClone(t));
  for (const item of patch) {
    const id = item[mergeKey];
    const i = out.findIndex((t) => isMap(t) && t[mergeKey] === id);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = strategicMergePatch(out[i], item);
    else out.push(strategicMergePatch({}, item));
  }
  return out;
}

/** Strategic merge: like JSON merge, but lists with a merge key merge item by item. */
export function strategicMergePatch(target: any, patch: any): any {
  if (!isMap(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch, ...rest } = patch;
    void $patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, any> = isMap(target) ? { ...target } : {};
  // `$retainKeys` lists the keys to keep, and the others are cleared before the patch applies.
  if (Array.isArray(patch.$retainKeys)) {
    for (const k of Object.keys(out)) if (!patch.$retainKeys.includes(k)) delete out[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isMap(v)) {
      const merged = strategicMergePatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new ApiError('BadRequest', 400, `the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, parts: string[], op: string, path: string): [any, string] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : cur?.[p];
    if (cur === undefined) throw new ApiError('UnprocessableEntity', 422, `doc is missing path: "${path}": missing value`);
  }
  void op;
  return [cur, parts[parts.length - 1]];
}

/** RFC 6902 operations: add, remove, replace, move, copy, test. */
export function jsonPatch(doc: any, ops: any[]): any {
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', 400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = structuredClone(doc);
  for (const op of ops) {
    const parts = pointer(op.path ?? '');
    const get = (p: string[]) => p.reduce((c: any, k) => (Array.isArray(c) ? c[Number(k)] : c?.[k]), out);
    switch (op.op) {
      case 'add':
      case 'replace': {
        if (parts.length === 0) {
          out = structuredClone(op.value);
          break;
        }
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (op.op === 'replace' && (Array.isArray(parent) ? Number(last) >= parent.length : !(last in parent))) {
          throw new ApiError('UnprocessableEntity', 422, `jsonpatch replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        }
        if (Array.isArray(parent)) {
          const i = last === '-' ? parent.length : Number(last);
          if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
          else parent[i] = structuredClone(op.value);
        } else parent[last] = structuredClone(op.value);
        break;
      }
      case 'remove': {
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else if (parent && last in parent) delete parent[last];
        else throw new ApiError('UnprocessableEntity', 422, `jsonpatch remove operation does not apply: doc is missing path: "${op.path}": missing value`);
        break;
      }
      case 'move':
      case 'copy': {
        const from = pointer(op.from ?? '');
        const value = structuredClone(get(from));
        if (op.op === 'move') {
          const [p, l] = parentOf(out, from, op.op, op.from);
          if (Array.isArray(p)) p.splice(Number(l), 1);
          else delete p[l];
        }
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, value);
        else parent[last] = value;
        break;
      }
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) throw new ApiError('UnprocessableEntity', 422, `testing value ${op.path} failed: test failed`);
        break;
      default:
        throw new ApiError('UnprocessableEntity', 422, `Unexpected kind: ${op.op}`);
    }
  }
  return out;
}
