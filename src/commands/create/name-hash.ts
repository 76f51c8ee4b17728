/**
 * `--append-hash` of `create configmap` and `create secret`: kubectl v1.32
 * appends `-` and a 10-character hash of the object's content to its name
 * (ConfigMapHash and SecretHash in k8s.io/kubectl/pkg/util/hash).
 */
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import { goJson } from '../../kustomize/generators.js';

/** Hex digits that kubectl swaps for letters, so the suffix reads as neither a number nor a word. */
const SWAPPED: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/**
 * Returns the hash of a ConfigMap or Secret: the first ten hex digits of
 * the SHA-256 of a JSON object with sorted keys. The object has the kind,
 * name and data, plus a Secret's type and a ConfigMap's binaryData.
 * Missing data hashes as an empty object, because kubectl's generators
 * always make the map.
 */
export function contentHash(obj: KObject): string {
  const fields: Record<string, unknown> = { kind: obj.kind, name: obj.metadata.name, data: obj.data ?? {} };
  if (obj.kind === 'Secret') fields.type = obj.type ?? '';
  if (obj.kind === 'ConfigMap' && obj.binaryData && Object.keys(obj.binaryData).length > 0) fields.binaryData = obj.binaryData;
  const hex = createHash('sha256').update(goJson(fields), 'utf8').digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, (digit) => SWAPPED[digit]);
}

/** Appends `-<hash>` to the object's name. */
export function appendContentHash(obj: KObject): void {
  obj.metadata.name = `${obj.metadata.name}-${contentHash(obj)}`;
}
