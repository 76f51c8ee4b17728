import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeDeployment, describeReplicaSet } from '../../../src/printers/describe/workloads.js';
import type { DescribeContext } from '../../../src/printers/describe/index.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');

function context(version: number, objects: Record<string, KObject[]>, events: KObject[] = []): DescribeContext {
  return {
    now: NOW,
    version,
    events: (o) => events.filter((e) => e.involvedObject.uid === o.metadata.uid),
    list: (resource) => objects[resource] ?? [],
  };
}

const template = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
};

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx', namespace: 'default', uid: 'd1', creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'nginx' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};

const rsTemplate = { ...template, metadata: { labels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' } } };
const replicaSet: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'nginx-7c5ddbdf54',
    namespace: 'default',
    uid: 'r1',
    creationTimestamp: '2026-01-01T00:00:00Z',
    labels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', uid: 'd1', controller: true }],
  },
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' } }, template: rsTemplate },
  status: { replicas: 3 },
};

const scaled: KObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'e1', namespace: 'default' },
  involvedObject: { uid: 'd1' },
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set nginx-7c5ddbdf54 from 0 to 3',
  source: { component: 'deployment-controller' },
  firstTimestamp: '2026-01-01T00:00:00Z',
  lastTimestamp: '2026-01-01T00:00:00Z',
  count: 1,
};

describe('describe deployment', () => {
  it('prints the 1.32 layout with the template, conditions and ReplicaSets', () => {
    expect(describeDeployment(deployment, context(132, { replicasets: [replicaSet] }, [scaled]))).toBe(
      [
        'Name:                   nginx',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
        'Labels:                 app=nginx',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=nginx',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.14.2',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   nginx-7c5ddbdf54 (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set nginx-7c5ddbdf54 from 0 to 3',
        '',
      ].join('\n'),
    );
  });

  it('leaves node selectors and tolerations out of the template before 1.30', () => {
    const text = describeDeployment(deployment, context(115, { replicasets: [replicaSet] }));
    expect(text).toContain('    Mounts:       <none>\n  Volumes:        <none>\nConditions:\n');
  });
});

describe('describe replicaset', () => {
  it('prints the owner, replica counts and pod phases', () => {
    const pods = [
      { metadata: { name: 'a', ownerReferences: [{ uid: 'r1', controller: true }] }, status: { phase: 'Running' } },
      { metadata: { name: 'b', ownerReferences: [{ uid: 'r1', controller: true }] }, status: { phase: 'Pending' } },
      { metadata: { name: 'c' }, status: { phase: 'Running' } },
    ] as KObject[];
    const text = describeReplicaSet(replicaSet, context(132, { pods }));
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Name:           nginx-7c5ddbdf54',
      'Namespace:      default',
      'Selector:       app=nginx,pod-template-hash=7c5ddbdf54',
      'Labels:         app=nginx',
      '                pod-template-hash=7c5ddbdf54',
      'Annotations:    <none>',
      'Controlled By:  Deployment/nginx',
      'Replicas:       3 current / 3 desired',
      'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
    ]);
    // The tabwriter aligns Events with the template block above it, as kubectl's does.
    expect(text.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true);
  });
});
