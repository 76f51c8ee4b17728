import { describe, expect, it } from 'vitest';
import { execInImage, type ExecRequest } from '../../src/images/exec';
import type { HttpFetchResult } from '../../src/images/exec-network';

/** Returns the response of a test network: `web` (10.96.0.20) serves `page\n` on `/` and 404 elsewhere, `down` refuses, and other names do not resolve. */
function fetchFromTestNetwork(url: string): HttpFetchResult {
  if (url.includes('down')) return { body: '', error: 'curl: (7) Failed to connect to down port 80 after 0 ms: Couldn\'t connect to server', exitCode: 7, address: '10.96.0.21' };
  if (!url.includes('web')) return { body: '', error: `curl: (6) Could not resolve host: ${url}`, exitCode: 6 };
  return url.endsWith('/nope') ? { status: 404, body: 'missing\n', address: '10.96.0.20' } : { status: 200, body: 'page\n', address: '10.96.0.20' };
}

function run(argv: string[], image = 'busybox'): ReturnType<typeof execInImage> {
  const request: ExecRequest = {
    image, argv, env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default', now: 0, tty: false, fetch: fetchFromTestNetwork,
  };
  return execInImage(request);
}

describe('wget', () => {
  it('writes the body to stdout', () => {
    expect(run(['wget', '-qO-', 'http://web'])).toEqual({ type: 'ran', stdout: 'page\n', stderr: '', exitCode: 0, finished: true });
    expect(run(['wget', '-q', '-O', '-', 'web'])).toMatchObject({ stdout: 'page\n' });
  });

  it('reports progress without -q', () => {
    expect(run(['wget', '-O-', 'web'])).toMatchObject({
      stdout: 'page\n',
      stderr: 'Connecting to web (10.96.0.20:80)\nwriting to stdout\n-                    100% |********************************|     5  0:00:00 ETA\nwritten to stdout\n',
    });
  });

  it('saves to a file the shell can read', () => {
    expect(run(['sh', '-c', 'wget -q http://web/ && cat index.html'])).toMatchObject({ stdout: 'page\n', exitCode: 0 });
  });

  it('reports network errors', () => {
    expect(run(['wget', '-qO-', 'nosuch'])).toMatchObject({ stderr: "wget: bad address 'nosuch'\n", exitCode: 1 });
    expect(run(['wget', '-qO-', 'down'])).toMatchObject({ stderr: "wget: can't connect to remote host (10.96.0.21): Connection refused\n", exitCode: 1 });
    expect(run(['wget', '-qO-', 'web/nope'])).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });

  it('is absent from the nginx Debian image', () => {
    expect(run(['wget', 'web'], 'nginx')).toEqual({ type: 'start-failed', reason: 'exec: "wget": executable file not found in $PATH' });
  });
});

describe('curl', () => {
  it('prints the body of any status', () => {
    expect(run(['curl', '-s', 'web/nope'], 'nginx')).toEqual({ type: 'ran', stdout: 'missing\n', stderr: '', exitCode: 0, finished: true });
  });

  it('fails on an error status with -f', () => {
    expect(run(['curl', '-f', 'web/nope'], 'nginx')).toMatchObject({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
  });

  it('reports a missing URL even when silent', () => {
    expect(run(['curl', '-s'], 'nginx')).toMatchObject({
      stderr: "curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2,
    });
    expect(run(['curl'], 'nginx')).toMatchObject({ stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
  });

  it('reports connection errors unless silent', () => {
    expect(run(['curl', 'nosuch'], 'nginx')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nosuch\n', exitCode: 6 });
    expect(run(['curl', '-s', 'nosuch'], 'nginx')).toMatchObject({ stderr: '', exitCode: 6 });
  });

  it('is absent from busybox', () => {
    expect(run(['curl', 'web'])).toEqual({ type: 'start-failed', reason: 'exec: "curl": executable file not found in $PATH' });
  });
});
