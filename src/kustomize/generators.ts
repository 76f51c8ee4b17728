/**
 * configMapGenerator and secretGenerator: ConfigMaps and Secrets built from
 * literals, files and env files, and the content hash kustomize appends to
 * their names so that a changed ConfigMap rolls the workloads that use it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CommandFailedError } from '../api/errors.js';
import { missingPathMessage, outsideRootMessage } from './kustomization.js';
import type { KResource } from './resource.js';

interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

/** Reads a file named by a generator, relative to the kustomization's directory. */
function readSource(dir: string, path: string, restrict: boolean): string {
  const outside = existsSync(join(dir, path)) ? outsideRootMessage(dir, join(dir, path), restrict) : undefined;
  if (outside) throw new CommandFailedError(`loading KV pairs: file sources: [${path}]: ${outside}`);
  try {
    return readFileSync(join(dir, path), 'utf8');
  } catch {
    throw new CommandFailedError(missingPathMessage(join(dir, path), path));
  }
}

/** Strips one pair of matching surrounding quotes from a literal's value, as kustomize does. */
function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) return value.slice(1, -1);
  return value;
}

/** Parses an env file: KEY=VALUE lines; blank lines and lines starting with # are skipped; nothing is trimmed but the line's start. */
function parseEnvFile(text: string, path: string): [string, string][] {
  const out: [string, string][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new CommandFailedError(`env file ${path}, line ${i + 1}: kubesim needs KEY=VALUE (a bare KEY would read the host environment)`);
    out.push([line.slice(0, eq), line.slice(eq + 1)]);
  });
  return out;
}

/** Collects a generator's key/value pairs in kustomize's order: envs, literals, then files. */
function collectData(gen: any, dir: string, restrict: boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (const env of [...(gen.envs ?? []), ...(gen.env ? [gen.env] : [])]) pairs.push(...parseEnvFile(readSource(dir, env, restrict), env));
  for (const literal of gen.literals ?? []) {
    const text = String(literal);
    const eq = text.indexOf('=');
    if (eq <= 0) throw new CommandFailedError(`invalid literal source ${text}, expected key=value`);
    pairs.push([text.slice(0, eq), unquote(text.slice(eq + 1))]);
  }
  for (const file of gen.files ?? []) {
    const text = String(file);
    const eq = text.indexOf('=');
    const [key, path] = eq > 0 ? [text.slice(0, eq), text.slice(eq + 1)] : [basename(text), text];
    pairs.push([key, readSource(dir, path, restrict)]);
  }
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key)) throw new CommandFailedError(`configmap ${gen.name}: key ${JSON.stringify(key)} already exists`);
    seen.add(key);
  }
  return pairs;
}

/** Merges the kustomization's generatorOptions with one generator's own options (its own win). */
function mergeOptions(global: GeneratorOptions | undefined, own: GeneratorOptions | undefined): GeneratorOptions {
  return {
    labels: { ...(global?.labels ?? {}), ...(own?.labels ?? {}) },
    annotations: { ...(global?.annotations ?? {}), ...(own?.annotations ?? {}) },
    disableNameSuffixHash: own?.disableNameSuffixHash ?? global?.disableNameSuffixHash ?? false,
    immutable: own?.immutable ?? global?.immutable,
  };
}

function buildObject(kind: 'ConfigMap' | 'Secret', gen: any, dir: string, opts: GeneratorOptions, restrict: boolean): Record<string, any> {
  const metadata: Record<string, any> = { name: String(gen.name ?? '') };
  if (gen.namespace) metadata.namespace = gen.namespace;
  if (Object.keys(opts.labels!).length) metadata.labels = opts.labels;
  if (Object.keys(opts.annotations!).length) metadata.annotations = opts.annotations;
  const data: Record<string, string> = {};
  for (const [key, value] of collectData(gen, dir, restrict)) data[key] = kind === 'Secret' ? Buffer.from(value, 'utf8').toString('base64') : value;
  const obj: Record<string, any> = { apiVersion: 'v1', kind, metadata };
  if (Object.keys(data).length) obj.data = data;
  if (kind === 'Secret') obj.type = gen.type ?? 'Opaque';
  if (opts.immutable) obj.immutable = true;
  return obj;
}

/**
 * Merges a generated object into the one a lower level generated
 * (`behavior: merge` adds and overrides keys, `replace` swaps the data).
 * Labels and annotations merge in both cases.
 */
function mergeGenerated(existing: KResource, obj: Record<string, any>, behavior: 'merge' | 'replace'): void {
  const meta = existing.obj.metadata;
  if (obj.metadata.labels) meta.labels = { ...(meta.labels ?? {}), ...obj.metadata.labels };
  if (obj.metadata.annotations) meta.annotations = { ...(meta.annotations ?? {}), ...obj.metadata.annotations };
  const data = behavior === 'merge' ? { ...(existing.obj.data ?? {}), ...(obj.data ?? {}) } : obj.data;
  if (data && Object.keys(data).length > 0) existing.obj.data = data;
  else delete existing.obj.data;
}

/**
 * Runs a kustomization's ConfigMap and Secret generators over the resources
 * built so far: `create` (the default) appends a new object, `merge` and
 * `replace` change the one of that kind and name from a lower level.
 */
export function runGenerators(resources: KResource[], spec: Record<string, any>, dir: string, restrict = true): void {
  const kinds: ['ConfigMap' | 'Secret', any[] | undefined][] = [['ConfigMap', spec.configMapGenerator], ['Secret', spec.secretGenerator]];
  for (const [kind, gens] of kinds) {
    for (const gen of gens ?? []) {
      // kustomize treats a behavior other than merge and replace as create.
      const behavior = gen.behavior === 'merge' || gen.behavior === 'replace' ? gen.behavior : 'create';
      const opts = mergeOptions(spec.generatorOptions, gen.options);
      const obj = buildObject(kind, gen, dir, opts, restrict);
      if (behavior === 'create') {
        resources.push({ obj, names: [obj.metadata.name], hashSuffix: !opts.disableNameSuffixHash });
        continue;
      }
      const existing = resources.find((r) => r.obj.kind === kind && r.names.includes(obj.metadata.name) && (!obj.metadata.namespace || r.obj.metadata.namespace === obj.metadata.namespace));
      // Simplified: kustomize's message prints the generator as a Go pointer and the id as a Go struct.
      // kubesim prints the id as kustomize's other messages do.
      if (!existing) throw new CommandFailedError(`merging from generator: id ${kind}.v1.[noGrp]/${obj.metadata.name}.${obj.metadata.namespace || '[noNs]'} does not exist; cannot merge or replace`);
      mergeGenerated(existing, obj, behavior);
    }
  }
}

/** Go's encoding/json string escaping: like JSON.stringify, plus <, >, &, U+2028 and U+2029 as \u escapes. */
export function goJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v))
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The 10-character suffix kustomize appends to a generated name: the first
 * ten hex digits of the SHA-256 of a JSON encoding of kind, data (and type,
 * for Secrets), with 0, 1, 3, a and e swapped for g, h, k, m and t. The swap
 * keeps the suffix from reading as a number or a word. kustomize looks the name up
 * with a path it cannot resolve, so the encoded name is always "".
 */
export function calculateNameHash(obj: Record<string, any>): string {
  const fields: Record<string, unknown> = { kind: obj.kind, name: '', data: obj.data ?? '' };
  if (obj.kind === 'ConfigMap' && obj.binaryData) fields.binaryData = obj.binaryData;
  if (obj.kind === 'Secret') {
    fields.type = obj.type ?? '';
    if (obj.stringData) fields.stringData = obj.stringData;
  }
  const hex = createHash('sha256').update(goJson(fields), 'utf8').digest('hex');
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => swap[c]);
}
