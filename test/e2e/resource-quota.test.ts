/**
 * ResourceQuota enforcement as kube-apiserver's admission plugin and the
 * quota controller do it: rejected creates exit 1 with the server's
 * Forbidden message and leave the store as it was, status.used follows
 * creates and deletes, and a ReplicaSet over quota records FailedCreate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

function podManifest(name: string, cpu: string, memory: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    '  namespace: team',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    '    resources:',
    '      requests:',
    `        cpu: ${cpu}`,
    `        memory: ${memory}`,
    '      limits:',
    '        memory: 1Gi',
    '',
  ].join('\n');
}

describe('resource quota', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('q', args);

  function expectRejected(args: string[], stderr: string, input?: string): void {
    const before = sb.dump('q');
    const r = sb.on('q', args, { input });
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('q')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'q', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k('create', 'namespace', 'team').code).toBe(0);
    expect(k('create', 'quota', 'compute', '--hard=pods=2,requests.cpu=1,requests.memory=1Gi,limits.memory=2Gi', '-n', 'team').stdout).toBe(
      'resourcequota/compute created\n',
    );
    writeFileSync(join(sb.home, 'web-1.yaml'), podManifest('web-1', '600m', '512Mi'));
    writeFileSync(join(sb.home, 'web-2.yaml'), podManifest('web-2', '600m', '256Mi'));
    writeFileSync(join(sb.home, 'web-3.yaml'), podManifest('web-3', '400m', '256Mi'));
  });
  afterAll(() => sb.cleanup());

  it('rejects an unknown scope', () => {
    expectRejected(
      ['create', 'quota', 'x', '--hard=pods=1', '--scopes=Foo', '-n', 'team'],
      'error: failed to create quota: ResourceQuota "x" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Foo"}: unsupported scope\n',
    );
  });

  it('rejects a scope that cannot limit a resource', () => {
    expectRejected(
      ['create', 'quota', 'x', '--hard=requests.cpu=1,pods=1', '--scopes=BestEffort', '-n', 'team'],
      'error: failed to create quota: ResourceQuota "x" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource\n',
    );
  });

  it('rejects opposite scopes together', () => {
    expectRejected(
      ['create', 'quota', 'x', '--hard=pods=3', '--scopes=Terminating,NotTerminating', '-n', 'team'],
      'error: failed to create quota: ResourceQuota "x" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating", "NotTerminating"}: conflicting scopes\n',
    );
  });

  it('rejects an unknown resource name', () => {
    expectRejected(
      ['create', 'quota', 'x', '--hard=foo=1', '-n', 'team'],
      'error: failed to create quota: ResourceQuota "x" is invalid: [spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified, spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota]\n',
    );
  });

  it('rejects a negative amount', () => {
    expectRejected(
      ['create', 'quota', 'x', '--hard=pods=-1', '-n', 'team'],
      'error: failed to create quota: ResourceQuota "x" is invalid: spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0\n',
    );
  });

  it('accepts counts and extended resources', () => {
    const r = k('create', 'quota', 'extended', '--hard=count/deployments.apps=1,requests.nvidia.com/gpu=1', '-n', 'team', '--dry-run=server');
    expect(r.stdout).toBe('resourcequota/extended created (server dry run)\n');
    expect(r.code).toBe(0);
  });

  it('starts with zero usage', () => {
    expect(k('get', 'quota', '-n', 'team').stdout).toBe(
      'NAME      AGE   REQUEST                                                LIMIT\n' +
        'compute   0s    pods: 0/2, requests.cpu: 0/1, requests.memory: 0/1Gi   limits.memory: 0/2Gi\n',
    );
  });

  it('rejects a pod without the tracked requests and limits', () => {
    expectRejected(
      ['run', 'bare', '--image=nginx', '-n', 'team'],
      'Error from server (Forbidden): pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: bare; requests.cpu for: bare; requests.memory for: bare\n',
    );
  });

  it('charges an admitted pod to status.used', () => {
    expect(k('apply', '-f', 'web-1.yaml').stdout).toBe('pod/web-1 created\n');
    expect(k('describe', 'quota', 'compute', '-n', 'team').stdout).toBe(
      'Name:            compute\n' +
        'Namespace:       team\n' +
        'Resource         Used   Hard\n' +
        '--------         ----   ----\n' +
        'limits.memory    1Gi    2Gi\n' +
        'pods             1      2\n' +
        'requests.cpu     600m   1\n' +
        'requests.memory  512Mi  1Gi\n',
    );
    expect(k('get', 'quota', 'compute', '-n', 'team', '-o', 'jsonpath={.status}').stdout).toBe(
      '{"hard":{"limits.memory":"2Gi","pods":"2","requests.cpu":"1","requests.memory":"1Gi"},' +
        '"used":{"limits.memory":"1Gi","pods":"1","requests.cpu":"600m","requests.memory":"512Mi"}}',
    );
  });

  it('rejects a pod from apply -f over the cpu quota', () => {
    expectRejected(
      ['apply', '-f', 'web-2.yaml'],
      'Error from server (Forbidden): error when creating "web-2.yaml": pods "web-2" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1\n',
    );
  });

  it('rejects a pod from create -f on stdin', () => {
    expectRejected(
      ['create', '-f', '-'],
      'Error from server (Forbidden): error when creating "STDIN": pods "web-2" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1\n',
      podManifest('web-2', '600m', '256Mi'),
    );
  });

  it('admits a pod that fits and sums the usage', () => {
    expect(k('create', '-f', 'web-3.yaml').stdout).toBe('pod/web-3 created\n');
    expect(k('get', 'quota', '-n', 'team').stdout).toBe(
      'NAME      AGE   REQUEST                                                    LIMIT\n' +
        'compute   0s    pods: 2/2, requests.cpu: 1/1, requests.memory: 768Mi/1Gi   limits.memory: 2Gi/2Gi\n',
    );
  });

  it('lists every exceeded resource sorted by name', () => {
    expectRejected(
      ['apply', '-f', 'web-2.yaml'],
      'Error from server (Forbidden): error when creating "web-2.yaml": pods "web-2" is forbidden: exceeded quota: compute, ' +
        'requested: limits.memory=1Gi,pods=1,requests.cpu=600m, used: limits.memory=2Gi,pods=2,requests.cpu=1, limited: limits.memory=2Gi,pods=2,requests.cpu=1\n',
    );
  });

  it('releases the usage of a deleted pod', () => {
    expect(k('delete', 'pod', 'web-1', '-n', 'team').stdout).toBe('pod "web-1" deleted\n');
    expect(k('get', 'quota', '-n', 'team').stdout).toBe(
      'NAME      AGE   REQUEST                                                       LIMIT\n' +
        'compute   0s    pods: 1/2, requests.cpu: 400m/1, requests.memory: 256Mi/1Gi   limits.memory: 1Gi/2Gi\n',
    );
    expect(k('apply', '-f', 'web-2.yaml').stdout).toBe('pod/web-2 created\n');
  });

  it('records FailedCreate for a Deployment over the pod quota', () => {
    expect(k('create', 'quota', 'pods', '--hard=pods=2').stdout).toBe('resourcequota/pods created\n');
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=3').stdout).toBe('deployment.apps/web created\n');
    expect(k('get', 'deployment', 'web').stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/3     2            0           0s\n');
    expect(k('get', 'quota', 'pods').stdout).toBe('NAME   AGE   REQUEST     LIMIT\npods   0s    pods: 2/2   \n');
    const described = k('describe', 'rs').stdout;
    expect(described.slice(described.indexOf('Events:'))).toBe(
      'Events:\n' +
        '  Type     Reason            Age   From                   Message\n' +
        '  ----     ------            ----  ----                   -------\n' +
        '  Normal   SuccessfulCreate  0s    replicaset-controller  Created pod: web-6dc5cd68db-4w2jd\n' +
        '  Normal   SuccessfulCreate  0s    replicaset-controller  Created pod: web-6dc5cd68db-xt9d7\n' +
        '  Warning  FailedCreate      0s    replicaset-controller  Error creating: pods "web-6dc5cd68db-q2ngs" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2\n' +
        '  Warning  FailedCreate      0s    replicaset-controller  Error creating: pods "web-6dc5cd68db-z9rsm" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2\n',
    );
  });

  it('reports ReplicaFailure on the ReplicaSet and the Deployment', () => {
    const message = 'pods "web-6dc5cd68db-q2ngs" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2';
    const created = k('get', 'rs', '-o', 'jsonpath={.items[0].metadata.creationTimestamp}').stdout;
    const condition = { lastTransitionTime: created, message, reason: 'FailedCreate', status: 'True', type: 'ReplicaFailure' };
    expect(k('get', 'rs', '-o', 'jsonpath={.items[0].status.conditions[0]}').stdout).toBe(JSON.stringify(condition));
    expect(k('get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[*].type}').stdout).toBe('Available Progressing ReplicaFailure');
    expect(k('get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="ReplicaFailure")].message}').stdout).toBe(message);
  });

  it('creates the missing pod once the quota is raised', () => {
    expect(k('patch', 'quota', 'pods', '-p', '{"spec":{"hard":{"pods":"3"}}}').stdout).toBe('resourcequota/pods patched\n');
    expect(k('clock', 'advance', '1s').code).toBe(0);
    expect(k('get', 'quota', 'pods').stdout).toBe('NAME   AGE   REQUEST     LIMIT\npods   1s    pods: 3/3   \n');
    expect(k('get', 'rs', '-o', 'jsonpath={.items[0].status.replicas}').stdout).toBe('3');
    expect(k('get', 'rs', '-o', 'jsonpath={.items[0].status.conditions}').stdout).toBe('');
    expect(k('get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[*].type}').stdout).not.toContain('ReplicaFailure');
  });

  it('rejects a Service type change past the node port quota', () => {
    expect(k('create', 'quota', 'svc', '--hard=services=2,services.nodeports=1', '-n', 'team').code).toBe(0);
    expect(k('create', 'service', 'nodeport', 'np', '--tcp=80', '-n', 'team').stdout).toBe('service/np created\n');
    expect(k('create', 'service', 'clusterip', 'cip', '--tcp=80', '-n', 'team').stdout).toBe('service/cip created\n');
    expectRejected(
      ['patch', 'service', 'cip', '-n', 'team', '-p', '{"spec":{"type":"NodePort"}}'],
      'Error from server (Forbidden): services "cip" is forbidden: exceeded quota: svc, requested: services.nodeports=1, used: services.nodeports=1, limited: services.nodeports=1\n',
    );
    expectRejected(
      ['create', 'service', 'clusterip', 'third', '--tcp=80', '-n', 'team'],
      'error: failed to create ClusterIP service: services "third" is forbidden: exceeded quota: svc, requested: services=1, used: services=2, limited: services=2\n',
    );
  });

  it('counts objects by count/<resource>.<group>', () => {
    expect(k('create', 'quota', 'deploys', '--hard=count/deployments.apps=1', '-n', 'team').code).toBe(0);
    expect(k('create', 'deployment', 'one', '--image=nginx', '--replicas=0', '-n', 'team').stdout).toBe('deployment.apps/one created\n');
    expectRejected(
      ['create', 'deployment', 'two', '--image=nginx', '--replicas=0', '-n', 'team'],
      'error: failed to create deployment: deployments.apps "two" is forbidden: exceeded quota: deploys, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1\n',
    );
    expect(k('delete', 'deployment', 'one', '-n', 'team').code).toBe(0);
    expect(k('get', 'quota', 'deploys', '-n', 'team', '-o', 'jsonpath={.status.used}').stdout).toBe('{"count/deployments.apps":"0"}');
  });
});
