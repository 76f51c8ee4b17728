/**
 * `kubectl expose --port` and `--target-port` as kubectl v1.32 reads them
 * (expose.go createService): --port is split on commas and each part goes
 * through strconv.Atoi, several ports are named port-1, port-2, ..., and
 * --target-port goes through intstr.Parse, so `-1` reaches the API server as
 * an int. Rejections exit 1 and leave the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('expose --port and --target-port', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('x', args);

  function rejected(args: string[], stderr: string): void {
    const before = sb.dump('x');
    const r = k(...args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('x')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'x', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k('create', 'deployment', 'web', '--image=nginx', '--port=80').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['--port=abc', 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    ['--port=80,', 'error: strconv.Atoi: parsing "": invalid syntax\n'],
    ['--port=99999999999999999999', 'error: strconv.Atoi: parsing "99999999999999999999": value out of range\n'],
  ])('rejects %s with strconv.Atoi\'s error', (flag, stderr) => {
    rejected(['expose', 'deployment', 'web', flag], stderr);
    rejected(['expose', 'deployment', 'web', flag, '--dry-run=client', '-o', 'yaml'], stderr);
  });

  it('names each port of a --port list', () => {
    const r = k('expose', 'deployment', 'web', '--port=80,81', '--name=two');
    expect(r.stdout).toBe('service/two exposed\n');
    expect(k('get', 'service', 'two', '-o', 'jsonpath={.spec.ports}').stdout).toBe(
      '[{"name":"port-1","port":80,"protocol":"TCP","targetPort":80},{"name":"port-2","port":81,"protocol":"TCP","targetPort":81}]',
    );
  });

  it('prints named ports in a dry run', () => {
    const r = k('expose', 'deployment', 'web', '--port=80,81', '--target-port=8080', '--name=dry', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: dry\nspec:\n  ports:\n' +
        '  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n' +
        '  - name: port-2\n    port: 81\n    protocol: TCP\n    targetPort: 8080\n' +
        '  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('keeps the protocols of the exposed pods', () => {
    const manifest = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'dns' },
      spec: {
        selector: { matchLabels: { app: 'dns' } },
        template: {
          metadata: { labels: { app: 'dns' } },
          spec: { containers: [{ name: 'dns', image: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }, { containerPort: 9153 }] }] },
        },
      },
    });
    expect(sb.on('x', ['apply', '-f', '-'], { input: manifest }).code).toBe(0);
    expect(k('expose', 'deployment', 'dns').stdout).toBe('service/dns exposed\n');
    expect(k('get', 'service', 'dns', '-o', 'jsonpath={.spec.ports}').stdout).toBe(
      '[{"name":"port-1-udp","port":53,"protocol":"UDP","targetPort":53},{"name":"port-1-tcp","port":53,"protocol":"TCP","targetPort":53},{"name":"port-2","port":9153,"protocol":"TCP","targetPort":9153}]',
    );
    expect(k('expose', 'deployment', 'dns', '--port=53', '--name=dns-only').stdout).toBe('service/dns-only exposed\n');
    expect(k('get', 'service', 'dns-only', '-o', 'jsonpath={.spec.ports}').stdout).toBe(
      '[{"name":"port-1-udp","port":53,"protocol":"UDP","targetPort":53},{"name":"port-1-tcp","port":53,"protocol":"TCP","targetPort":53}]',
    );
    expect(k('expose', 'service', 'dns-only', '--name=dns-copy').stdout).toBe('service/dns-copy exposed\n');
    expect(k('get', 'service', 'dns-copy', '-o', 'jsonpath={.spec.ports[*].protocol}').stdout).toBe('UDP TCP');
  });

  it('rejects --target-port=-1 on the server', () => {
    rejected(
      ['expose', 'deployment', 'web', '--target-port=-1', '--name=neg'],
      'The Service "neg" is invalid: spec.ports[0].targetPort: Invalid value: -1: must be between 1 and 65535, inclusive\n',
    );
    expect(k('expose', 'deployment', 'web', '--target-port=-1', '--name=neg', '--dry-run=client', '-o', 'jsonpath={.spec.ports[0].targetPort}').stdout).toBe('-1');
  });
});
