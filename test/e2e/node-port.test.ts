import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('kubesim curl to nodes and Services', () => {
  const sb = new Sandbox();
  const k = (args: string[]) => sb.on('n', args);
  let nodePort = '';
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'n', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k(['run', 'web', '--image=nginx', '--port=80']).code).toBe(0);
    expect(k(['expose', 'pod', 'web', '--type=NodePort']).code).toBe(0);
    expect(k(['clock', 'advance', '10s']).code).toBe(0);
    nodePort = k(['get', 'svc', 'web', '-o', 'jsonpath={.spec.ports[0].nodePort}']).stdout;
  });
  afterAll(() => sb.cleanup());

  it('reaches the Service behind a nodePort on every node', () => {
    for (const ip of ['192.168.192.129', '192.168.192.130', '192.168.192.131']) {
      const r = k(['curl', '-s', `http://${ip}:${nodePort}/`]);
      expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
      expect(r.code).toBe(0);
    }
  });

  it('fails to resolve a headless Service without endpoints', () => {
    expect(k(['create', 'service', 'clusterip', 'lonely', '--clusterip=None']).code).toBe(0);
    const r = k(['curl', 'http://lonely/']);
    expect(r.stderr).toContain('curl: (6) Could not resolve host: lonely');
    expect(r.code).toBe(6);
  });

  it('is refused on a node port nothing listens on', () => {
    const r = k(['curl', `http://192.168.192.130:31999/`]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("curl: (7) Failed to connect to 192.168.192.130 port 31999 after 0 ms: Couldn't connect to server");
    expect(r.code).toBe(7);
  });
});
