import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { podCells } from '../../src/printers/pod-status.js';
import { startOffsetMs } from '../../src/kubelet/kubelet.js';

describe('kubelet', () => {
  it('shows ContainerCreating until the image is pulled and started', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('web'));
    let pod = c.store.get('pods', 'default', 'web')!;
    expect(podCells(pod, c.simNow, 132).status).toBe('ContainerCreating');
    expect(pod.spec.nodeName).toMatch(/^k8s-node0[12]$/);
    advance(c, c.settings.pullMs + c.settings.startMs + startOffsetMs(pod) - 1);
    pod = c.store.get('pods', 'default', 'web')!;
    expect(podCells(pod, c.simNow, 132).status).toBe('ContainerCreating');
    advance(c, 1);
    pod = c.store.get('pods', 'default', 'web')!;
    expect(podCells(pod, c.simNow, 132)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('reports the image ID once the container exists', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('pause', 'registry.k8s.io/pause:3.9'));
    createObject(c, 'pods', newPod('pause2', 'registry.k8s.io/pause:3.9'));
    expect(c.store.get('pods', 'default', 'pause')!.status.containerStatuses?.[0]?.imageID ?? '').toBe('');
    advance(c, 60_000);
    const [first, second] = ['pause', 'pause2'].map((name) => c.store.get('pods', 'default', name)!.status.containerStatuses[0]);
    expect(first.imageID).toMatch(/^registry\.k8s\.io\/pause@sha256:[0-9a-f]{64}$/);
    expect(second.imageID).toBe(first.imageID);
    expect(first.image).toBe('registry.k8s.io/pause:3.9');
  });

  it('switches to the runtime tag once created', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('web', 'nginx:1.27'));
    const image = () => c.store.get('pods', 'default', 'web')!.status.containerStatuses[0].image;
    expect(image()).toBe('nginx:1.27');
    advance(c, 60_000);
    expect(image()).toBe('docker.io/library/nginx:1.27');
    expect(c.store.get('pods', 'default', 'web')!.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('keeps the spec image in the status of a container whose pull fails', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('bad', 'nginx:1.91'));
    advance(c, 60_000);
    const cs = c.store.get('pods', 'default', 'bad')!.status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('ImagePullBackOff');
    expect(cs.image).toBe('nginx:1.91');
  });

  it('keeps the runtime tag while a crashed container waits to restart', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('crash', 'busybox', { container: { command: ['sh', '-c', 'exit 1'] } }));
    advance(c, 60_000);
    const cs = c.store.get('pods', 'default', 'crash')!.status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.image).toBe('docker.io/library/busybox:latest');
  });

  it('names a digest-pinned image by its image ID once running', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('pinned', `registry.k8s.io/pause@sha256:${'cd'.repeat(32)}`));
    advance(c, 60_000);
    const cs = c.store.get('pods', 'default', 'pinned')!.status.containerStatuses[0];
    expect(cs.image).toBe('sha256:0f43571865206701b7269a76167ad60f9217b054aa2c12dd7a24ed7208b7fa7b');
    expect(cs.imageID).toBe(`registry.k8s.io/pause@sha256:${'cd'.repeat(32)}`);
  });

  it('assigns an IP inside the node pod CIDR', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('web'));
    expect(c.store.get('pods', 'default', 'web')!.status.podIP).toBeUndefined();
    advance(c, c.settings.pullMs);
    const pod = c.store.get('pods', 'default', 'web')!;
    const node = c.store.get('nodes', '', pod.spec.nodeName)!;
    const prefix = node.spec.podCIDR.replace(/0\/24$/, '');
    expect(pod.status.podIP.startsWith(prefix)).toBe(true);
  });

  it('reports ErrImagePull then ImagePullBackOff for a missing tag', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('bad', 'nginx:1.91'));
    advance(c, c.settings.pullFailMs + 2000);
    expect(podCells(c.store.get('pods', 'default', 'bad')!, c.simNow, 132).status).toBe('ErrImagePull');
    advance(c, 8000);
    expect(podCells(c.store.get('pods', 'default', 'bad')!, c.simNow, 132).status).toBe('ImagePullBackOff');
  });

  it('reports a failed pull one sync later', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('bad', 'nginx:1.91'));
    advance(c, c.settings.pullFailMs);
    const status = () => c.store.get('pods', 'default', 'bad')!.status.containerStatuses[0].state.waiting;
    expect(status().reason).toBe('ContainerCreating');
    advance(c, 2000);
    expect(status().reason).toBe('ErrImagePull');
    expect(status().message).toMatch(/^Failed to pull image "nginx:1\.91": rpc error: code = NotFound/);
    // Second failure: the pod worker's 10 s requeue brings the next sync.
    advance(c, 8000 + c.settings.pullFailMs);
    expect(status().reason).toBe('ImagePullBackOff');
    advance(c, 9000);
    expect(status().reason).toBe('ImagePullBackOff');
    advance(c, 1000);
    expect(status().reason).toBe('ErrImagePull');
  });

  it('completes a busybox command and logs its output', () => {
    const c = newCluster();
    const pod = newPod('hello', 'busybox', { container: { command: ['sh', '-c', 'echo hi; sleep 5'] }, spec: { restartPolicy: 'Never' } });
    createObject(c, 'pods', pod);
    advance(c, 60_000);
    const done = c.store.get('pods', 'default', 'hello')!;
    expect(done.status.phase).toBe('Succeeded');
    expect(podCells(done, c.simNow, 132).status).toBe('Completed');
    expect(c.store.readLogs(done.metadata.uid!, 'main', 0, c.simNow).map((l) => l.line)).toEqual(['hi']);
  });

  it('holds a pod whose PID 1 ignores SIGTERM for the grace period', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('sleeper', 'busybox', { container: { command: ['sleep', '3600'] } }));
    advance(c, 30_000);
    c.store.tx(() => {
      const p = c.store.get('pods', 'default', 'sleeper')!;
      p.metadata.deletionTimestamp = new Date(c.simNow + 30_000).toISOString();
      p.metadata.deletionGracePeriodSeconds = 30;
      c.store.update('pods', p);
    });
    c.settle();
    advance(c, 29_000);
    expect(c.store.get('pods', 'default', 'sleeper')).toBeDefined();
    advance(c, 2_000);
    expect(c.store.get('pods', 'default', 'sleeper')).toBeUndefined();
  });
});

describe('scheduler', () => {
  it('never places ordinary pods on the tainted control-plane node', () => {
    const c = newCluster();
    for (let i = 0; i < 6; i++) createObject(c, 'pods', newPod(`p${i}`));
    const nodes = c.store.list('pods', 'default').map((p) => p.spec.nodeName);
    expect(nodes).not.toContain('k8s-master01');
    expect(new Set(nodes).size).toBe(2);
  });

  it('keeps a pod Pending when no node fits its CPU request', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('huge', 'nginx:1.25', { container: { resources: { requests: { cpu: '64' } } } }));
    const pod = c.store.get('pods', 'default', 'huge')!;
    expect(pod.spec.nodeName).toBeUndefined();
    const cond = pod.status.conditions.find((x: any) => x.type === 'PodScheduled');
    expect(cond.reason).toBe('Unschedulable');
    expect(cond.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it('honours nodeSelector', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('pinned', 'nginx:1.25', { spec: { nodeSelector: { 'kubernetes.io/hostname': 'k8s-node02' } } }));
    expect(c.store.get('pods', 'default', 'pinned')!.spec.nodeName).toBe('k8s-node02');
  });
});
