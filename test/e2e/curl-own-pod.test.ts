/**
 * A pod's own names from inside it: `localhost`, 127.0.0.1 and the pod's
 * hostname reach its containers, which share the pod's network namespace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const sb = new Sandbox();
let pod = '';

beforeAll(() => {
  expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  expect(sb.on('c', ['create', 'deployment', 'web', '--image=nginx:1.27']).code).toBe(0);
  expect(sb.on('c', ['run', 'bb', '--image=busybox:1.36', '--', 'sleep', '3600']).code).toBe(0);
  sb.on('c', ['clock', 'advance', '1m']);
  pod = sb.on('c', ['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
});

afterAll(() => sb.cleanup());

describe('curl to the pod itself', () => {
  it('reaches nginx through localhost', () => {
    const r = sb.on('c', ['exec', pod, '--', 'curl', '-sS', 'localhost']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('reaches nginx through 127.0.0.1 and the hostname', () => {
    expect(sb.on('c', ['exec', pod, '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1/']).stdout).toBe('200');
    expect(sb.on('c', ['exec', pod, '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', pod]).stdout).toBe('200');
  });

  it('is refused on a port nginx does not listen on', () => {
    const r = sb.on('c', ['exec', pod, '--', 'curl', '-sS', 'localhost:8080']);
    expect(r.stderr).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n");
    expect(r.code).toBe(7);
  });

  it('is refused where nothing in the pod listens', () => {
    const r = sb.on('c', ['exec', 'bb', '--', 'wget', '-qO-', 'localhost']);
    expect(r.stderr).toBe("wget: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1\n");
    expect(r.code).toBe(1);
  });
});
