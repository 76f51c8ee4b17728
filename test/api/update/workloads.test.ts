import { describe, expect, it } from 'vitest';
import { admit } from '../../../src/api/admission.js';
import { context, stored, updateError } from './admit-helpers.js';

const TEMPLATE = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };

function statefulSet(): any {
  return stored('statefulsets', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { serviceName: 'web', replicas: 2, selector: { matchLabels: { app: 'web' } }, template: structuredClone(TEMPLATE) },
  });
}

function job(spec: any = {}, status?: any): any {
  const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } };
  const obj: any = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'u1' }, spec: { completions: 2, template, ...spec } };
  admit(context, 'jobs', obj, undefined, 'create');
  if (status) obj.status = status;
  return Object.freeze(obj);
}

const STS_FORBIDDEN =
  "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

describe('StatefulSet update rules', () => {
  it('accepts new replicas, template, updateStrategy and minReadySeconds', () => {
    const change = (s: any) => {
      s.spec.replicas = 5;
      s.spec.template.spec.containers[0].image = 'nginx:1.27';
      s.spec.updateStrategy = { type: 'OnDelete' };
      s.spec.minReadySeconds = 10;
    };
    expect(updateError('statefulsets', statefulSet(), change)).toBe('accepted');
  });

  it('rejects a changed serviceName', () => {
    expect(updateError('statefulsets', statefulSet(), (s) => (s.spec.serviceName = 'other'))).toBe(STS_FORBIDDEN);
  });

  it('rejects changed volumeClaimTemplates', () => {
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    expect(updateError('statefulsets', statefulSet(), (s) => (s.spec.volumeClaimTemplates = [claim]))).toBe(STS_FORBIDDEN);
  });

  it('rejects a changed selector with the general message', () => {
    const change = (s: any) => {
      s.spec.selector.matchLabels.tier = 'front';
      s.spec.template.metadata.labels.tier = 'front';
    };
    expect(updateError('statefulsets', statefulSet(), change)).toBe(STS_FORBIDDEN);
  });
});

describe('Job update rules', () => {
  it('accepts new parallelism, backoffLimit and suspend', () => {
    const change = (j: any) => {
      j.spec.parallelism = 3;
      j.spec.backoffLimit = 1;
      j.spec.suspend = true;
    };
    expect(updateError('jobs', job(), change)).toBe('accepted');
  });

  it('rejects changed completions', () => {
    expect(updateError('jobs', job(), (j) => (j.spec.completions = 3))).toBe('The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable');
  });

  it('accepts completions changed with parallelism on an Indexed Job', () => {
    const old = job({ completionMode: 'Indexed', parallelism: 2 });
    const change = (j: any) => {
      j.spec.completions = 4;
      j.spec.parallelism = 4;
    };
    expect(updateError('jobs', old, change)).toBe('accepted');
  });

  it('rejects completions changed alone on an Indexed Job', () => {
    const old = job({ completionMode: 'Indexed', parallelism: 2 });
    expect(updateError('jobs', old, (j) => (j.spec.completions = 4))).toBe(
      'The Job "pi" is invalid: spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism',
    );
  });

  it('rejects a changed selector', () => {
    // The new selector still matches the template's labels, so only the update rule fails.
    expect(updateError('jobs', job(), (j) => (j.spec.selector = { matchLabels: { 'job-name': 'pi' } }))).toBe(
      'The Job "pi" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"job-name":"pi"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('rejects a changed template image', () => {
    const error = updateError('jobs', job(), (j) => (j.spec.template.spec.containers[0].image = 'perl:5'));
    expect(error).toMatch(/^The Job "pi" is invalid: spec\.template: Invalid value: \{.*"image":"perl:5".*\}: field is immutable$/);
  });

  it('accepts a new nodeSelector on a suspended Job that never started', () => {
    expect(updateError('jobs', job({ suspend: true }), (j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }))).toBe('accepted');
  });

  it('rejects a new nodeSelector on a Job that started', () => {
    const old = job({ suspend: true }, { startTime: '2026-01-01T00:00:00Z' });
    expect(updateError('jobs', old, (j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }))).toMatch(/^The Job "pi" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
  });

  it('rejects a changed completionMode', () => {
    expect(updateError('jobs', job(), (j) => (j.spec.completionMode = 'Indexed'))).toBe(
      'The Job "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable',
    );
  });
});

describe('selector update rule', () => {
  it('rejects a changed Deployment selector', () => {
    const old = stored('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: structuredClone(TEMPLATE) },
    });
    const change = (d: any) => {
      d.spec.selector.matchLabels.tier = 'front';
      d.spec.template.metadata.labels.tier = 'front';
    };
    expect(updateError('deployments', old, change)).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
