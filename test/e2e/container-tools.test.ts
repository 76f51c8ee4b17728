import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

/** Debug pods of tutorials: `kubectl run -i --rm` with wget, curl, nslookup, ls and ps against a Deployment behind a Service. */
describe('network and file tools in debug pods', () => {
  const sb = new Sandbox();
  const on = (args: string[]) => sb.on('tools', args);
  let clusterIP = '';
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'tools', '--clock', 'manual', '--seed', '1', '--start-time', '2025-12-01T10:00:00Z']).code).toBe(0);
    expect(on(['create', 'deployment', 'web', '--image=wangyanglinux/myapp:v1']).code).toBe(0);
    expect(on(['expose', 'deployment', 'web', '--port=80']).code).toBe(0);
    expect(on(['clock', 'advance', '1m']).code).toBe(0);
    clusterIP = on(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}']).stdout;
  });
  afterAll(() => sb.cleanup());

  it('prints the page busybox wget fetched through the Service', () => {
    const r = on(['run', '-i', '--rm', 'debug', '--image=busybox', '--restart=Never', '--', 'wget', '-qO-', 'http://web']);
    expect(r.stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\npod "debug" deleted\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('runs curl from curlimages/curl with only curl options as arguments', () => {
    const r = on(['run', '-i', '--rm', 'curl', '--image=curlimages/curl', '--restart=Never', '--', '-s', 'web']);
    expect(r.stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\npod "curl" deleted\n');
    expect(r.code).toBe(0);
  });

  it('shows a wget failure in the log and the exit code', () => {
    const r = on(['run', '-i', '--rm', 'bad', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'wget -qO- web:8080']);
    expect(r.stdout).toBe(`wget: can't connect to remote host (${clusterIP}): Connection refused\npod "bad" deleted\n`);
    expect(r.stderr).toBe('pod default/bad terminated (Error)\n');
    expect(r.code).toBe(1);
  });

  it('resolves a Service with busybox 1.28 nslookup', () => {
    const r = on(['run', '-i', '--rm', 'dns', '--image=busybox:1.28', '--restart=Never', '--', 'nslookup', 'web']);
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n'
      + `Name:      web\nAddress 1: ${clusterIP} web.default.svc.cluster.local\npod "dns" deleted\n`);
    expect(r.code).toBe(0);
  });

  it('lists the web pages and the processes of a running pod with exec', () => {
    const pod = on(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(on(['exec', pod, '--', 'ls', '/usr/share/nginx/html']).stdout).toBe('50x.html\nhostname.html\nindex.html\n');
    const ps = on(['exec', pod, '--', 'ps']);
    expect(ps.stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n'
      + '   30 nginx     0:00 nginx: worker process\n    7 root      0:00 ps\n');
    expect(ps.code).toBe(0);
  });
});
