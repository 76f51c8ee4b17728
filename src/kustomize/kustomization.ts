/**
 * Finding and reading a directory's kustomization file, and refusing the
 * fields kubesim does not build, before any resource is read.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CommandFailedError } from '../api/errors.js';
import { parseManifestText } from '../commands/shared/manifests.js';

/** The file names kustomize looks for in a directory, in its order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Fields kustomize accepts but kubesim does not build, each with the reason shown to the user. */
const UNSUPPORTED: Record<string, string> = {
  components: 'components',
  helmCharts: 'helmCharts (Helm charts)',
  helmGlobals: 'helmGlobals (Helm charts)',
  replacements: 'replacements',
  vars: 'vars',
  crds: 'crds',
  configurations: 'configurations (custom transformer configurations)',
  generators: 'generators (generator plugins)',
  transformers: 'transformers (transformer plugins)',
  validators: 'validators (validator plugins)',
  openapi: 'openapi',
  sortOptions: 'sortOptions',
};

/** Fields kubesim builds. */
const SUPPORTED = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'namespace', 'namePrefix', 'nameSuffix',
  'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'configMapGenerator',
  'secretGenerator', 'generatorOptions', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'buildMetadata',
]);

/** Fields of kustomize's Kustomization type that are not listed above (known, but ignored or refused). */
const KNOWN_OTHER = new Set(['inventory', 'imageTags']);

/** Returns the JSON type name Go's decoder puts in a type error. */
function goJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return typeof value === 'object' ? 'object' : 'string';
}

/** kustomize's decoding error for a value of the wrong type at a Go struct field. */
function typeError(value: unknown, field: string, goType = 'string'): CommandFailedError {
  return new CommandFailedError(`invalid Kustomization: json: cannot unmarshal ${goJsonType(value)} into Go struct field ${field} of type ${goType}`);
}

/** Kustomization fields whose Go type is string. */
const STRING_FIELDS = new Set(['namePrefix', 'namespace', 'nameSuffix']);

/**
 * Rejects unknown fields and values of the wrong Go type as kustomize's strict decoding does, so `newTag: 1.10` never becomes the tag 1.1.
 * kustomize decodes JSON with sorted keys, so the first error in key order is reported. A null leaves a field unset.
 */
function checkFieldTypes(spec: Record<string, any>): void {
  for (const key of Object.keys(spec).sort()) {
    if (!SUPPORTED.has(key) && !KNOWN_OTHER.has(key) && !UNSUPPORTED[key]) throw new CommandFailedError(`invalid Kustomization: json: unknown field ${JSON.stringify(key)}`);
    const value = spec[key];
    if (value === null) continue;

    if (STRING_FIELDS.has(key) && typeof value !== 'string') throw typeError(value, `Kustomization.${key}`);
    if (key === 'vars' && !Array.isArray(value)) throw typeError(value, 'Kustomization.vars', '[]types.Var');
    if (key === 'commonLabels' || key === 'commonAnnotations') {
      if (typeof value !== 'object' || Array.isArray(value)) throw typeError(value, `Kustomization.${key}`, 'map[string]string');
      for (const label of Object.keys(value).sort()) {
        if (typeof value[label] !== 'string') throw typeError(value[label], `Kustomization.${key}`);
      }
    }
    if (key === 'images' && Array.isArray(value)) {
      for (const image of value) {
        for (const field of ['digest', 'name', 'newName', 'newTag']) {
          if (image?.[field] !== undefined && typeof image[field] !== 'string') throw typeError(image[field], `Image.images.${field}`);
        }
      }
    }
  }
}

/** Reports whether a field's value is null or an empty list or map, which sets nothing to build. */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A parsed kustomization file and the directory it was read from. */
export interface Kustomization {
  dir: string;
  file: string;
  spec: Record<string, any>;
}

/** Returns the path of DIR's kustomization file, with kustomize's message when there is none. */
export function findKustomizationFile(dir: string): string {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new CommandFailedError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${resolve(dir)}'`);
}

/** kustomize's message for a path that is neither a file nor a directory. */
export function missingPathMessage(path: string, displayed = path): string {
  return `evalsymlink failure on '${displayed}' : lstat ${resolve(path)}: no such file or directory`;
}

/**
 * Returns kustomize's message for a file outside the kustomization's
 * directory, which its default load restrictor (LoadRestrictionsRootOnly)
 * rejects, or undefined when the file is inside or the check is off.
 */
export function outsideRootMessage(root: string, path: string, restrict: boolean): string | undefined {
  if (!restrict) return undefined;
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const rootDir = real(root);
  const file = real(path);
  const rel = relative(rootDir, file);
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'))) return undefined;
  return `security; file '${file}' is not in or below '${rootDir}'`;
}

/** Returns whether a path names an existing directory. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads DIR's kustomization. Unknown fields fail as kustomize's strict
 * decoding fails; fields kustomize accepts and kubesim does not build fail
 * with a message naming them. `onFields` receives the field names of a file
 * that decoded, for deprecation warnings.
 */
export async function readKustomization(dir: string, onFields: (fields: string[]) => void = () => {}): Promise<Kustomization> {
  if (existsSync(dir) && !isDirectory(dir)) throw new CommandFailedError(`must build at directory: '${dir}': file is not directory`);
  if (!isDirectory(dir)) throw new CommandFailedError(`must build at directory: not a valid directory: ${missingPathMessage(dir)}`);
  const file = findKustomizationFile(dir);
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new CommandFailedError(`${basename(file)} is empty`);
  const docs = await parseManifestText(text, file);
  const spec = (docs[0]?.doc ?? {}) as Record<string, any>;
  if (typeof spec !== 'object' || Array.isArray(spec)) throw new CommandFailedError(`invalid Kustomization: json: cannot unmarshal ${Array.isArray(spec) ? 'array' : 'string'} into Go value of type types.Kustomization`);
  checkFieldTypes(spec);
  for (const key of Object.keys(spec)) {
    if (UNSUPPORTED[key] && !isEmptyValue(spec[key])) {
      throw new CommandFailedError(`kubesim does not support the kustomization field ${UNSUPPORTED[key]} (in ${file}); build with the real kustomize instead`);
    }
  }
  // kustomize warns about a deprecated field only when it is set, and a null leaves it unset.
  onFields(Object.keys(spec).filter((key) => spec[key] !== null));
  return { dir, file, spec };
}
