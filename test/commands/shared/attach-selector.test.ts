import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { attachSelector, mostActivePod } from '../../../src/commands/shared/attach-selector.js';

const object = (kind: string, spec?: any): KObject => ({ apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'default' }, spec });

describe('attachSelector', () => {
  it('reads a workload LabelSelector', () => {
    const deploy = object('Deployment', { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } });
    expect(attachSelector(deploy, 'Deployment', '*v1.Deployment')).toEqual([{ key: 'tier', op: 'in', values: ['web'] }]);
  });

  it('reads a ReplicationController selector map', () => {
    expect(attachSelector(object('ReplicationController', { selector: { app: 'web' } }), 'ReplicationController', '*v1.ReplicationController')).toEqual([
      { key: 'app', op: '=', values: ['web'] },
    ]);
  });

  it('rejects a Service without a selector, naming the Go type it was given', () => {
    expect(() => attachSelector(object('Service', { ports: [{ port: 80 }] }), 'Service', '*v1.Service')).toThrow(
      "cannot attach to *v1.Service: invalid service 'x': Service is defined without a selector",
    );
  });

  it('rejects kinds without pods', () => {
    expect(() => attachSelector(object('ConfigMap'), 'ConfigMap', '*v1.ConfigMap')).toThrow('cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented');
    expect(() => attachSelector(object('CronJob'), 'CronJob', '*v1.CronJob')).toThrow('cannot attach to *v1.CronJob: selector for *v1.CronJob not implemented');
    expect(() => attachSelector(object('Deployment'), 'Deployment', '*v1beta1.Deployment')).not.toThrow();
  });
});

describe('mostActivePod', () => {
  const pod = (name: string, app: string, phase: string): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app }, creationTimestamp: '2022-05-31T09:00:00Z' },
    spec: { nodeName: 'k8s-node01' },
    status: { phase },
  });

  it('takes the most active of the pods the selector matches', () => {
    const selector = attachSelector(object('ReplicationController', { selector: { app: 'web' } }), 'ReplicationController', '*v1.ReplicationController');
    const pods = [pod('pending', 'web', 'Pending'), pod('other', 'db', 'Running'), pod('running', 'web', 'Running')];
    expect(mostActivePod(pods, selector)?.metadata.name).toBe('running');
    expect(mostActivePod([pod('other', 'db', 'Running')], selector)).toBeUndefined();
  });
});
