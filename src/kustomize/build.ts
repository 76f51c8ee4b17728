/**
 * Building a kustomization directory into the objects `kubectl kustomize`
 * prints: resources (files and directories with their own kustomization),
 * generators, patches and transformers per directory, then hashes,
 * references and ordering once for the whole build.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommandFailedError } from '../api/errors.js';
import { parseManifestText } from '../commands/shared/manifests.js';
import { toKubectlYaml } from '../printers/yaml.js';
import { runGenerators } from './generators.js';
import { findKustomizationFile, isDirectory, missingPathMessage, outsideRootMessage, readKustomization } from './kustomization.js';
import { applyJson6902Patches, applyPatches } from './patches.js';
import { addNameHashes, fixBackReferences, sortLegacy } from './references.js';
import { describeId, type KResource } from './resource.js';
import { applyAnnotations, applyImages, applyLabels, applyNameAffixes, applyNamespace, applyReplicas } from './transformers.js';

/** Build settings from the command line. */
export interface BuildOptions {
  /** kustomize's --load-restrictor: true (LoadRestrictionsRootOnly, the default) rejects files outside a kustomization's directory. */
  restrictToRoot?: boolean;
}

/** Receives each deprecation warning as kustomize prints it, once, as soon as it is found. */
export type WarningSink = (line: string) => void;

/** Passes each distinct warning on once. */
function once(warn: WarningSink): WarningSink {
  const seen = new Set<string>();
  return (line) => {
    if (!seen.has(line)) warn(line);
    seen.add(line);
  };
}

/** Deprecated fields and the end of kustomize's sentence naming the replacement, in the order kustomize warns about them. */
const DEPRECATED: [field: string, instead: string][] = [
  ['bases', "'resources' instead."],
  ['commonLabels', "'labels' instead."],
  ['patchesJson6902', "'patches' instead."],
  ['patchesStrategicMerge', "'patches' instead."],
  ['vars', "'replacements' instead. [EXPERIMENTAL]"],
];

/** Returns whether a resource entry points at the network (a URL or a Git repository), which kubesim never fetches. */
function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.startsWith('git@');
}

/** Reads the objects of one resource file. */
async function readResourceFile(path: string, entry: string): Promise<KResource[]> {
  const docs = await parseManifestText(readFileSync(path, 'utf8'), entry);
  return docs.map(({ doc }) => {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.kind) throw new CommandFailedError(`accumulating resources: ${entry}: missing Resource metadata`);
    doc.metadata ??= {};
    return { obj: doc, names: [String(doc.metadata.name ?? '')] };
  });
}

/** Collects one resources entry: a file, or a directory built as a kustomization of its own. */
async function accumulateEntry(dir: string, entry: string, warn: WarningSink, stack: string[], opts: BuildOptions): Promise<KResource[]> {
  if (isRemote(entry)) throw new CommandFailedError(`kubesim does not fetch remote resources (${entry}): it never uses the network; download the files and list them as local paths`);
  const path = join(dir, entry);
  if (isDirectory(path)) {
    try {
      findKustomizationFile(path);
    } catch (err) {
      if (!(err instanceof CommandFailedError)) throw err;
      const abs = resolve(path);
      throw new CommandFailedError(`accumulating resources: accumulation err='accumulating resources from '${entry}': '${abs}' must resolve to a file': couldn't make target for path '${abs}': ${err.message}`);
    }
    return buildDirectory(path, warn, stack, opts);
  }
  if (existsSync(path)) {
    const outside = outsideRootMessage(dir, path, opts.restrictToRoot !== false);
    if (outside) throw new CommandFailedError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${outside}': must build at directory: '${realpathSync(path)}': file is not directory`);
    return readResourceFile(path, entry);
  }
  const missing = missingPathMessage(path, resolve(path));
  throw new CommandFailedError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${missing}': must build at directory: not a valid directory: ${missing}`);
}

/** Warns about the deprecated fields a kustomization uses. */
function warnDeprecated(fields: string[], warn: WarningSink): void {
  for (const [field, instead] of DEPRECATED) {
    if (fields.includes(field)) warn(`# Warning: '${field}' is deprecated. Please use ${instead} Run 'kustomize edit fix' to update your Kustomization automatically.`);
  }
}

/** Fails when two objects share kind, namespace and name, as kustomize refuses them. */
function checkUnique(resources: KResource[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    const id = describeId(r.obj);
    if (seen.has(id)) throw new CommandFailedError(`may not add resource with an already registered id: ${id}`);
    seen.add(id);
  }
}

/** Builds one directory: its resources, generators, patches and transformers, in kustomize's order. */
async function buildDirectory(dir: string, warn: WarningSink, stack: string[], opts: BuildOptions): Promise<KResource[]> {
  const abs = resolve(dir);
  if (stack.includes(abs)) throw new CommandFailedError(`cycle detected: candidate root '${abs}' contains visited root '${stack.at(-1)}'`);
  const { spec } = await readKustomization(dir, (fields) => warnDeprecated(fields, warn));

  const resources: KResource[] = [];
  for (const entry of [...(spec.bases ?? []), ...(spec.resources ?? [])]) {
    resources.push(...(await accumulateEntry(dir, String(entry), warn, [...stack, abs], opts)));
  }
  runGenerators(resources, spec, dir, opts.restrictToRoot !== false);
  checkUnique(resources);

  await applyPatches(resources, spec, dir, opts.restrictToRoot !== false);
  if (spec.namespace) applyNamespace(resources, String(spec.namespace));
  if (spec.namePrefix || spec.nameSuffix) applyNameAffixes(resources, String(spec.namePrefix ?? ''), String(spec.nameSuffix ?? ''));
  applyLabels(resources, spec);
  if (spec.commonAnnotations) applyAnnotations(resources, spec.commonAnnotations);
  await applyJson6902Patches(resources, spec, dir, opts.restrictToRoot !== false);
  if (spec.replicas) applyReplicas(resources, spec.replicas);
  if (spec.images) applyImages(resources, spec.images);
  return resources;
}

/**
 * Builds a kustomization directory into the objects `kubectl kustomize DIR`
 * prints, in its order. Deprecation warnings go to `warn` as they are found,
 * so they show even when the build then fails.
 */
export async function buildKustomization(dir: string, warn: WarningSink = () => {}, opts: BuildOptions = {}): Promise<Record<string, any>[]> {
  const resources = await buildDirectory(dir, once(warn), [], opts);
  addNameHashes(resources);
  fixBackReferences(resources);
  return sortLegacy(resources).map((r) => r.obj);
}

/** Renders a build as `kubectl kustomize` prints it: each object as YAML, separated by `---` lines. */
export function renderKustomization(objects: Record<string, any>[]): string {
  return objects.map((o) => toKubectlYaml(o)).join('---\n');
}
