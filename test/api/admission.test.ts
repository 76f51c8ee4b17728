import { describe, expect, it } from 'vitest';
import { admit, markBinding } from '../../src/api/admission.js';
import { context, deepFreeze } from './update/admit-helpers.js';
import { applyDefaults } from '../../src/api/defaults.js';
import { POD_UPDATE_MESSAGE } from '../../src/api/update/pod.js';


/** Builds a pod as the store keeps it: admitted on create, then frozen. */
function storedPod(): any {
  const pod: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
  };
  admit(context, 'pods', pod, undefined, 'create');
  return deepFreeze(pod);
}

/** Defaults an object as the store keeps it, without validating it. */
function defaulted<T extends object>(obj: T): T {
  applyDefaults('pods', obj as any, undefined);
  return obj;
}

function errorOf(fn: () => void): string {
  try {
    fn();
  } catch (err: any) {
    return err.message;
  }
  return 'no error';
}

describe('admit on update', () => {
  it('keeps a shared stored spec', () => {
    const old = storedPod();
    const obj: any = { ...old, metadata: { ...old.metadata, labels: { app: 'web' } }, status: { phase: 'Running' } };
    admit(context, 'pods', obj, old, 'update');
    expect(obj.spec).toBe(old.spec);
  });

  it('skips checks of a shared spec', () => {
    // Like a real server's pods/status: the spec it did not change is not checked again.
    const old = deepFreeze(defaulted({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: '' }] } }));
    const obj: any = { ...old, status: { phase: 'Pending' } };
    expect(errorOf(() => admit(context, 'pods', obj, old, 'update'))).toBe('no error');
    expect(errorOf(() => admit(context, 'pods', structuredClone(obj), old, 'update'))).toBe(
      'The Pod "web" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('skips checks of binding', () => {
    // A real server's pods/binding subresource sets the node name without validating the spec again.
    const old = deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: '' }] } });
    const obj: any = { ...old, spec: { ...old.spec, nodeName: 'k8s-node01' } };
    expect(errorOf(() => admit(context, 'pods', obj, old, 'update'))).toBe('no error');
  });

  it('checks binding with other changes', () => {
    const old = deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: '' }] } });
    const obj: any = { ...old, spec: { ...old.spec, nodeName: 'k8s-node01', containers: [{ name: 'web', image: '' }] } };
    // A plain update may not set spec.nodeName: only a write marked as a binding may.
    expect(errorOf(() => admit(context, 'pods', obj, old, 'update'))).toBe(
      `The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* spec: Forbidden: ${POD_UPDATE_MESSAGE}`,
    );
  });

  it('lets a marked binding set spec.nodeName on a copied spec', () => {
    const old = storedPod();
    const obj: any = structuredClone(old);
    obj.spec.nodeName = 'k8s-node01';
    markBinding(obj);
    expect(errorOf(() => admit(context, 'pods', obj, old, 'update'))).toBe('no error');
  });

  it('defaults a copied spec again', () => {
    const old = storedPod();
    const obj: any = structuredClone(old);
    delete obj.spec.containers[0].imagePullPolicy;
    admit(context, 'pods', obj, old, 'update');
    expect(obj.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('validates labels beside a shared spec', () => {
    const old = storedPod();
    const obj: any = { ...old, metadata: { ...old.metadata, labels: { app: '-web' } } };
    expect(errorOf(() => admit(context, 'pods', obj, old, 'update'))).toBe(
      'The Pod "web" is invalid: ' +
        "metadata.labels: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });

  it('rejects a changed Deployment selector', () => {
    const spec = { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } };
    const old: any = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec };
    const obj: any = structuredClone(old);
    obj.spec.selector.matchLabels.tier = 'front';
    obj.spec.template.metadata.labels.tier = 'front';
    expect(errorOf(() => admit(context, 'deployments', obj, old, 'update'))).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
