/**
 * The tutorials' probe pods through the CLI. liveness-exec loses its health
 * file after 30 s, so it is killed after three failed probes and restarted.
 * readiness-httpget-pod requests a page nginx does not have, so it stays 0/1
 * until an exec writes the page. `describe` counts the repeated Unhealthy
 * events as kubectl prints them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const READINESS_HTTPGET = `apiVersion: v1
kind: Pod
metadata:
  name: readiness-httpget-pod
  labels:
    app: web
spec:
  containers:
  - name: readiness-httpget-container
    image: hub.atguigu.com/library/myapp:v1
    imagePullPolicy: IfNotPresent
    readinessProbe:
      httpGet:
        port: 80
        path: /index1.html
      initialDelaySeconds: 1
      periodSeconds: 3
`;

const LIVENESS_HTTPGET = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-httpget-pod
spec:
  containers:
  - name: liveness-httpget-container
    image: hub.atguigu.com/library/myapp:v1
    imagePullPolicy: IfNotPresent
    ports:
    - name: http
      containerPort: 80
    livenessProbe:
      httpGet:
        port: http
        path: /index.html
      initialDelaySeconds: 1
      periodSeconds: 3
      timeoutSeconds: 10
`;

describe('probes through the CLI', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('pr', args);
  const events = (pod: string) => {
    const out = on('describe', 'pod', pod).stdout;
    return out.slice(out.indexOf('Events:'));
  };

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'pr', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('rejects an invalid probe and leaves the store unchanged', () => {
    const before = sb.dump('pr');
    const bad = LIVENESS_EXEC.replace('periodSeconds: 5', 'periodSeconds: 5\n      successThreshold: 2').replace('      exec:\n        command: [cat, /tmp/healthy]\n', '');
    const r = sb.on('pr', ['apply', '-f', '-'], { input: bad });
    expect(r.stderr).toBe([
      'The Pod "liveness-exec" is invalid: ',
      '* spec.containers[0].livenessProbe: Required value: must specify a handler type',
      '* spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    expect(sb.dump('pr')).toBe(before);
  });

  it('restarts liveness-exec after three failed probes', () => {
    expect(sb.on('pr', ['apply', '-f', '-'], { input: LIVENESS_EXEC }).stdout).toBe('pod/liveness-exec created\n');
    on('clock', 'advance', '50s');
    expect(on('get', 'pod', 'liveness-exec').stdout).toBe('NAME            READY   STATUS    RESTARTS   AGE\nliveness-exec   1/1     Running   0          50s\n');
    expect(events('liveness-exec')).toBe([
      'Events:',
      '  Type     Reason     Age               From               Message',
      '  ----     ------     ----              ----               -------',
      '  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/liveness-exec to k8s-node02',
      '  Normal   Pulling    50s               kubelet            Pulling image "busybox"',
      '  Normal   Pulled     46s               kubelet            Successfully pulled image "busybox" in 4s (4s including waiting). Image size: 4269034 bytes.',
      '  Normal   Created    45s               kubelet            Created container: liveness',
      '  Normal   Started    45s               kubelet            Started container liveness',
      "  Warning  Unhealthy  0s (x3 over 10s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      '  Normal   Killing    0s                kubelet            Container liveness failed liveness probe, will be restarted',
      '',
    ].join('\n'));
    // sh ignores SIGTERM: the SIGKILL comes 30 s later, then the image is pulled again (4 s) and the container started (1 s).
    on('clock', 'advance', '35s');
    expect(on('get', 'pod', 'liveness-exec').stdout).toBe('NAME            READY   STATUS    RESTARTS     AGE\nliveness-exec   1/1     Running   1 (5s ago)   85s\n');
    const jsonpath = '{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].restartCount}';
    expect(on('get', 'pod', 'liveness-exec', '-o', `jsonpath=${jsonpath}`).stdout).toBe('Error 137 1');
  });

  it('keeps readiness-httpget-pod not ready and out of its Service', () => {
    expect(sb.on('pr', ['apply', '-f', '-'], { input: READINESS_HTTPGET }).stdout).toBe('pod/readiness-httpget-pod created\n');
    expect(on('expose', 'pod', 'readiness-httpget-pod', '--port=80').code).toBe(0);
    on('clock', 'advance', '20s');
    expect(on('get', 'pod', 'readiness-httpget-pod').stdout).toBe('NAME                    READY   STATUS    RESTARTS   AGE\nreadiness-httpget-pod   0/1     Running   0          20s\n');
    expect(on('get', 'pod', 'readiness-httpget-pod', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].message}').stdout).toBe('containers with unready status: [readiness-httpget-container]');
    // The Endpoints list the pod's address as not ready, which the ENDPOINTS column leaves out.
    expect(on('get', 'endpoints', 'readiness-httpget-pod').stdout).toBe('NAME                    ENDPOINTS   AGE\nreadiness-httpget-pod   <none>      20s\n');
    expect(on('get', 'endpoints', 'readiness-httpget-pod', '-o', 'jsonpath={.subsets[0].notReadyAddresses[0].targetRef.name}').stdout).toBe('readiness-httpget-pod');
    expect(events('readiness-httpget-pod').split('\n').at(-2)).toBe('  Warning  Unhealthy  2s (x4 over 11s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('makes readiness-httpget-pod ready once an exec writes the page', () => {
    expect(on('exec', 'readiness-httpget-pod', '--', 'sh', '-c', 'echo 123 >> /usr/share/nginx/html/index1.html').code).toBe(0);
    expect(on('exec', 'readiness-httpget-pod', '--', 'cat', '/usr/share/nginx/html/index1.html').stdout).toBe('123\n');
    // The probes come every 3 s; the next one gets the page.
    on('clock', 'advance', '3s');
    expect(on('get', 'pod', 'readiness-httpget-pod').stdout).toBe('NAME                    READY   STATUS    RESTARTS   AGE\nreadiness-httpget-pod   1/1     Running   0          23s\n');
    expect(on('get', 'endpoints', 'readiness-httpget-pod', '-o', 'jsonpath={.subsets[0].addresses[0].targetRef.name}').stdout).toBe('readiness-httpget-pod');
  });

  it('takes readiness-httpget-pod out again after failureThreshold failures', () => {
    expect(on('exec', 'readiness-httpget-pod', '--', 'rm', '/usr/share/nginx/html/index1.html').code).toBe(0);
    // Probes at 24, 27 and 30 s fail; the third one reaches the default failureThreshold of 3.
    on('clock', 'advance', '6s');
    expect(on('get', 'pod', 'readiness-httpget-pod', '--no-headers').stdout).toBe('readiness-httpget-pod   1/1   Running   0     29s\n');
    on('clock', 'advance', '1s');
    expect(on('get', 'pod', 'readiness-httpget-pod', '--no-headers').stdout).toBe('readiness-httpget-pod   0/1   Running   0     30s\n');
  });

  it('restarts liveness-httpget-pod once an exec removes the page it probes', () => {
    expect(sb.on('pr', ['apply', '-f', '-'], { input: LIVENESS_HTTPGET }).stdout).toBe('pod/liveness-httpget-pod created\n');
    on('clock', 'advance', '10s');
    expect(on('exec', 'liveness-httpget-pod', '--', 'rm', '-rf', '/usr/share/nginx/html/index.html').code).toBe(0);
    on('clock', 'advance', '10s');
    expect(on('get', 'pod', 'liveness-httpget-pod').stdout).toBe('NAME                   READY   STATUS    RESTARTS     AGE\nliveness-httpget-pod   1/1     Running   1 (2s ago)   20s\n');
    // The rm came at 10 s, so the probes at 12, 15 and 18 s got 404. nginx stops at once, and the image is present.
    expect(events('liveness-httpget-pod')).toBe([
      'Events:',
      '  Type     Reason     Age               From               Message',
      '  ----     ------     ----              ----               -------',
      '  Normal   Scheduled  20s               default-scheduler  Successfully assigned default/liveness-httpget-pod to k8s-node01',
      '  Normal   Pulled     2s (x2 over 20s)  kubelet            Container image "hub.atguigu.com/library/myapp:v1" already present on machine',
      '  Warning  Unhealthy  2s (x3 over 8s)   kubelet            Liveness probe failed: HTTP probe failed with statuscode: 404',
      '  Normal   Killing    2s                kubelet            Container liveness-httpget-container failed liveness probe, will be restarted',
      '  Normal   Created    1s (x2 over 19s)  kubelet            Created container: liveness-httpget-container',
      '  Normal   Started    1s (x2 over 19s)  kubelet            Started container liveness-httpget-container',
      '',
    ].join('\n'));
    // The new container starts from its image, with the page back.
    expect(on('exec', 'liveness-httpget-pod', '--', 'cat', '/usr/share/nginx/html/index.html').stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
  });
});
