import { describe, expect, it } from 'vitest';
import { validateObject as validateRaw } from '../../src/api/validation.js';
import { validateLabels } from '../../src/api/name-validation.js';
import { formatCause, invalid } from '../../src/api/errors.js';
import { applyDefaults } from '../../src/api/defaults.js';

/** Validates `obj` after defaulting, as admission does. */
function validateObject(resource: string, obj: any, clusterVersion?: number) {
  applyDefaults(resource, obj);
  return validateRaw(resource, obj, clusterVersion);
}

function deployment(overrides: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      ...overrides,
    },
  };
}

describe('validateObject', () => {
  it('accepts a valid deployment', () => {
    expect(validateObject('deployments', deployment())).toEqual([]);
  });

  it('rejects an invalid DNS-1123 name', () => {
    const d = deployment();
    d.metadata.name = 'My_App';
    const [cause] = validateObject('deployments', d);
    expect(formatCause(cause)).toMatch(/^metadata\.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of/);
  });

  it('reports a selector that does not match the template labels', () => {
    const causes = validateObject('deployments', deployment({ selector: { matchLabels: { app: 'other' } } }));
    expect(causes.map(formatCause)).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']);
  });

  it('reports a missing selector with both causes', () => {
    const d = deployment();
    delete d.spec.selector;
    const err = invalid('Deployment', 'web', validateObject('deployments', d));
    expect(err.message).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('rejects negative replicas', () => {
    const causes = validateObject('deployments', deployment({ replicas: -1 }));
    expect(causes.map(formatCause)).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  });

  it('rejects restartPolicy Always in a Job', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'pi', image: 'perl' }] } } } };
    expect(validateObject('jobs', job).map(formatCause)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
  });

  it('requires a container image', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    expect(validateObject('pods', pod).map(formatCause)).toEqual(['spec.containers[0].image: Required value']);
  });
});

describe('container env names', () => {
  function withEnv(name: unknown): any {
    return deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', env: [{ name: 'OK', value: '1' }, { name, value: 'x' }] }] } } });
  }
  const field = 'spec.template.spec.containers[0].env[1].name';
  const strict =
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

  it('requires a name', () => {
    expect(validateObject('deployments', withEnv('')).map(formatCause)).toEqual([`${field}: Required value`]);
  });

  it('accepts printable ASCII names from 1.32', () => {
    for (const name of ['1A', 'A B', '..', '$x', '~']) expect(validateObject('deployments', withEnv(name)), name).toEqual([]);
  });

  it.each([
    ['A=B', `${field}: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`],
    ['caf\u00e9', `${field}: Invalid value: "caf\u00e9": a valid environment variable name must consist only of printable ASCII characters other than '='`],
    ['tab\there', `${field}: Invalid value: "tab\\there": a valid environment variable name must consist only of printable ASCII characters other than '='`],
  ])('rejects %j from 1.32', (name, message) => {
    expect(validateObject('deployments', withEnv(name), 132).map(formatCause)).toEqual([message]);
  });

  it.each([
    ['1A', [`${field}: Invalid value: "1A": ${strict}`]],
    ['A B', [`${field}: Invalid value: "A B": ${strict}`]],
    ['.', [`${field}: Invalid value: ".": must not be '.'`]],
    ['..', [`${field}: Invalid value: "..": must not be '..'`]],
    ['..x', [`${field}: Invalid value: "..x": must not start with '..'`]],
    ['..=', [`${field}: Invalid value: "..=": ${strict}`, `${field}: Invalid value: "..=": must not start with '..'`]],
  ])('rejects %j before 1.32', (name, messages) => {
    expect(validateObject('deployments', withEnv(name), 131).map(formatCause)).toEqual(messages);
  });

  it('accepts IsEnvVarName names before 1.32', () => {
    for (const name of ['.a', '-b_c.D', 'MyEnvName1']) expect(validateObject('deployments', withEnv(name), 115), name).toEqual([]);
  });
});

describe('applyDefaults', () => {
  it('gives apps/v1 deployments 25% surge and unavailability', () => {
    const d = deployment();
    applyDefaults('deployments', d);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
  });

  it('gives extensions/v1beta1 deployments the old defaults and a selector from the template', () => {
    const d = deployment();
    delete d.spec.selector;
    applyDefaults('deployments', d, 'extensions/v1beta1');
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 1 });
  });

  it('defaults imagePullPolicy by tag', () => {
    const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx:1.25' }] } };
    applyDefaults('pods', pod);
    expect(pod.spec.containers.map((c: any) => c.imagePullPolicy)).toEqual(['Always', 'IfNotPresent']);
  });
});

describe('validateLabels', () => {
  it('checks a valid key again as value', () => {
    expect(validateLabels({ 'example.com/tier': 'front' }, 'metadata.labels')).toEqual([]);
    expect(validateLabels({ tier: 'example.com/tier' }, 'metadata.labels').map(formatCause)).toEqual([
      "metadata.labels: Invalid value: \"example.com/tier\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('repeats errors for checked labels', () => {
    const labels = { app: 'web', '-bad': 'x' };
    const first = validateLabels(labels, 'metadata.labels').map(formatCause);
    expect(first).toHaveLength(1);
    expect(validateLabels(labels, 'spec.template.metadata.labels').map(formatCause)).toEqual(first.map((c) => c.replace('metadata.labels', 'spec.template.metadata.labels')));
  });
});
