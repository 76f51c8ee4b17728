/**
 * `kubectl run` and `expose` with `--overrides=JSON [--override-type=merge|strategic|json]`:
 * kubectl encodes the generated object as JSON, patches it with the inline
 * JSON (an RFC 7386 merge patch by default), and decodes the result into a
 * typed object again before it sends it. The decode is not strict, so fields
 * a Pod does not have are dropped without a word.
 */
import type { KObject } from '../../api/types.js';
import { ApiError, FlagError, UsageError } from '../../api/errors.js';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../api/patch.js';
import { pruneUnknownFields } from '../../api/field-validation.js';
import { checkFieldTypes } from '../../api/field-types.js';
import { JsonStreamError, parseJsonStream } from './json-stream.js';

/** The first release whose `run` and `expose` have --override-type; before it the override was always a merge patch. */
export const OVERRIDE_TYPE_SINCE = 123;

/**
 * Parses `text` as Go's json.Unmarshal does: one JSON value, or Unmarshal's
 * error, which is the stream decoder's without its offset.
 */
function unmarshal(text: string): { value: unknown } | { error: string } {
  try {
    const values = parseJsonStream(text);
    if (values.length === 1) return { value: values[0] };
    if (values.length === 0) return { error: 'unexpected end of JSON input' };
    return { error: "invalid character after top-level value" };
  } catch (err) {
    if (!(err instanceof JsonStreamError)) throw err;
    const message = err.message.replace(/^json: (offset \d+: )?/, '');
    return { error: message === 'unexpected EOF' ? 'unexpected end of JSON input' : message };
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Encodes a value as Go's json.Marshal encodes a decoded map: keys sorted, no spaces. */
function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isMap(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Returns the object kubectl sends after patching the generated one
 * (`run`'s Pod, or the Deployment or Job of its old generators, or `expose`'s Service) with `overrides`
 * by the patch of `type`, or throws kubectl's error. `pod` is left unchanged.
 */
export function applyOverrides(pod: KObject, overrides: string, type: string): KObject {
  const patched = patchWith(structuredClone(pod), overrides, type);
  // NOTE: a merge patch that is an array makes the result an array. Go's decoder fails on it with
  // another message, which is not verified; kubesim reports the missing kind.
  if (!isMap(patched) || typeof patched.kind !== 'string' || patched.kind === '') {
    throw new UsageError(`Object 'Kind' is missing in '${goJson(patched)}'`);
  }
  if (typeof patched.apiVersion !== 'string' || patched.apiVersion === '') {
    throw new UsageError(`Object 'apiVersion' is missing in '${goJson(patched)}'`);
  }
  // NOTE: kubectl decodes into the Go type that the patched apiVersion and kind name, so it can send another kind.
  // kubesim drops unknown fields by the generated object's schema.
  pruneUnknownFields(pod.kind, patched);
  checkDecodable(patched as KObject);
  addTypedDefaults(patched as KObject);
  return patched as KObject;
}

/**
 * Throws the error kubectl's decoder gives for a patched field of the wrong
 * JSON type (`json: cannot unmarshal string into Go struct field ...`),
 * which is the API server's message without its `cannot be handled` prefix.
 */
function checkDecodable(obj: KObject): void {
  try {
    checkFieldTypes(obj, obj.kind, obj.apiVersion);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new UsageError(err.message.replace(/^.* cannot be handled as an? \w+: /, ''));
  }
}

/**
 * Adds what encoding the typed object writes even when the patch left it
 * out: a container's `resources` (a struct, which omitempty never omits),
 * the metadata's creationTimestamp and the status.
 */
function addTypedDefaults(obj: KObject): void {
  const meta = isMap(obj.metadata) ? obj.metadata : (obj.metadata = {} as KObject['metadata']);
  if (!('creationTimestamp' in meta)) (meta as Record<string, unknown>).creationTimestamp = null;
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = spec?.[key];
    if (!Array.isArray(list)) continue;
    for (const container of list) if (isMap(container) && !('resources' in container)) container.resources = {};
  }
  if (!isMap(obj.status)) obj.status = {};
  if (obj.kind === 'Service' && !isMap(obj.status.loadBalancer)) obj.status.loadBalancer = {};
}

function patchWith(pod: KObject, overrides: string, type: string): unknown {
  const parsed = unmarshal(overrides);
  switch (type) {
    case 'merge':
      // evanphx/json-patch's MergePatch: a patch that is not a JSON object (or array) is invalid.
      if ('error' in parsed || !(isMap(parsed.value) || Array.isArray(parsed.value))) throw new UsageError('Invalid JSON Patch');
      return jsonMergePatch(pod, parsed.value);
    case 'strategic':
      if ('error' in parsed || !isMap(parsed.value)) throw new UsageError('invalid JSON document');
      return strategicMergePatch(pod, parsed.value);
    case 'json':
      if ('error' in parsed) throw new UsageError(parsed.error);
      try {
        return jsonPatch(pod, parsed.value as any[]);
      } catch (err) {
        // The same library fails the same way in kubectl as in the API server, but kubectl prints it as its own error.
        if (err instanceof ApiError) throw new UsageError(err.message);
        throw err;
      }
    default:
      throw new UsageError(`invalid override type: ${type}`);
  }
}

/** Rejects --override-type on a release whose kubectl does not have it, as cobra does. */
export function checkOverrideTypeFlag(set: boolean, version: number): void {
  if (set && version < OVERRIDE_TYPE_SINCE) throw new FlagError('unknown flag: --override-type');
}
