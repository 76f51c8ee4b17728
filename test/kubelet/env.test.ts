import { describe, expect, it } from 'vitest';
import { isEnvVarName, makeEnvironment, resolveResourceField, type EnvSources } from '../../src/kubelet/env';
import type { KObject } from '../../src/api/types';

function newPod(container: any): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: 'k8s-node01', containers: [{ name: 'main', image: 'busybox', ...container }] },
    status: { podIP: '10.244.1.5' },
  };
}

const CFG: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { color: 'blue', '1bad': 'x', 'log.level': 'info' } } as any;
const SEC: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, data: { password: Buffer.from('s3cr3t').toString('base64') }, stringData: { user: 'admin' } } as any;
const NODE: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'k8s-node01' }, status: { allocatable: { cpu: '2', memory: '2048Mi' } } } as any;

const SOURCES: EnvSources = {
  configMap: (name) => (name === 'cfg' ? CFG : undefined),
  secret: (name) => (name === 'sec' ? SEC : undefined),
  node: NODE,
};

function envOf(container: any) {
  const pod = newPod(container);
  return makeEnvironment(pod, pod.spec.containers[0], SOURCES);
}

describe('makeEnvironment', () => {
  it('reads configMapKeyRef and decodes secretKeyRef', () => {
    const result = envOf({
      env: [
        { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'sec', key: 'password' } } },
        { name: 'USER', valueFrom: { secretKeyRef: { name: 'sec', key: 'user' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
    });
    expect(result).toEqual({
      env: [
        { name: 'COLOR', value: 'blue' },
        { name: 'PASSWORD', value: 's3cr3t' },
        { name: 'USER', value: 'admin' },
        { name: 'IP', value: '10.244.1.5' },
      ],
      warnings: [],
    });
  });

  it('adds prefixed envFrom keys', () => {
    const result = envOf({ envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }, { secretRef: { name: 'sec' } }], env: [{ name: 'CFG_color', value: 'red' }] });
    expect(result.env).toEqual([
      { name: 'CFG_color', value: 'red' },
      { name: 'CFG_1bad', value: 'x' },
      { name: 'CFG_log.level', value: 'info' },
      { name: 'password', value: 's3cr3t' },
      { name: 'user', value: 'admin' },
    ]);
    expect(envOf({ envFrom: [{ configMapRef: { name: 'cfg' } }] }).warnings).toEqual([
      'Keys [1bad] from the EnvFrom configMap default/cfg were skipped since they are considered invalid environment variable names.',
    ]);
  });

  it('fails on a missing required source', () => {
    const error = (env: any[], envFrom: any[] = []) => envOf({ env, envFrom }).error;
    expect(error([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'color' } } }])).toBe('configmap "nope" not found');
    expect(error([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'size' } } }])).toBe("couldn't find key size in ConfigMap default/cfg");
    expect(error([{ name: 'A', valueFrom: { secretKeyRef: { name: 'nope', key: 'password' } } }])).toBe('secret "nope" not found');
    expect(error([{ name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'token' } } }])).toBe("couldn't find key token in Secret default/sec");
    expect(error([], [{ secretRef: { name: 'nope' } }])).toBe('secret "nope" not found');
  });

  it('skips optional sources that are missing', () => {
    const result = envOf({
      envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      env: [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'size', optional: true } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'nope', key: 'x', optional: true } } },
        { name: 'C', value: 'c' },
      ],
    });
    expect(result).toEqual({ env: [{ name: 'C', value: 'c' }], warnings: [] });
  });
});

describe('resolveResourceField', () => {
  const container = { resources: { limits: { cpu: '250m', memory: '64Mi' }, requests: { cpu: '100m' } } };

  it('divides and rounds up', () => {
    expect(resolveResourceField(container, 'limits.cpu', undefined, NODE)).toBe('1');
    expect(resolveResourceField(container, 'limits.cpu', '1m', NODE)).toBe('250');
    expect(resolveResourceField(container, 'requests.cpu', '1m', NODE)).toBe('100');
    expect(resolveResourceField(container, 'limits.memory', '1Mi', NODE)).toBe('64');
    expect(resolveResourceField(container, 'limits.memory', undefined, NODE)).toBe('67108864');
  });

  it('defaults limits to node allocatable', () => {
    expect(resolveResourceField({}, 'limits.cpu', undefined, NODE)).toBe('2');
    expect(resolveResourceField({}, 'limits.memory', '1Mi', NODE)).toBe('2048');
    expect(resolveResourceField({}, 'requests.memory', undefined, NODE)).toBe('0');
  });
});

describe('isEnvVarName', () => {
  it('rejects a leading digit', () => {
    expect(['COLOR', 'log.level', '_x', 'a-b'].map(isEnvVarName)).toEqual([true, true, true, true]);
    expect(['1bad', '..x', 'a b', ''].map(isEnvVarName)).toEqual([false, false, false, false]);
  });
});
