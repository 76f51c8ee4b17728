import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Pods and workloads every version's cluster gets. */
const MANIFESTS = `apiVersion: v1
kind: Service
metadata: {name: app-svc}
spec:
  selector: {app: app}
  ports: [{name: http, port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: nosel}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: nginx, image: nginx, env: [{name: GREETING, value: hello}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bb}
spec:
  containers:
  - {name: main, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  containers:
  - {name: first, image: busybox, command: [sleep, '3600']}
  - {name: second, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: Pod
metadata:
  name: marked
  annotations: {kubectl.kubernetes.io/default-container: second}
spec:
  containers:
  - {name: first, image: busybox, command: [sleep, '3600']}
  - {name: second, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers:
  - {name: main, image: busybox, command: [echo, finished]}
---
apiVersion: v1
kind: Pod
metadata: {name: nopull}
spec:
  containers:
  - {name: main, image: 'busybox:9.99'}
---
apiVersion: v1
kind: Pod
metadata: {name: unscheduled}
spec:
  nodeSelector: {disk: none}
  containers:
  - {name: main, image: busybox}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: 2
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
      - {name: myapp, image: 'wangyanglinux/myapp:v2'}
`;

describe('exec', () => {
  const sb = new Sandbox();
  const versions: [string, string][] = [['new', '1.32'], ['mid', '1.29'], ['old', '1.20'], ['oldest', '1.17']];

  beforeAll(() => {
    const file = join(sb.home, 'all.yaml');
    writeFileSync(file, MANIFESTS);
    for (const [cluster, version] of versions) {
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
      expect(sb.on(cluster, ['apply', '-f', file]).code).toBe(0);
      expect(sb.on(cluster, ['clock', 'advance', '2m']).code).toBe(0);
    }
  });
  afterAll(() => sb.cleanup());

  describe('arguments', () => {
    it('requires a target', () => {
      expect(sb.on('new', ['exec'])).toEqual({ stdout: '', stderr: 'error: pod, type/name or --filename must be specified\n', code: 1 });
      expect(sb.on('new', ['exec', '--', 'date']).stderr).toBe('error: pod, type/name or --filename must be specified\n');
    });

    it('requires a command', () => {
      expect(sb.on('new', ['exec', 'bb'])).toEqual({ stdout: '', stderr: 'error: you must specify at least one command for the container\n', code: 1 });
      expect(sb.on('new', ['exec', 'bb', '--']).stderr).toBe('error: you must specify at least one command for the container\n');
    });

    it('rejects the dashless form on 1.32', () => {
      const r = sb.on('new', ['exec', 'bb', 'date']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    });

    it('runs the dashless form with a notice on 1.20', () => {
      const r = sb.on('old', ['exec', 'bb', 'hostname']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('bb\n');
      expect(r.stderr).toBe('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
    });

    it('prints the legacy usage on 1.17', () => {
      const r = sb.on('oldest', ['exec', '--', 'date']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("error: expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples\n");
      expect(sb.on('oldest', ['exec', 'bb', 'hostname']).stdout).toBe('bb\n');
    });

    it('rejects a zero pod running timeout', () => {
      const r = sb.on('new', ['exec', '--pod-running-timeout=0', 'bb', '--', 'date']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("error: --pod-running-timeout must be higher than zero\nSee 'kubectl exec -h' for help and examples\n");
    });

    it('creates no cluster on a usage error', () => {
      const fresh = new Sandbox();
      try {
        expect(fresh.run(['exec', 'bb', 'date']).code).toBe(1);
        expect(existsSync(join(fresh.home, 'clusters'))).toBe(false);
      } finally {
        fresh.cleanup();
      }
    });

    it('leaves the store unchanged', () => {
      const before = sb.dump('new');
      sb.on('new', ['exec', 'bb', 'date']);
      sb.on('new', ['exec', 'bb', '--', 'sh', '-c', 'cat /etc/hostname; exit 1']);
      sb.on('new', ['exec', 'nope', '--', 'date']);
      expect(sb.dump('new')).toBe(before);
    });

    it('keeps the files a command writes in the container', () => {
      expect(sb.on('new', ['exec', 'bb', '--', 'sh', '-c', 'echo changed > /tmp/x; exit 1']).code).toBe(1);
      expect(sb.on('new', ['exec', 'bb', '--', 'cat', '/tmp/x']).stdout).toBe('changed\n');
      expect(sb.on('new', ['exec', 'bb', '--', 'rm', '/tmp/x']).code).toBe(0);
      expect(sb.on('new', ['exec', 'bb', '--', 'cat', '/tmp/x']).stderr).toBe("cat: can't open '/tmp/x': No such file or directory\ncommand terminated with exit code 1\n");
    });
  });

  describe('targets', () => {
    it('reports a missing pod', () => {
      expect(sb.on('new', ['exec', 'nope', '--', 'date'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    });

    it('reports a missing deployment', () => {
      expect(sb.on('new', ['exec', 'deploy/nope', '--', 'date']).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    });

    it('runs in a pod of a deployment', () => {
      const r = sb.on('new', ['exec', 'deploy/app', '--', 'hostname']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^app-[a-z0-9]+-[a-z0-9]{5}\n$/);
    });

    it('runs in a pod behind a service', () => {
      const r = sb.on('new', ['exec', 'svc/app-svc', '--', 'cat', '/usr/share/nginx/html/index.html']);
      expect(r.stdout).toBe('Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n');
    });

    it('rejects a service without a selector', () => {
      const r = sb.on('new', ['exec', 'svc/nosel', '--', 'date']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("error: cannot attach to *v1.Service: invalid service 'nosel': Service is defined without a selector\n");
    });

    it('rejects a kind without pods', () => {
      expect(sb.on('new', ['create', 'configmap', 'cfg', '--from-literal=a=b']).code).toBe(0);
      expect(sb.on('new', ['exec', 'cm/cfg', '--', 'date']).stderr).toBe('error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
    });

    it('finds the pod a file names', () => {
      const file = join(sb.home, 'bb.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: bb}\n');
      expect(sb.on('new', ['exec', '-f', file, '--', 'hostname']).stdout).toBe('bb\n');
      expect(sb.on('new', ['exec', '-f', file, 'bb', '--', 'hostname']).stderr).toBe('error: when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well\n');
      expect(sb.on('new', ['exec', '-f', '-', '--', 'hostname'], { input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: bb}\n' }).stderr).toBe('error: cannot exec into multiple objects at a time\n');
    });

    it('rejects a completed pod', () => {
      const r = sb.on('new', ['exec', 'done', '--', 'date']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
    });

    it('rejects a pod without a node', () => {
      expect(sb.on('new', ['exec', 'unscheduled', '--', 'date']).stderr).toBe('Error from server (BadRequest): pod unscheduled does not have a host assigned\n');
    });
  });

  describe('containers', () => {
    it('defaults to the first container with a notice', () => {
      const r = sb.on('new', ['exec', 'two', '--', 'hostname']);
      expect(r.stdout).toBe('two\n');
      expect(r.stderr).toBe('Defaulted container "first" out of: first, second\n');
    });

    it('keeps quiet with -q', () => {
      expect(sb.on('new', ['exec', '-q', 'two', '--', 'hostname']).stderr).toBe('');
    });

    it('follows the default-container annotation', () => {
      expect(sb.on('new', ['exec', 'marked', '--', 'hostname']).stderr).toBe('');
    });

    it('names the default on 1.20', () => {
      const r = sb.on('old', ['exec', 'two', '--', 'hostname']);
      expect(r.stderr).toBe("Defaulting container name to first.\nUse 'kubectl describe pod/two -n default' to see all of the containers in this pod.\n");
    });

    it('rejects an unknown container', () => {
      const r = sb.on('new', ['exec', 'two', '-c', 'third', '--', 'date']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Error from server (BadRequest): container third is not valid for pod two\n');
    });

    it('reports a container that is not running', () => {
      expect(sb.on('new', ['exec', 'nopull', '--', 'date']).stderr).toBe('error: Internal error occurred: unable to upgrade connection: container not found ("main")\n');
      expect(sb.on('mid', ['exec', 'nopull', '--', 'date']).stderr).toBe('error: unable to upgrade connection: container not found ("main")\n');
    });
  });

  describe('running', () => {
    it('passes the container environment', () => {
      const r = sb.on('new', ['exec', 'web', '--', 'printenv', 'HOSTNAME', 'GREETING', 'APP_SVC_SERVICE_PORT_HTTP', 'KUBERNETES_SERVICE_HOST']);
      expect(r.stdout).toBe('web\nhello\n80\n10.96.0.1\n');
    });

    it('leaves out services created after the start', () => {
      expect(sb.on('new', ['create', 'service', 'clusterip', 'late', '--tcp=80:80']).code).toBe(0);
      expect(sb.on('new', ['exec', 'bb', '--', 'printenv', 'LATE_SERVICE_HOST'])).toEqual({ stdout: '', stderr: 'command terminated with exit code 1\n', code: 1 });
    });

    it('separates stdout and stderr', () => {
      const r = sb.on('new', ['exec', 'bb', '--', 'sh', '-c', 'echo out; echo err >&2']);
      expect(r.stdout).toBe('out\n');
      expect(r.stderr).toBe('err\n');
      expect(r.code).toBe(0);
    });

    it('returns the exit code', () => {
      const r = sb.on('new', ['exec', 'bb', '--', 'sh', '-c', 'exit 3']);
      expect(r).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', code: 3 });
    });

    it('reports a missing executable', () => {
      const r = sb.on('new', ['exec', 'bb', '--', 'bash']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/);
    });

    it('reports a missing path before 1.30', () => {
      const r = sb.on('mid', ['exec', 'bb', '--', '/bin/bash']);
      expect(r.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "\/bin\/bash": stat \/bin\/bash: no such file or directory: unknown\n$/);
    });

    it('reports a missing executable on Docker', () => {
      const r = sb.on('old', ['exec', 'bb', '--', 'bash']);
      expect(r.code).toBe(126);
      expect(r.stdout).toBe('OCI runtime exec failed: exec failed: container_linux.go:348: starting container process caused "exec: \\"bash\\": executable file not found in $PATH": unknown\n');
      expect(r.stderr).toBe('command terminated with exit code 126\n');
    });

    it('reads a script from stdin with -i', () => {
      const r = sb.on('new', ['exec', '-i', 'bb', '--', 'sh'], { input: 'echo one\nhostname\nexit 2\n' });
      expect(r).toEqual({ stdout: 'one\nbb\n', stderr: 'command terminated with exit code 2\n', code: 2 });
    });

    it('ignores stdin without -i', () => {
      expect(sb.on('new', ['exec', 'bb', '--', 'sh'], { input: 'echo one\n' })).toEqual({ stdout: '', stderr: '', code: 0 });
    });

    it('warns when stdin is not a terminal', () => {
      const r = sb.on('new', ['exec', '-it', 'bb', '--', 'cat'], { input: 'typed\n' });
      expect(r.stdout).toBe('typed\n');
      expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    });

    it('fetches a service page with wget', () => {
      const r = sb.on('new', ['exec', 'bb', '--', 'wget', '-qO-', 'http://app-svc/hostname.html']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^app-[a-z0-9]+-[a-z0-9]{5}\n$/);
    });

    it('drops -t without -i silently', () => {
      const r = sb.on('new', ['exec', '-t', 'bb', '--', 'sh', '-c', 'echo err >&2']);
      expect(r).toEqual({ stdout: '', stderr: 'err\n', code: 0 });
    });

    it('reports a kubelet it cannot reach', () => {
      for (const [cluster, prefix] of [['new', 'error: Internal error occurred: '], ['mid', 'Error from server: ']]) {
        const node = sb.on(cluster, ['get', 'pod', 'bb', '-o', 'jsonpath={.spec.nodeName}']).stdout;
        const ip = sb.on(cluster, ['get', 'node', node, '-o', 'jsonpath={.status.addresses[0].address}']).stdout;
        expect(sb.on(cluster, ['node', 'fail', node]).code).toBe(0);
        const r = sb.on(cluster, ['exec', 'bb', '--', 'date']);
        expect(sb.on(cluster, ['node', 'recover', node]).code).toBe(0);
        expect(r).toEqual({ stdout: '', stderr: `${prefix}error dialing backend: dial tcp ${ip}:10250: i/o timeout\n`, code: 1 });
      }
    });

    it('prints the nginx version', () => {
      expect(sb.on('new', ['exec', 'web', '--', 'nginx', '-v']).stderr).toBe('nginx version: nginx/1.29.3\n');
    });
  });
});
