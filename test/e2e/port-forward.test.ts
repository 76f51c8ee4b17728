import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

/** A running `port-forward` process and what it printed so far. */
class Forward {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(sb: Sandbox, cluster: string, args: string[]) {
    this.child = spawn(process.execPath, [BIN, '--cluster', cluster, 'port-forward', ...args], {
      env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' },
      cwd: sb.home,
    });
    this.child.stdout!.on('data', (d) => (this.stdout += d));
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    // 'close' comes after the output streams have ended, so stdout and stderr are complete by then.
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Resolves once stdout matches `pattern`, or rejects when the process exits first. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray> {
    return this.waitFor(() => this.stdout, pattern);
  }

  /** Resolves once stderr matches `pattern`, or rejects when the process exits first. */
  waitForError(pattern: RegExp): Promise<RegExpMatchArray> {
    return this.waitFor(() => this.stderr, pattern);
  }

  private async waitFor(text: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const m = text().match(pattern);
      if (m) return m;
      if (exited) throw new Error(`port-forward exited before printing ${pattern}: stdout=${JSON.stringify(this.stdout)} stderr=${JSON.stringify(this.stderr)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends `signal` and returns the exit code. */
  stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Runs a port-forward that is expected to fail. A check that wrongly passes
 * would start forwarding, so the process gets a time limit.
 */
function runForward(sb: Sandbox, cluster: string, args: string[]): { stdout: string; stderr: string; code: number | null } {
  const r = spawnSync(process.execPath, [BIN, '--cluster', cluster, 'port-forward', ...args], {
    env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' },
    encoding: 'utf8',
    cwd: sb.home,
    timeout: 30_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

interface Reply {
  status: number;
  body: string;
}

/** Sends a GET over a new connection. */
function httpGet(host: string, port: number, path = '/'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = get({ host, port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

/** Returns a local port that was free a moment ago, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Checks whether this host can listen on ::1, because port-forward prints the [::1] line only when it can. */
function hasIPv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.on('error', () => resolve(false));
    server.listen({ host: '::1', port: 0 }, () => server.close(() => resolve(true)));
  });
}

/** Builds the `Forwarding from` lines kubectl prints for `localhost`. */
function forwardingLines(local: number, remote: number, ipv6: boolean): string {
  const lines = [`Forwarding from 127.0.0.1:${local} -> ${remote}\n`];
  if (ipv6) lines.push(`Forwarding from [::1]:${local} -> ${remote}\n`);
  return lines.join('');
}

const NGINX_TITLE = '<title>Welcome to nginx!</title>';

const ipv6 = await hasIPv6Loopback();

describe('port-forward', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('pf', args);

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'pf', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(on('create', 'deployment', 'nginx', '--image=nginx', '--replicas=2', '--port=80').code).toBe(0);
    expect(on('expose', 'deployment', 'nginx', '--port=8000', '--target-port=80').code).toBe(0);
    const manifests = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: myapp', '  labels:', '    run: myapp', 'spec:', '  containers:',
      '  - name: myapp', '    image: hub.atguigu.com/library/myapp:v1', '    ports:', '    - name: http', '      containerPort: 80',
      '---',
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: named', 'spec:', '  selector:', '    run: myapp', '  ports:',
      '  - name: web', '    port: 8080', '    targetPort: http',
    ].join('\n');
    writeFileSync(join(sb.home, 'myapp.yml'), manifests);
    expect(on('create', '-f', 'myapp.yml').code).toBe(0);
    expect(on('clock', 'advance', '30s').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('forwards a random local port to a Service target port', async () => {
    const fwd = new Forward(sb, 'pf', ['svc/nginx', ':8000']);
    const [, port] = await fwd.waitForOutput(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80\n/);
    const local = Number(port);
    if (ipv6) await fwd.waitForOutput(/Forwarding from \[::1\]:\d+ -> 80\n/);
    const reply = await httpGet('127.0.0.1', local);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(NGINX_TITLE);
    await fwd.waitForOutput(/Handling connection for \d+\n/);
    expect(await fwd.stop('SIGINT')).toBe(0);
    expect(fwd.stdout).toBe(`${forwardingLines(local, 80, ipv6)}Handling connection for ${local}\n`);
    expect(fwd.stderr).toBe('');
  });

  it.skipIf(!ipv6)('serves the same pages on ::1', async () => {
    const fwd = new Forward(sb, 'pf', ['deploy/nginx', ':80']);
    const [, port] = await fwd.waitForOutput(/Forwarding from \[::1\]:(\d+) -> 80\n/);
    const missing = await httpGet('::1', Number(port), '/missing');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<title>404 Not Found</title>');
    expect(await fwd.stop()).toBe(0);
  });

  it('forwards a fixed local port to a pod', async () => {
    const local = await freePort();
    const fwd = new Forward(sb, 'pf', ['pod/myapp', `${local}:80`]);
    await fwd.waitForOutput(/Forwarding from 127\.0\.0\.1/);
    const reply = await httpGet('127.0.0.1', local, '/hostname.html');
    expect(reply).toEqual({ status: 200, body: 'myapp\n' });
    const index = await httpGet('127.0.0.1', local);
    expect(index.body).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
    await fwd.waitForOutput(/(Handling connection for \d+\n){2}/);
    expect(await fwd.stop('SIGTERM')).toBe(0);
    expect(fwd.stdout).toBe(`${forwardingLines(local, 80, ipv6)}Handling connection for ${local}\nHandling connection for ${local}\n`);
  });

  it('reads one port as the same local and remote port', async () => {
    const port = await freePort();
    const manifest = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: echo', 'spec:', '  containers:', '  - name: echo', '    image: example.com/echo:1.0', '    ports:', `    - containerPort: ${port}`].join('\n');
    writeFileSync(join(sb.home, 'echo.yml'), manifest);
    expect(on('create', '-f', 'echo.yml').code).toBe(0);
    expect(on('clock', 'advance', '30s').code).toBe(0);
    const fwd = new Forward(sb, 'pf', ['echo', String(port), '--address', '127.0.0.1']);
    await fwd.waitForOutput(/\n/);
    expect(await httpGet('127.0.0.1', port)).toEqual({ status: 200, body: '' });
    expect(await fwd.stop()).toBe(0);
    expect(fwd.stdout).toBe(`Forwarding from 127.0.0.1:${port} -> ${port}\nHandling connection for ${port}\n`);
  });

  it('maps a named targetPort through the pod', async () => {
    const fwd = new Forward(sb, 'pf', ['service/named', ':web', '--address=::1,127.0.0.1']);
    const [, port] = await fwd.waitForOutput(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80\n/);
    expect(await httpGet('127.0.0.1', Number(port), '/hostname.html')).toEqual({ status: 200, body: 'myapp\n' });
    expect(await fwd.stop()).toBe(0);
  });

  it('ends when a connection to the pod is refused', async () => {
    const fwd = new Forward(sb, 'pf', ['pod/myapp', ':8080']);
    const [, port] = await fwd.waitForOutput(/^Forwarding from 127\.0\.0\.1:(\d+) -> 8080\n/);
    await expect(httpGet('127.0.0.1', Number(port))).rejects.toThrow('socket hang up');
    expect(await fwd.exited).toBe(1);
    const lines = fwd.stderr.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^E\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ portforward\\.go:424\\] "Unhandled Error" err="an error occurred forwarding ${port} -> 8080: error forwarding port 8080 to pod [0-9a-f]{64}, uid : `));
    expect(lines.slice(1)).toEqual(['error: lost connection to pod', '']);
    expect(fwd.stdout).toBe(`${forwardingLines(Number(port), 8080, ipv6)}Handling connection for ${port}\n`);
  });

  it('ends when the pod is deleted', async () => {
    expect(on('run', 'doomed', '--image=nginx').code).toBe(0);
    expect(on('clock', 'advance', '30s').code).toBe(0);
    const fwd = new Forward(sb, 'pf', ['doomed', ':80']);
    await fwd.waitForOutput(/Forwarding from 127\.0\.0\.1/);
    expect(on('delete', 'pod', 'doomed', '--grace-period=0', '--force').code).toBe(0);
    expect(await fwd.exited).toBe(1);
    expect(fwd.stderr).toBe('error: lost connection to pod\n');
  });

  it('refuses to start on a port in use', async () => {
    const local = await freePort();
    const first = new Forward(sb, 'pf', ['pod/myapp', `${local}:80`, '--address', '127.0.0.1']);
    await first.waitForOutput(/\n/);
    const r = runForward(sb, 'pf', ['pod/myapp', `${local}:80`, '--address', '127.0.0.1']);
    expect(r.stderr).toBe(
      `Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: address already in use]\n` +
        `error: unable to listen on any of the requested ports: [{${local} 80}]\n`,
    );
    expect(r.code).toBe(1);
    expect(await first.stop()).toBe(0);
  });
});

describe('port-forward on a 1.15 cluster', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('old', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
    expect(on('run', 'web', '--image=nginx', '--port=80', '--restart=Never').code).toBe(0);
    expect(on('clock', 'advance', '30s').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('keeps forwarding after a refused connection and logs the lost pod', async () => {
    const fwd = new Forward(sb, 'old', ['web', ':80', ':8080', '--address', '127.0.0.1']);
    const [, open, closed] = await fwd.waitForOutput(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80\nForwarding from 127\.0\.0\.1:(\d+) -> 8080\n/);
    await expect(httpGet('127.0.0.1', Number(closed))).rejects.toThrow('socket hang up');
    await fwd.waitForError(new RegExp(`^E\\d{4} [\\d:.]+ +\\d+ portforward\\.go:400\\] an error occurred forwarding ${closed} -> 8080: error forwarding port 8080 to pod `));
    expect((await httpGet('127.0.0.1', Number(open))).status).toBe(200);
    expect(on('delete', 'pod', 'web', '--grace-period=0', '--force').code).toBe(0);
    expect(await fwd.exited).toBe(0);
    expect(fwd.stderr.split('\n').slice(1)).toEqual([expect.stringMatching(/^E\d{4} [\d:.]+ +\d+ portforward\.go:233\] lost connection to pod$/), '']);
  });
});

describe('port-forward errors', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('pferr', args);
  const forward = (...args: string[]) => runForward(sb, 'pferr', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'pferr', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(on('create', 'deployment', 'web', '--image=nginx', '--port=80').code).toBe(0);
    expect(on('expose', 'deployment', 'web', '--port=80').code).toBe(0);
    const manual = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: manual', 'spec:', '  ports:', '  - port: 80'].join('\n');
    writeFileSync(join(sb.home, 'manual.yml'), manual);
    expect(on('create', '-f', 'manual.yml').code).toBe(0);
    expect(on('create', 'configmap', 'settings').code).toBe(0);
    expect(on('clock', 'advance', '30s').code).toBe(0);
    expect(on('create', 'deployment', 'slow', '--image=nginx').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const hint = "\nSee 'kubectl port-forward -h' for help and examples\n";
  const cases: [string, string[], string][] = [
    ['a missing port list', ['deploy/web'], `error: TYPE/NAME and list of ports are required for port-forward${hint}`],
    ['a zero pod-running-timeout', ['a/b/c', '80', '--pod-running-timeout=0'], `error: --pod-running-timeout must be higher than zero${hint}`],
    ['two slashes', ['a/b/c', '80'], 'error: arguments in resource/name form may not have more than one slash\n'],
    ['an unknown type', ['foo/x', '80'], 'error: the server doesn\'t have a resource type "foo"\n'],
    ['a missing pod', ['nope', '80'], 'Error from server (NotFound): pods "nope" not found\n'],
    ['a missing deployment', ['deploy/nope', '80'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['a Service without a selector', ['svc/manual', '80'], "error: cannot attach to *v1.Service: invalid service 'manual': Service is defined without a selector\n"],
    ['a kind without pods', ['configmap/settings', '80'], 'error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n'],
    ['a port the Service lacks', ['svc/web', '8080'], 'error: Service web does not have a service port 8080\n'],
    ['a pending pod', ['deploy/slow', '80'], 'error: unable to forward port because pod is not running. Current status=Pending\n'],
    ['an address that is not an IP', ['deploy/web', '80', '--address', 'localhost,example.com'], 'error: example.com is not a valid IP\n'],
    ['an empty address', ['deploy/web', '80', '--address='], 'error: you must specify at least 1 address\n'],
    ['all interfaces', ['deploy/web', '80', '--address', '0.0.0.0'], 'error: --address 0.0.0.0 is not allowed: kubesim port-forward listens only on localhost (127.0.0.1 and ::1)\n'],
    ['a local port out of range', ['deploy/web', '70000:80'], `error: error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range\n`],
    ['remote port zero', ['deploy/web', '8080:0'], 'error: remote port must be > 0\n'],
  ];
  for (const [name, args, stderr] of cases) {
    it(`rejects ${name}`, () => {
      const before = sb.dump('pferr');
      const r = forward(...args);
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(sb.dump('pferr')).toBe(before);
    });
  }

  it('times out waiting for a pod', () => {
    expect(on('create', 'deployment', 'none', '--image=nginx', '--replicas=0').code).toBe(0);
    const r = forward('deploy/none', '80', '--pod-running-timeout=5s');
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.code).toBe(1);
  });
});

describe('port-forward help', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('lists port-forward after exec', () => {
    expect(sb.run(['help']).stdout).toContain(
      '  exec            Execute a command in a container\n  port-forward    Forward one or more local ports to a pod\n  auth            Inspect authorization\n',
    );
  });

  it('shows the flag defaults as kubectl does', () => {
    const text = sb.run(['port-forward', '--help']).stdout;
    expect(text).toContain('    --address=[localhost]:\n');
    expect(text).toContain('    --pod-running-timeout=1m0s:\n');
  });
});
