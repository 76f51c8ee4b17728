import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { evaluatorFor, evaluatorsForNames } from '../../../src/controllers/resourcequota/evaluators.js';
import { toStored } from '../../../src/controllers/resourcequota/quantity.js';
import { calculateQuotaUsage } from '../../../src/controllers/resourcequota/resourcequota-controller.js';

function newPod(spec: Record<string, unknown>, extra: { phase?: string; name?: string } = {}): KObject {
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: extra.name ?? 'p', namespace: 'ns' }, spec };
  if (extra.phase) pod.status = { phase: extra.phase };
  return pod;
}

function container(name: string, resources: Record<string, unknown> = {}, restartPolicy?: string): Record<string, unknown> {
  return restartPolicy ? { name, image: 'nginx', resources, restartPolicy } : { name, image: 'nginx', resources };
}

const pods = evaluatorFor('pods')!;

describe('pod quota usage', () => {
  it('charges requests, limits and the pod count', () => {
    const pod = newPod({ containers: [container('a', { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } })] });
    expect(toStored(pods.usage(pod, 0))).toEqual({
      'count/pods': '1',
      cpu: '250m',
      'limits.cpu': '500m',
      'limits.memory': '128Mi',
      memory: '64Mi',
      pods: '1',
      'requests.cpu': '250m',
      'requests.memory': '64Mi',
    });
  });

  it('takes a missing request from the limit', () => {
    const pod = newPod({ containers: [container('a', { limits: { cpu: '1' } })] });
    expect(toStored(pods.usage(pod, 0))).toMatchObject({ 'requests.cpu': '1', 'limits.cpu': '1' });
  });

  it('charges the largest init container when it exceeds the app containers', () => {
    const pod = newPod({
      initContainers: [container('init', { requests: { cpu: '2' } })],
      containers: [container('a', { requests: { cpu: '500m' } }), container('b', { requests: { cpu: '500m' } })],
    });
    expect(toStored(pods.usage(pod, 0))['requests.cpu']).toBe('2');
  });

  it('adds sidecars to the app containers', () => {
    const pod = newPod({
      initContainers: [container('sidecar', { requests: { cpu: '100m' } }, 'Always')],
      containers: [container('a', { requests: { cpu: '500m' } })],
    });
    expect(toStored(pods.usage(pod, 0))['requests.cpu']).toBe('600m');
  });

  it.each(['Succeeded', 'Failed'])('charges only the object count of a %s pod', (phase) => {
    const pod = newPod({ containers: [container('a', { requests: { cpu: '1' } })] }, { phase });
    expect(toStored(pods.usage(pod, 0))).toEqual({ 'count/pods': '1' });
  });

  it('stops charging a pod stuck in deletion after its grace period', () => {
    const pod = newPod({ containers: [container('a')] });
    pod.metadata.deletionTimestamp = '2026-01-01T00:00:30Z';
    pod.metadata.deletionGracePeriodSeconds = 30;
    const end = Date.parse('2026-01-01T00:01:00Z');
    expect(pods.usage(pod, end).has('pods')).toBe(true);
    expect(pods.usage(pod, end + 1).has('pods')).toBe(false);
  });
});

describe('pod quota constraints', () => {
  it('lists the missing resources and containers sorted', () => {
    const pod = newPod({ containers: [container('web', { requests: { cpu: '1' } }), container('log')] });
    expect(pods.constraints(['pods', 'requests.cpu', 'limits.memory'], pod)).toBe('must specify limits.memory for: log,web; requests.cpu for: log');
  });

  it('requires nothing for resources outside the validation set', () => {
    expect(pods.constraints(['pods', 'requests.ephemeral-storage'], newPod({ containers: [container('a')] }))).toBeUndefined();
  });
});

describe('pod quota scopes', () => {
  const bestEffort = newPod({ containers: [container('a')] });
  const burstable = newPod({ containers: [container('a', { requests: { memory: '1Gi' } })], activeDeadlineSeconds: 60, priorityClassName: 'high' });

  it.each([
    ['BestEffort', 'Exists', undefined, true, false],
    ['NotBestEffort', 'Exists', undefined, false, true],
    ['Terminating', 'Exists', undefined, false, true],
    ['NotTerminating', 'Exists', undefined, true, false],
    ['PriorityClass', 'In', ['high'], false, true],
    ['PriorityClass', 'NotIn', ['high'], true, false],
  ])('matches %s %s', (scopeName, operator, values, matchesBestEffort, matchesBurstable) => {
    const requirement = { scopeName, operator, values: values as string[] | undefined };
    expect(pods.matchesScope(requirement, bestEffort)).toBe(matchesBestEffort);
    expect(pods.matchesScope(requirement, burstable)).toBe(matchesBurstable);
  });
});

describe('other quota evaluators', () => {
  it('charges a LoadBalancer Service its node ports', () => {
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }] } };
    expect(toStored(evaluatorFor('services')!.usage(svc, 0))).toEqual({ 'count/services': '1', services: '1', 'services.loadbalancers': '1', 'services.nodeports': '2' });
  });

  it('charges a claim its storage by class', () => {
    const pvc: KObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c', namespace: 'ns' },
      spec: { storageClassName: 'fast', resources: { requests: { storage: '5Gi' } } },
    };
    expect(toStored(evaluatorFor('persistentvolumeclaims')!.usage(pvc, 0))).toEqual({
      'count/persistentvolumeclaims': '1',
      'fast.storageclass.storage.k8s.io/persistentvolumeclaims': '1',
      'fast.storageclass.storage.k8s.io/requests.storage': '5Gi',
      persistentvolumeclaims: '1',
      'requests.storage': '5Gi',
    });
  });

  it('counts a ConfigMap under its count name and legacy name', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } };
    expect(toStored(evaluatorFor('configmaps')!.usage(cm, 0))).toEqual({ configmaps: '1', 'count/configmaps': '1' });
  });

  it('does not track events', () => {
    expect(evaluatorFor('events')).toBeUndefined();
  });

  it('finds the evaluators of count names by group', () => {
    expect(evaluatorsForNames(['count/deployments.apps', 'count/jobs.batch', 'pods']).map((e) => e.resource)).toEqual(['pods', 'deployments', 'jobs']);
  });
});

describe('quota recount', () => {
  const quota: KObject = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'q', namespace: 'ns' },
    spec: { hard: { pods: '10', 'requests.memory': '4Gi', 'count/configmaps': '5' } },
  };

  it('sums the namespace objects the quota tracks', () => {
    const objects: Record<string, KObject[]> = {
      pods: [
        newPod({ containers: [container('a', { requests: { memory: '1Gi' } })] }, { name: 'a' }),
        newPod({ containers: [container('b', { requests: { memory: '512Mi' } })] }, { name: 'b' }),
        newPod({ containers: [container('c', { requests: { memory: '1Gi' } })] }, { name: 'c', phase: 'Succeeded' }),
      ],
      configmaps: [],
    };
    const { used } = calculateQuotaUsage(quota, (resource) => objects[resource] ?? [], 0);
    expect(toStored(used)).toEqual({ 'count/configmaps': '0', pods: '2', 'requests.memory': '1536Mi' });
  });

  it('counts no pod for a scoped quota it does not match', () => {
    const scoped: KObject = { ...quota, spec: { hard: { pods: '10' }, scopes: ['BestEffort'] } };
    const objects = [newPod({ containers: [container('a', { requests: { memory: '1Gi' } })] })];
    expect(toStored(calculateQuotaUsage(scoped, () => objects, 0).used)).toEqual({ pods: '0' });
  });
});
