import { describe, expect, it } from 'vitest';
import { START, advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { eventsOf } from '../controllers/helpers.js';
import { podCells } from '../../src/printers/pod-status.js';
import type { ContainerRecord } from '../../src/kubelet/state.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

/** The docs' and tutorials' liveness-exec container: healthy for 30 s, then its health file is gone. */
const LIVENESS_EXEC = {
  command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
  livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
};

function pod(c: Cluster, name: string): KObject {
  return c.store.get('pods', 'default', name)!;
}

function rec(c: Cluster, name: string): ContainerRecord {
  return (pod(c, name)._sim as any).containers.main;
}

function cells(c: Cluster, name: string) {
  return podCells(pod(c, name), c.simNow, 132);
}

function advanceTo(c: Cluster, at: number): void {
  advance(c, at - c.simNow);
}

/** Returns the pod's event with this reason as `count first..last` in seconds after START, with its message. */
function event(c: Cluster, name: string, reason: string): string | undefined {
  const e = c.store.list('events', 'default').find((x) => x.involvedObject?.uid === pod(c, name).metadata.uid && x.reason === reason);
  if (!e) return undefined;
  const s = (t: string) => (Date.parse(t) - START) / 1000;
  return `${e.count} ${s(e.firstTimestamp)}..${s(e.lastTimestamp)} ${e.message}`;
}

/** Creates a pod and advances until its container first runs; returns the run's start time. */
function startPod(c: Cluster, name: string, image: string, container: any, spec: any = {}): number {
  createObject(c, 'pods', newPod(name, image, { container, spec }));
  advance(c, 10_000);
  return rec(c, name).startedAt!;
}

describe('liveness probes', () => {
  it('kills and restarts a container whose exec probe fails three times', () => {
    const c = newCluster();
    const started = startPod(c, 'ex', 'busybox', LIVENESS_EXEC);
    // The pod was admitted at START, so the worker ticks every 5 s from START; the file goes 30 s after the start.
    expect(started).toBe(START + 5_300);
    advanceTo(c, START + 49_000);
    expect(event(c, 'ex', 'Unhealthy')).toBe("2 40..45 Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(event(c, 'ex', 'Killing')).toBeUndefined();
    advanceTo(c, START + 50_000);
    expect(event(c, 'ex', 'Unhealthy')).toBe("3 40..50 Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(event(c, 'ex', 'Killing')).toBe('1 50..50 Container main failed liveness probe, will be restarted');

    // sh ignores SIGTERM, so it runs until the SIGKILL at the end of the 30 s grace period.
    advanceTo(c, START + 79_000);
    expect(cells(c, 'ex')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });

    // busybox without a tag is pulled again (4 s), then started (1 s).
    advanceTo(c, START + 85_000);
    const status = pod(c, 'ex').status.containerStatuses[0];
    expect(status.restartCount).toBe(1);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error', startedAt: '2022-05-31T07:00:05Z', finishedAt: '2022-05-31T07:01:20Z' });
    expect(status.state.running).toEqual({ startedAt: '2022-05-31T07:01:25Z' });
    expect(event(c, 'ex', 'Pulling')).toBe('2 0..80 Pulling image "busybox"');
    expect(event(c, 'ex', 'Started')).toBe('2 5..85 Started container main');
    expect(eventsOf(c, pod(c, 'ex'))).toEqual([
      'Normal Scheduled Successfully assigned default/ex to k8s-node02',
      'Normal Pulling Pulling image "busybox"',
      'Normal Pulled Successfully pulled image "busybox" in 4s (4s including waiting). Image size: 4269034 bytes.',
      'Normal Created Created container: main',
      'Normal Started Started container main',
      "Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
      'Normal Killing Container main failed liveness probe, will be restarted',
    ]);
  });

  it('probes the new container from its initial delay and counts failures afresh', () => {
    const c = newCluster();
    startPod(c, 'ex', 'busybox', LIVENESS_EXEC);
    advanceTo(c, START + 85_000);
    // The new run starts at 1:25 without the pod's start offset and removes its file at 1:55, a tick, so the probes at 1:55, 2:00 and 2:05 fail.
    advanceTo(c, START + 124_000);
    expect(event(c, 'ex', 'Killing')).toBe('1 50..50 Container main failed liveness probe, will be restarted');
    advanceTo(c, START + 125_000);
    expect(event(c, 'ex', 'Unhealthy')).toBe("6 40..125 Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(event(c, 'ex', 'Killing')).toBe('2 50..125 Container main failed liveness probe, will be restarted');
  });

  it('stops a server that handles SIGTERM at once, which then shows Completed', () => {
    const c = newCluster();
    startPod(c, 'tcp', 'nginx:1.25', { livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 3 } });
    // The start comes at 5.3 s, so the first tick past the 5 s delay is at 12 s.
    advanceTo(c, START + 18_000);
    expect(event(c, 'tcp', 'Unhealthy')).toBe('3 12..18 Liveness probe failed: dial tcp 10.244.2.2:8080: connect: connection refused');
    expect(event(c, 'tcp', 'Killing')).toBe('1 18..18 Container main failed liveness probe, will be restarted');
    // nginx stops 100 ms after SIGTERM; the image is present, so the restart takes the start time (1 s).
    advanceTo(c, START + 19_100);
    const status = pod(c, 'tcp').status.containerStatuses[0];
    expect(status.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: '2022-05-31T07:00:18Z' });
    expect(status.restartCount).toBe(1);
  });

  it('restarts a cleanly stopped server under restartPolicy OnFailure', () => {
    const c = newCluster();
    startPod(c, 'tcp', 'nginx:1.25', { livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 3 } }, { restartPolicy: 'OnFailure' });
    advanceTo(c, START + 19_100);
    expect(pod(c, 'tcp').status.containerStatuses[0].restartCount).toBe(1);
    expect(cells(c, 'tcp')).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (1s ago)' });
  });

  it('does not restart a container under restartPolicy Never', () => {
    const c = newCluster();
    startPod(c, 'ex', 'busybox', LIVENESS_EXEC, { restartPolicy: 'Never' });
    advanceTo(c, START + 90_000);
    expect(event(c, 'ex', 'Killing')).toBe('1 50..50 Container main failed liveness probe');
    expect(pod(c, 'ex').status.phase).toBe('Failed');
    expect(cells(c, 'ex')).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
  });
});

describe('readiness probes', () => {
  it('keeps a container not ready while its HTTP probe gets 404', () => {
    const c = newCluster();
    startPod(c, 'web', 'nginx:1.25', { readinessProbe: { httpGet: { path: '/index1.html', port: 80 }, initialDelaySeconds: 1, periodSeconds: 3 } });
    advanceTo(c, START + 20_000);
    expect(cells(c, 'web')).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    const ready = pod(c, 'web').status.conditions.find((x: any) => x.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [main]' });
    expect(pod(c, 'web').status.containerStatuses[0]).toMatchObject({ ready: false, started: true });
    // The delay of 1 s ends at 6.3 s, so the probes come at 9, 12, 15 and 18 s.
    expect(event(c, 'web', 'Unhealthy')).toBe('4 9..18 Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('makes a container ready at the first tick after the initial delay', () => {
    const c = newCluster();
    const started = startPod(c, 'web', 'nginx:1.25', { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 10, periodSeconds: 10 } });
    expect(started).toBe(START + 5_300);
    advanceTo(c, START + 19_999);
    expect(cells(c, 'web').ready).toBe('0/1');
    advanceTo(c, START + 20_000);
    expect(cells(c, 'web').ready).toBe('1/1');
    expect(event(c, 'web', 'Unhealthy')).toBeUndefined();
  });

  it("reaches an unknown image's server on any port when the container declares none", () => {
    const c = newCluster();
    startPod(c, 'api', 'registry.example.com/team/api:1.0', { readinessProbe: { tcpSocket: { port: 8080 } } });
    expect(rec(c, 'api').serves).toBe('generic-http');
    expect(cells(c, 'api').ready).toBe('1/1');
  });

  it("reaches an unknown image's server only on 80 and its declared ports when it declares some", () => {
    const c = newCluster();
    startPod(c, 'declared', 'registry.example.com/team/api:1.0', { ports: [{ containerPort: 9000 }], readinessProbe: { tcpSocket: { port: 9000 } } });
    expect(cells(c, 'declared').ready).toBe('1/1');
    startPod(c, 'elsewhere', 'registry.example.com/team/api:1.0', { ports: [{ containerPort: 9000 }], readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } });
    advance(c, 10_000);
    expect(cells(c, 'elsewhere').ready).toBe('0/1');
    expect(event(c, 'elsewhere', 'Unhealthy')).toMatch(/^\d+ [\d.]+\.\.[\d.]+ Readiness probe failed: dial tcp [\d.]+:8080: connect: connection refused$/);
  });

  it('readies a container at its start without delay', () => {
    const c = newCluster();
    startPod(c, 'web', 'nginx:1.25', { readinessProbe: { tcpSocket: { port: 80 } } });
    expect(cells(c, 'web').ready).toBe('1/1');
  });

  it('needs successThreshold passes in a row', () => {
    const c = newCluster();
    startPod(c, 'web', 'nginx:1.25', { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, successThreshold: 3 } });
    // Probes at the start (5.3 s), 10 s and 15 s.
    advanceTo(c, START + 14_999);
    expect(cells(c, 'web').ready).toBe('0/1');
    advanceTo(c, START + 15_000);
    expect(cells(c, 'web').ready).toBe('1/1');
  });

  it('costs no pod sync once an always-passing probe has passed', () => {
    const c = newCluster();
    startPod(c, 'web', 'nginx:1.25', {
      readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 },
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 },
    });
    advance(c, 5_000);
    expect(rec(c, 'web').probeWake).toBeUndefined();
    expect(c.store.hasTimer('kubelet', 'default/web')).toBe(false);
  });

  it('costs no pod sync once exec probes pass and no file changes', () => {
    const c = newCluster();
    for (let i = 0; i < 10; i++) {
      createObject(c, 'pods', newPod(`ex${i}`, 'busybox:1.36', { container: {
        command: ['sh', '-c', 'touch /tmp/healthy; sleep infinity'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 1 },
        readinessProbe: { exec: { command: ['test', '-e', '/tmp/healthy'] }, periodSeconds: 1 },
      } }));
    }
    advance(c, 10_000);
    for (let i = 0; i < 10; i++) expect(c.store.hasTimer('kubelet', `default/ex${i}`)).toBe(false);
    advance(c, 60_000);
    expect(cells(c, 'ex9')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(event(c, 'ex9', 'Unhealthy')).toBeUndefined();
  });
});

describe('exec probe commands', () => {
  it('fail with the runtime timeout message when they outlast timeoutSeconds', () => {
    const c = newCluster();
    startPod(c, 'slow', 'busybox:1.36', { command: ['sleep', '3600'], readinessProbe: { exec: { command: ['sleep', '2'] }, periodSeconds: 10 } });
    // Event times have whole seconds: the probes ran at the start (5.3 s) and at 10 s.
    expect(event(c, 'slow', 'Unhealthy')).toBe('2 5..10 Readiness probe failed: command "sleep 2" timed out');
  });

  it('report a command the image lacks as an errored probe', () => {
    const c = newCluster();
    startPod(c, 'nocurl', 'busybox:1.36', { command: ['sleep', '3600'], readinessProbe: { exec: { command: ['curl', 'localhost'] } } });
    const message = event(c, 'nocurl', 'Unhealthy')!;
    expect(message).toMatch(/^1 5\.\.5 Readiness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": /);
    expect(message.endsWith('OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown')).toBe(true);
  });
});

describe('startup probes', () => {
  it('hold off the readiness probe and keep started false until they pass', () => {
    const c = newCluster();
    startPod(c, 'st', 'busybox:1.36', {
      command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 10, failureThreshold: 5 },
      readinessProbe: { exec: { command: ['true'] }, periodSeconds: 10 },
    });
    advanceTo(c, START + 29_999);
    expect(pod(c, 'st').status.containerStatuses[0]).toMatchObject({ ready: false, started: false });
    expect(event(c, 'st', 'Unhealthy')).toBe("2 10..20 Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n");
    advanceTo(c, START + 30_000);
    expect(pod(c, 'st').status.containerStatuses[0]).toMatchObject({ ready: false, started: true });
    advanceTo(c, START + 40_000);
    expect(pod(c, 'st').status.containerStatuses[0]).toMatchObject({ ready: true, started: true });
  });

  it('kill the container when they fail failureThreshold times', () => {
    const c = newCluster();
    startPod(c, 'st', 'busybox:1.36', {
      command: ['sleep', '3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 10, failureThreshold: 2 },
    });
    advanceTo(c, START + 20_000);
    expect(event(c, 'st', 'Killing')).toBe('1 20..20 Container main failed startup probe, will be restarted');
  });
});

describe('pods without probes', () => {
  it('keep no probe state in the kubelet record', () => {
    const c = newCluster();
    startPod(c, 'plain', 'nginx:1.25', {});
    expect(Object.keys(rec(c, 'plain')).filter((k) => /probe|unready|unstarted|fileChanges/.test(k))).toEqual([]);
  });
});
