/**
 * Container lifecycle hooks through the CLI. The docs' lifecycle-demo pod
 * writes a file from its postStart hook that `kubectl exec` reads. A
 * failing postStart hook kills the container into CrashLoopBackOff. When
 * the pod is deleted, preStop hooks delay the stop, fail or get cut off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const LIFECYCLE_DEMO = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
      preStop:
        exec:
          command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
`;

/** Builds a pod whose one container runs `main` with the given lifecycle (YAML under `lifecycle:`) and grace period. */
function hookPod(name: string, lifecycle: string, opts: { image?: string; main?: string; grace?: number } = {}): string {
  const main = opts.main ? `    command: ["/bin/sh", "-c", "${opts.main}"]\n` : '';
  const grace = opts.grace !== undefined ? `  terminationGracePeriodSeconds: ${opts.grace}\n` : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${grace}  containers:
  - name: app
    image: ${opts.image ?? 'nginx:1.27'}
    imagePullPolicy: IfNotPresent
${main}    lifecycle:
${lifecycle}`;
}

describe('lifecycle hooks through the CLI', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('lc', args);
  const apply = (manifest: string) => sb.on('lc', ['apply', '-f', '-'], { input: manifest });
  const events = (pod: string) => {
    const out = on('describe', 'pod', pod).stdout;
    return out.slice(out.indexOf('Events:'));
  };

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'lc', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('shows exec the postStart hook file', () => {
    expect(apply(LIFECYCLE_DEMO).stdout).toBe('pod/lifecycle-demo created\n');
    on('clock', 'advance', '20s');
    expect(on('get', 'pod', 'lifecycle-demo').stdout).toBe('NAME             READY   STATUS    RESTARTS   AGE\nlifecycle-demo   1/1     Running   0          20s\n');
    const r = on('exec', 'lifecycle-demo', '--', 'cat', '/usr/share/message');
    expect([r.stdout, r.stderr, r.code]).toEqual(['Hello from the postStart handler\n', '', 0]);
  });

  it('removes lifecycle-demo after preStop', () => {
    expect(on('delete', 'pod', 'lifecycle-demo', '--wait=false').stdout).toBe('pod "lifecycle-demo" deleted\n');
    // The hook ends at once (the image has no killall), and nginx stops 0.1 s after SIGTERM.
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'lifecycle-demo').stderr).toBe('Error from server (NotFound): pods "lifecycle-demo" not found\n');
  });

  it('kills on a failed postStart hook', () => {
    expect(apply(hookPod('poststart-fail', '      postStart:\n        exec:\n          command: ["/bin/sh", "-c", "echo starting; exit 1"]\n')).code).toBe(0);
    on('clock', 'advance', '6s');
    expect(on('get', 'pod', 'poststart-fail').stdout).toBe('NAME             READY   STATUS               RESTARTS   AGE\npoststart-fail   0/1     PostStartHookError   0          6s\n');
    const uid = on('get', 'pod', 'poststart-fail', '-o', 'jsonpath={.metadata.uid}').stdout;
    expect(on('get', 'pod', 'poststart-fail', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.message}').stdout).toBe(
      `Exec lifecycle hook ([/bin/sh -c echo starting; exit 1]) for Container "app" in Pod "poststart-fail_default(${uid})" failed - error: command '/bin/sh -c echo starting; exit 1' exited with 1: , message: "starting\\n"`,
    );
    on('clock', 'advance', '4s');
    expect(on('get', 'pod', 'poststart-fail', '--no-headers').stdout).toBe('poststart-fail   0/1   CrashLoopBackOff   1 (3s ago)   10s\n');
    expect(events('poststart-fail')).toBe([
      'Events:',
      '  Type     Reason               Age              From               Message',
      '  ----     ------               ----             ----               -------',
      '  Normal   Scheduled            10s              default-scheduler  Successfully assigned default/poststart-fail to k8s-node01',
      '  Normal   Pulling              10s              kubelet            Pulling image "nginx:1.27"',
      '  Normal   Pulled               6s               kubelet            Successfully pulled image "nginx:1.27" in 4s (4s including waiting). Image size: 192063326 bytes.',
      '  Normal   Pulled               4s               kubelet            Container image "nginx:1.27" already present on machine',
      '  Normal   Created              3s (x2 over 5s)  kubelet            Created container: app',
      '  Normal   Started              3s (x2 over 5s)  kubelet            Started container app',
      '  Warning  FailedPostStartHook  3s (x2 over 5s)  kubelet            PostStartHook failed',
      '  Normal   Killing              3s (x2 over 5s)  kubelet            FailedPostStartHook',
      '  Warning  BackOff              2s               kubelet            Back-off restarting failed container app in pod poststart-fail_default(' + uid + ')',
      '',
    ].join('\n'));
  });

  it('keeps a container unready during postStart', () => {
    expect(apply(hookPod('poststart-sleep', '      postStart:\n        sleep:\n          seconds: 5\n')).code).toBe(0);
    // The pull takes 4 s and the container starts at 5.x s. The hook then sleeps 5 s, so the container becomes ready at 10.x s.
    on('clock', 'advance', '6s');
    expect(on('get', 'pod', 'poststart-sleep', '--no-headers').stdout).toBe('poststart-sleep   0/1   Running   0     6s\n');
    on('clock', 'advance', '4s');
    expect(on('get', 'pod', 'poststart-sleep', '--no-headers').stdout).toBe('poststart-sleep   0/1   Running   0     10s\n');
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'poststart-sleep', '--no-headers').stdout).toBe('poststart-sleep   1/1   Running   0     11s\n');
  });

  it('delays deletion by a preStop sleep', () => {
    expect(apply(hookPod('prestop-sleep', '      preStop:\n        sleep:\n          seconds: 5\n')).code).toBe(0);
    on('clock', 'advance', '10s');
    on('delete', 'pod', 'prestop-sleep', '--wait=false');
    on('clock', 'advance', '5s');
    expect(on('get', 'pod', 'prestop-sleep', '--no-headers').stdout).toBe('prestop-sleep   1/1   Terminating   0     15s\n');
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'prestop-sleep').stderr).toBe('Error from server (NotFound): pods "prestop-sleep" not found\n');
  });

  it('cuts off preStop at the grace period', () => {
    const lifecycle = '      preStop:\n        exec:\n          command: ["sleep", "100"]\n';
    expect(apply(hookPod('prestop-slow', lifecycle, { image: 'busybox:1.36', main: 'sleep 3600', grace: 10 })).code).toBe(0);
    on('clock', 'advance', '10s');
    on('delete', 'pod', 'prestop-slow', '--wait=false');
    // sh ignores SIGTERM, so the SIGKILL comes at 10 s + 2 s.
    on('clock', 'advance', '11s');
    expect(on('get', 'pod', 'prestop-slow', '--no-headers').stdout).toBe('prestop-slow   1/1   Terminating   0     21s\n');
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'prestop-slow').stderr).toBe('Error from server (NotFound): pods "prestop-slow" not found\n');
  });

  it('records a failed preStop hook', () => {
    expect(apply(hookPod('prestop-fail', '      preStop:\n        exec:\n          command: ["/bin/sh", "-c", "exit 3"]\n')).code).toBe(0);
    on('clock', 'advance', '10s');
    on('delete', 'pod', 'prestop-fail', '--wait=false');
    expect(on('get', 'events', '--field-selector', 'involvedObject.name=prestop-fail', '--no-headers').stdout.split('\n').slice(-3)).toEqual([
      '0s    Normal    Killing             pod/prestop-fail   Stopping container app',
      '0s    Warning   FailedPreStopHook   pod/prestop-fail   PreStopHook failed',
      '',
    ]);
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'prestop-fail').stderr).toBe('Error from server (NotFound): pods "prestop-fail" not found\n');
  });

  it('rejects invalid lifecycle handlers', () => {
    const before = sb.dump('lc');
    const lifecycle = [
      '      postStart:',
      '        exec:',
      '          command: []',
      '        httpGet:',
      '          port: 80',
      '      preStop:',
      '        sleep:',
      '          seconds: 40',
      '',
    ].join('\n');
    const r = apply(hookPod('bad-hooks', lifecycle));
    expect(r.stderr).toBe([
      'The Pod "bad-hooks" is invalid: ',
      '* spec.containers[0].lifecycle.postStart.exec.command: Required value',
      '* spec.containers[0].lifecycle.postStart.httpGet: Forbidden: may not specify more than 1 handler type',
      '* spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    const empty = apply(hookPod('bad-hooks', '      postStart: {}\n      preStop:\n        httpGet:\n          port: 0\n'));
    expect(empty.stderr).toBe([
      'The Pod "bad-hooks" is invalid: ',
      '* spec.containers[0].lifecycle.postStart: Required value: must specify a handler type',
      '* spec.containers[0].lifecycle.preStop.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      '',
    ].join('\n'));
    expect(sb.dump('lc')).toBe(before);
  });
});
