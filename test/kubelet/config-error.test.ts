import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { podCells } from '../../src/printers/pod-status.js';
import { execInContainer } from '../../src/kubelet/exec.js';
import type { Cluster } from '../../src/engine/cluster.js';

function events(c: Cluster, name: string): string[] {
  return c.store
    .list('events', 'default')
    .filter((e) => e.involvedObject?.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.involvedObject.fieldPath ?? ''} ${e.message} x${e.count ?? 1}`);
}

const COLOR_ENV = [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } }];

function configMap(data: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data };
}

describe('container environment from ConfigMaps and Secrets', () => {
  it('waits until the ConfigMap key exists', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('app', 'busybox', { container: { command: ['sh', '-c', 'echo color=$COLOR; sleep 3600'], env: COLOR_ENV } }));
    advance(c, 60_000);
    let pod = c.store.get('pods', 'default', 'app')!;
    expect(podCells(pod, c.simNow, 132).status).toBe('CreateContainerConfigError');
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' } });
    expect(events(c, 'app').filter((e) => e.startsWith('Warning'))[0]).toMatch(/^Warning Failed spec\.containers\{main\} Error: configmap "cfg" not found x\d+$/);

    createObject(c, 'configmaps', configMap({ shape: 'round' }));
    advance(c, 10_000);
    pod = c.store.get('pods', 'default', 'app')!;
    expect(pod.status.containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: "couldn't find key color in ConfigMap default/cfg" });

    c.store.tx(() => {
      const cm = c.store.get('configmaps', 'default', 'cfg')!;
      (cm as any).data = { color: 'blue' };
      c.store.update('configmaps', cm);
    });
    advance(c, 10_000);
    pod = c.store.get('pods', 'default', 'app')!;
    expect(podCells(pod, c.simNow, 132).status).toBe('Running');
    expect(c.store.readLogs(pod.metadata.uid!, 'main', 0, c.simNow).map((l) => l.line)).toEqual(['color=blue']);
  });

  it('gives exec envFrom and Secret variables', () => {
    const c = newCluster();
    createObject(c, 'configmaps', configMap({ color: 'blue', '1bad': 'x' }));
    createObject(c, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, type: 'Opaque', data: { password: Buffer.from('s3cr3t').toString('base64') } });
    const env = [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'sec', key: 'password' } } }];
    createObject(c, 'pods', newPod('app', 'busybox', { container: { command: ['sleep', '3600'], env, envFrom: [{ configMapRef: { name: 'cfg' } }] } }));
    advance(c, 60_000);
    const pod = c.store.get('pods', 'default', 'app')!;
    const out = execInContainer(c.store, pod, { container: 'main', command: ['sh', '-c', 'echo $color $PASSWORD'], tty: false }, c.simNow);
    expect(out).toMatchObject({ type: 'ran', stdout: 'blue s3cr3t\n' });
    expect(events(c, 'app')).toContain(
      'Warning InvalidEnvironmentVariableNames  Keys [1bad] from the EnvFrom configMap default/cfg were skipped since they are considered invalid environment variable names. x1',
    );
  });
});
