import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CommandFailedError } from '../../src/api/errors.js';
import { calculateNameHash } from '../../src/kustomize/generators.js';
import { buildKustomization, renderKustomization } from '../../src/kustomize/build.js';
import { build, writeTree } from './tree.js';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n';
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n';
const CONFIG_MAP_OUTPUT = 'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: cm\n';
const OTHER_PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  replicas: 5\n';

/** Runs a build expected to fail and returns its message. */
async function failure(dir: string): Promise<string> {
  const err = await build(dir).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CommandFailedError);
  return (err as Error).message;
}

/** Messages recorded from kubectl v1.32.4 `kubectl kustomize DIR` (the `err=` part of its klog line). */
describe('kustomize build errors', () => {
  it('reports a directory without a kustomization file', async () => {
    const dir = writeTree({ 'a.yaml': DEPLOYMENT });
    expect(await failure(dir)).toBe(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  });

  it('reports a file given as the directory', async () => {
    const dir = writeTree({ 'd.yaml': DEPLOYMENT });
    expect(await failure(join(dir, 'd.yaml'))).toBe(`must build at directory: '${dir}/d.yaml': file is not directory`);
  });

  it('reports an empty kustomization file', async () => {
    const dir = writeTree({ 'kustomization.yaml': '' });
    expect(await failure(dir)).toBe('kustomization.yaml is empty');
  });

  it('reports an unknown kustomization field', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'resourcez:\n- a.yaml\n' });
    expect(await failure(dir)).toBe('invalid Kustomization: json: unknown field "resourcez"');
  });

  it('reports a missing resource file', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- nope.yaml\n' });
    const missing = `evalsymlink failure on '${dir}/nope.yaml' : lstat ${dir}/nope.yaml: no such file or directory`;
    expect(await failure(dir)).toBe(`accumulating resources: accumulation err='accumulating resources from 'nope.yaml': ${missing}': must build at directory: not a valid directory: ${missing}`);
  });

  it('reports unmatched patchesStrategicMerge', async () => {
    const dir = writeTree({ 'd.yaml': DEPLOYMENT, 'p.yaml': OTHER_PATCH, 'kustomization.yaml': 'resources:\n- d.yaml\npatchesStrategicMerge:\n- p.yaml\n' });
    const warnings: string[] = [];
    const err = await build(dir, warnings).catch((e: Error) => e.message);
    expect(err).toBe('no matches for Id Deployment.v1.apps/other.[noNs]; failed to find unique target for patch Deployment.v1.apps/other.[noNs]');
    expect(warnings).toEqual(["# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update your Kustomization automatically."]);
  });

  it('reports a number in commonLabels', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'commonLabels:\n  version: 1\n' });
    const warnings: string[] = [];
    const err = await build(dir, warnings).catch((e: Error) => e.message);
    expect(err).toBe('invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.commonLabels of type string');
    expect(warnings).toEqual([]);
  });

  it('reports an unquoted number as image tag', async () => {
    const dir = writeTree({ 'd.yaml': DEPLOYMENT, 'kustomization.yaml': 'resources:\n- d.yaml\nimages:\n- name: nginx\n  newTag: 1.10\n' });
    expect(await failure(dir)).toBe('invalid Kustomization: json: cannot unmarshal number into Go struct field Image.images.newTag of type string');
  });

  it.each<[string, string]>([
    ['namePrefix: 1\n', 'cannot unmarshal number into Go struct field Kustomization.namePrefix of type string'],
    ['namePrefix: 1.50\n', 'cannot unmarshal number into Go struct field Kustomization.namePrefix of type string'],
    ['namePrefix: [a, b]\n', 'cannot unmarshal array into Go struct field Kustomization.namePrefix of type string'],
    ['namePrefix: true\n', 'cannot unmarshal bool into Go struct field Kustomization.namePrefix of type string'],
    ['namePrefix: {a: b}\n', 'cannot unmarshal object into Go struct field Kustomization.namePrefix of type string'],
    ['nameSuffix: 2\n', 'cannot unmarshal number into Go struct field Kustomization.nameSuffix of type string'],
    ['nameSuffix: [x]\n', 'cannot unmarshal array into Go struct field Kustomization.nameSuffix of type string'],
    ['namespace: 7\n', 'cannot unmarshal number into Go struct field Kustomization.namespace of type string'],
    ['namespace: [x]\n', 'cannot unmarshal array into Go struct field Kustomization.namespace of type string'],
    ['namespace: false\n', 'cannot unmarshal bool into Go struct field Kustomization.namespace of type string'],
    ['vars: 5\n', 'cannot unmarshal number into Go struct field Kustomization.vars of type []types.Var'],
    ['vars: {}\n', 'cannot unmarshal object into Go struct field Kustomization.vars of type []types.Var'],
    ['commonLabels: [a]\n', 'cannot unmarshal array into Go struct field Kustomization.commonLabels of type map[string]string'],
    ['commonAnnotations: x\n', 'cannot unmarshal string into Go struct field Kustomization.commonAnnotations of type map[string]string'],
    // The keys are decoded in sorted order, so namePrefix fails before namespace and commonLabels before an unknown field.
    ['namespace: [a]\nnamePrefix: 3\n', 'cannot unmarshal number into Go struct field Kustomization.namePrefix of type string'],
    ['foo: 1\ncommonLabels: {a: 1}\n', 'cannot unmarshal number into Go struct field Kustomization.commonLabels of type string'],
  ])('reports the wrong type in %j', async (fields, message) => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': `${fields}resources:\n- cm.yaml\n` });
    expect(await failure(dir)).toBe(`invalid Kustomization: json: ${message}`);
  });

  it('accepts null and empty affixes', async () => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': 'namePrefix: null\nnameSuffix: ""\nnamespace:\nresources:\n- cm.yaml\n' });
    expect(await build(dir)).toBe(CONFIG_MAP_OUTPUT);
  });

  it('accepts an empty vars list with a warning', async () => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': 'vars: []\nresources:\n- cm.yaml\n' });
    const warnings: string[] = [];
    expect(await build(dir, warnings)).toBe(CONFIG_MAP_OUTPUT);
    expect(warnings).toEqual(["# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically."]);
  });

  it('warns in kustomize order', async () => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': 'vars: []\npatchesStrategicMerge: []\npatchesJson6902: []\nbases: []\nresources:\n- cm.yaml\n' });
    const warnings: string[] = [];
    expect(await build(dir, warnings)).toBe(CONFIG_MAP_OUTPUT);
    expect(warnings.map((w) => w.slice(0, w.indexOf(' instead.')))).toEqual([
      "# Warning: 'bases' is deprecated. Please use 'resources'",
      "# Warning: 'patchesJson6902' is deprecated. Please use 'patches'",
      "# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches'",
      "# Warning: 'vars' is deprecated. Please use 'replacements'",
    ]);
  });

  it('ignores null deprecated fields', async () => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': 'vars:\ncommonLabels:\nresources:\n- cm.yaml\n' });
    const warnings: string[] = [];
    expect(await build(dir, warnings)).toBe(CONFIG_MAP_OUTPUT);
    expect(warnings).toEqual([]);
  });

  it('adds no empty label maps', async () => {
    const dir = writeTree({ 'cm.yaml': CONFIG_MAP, 'kustomization.yaml': 'commonLabels: {}\ncommonAnnotations: {}\nlabels:\n- pairs: {}\nresources:\n- cm.yaml\n' });
    expect(await build(dir)).toBe(CONFIG_MAP_OUTPUT);
  });

  it('still rejects a non-empty vars list', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'vars:\n- name: X\n  objref: {kind: ConfigMap, name: cm, apiVersion: v1}\n' });
    expect(await failure(dir)).toBe(`kubesim does not support the kustomization field vars (in ${join(dir, 'kustomization.yaml')}); build with the real kustomize instead`);
  });

  it('reports a resource directory without kustomization', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- sub\n', 'sub/d.yaml': DEPLOYMENT });
    const sub = join(dir, 'sub');
    expect(await failure(dir)).toBe(`accumulating resources: accumulation err='accumulating resources from 'sub': '${sub}' must resolve to a file': couldn't make target for path '${sub}': unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${sub}'`);
  });

  it('reports unmatched patches entry', async () => {
    const dir = writeTree({ 'd.yaml': DEPLOYMENT, 'p.yaml': OTHER_PATCH, 'kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n' });
    expect(await failure(dir)).toBe('no resource matches strategic merge patch "Deployment.v1.apps/other.[noNs]": no matches for Id Deployment.v1.apps/other.[noNs]; failed to find unique target for patch Deployment.v1.apps/other.[noNs]');
  });

  it('ignores a targeted patch whose target selects nothing', async () => {
    const patch = '- op: replace\n  path: /spec/replicas\n  value: 2\n';
    const dir = writeTree({ 'd.yaml': DEPLOYMENT, 'kustomization.yaml': `resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n    name: nothere\n  patch: |-\n${patch.replace(/^/gm, '    ')}` });
    expect(await build(dir)).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n');
  });

  it('rejects a resource file outside the root', async () => {
    const root = writeTree({ 'shared/d.yaml': DEPLOYMENT, 'app/kustomization.yaml': 'resources:\n- ../shared/d.yaml\n' });
    const security = `security; file '${root}/shared/d.yaml' is not in or below '${root}/app'`;
    expect(await failure(join(root, 'app'))).toBe(`accumulating resources: accumulation err='accumulating resources from '../shared/d.yaml': ${security}': must build at directory: '${root}/shared/d.yaml': file is not directory`);
  });

  it('reads outside the root without the restriction', async () => {
    const root = writeTree({ 'shared/d.yaml': DEPLOYMENT, 'app/kustomization.yaml': 'resources:\n- ../shared/d.yaml\n' });
    const text = renderKustomization(await buildKustomization(join(root, 'app'), () => {}, { restrictToRoot: false }));
    expect(text).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n');
  });

  it('names an unsupported field instead of ignoring it', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'components:\n- ../c\n' });
    expect(await failure(dir)).toBe(`kubesim does not support the kustomization field components (in ${join(dir, 'kustomization.yaml')}); build with the real kustomize instead`);
  });

  it('refuses a remote resource without touching the network', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- https://github.com/example/app//deploy?ref=v1\n' });
    expect(await failure(dir)).toBe('kubesim does not fetch remote resources (https://github.com/example/app//deploy?ref=v1): it never uses the network; download the files and list them as local paths');
  });
});

/** Suffixes recorded from kubectl v1.32.4 for the same generators. */
describe('generated name hash', () => {
  it('hashes a ConfigMap by its data only', () => {
    expect(calculateNameHash({ kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { A: '1', B: 'two words' } })).toBe('5gttg69dkf');
    expect(calculateNameHash({ kind: 'ConfigMap', metadata: { name: 'any-other-name' }, data: { A: '1' } })).toBe('89g4tffbfk');
  });

  it('hashes a Secret by its data and type', () => {
    expect(calculateNameHash({ kind: 'Secret', type: 'Opaque', metadata: { name: 'web-secret' }, data: { password: 'czNjcjN0' } })).toBe('25k92892fb');
  });
});
