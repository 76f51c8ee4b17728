/**
 * The probe docs' examples whose images are agnhost and goproxy, through
 * the CLI. liveness-http returns 500 on /healthz once 10 s have passed,
 * so the kubelet kills it after three failed probes and restarts it, with
 * exit code 2 (a Go program that dies of SIGTERM as PID 1). goproxy listens
 * on 8080, so its tcpSocket probes pass and it becomes ready after the
 * initial delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

const TCP_LIVENESS_READINESS = `apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
`;

const EVENTS_HEADER = [
  'Events:',
  '  Type     Reason     Age               From               Message',
  '  ----     ------     ----              ----               -------',
];

describe('the probe docs images through the CLI', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('docs', args);
  const events = (pod: string) => {
    const out = on('describe', 'pod', pod).stdout;
    return out.slice(out.indexOf('Events:'));
  };
  const podIP = (pod: string) => on('get', 'pod', pod, '-o', 'jsonpath={.status.podIP}').stdout;

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'docs', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('pulls agnhost and probes liveness-http until /healthz fails', () => {
    expect(sb.on('docs', ['apply', '-f', '-'], { input: HTTP_LIVENESS }).stdout).toBe('pod/liveness-http created\n');
    on('clock', 'advance', '20s');
    expect(on('get', 'pod', 'liveness-http').stdout).toBe('NAME            READY   STATUS    RESTARTS   AGE\nliveness-http   1/1     Running   0          20s\n');
    // Started at 5 s: the probes at 3, 6 and 9 s of its run pass, the one at 12 s gets the first 500.
    expect(events('liveness-http')).toBe([
      ...EVENTS_HEADER.map((line) => line.replace('Age               ', 'Age   ').replace('----              ', '----  ')),
      '  Normal   Scheduled  20s   default-scheduler  Successfully assigned default/liveness-http to k8s-node02',
      '  Normal   Pulling    20s   kubelet            Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.40"',
      '  Normal   Pulled     16s   kubelet            Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 4s (4s including waiting). Image size: 127485230 bytes.',
      '  Normal   Created    15s   kubelet            Created container: liveness',
      '  Normal   Started    15s   kubelet            Started container liveness',
      '  Warning  Unhealthy  2s    kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500',
      '',
    ].join('\n'));
  });

  it('kills liveness-http after three failures and restarts it', () => {
    on('clock', 'advance', '10s');
    expect(on('get', 'pod', 'liveness-http').stdout).toBe('NAME            READY   STATUS    RESTARTS     AGE\nliveness-http   1/1     Running   1 (6s ago)   30s\n');
    expect(events('liveness-http')).toBe([
      ...EVENTS_HEADER,
      '  Normal   Scheduled  30s               default-scheduler  Successfully assigned default/liveness-http to k8s-node02',
      '  Normal   Pulling    30s               kubelet            Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.40"',
      '  Normal   Pulled     26s               kubelet            Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 4s (4s including waiting). Image size: 127485230 bytes.',
      '  Warning  Unhealthy  6s (x3 over 12s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500',
      '  Normal   Killing    6s                kubelet            Container liveness failed liveness probe, will be restarted',
      '  Normal   Pulled     6s                kubelet            Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine',
      '  Normal   Created    5s (x2 over 25s)  kubelet            Created container: liveness',
      '  Normal   Started    5s (x2 over 25s)  kubelet            Started container liveness',
      '',
    ].join('\n'));
    const jsonpath = '{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}';
    expect(on('get', 'pod', 'liveness-http', '-o', `jsonpath=${jsonpath}`).stdout).toBe('Error 2');
  });

  it('keeps restarting liveness-http as time goes on', () => {
    on('clock', 'advance', '60s');
    expect(on('get', 'pod', 'liveness-http').stdout).toBe('NAME            READY   STATUS    RESTARTS      AGE\nliveness-http   1/1     Running   3 (30s ago)   90s\n');
    const lines = events('liveness-http').split('\n');
    expect(lines).toContain('  Warning  Unhealthy  30s (x9 over 72s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(lines).toContain('  Normal   Killing    30s (x3 over 66s)  kubelet            Container liveness failed liveness probe, will be restarted');
  });

  it('answers /healthz on 8080 only, with ok and then 500', () => {
    expect(sb.on('docs', ['run', 'box', '--image=busybox', '--', 'sleep', '3600']).code).toBe(0);
    on('clock', 'advance', '10s');
    // The container that started 3 s before the last check has run 13 s by now.
    const ip = podIP('liveness-http');
    const late = on('exec', 'box', '--', 'wget', '-qO-', `http://${ip}:8080/healthz`);
    expect([late.stdout, late.stderr, late.code]).toEqual(['', 'wget: server returned error: HTTP/1.1 500 Internal Server Error\ncommand terminated with exit code 1\n', 1]);
    const other = on('exec', 'box', '--', 'wget', '-qO-', `http://${ip}/healthz`);
    expect(other.stderr).toBe(`wget: can't connect to remote host (${ip}): Connection refused\ncommand terminated with exit code 1\n`);
  });

  it('makes goproxy ready once its tcpSocket probes run after 15 s', () => {
    expect(sb.on('docs', ['apply', '-f', '-'], { input: TCP_LIVENESS_READINESS }).stdout).toBe('pod/goproxy created\n');
    // The container starts at 5 s, so no probe can have run by 19 s.
    on('clock', 'advance', '19s');
    expect(on('get', 'pod', 'goproxy').stdout).toBe('NAME      READY   STATUS    RESTARTS   AGE\ngoproxy   0/1     Running   0          19s\n');
    on('clock', 'advance', '11s');
    expect(on('get', 'pod', 'goproxy').stdout).toBe('NAME      READY   STATUS    RESTARTS   AGE\ngoproxy   1/1     Running   0          30s\n');
    expect(events('goproxy')).not.toContain('Unhealthy');
  });

  it('keeps a tcpSocket probe on a port goproxy does not listen on failing', () => {
    const wrongPort = TCP_LIVENESS_READINESS.replace('name: goproxy\n  labels', 'name: goproxy-9090\n  labels').replace(/port: 8080/g, 'port: 9090');
    expect(sb.on('docs', ['apply', '-f', '-'], { input: wrongPort }).stdout).toBe('pod/goproxy-9090 created\n');
    on('clock', 'advance', '30s');
    expect(on('get', 'pod', 'goproxy-9090', '--no-headers').stdout).toBe('goproxy-9090   0/1   Running   0     30s\n');
    const ip = podIP('goproxy-9090');
    expect(events('goproxy-9090')).toContain(`Readiness probe failed: dial tcp ${ip}:9090: connect: connection refused`);
  });

  it('crashes an agnhost container whose subcommand does not exist', () => {
    expect(sb.on('docs', ['run', 'typo', '--image=registry.k8s.io/e2e-test-images/agnhost:2.40', '--', 'livenes']).code).toBe(0);
    on('clock', 'advance', '10s');
    expect(on('logs', 'typo').stdout).toBe('Error: unknown command "livenes" for "app"\n\nDid you mean this?\n\tliveness\n\n');
    expect(on('get', 'pod', 'typo', '-o', 'jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}').stdout).toBe('1');
  });
});
