import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { execInContainer } from '../../src/kubelet/exec.js';
import { buildMountedFiles, formatFieldMap, type VolumeSources } from '../../src/kubelet/volume-files.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

const CFG = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { color: 'blue', 'app.conf': 'port=80\n' } };
const SEC = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, type: 'Opaque', data: { password: Buffer.from('s3cr3t').toString('base64') } };

const VOLUMES = [
  { name: 'cfg', configMap: { name: 'cfg' } },
  { name: 'sec', secret: { secretName: 'sec' } },
  { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
  { name: 'one', configMap: { name: 'cfg', items: [{ key: 'app.conf', path: 'conf/app.conf' }] } },
];
const MOUNTS = [
  { name: 'cfg', mountPath: '/etc/config' },
  { name: 'sec', mountPath: '/etc/secret', readOnly: true },
  { name: 'info', mountPath: '/etc/podinfo' },
  { name: 'one', mountPath: '/srv' },
];

function exec(c: Cluster, script: string) {
  const pod = c.store.get('pods', 'default', 'app')!;
  return execInContainer(c.store, pod, { container: 'main', command: ['sh', '-c', script], tty: false }, c.simNow);
}

function startPod(c: Cluster, command: string[]): void {
  createObject(c, 'configmaps', CFG as KObject);
  createObject(c, 'secrets', SEC as KObject);
  createObject(c, 'pods', newPod('app', 'busybox', { container: { command, volumeMounts: MOUNTS }, spec: { volumes: VOLUMES } }));
  advance(c, 60_000);
}

describe('mounted volume files', () => {
  it('reads ConfigMap, Secret and downward API files in exec', () => {
    const c = newCluster();
    startPod(c, ['sleep', '3600']);
    expect(exec(c, 'cat /etc/config/color; echo; cat /etc/secret/password; echo; cat /etc/podinfo/labels; echo; cat /srv/conf/app.conf')).toMatchObject({
      type: 'ran',
      stdout: 'blue\ns3cr3t\napp="app"\nport=80\n',
      stderr: '',
    });
  });

  it('lists mounted folders', () => {
    const c = newCluster();
    startPod(c, ['sleep', '3600']);
    expect(exec(c, 'ls /etc/config; ls /srv; ls /var/run/secrets/kubernetes.io/serviceaccount')).toMatchObject({
      stdout: 'app.conf\ncolor\nconf\nca.crt\nnamespace\ntoken\n',
    });
    expect(exec(c, 'test -d /etc/config && echo folder')).toMatchObject({ stdout: 'folder\n' });
  });

  it('gives the main program the files', () => {
    const c = newCluster();
    startPod(c, ['sh', '-c', 'cat /etc/config/color; echo; cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo; sleep 3600']);
    const pod = c.store.get('pods', 'default', 'app')!;
    expect(c.store.readLogs(pod.metadata.uid!, 'main', 0, c.simNow).map((l) => l.line)).toEqual(['blue', 'default']);
  });
});

describe('buildMountedFiles', () => {
  const sources: VolumeSources = { configMap: (name) => (name === 'cfg' ? (CFG as KObject) : undefined), secret: () => undefined };
  const pod = (mount: any): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'main', image: 'busybox', volumeMounts: [mount] }], volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }] },
  });

  it('mounts one key with subPath', () => {
    const p = pod({ name: 'cfg', mountPath: '/etc/nginx/app.conf', subPath: 'app.conf' });
    expect([...buildMountedFiles(p, p.spec.containers[0], sources, 0)]).toEqual([['/etc/nginx/app.conf', 'port=80\n']]);
  });

  it('formats labels as quoted lines', () => {
    expect(formatFieldMap({ tier: 'web', app: 'a"b' })).toBe('app="a\\"b"\ntier="web"');
  });
});
