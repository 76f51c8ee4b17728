import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { clientValidationMessage, findUnknownFields, pruneUnknownFields, strictDecodingMessage } from '../../src/api/field-validation.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { any: 'label' } },
  spec: {
    replica: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', imagePull: 'Always' }] } },
  },
};

describe('findUnknownFields', () => {
  it('finds misspelled fields at any depth, with list indexes', () => {
    expect(findUnknownFields('Deployment', deployment).map((f) => f.path)).toEqual(['spec.replica', 'spec.template.spec.containers[0].imagePull']);
  });

  it('accepts free-form maps such as labels', () => {
    const ok = structuredClone(deployment) as any;
    delete ok.spec.replica;
    delete ok.spec.template.spec.containers[0].imagePull;
    expect(findUnknownFields('Deployment', ok)).toEqual([]);
  });

  it('words the strict decoding error as the API server does', () => {
    const unknown = findUnknownFields('Deployment', deployment);
    expect(strictDecodingMessage('Deployment', 'v1', unknown)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePull"',
    );
  });

  it('words the old client-side validation error', () => {
    expect(clientValidationMessage('d.yaml', 'Deployment', findUnknownFields('Deployment', deployment))).toBe(
      'error validating "d.yaml": error validating data: ValidationError(Deployment.spec): unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('keeps the generated field schema in step with the explain schema', () => {
    expect(() => execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'gen-field-schema.mjs'), '--check'])).not.toThrow();
  });
});

describe('pruneUnknownFields', () => {
  it('drops unknown fields and returns them', () => {
    const doc = structuredClone(deployment) as any;
    expect(pruneUnknownFields('Deployment', doc).map((f) => f.path)).toEqual(['spec.replica', 'spec.template.spec.containers[0].imagePull']);
    expect('replica' in doc.spec).toBe(false);
    expect(doc.spec.template.spec.containers[0]).toEqual({ name: 'web', image: 'nginx' });
    expect(doc.metadata.labels).toEqual({ any: 'label' });
  });

  it('keeps status and kubesim fields', () => {
    const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, status: { x: 1 }, _kept: true, bogus: 1 };
    pruneUnknownFields('ConfigMap', doc);
    expect(doc).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, status: { x: 1 }, _kept: true });
  });
});
