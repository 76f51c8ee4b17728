import { describe, expect, it } from 'vitest';
import { START, advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { eventsOf } from '../controllers/helpers.js';
import { hasHooks } from '../../src/kubelet/lifecycle-hooks.js';
import type { ContainerRecord } from '../../src/kubelet/state.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

function pod(c: Cluster, name: string): KObject {
  return c.store.get('pods', 'default', name)!;
}

function rec(c: Cluster, name: string): ContainerRecord {
  return (pod(c, name)._sim as any).containers.main;
}

/**
 * Creates a pod of myapp with `container` fields and advances `ms`. The
 * pull takes 4 s and the container starts at 5.3 s. A container killed by
 * its postStart hook has stopped by 6 s and restarts at 7.4 s.
 */
function startPod(c: Cluster, name: string, container: any, ms = 6_000): void {
  createObject(c, 'pods', newPod(name, 'hub.atguigu.com/library/myapp:v1', { container: { imagePullPolicy: 'IfNotPresent', ...container } }));
  advance(c, ms);
}

describe('lifecycle hooks on the kubelet', () => {
  it('hasHooks needs a lifecycle', () => {
    expect(hasHooks({ name: 'a', image: 'nginx' })).toBe(false);
    expect(hasHooks({ name: 'a', image: 'nginx', lifecycle: { preStop: { sleep: { seconds: 1 } } } })).toBe(true);
  });

  it('httpGet postStart fails without a listener', () => {
    const c = newCluster();
    startPod(c, 'hp', { lifecycle: { postStart: { httpGet: { path: '/start', port: 8080 } } } });
    const p = pod(c, 'hp');
    const ip = p.status.podIP;
    expect(rec(c, 'hp').waitingMessage).toBe(
      `HTTP lifecycle hook (/start) for Container "main" in Pod "hp_default(${p.metadata.uid})" failed - error: Get "http://${ip}:8080/start": dial tcp ${ip}:8080: connect: connection refused`,
    );
    expect(eventsOf(c, p)).toContain('Warning FailedPostStartHook PostStartHook failed');
  });

  it('httpGet postStart ignores a 404', () => {
    const c = newCluster();
    startPod(c, 'h404', { lifecycle: { postStart: { httpGet: { path: '/missing.html', port: 80 } } } });
    expect(pod(c, 'h404').status.containerStatuses[0].state.running).toBeDefined();
    expect(eventsOf(c, pod(c, 'h404')).filter((e) => e.includes('Hook'))).toEqual([]);
  });

  it('liveness kill runs preStop first', () => {
    const c = newCluster();
    startPod(c, 'lp', {
      livenessProbe: { httpGet: { path: '/missing.html', port: 80 }, periodSeconds: 3 },
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
    }, 13_000);
    // The probes at 6, 9 and 12 s after admission fail; the third kills. The hook sleeps 5 s, then myapp stops in 0.1 s.
    const killed = START + 12_000;
    expect(rec(c, 'lp').exitAt).toBe(killed + 5_000 + 100);
    advance(c, killed + 5_099 - c.simNow);
    expect(rec(c, 'lp').restarts).toBe(0);
    advance(c, 1);
    expect(rec(c, 'lp').last).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: killed + 5_100 });
  });

  it('sidecar stop runs preStop first', () => {
    const c = newCluster();
    const sidecar = { name: 'proxy', image: 'hub.atguigu.com/library/myapp:v1', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 3 } } } };
    createObject(c, 'pods', newPod('sc', 'busybox', { container: { command: ['sh', '-c', 'sleep 2'] }, spec: { restartPolicy: 'Never', initContainers: [sidecar] } }));
    advance(c, 60_000);
    const p = pod(c, 'sc');
    const killing = c.store.list('events', 'default').find((e) => e.involvedObject?.uid === p.metadata.uid && e.reason === 'Killing');
    expect(killing?.message).toBe('Stopping container proxy');
    // The hook sleeps 3 s, then myapp stops 0.1 s after SIGTERM. The event's time has whole seconds, so the kill came up to 1 s after it.
    const proxy = (p._sim as any).containers.proxy as ContainerRecord;
    const afterEvent = proxy.last!.finishedAt - Date.parse(killing!.firstTimestamp);
    expect(afterEvent).toBeGreaterThanOrEqual(3_100);
    expect(afterEvent).toBeLessThan(4_100);
  });

  it('postStart failure wording on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    startPod(c, 'old', { lifecycle: { postStart: { exec: { command: ['sh', '-c', 'exit 2'] } } } });
    const p = pod(c, 'old');
    const message = `Exec lifecycle hook ([sh -c exit 2]) for Container "main" in Pod "old_default(${p.metadata.uid})" failed - error: command 'sh -c exit 2' exited with 2: , message: ""`;
    expect(eventsOf(c, p)).toContain(`Warning FailedPostStartHook ${message}`);
    expect(rec(c, 'old').waitingReason).toBe("PostStartHookError: command 'sh -c exit 2' exited with 2: ");
  });

  it('exec postStart without the executable', () => {
    const c = newCluster();
    startPod(c, 'nx', { lifecycle: { postStart: { exec: { command: ['bash', '-c', 'true'] } } } });
    expect(rec(c, 'nx').waitingMessage).toMatch(
      /^Exec lifecycle hook \(\[bash -c true\]\) for Container "main" in Pod "nx_default\([-0-9a-f]+\)" failed - error: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown, message: ""$/,
    );
  });
});
