import { describe, expect, it } from 'vitest';
import { execInImage, type ExecRequest } from '../../src/images/exec';
import type { HttpFetchResult } from '../../src/images/exec-network';

/**
 * Returns the response of a test network: `web` (10.96.0.20) serves `page\n` on `/` and 404 elsewhere,
 * `down` refuses, `slow` times out, and other names do not resolve.
 */
function fetchFromTestNetwork(url: string): HttpFetchResult {
  if (url.includes('down')) return { body: '', error: "curl: (7) Failed to connect to down port 80 after 0 ms: Couldn't connect to server", exitCode: 7, address: '10.96.0.21' };
  if (url.includes('slow')) return { body: '', error: "curl: (28) Failed to connect to slow port 80 after 129318 ms: Couldn't connect to server", exitCode: 28 };
  if (!url.includes('web')) return { body: '', error: `curl: (6) Could not resolve host: ${url}`, exitCode: 6 };
  return url.endsWith('/nope') ? { status: 404, body: 'missing\n', address: '10.96.0.20' } : { status: 200, body: 'page\n', address: '10.96.0.20' };
}

function curl(...args: string[]): ReturnType<typeof execInImage> {
  const request: ExecRequest = {
    image: 'nginx', argv: ['curl', ...args], env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default', now: 0, tty: false, fetch: fetchFromTestNetwork,
  };
  return execInImage(request);
}

describe('curl options', () => {
  it('treats the arguments of value options as values, not URLs', () => {
    expect(curl('-X', 'POST', '-H', 'Accept: text/plain', '-d', 'a=1', '-u', 'me:pw', '-A', 'agent', '-m', '5', '--connect-timeout', '3', 'web'))
      .toMatchObject({ stdout: 'page\n', stderr: '', exitCode: 0 });
  });

  it('prints only the status code with -s -o /dev/null -w', () => {
    expect(curl('-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'web/nope')).toMatchObject({ stdout: '404\n', stderr: '', exitCode: 0 });
  });

  it('takes a value glued to a short option', () => {
    expect(curl('-so/dev/null', '-w%{http_code} %{size_download}', 'web')).toMatchObject({ stdout: '200 5', exitCode: 0 });
  });

  it('prints the effective URL, method and remote address', () => {
    expect(curl('-s', '-o', '/dev/null', '-XPUT', '-w', '%{url_effective} %{method} %{remote_ip}:%{remote_port} 100%%', 'web'))
      .toMatchObject({ stdout: 'http://web/ PUT 10.96.0.20:80 100%' });
  });

  it('prints 000 as the code of a failed connection', () => {
    expect(curl('-s', '-w', '%{http_code} %{exitcode}\\n', 'nosuch')).toMatchObject({ stdout: '000 6\n', stderr: '', exitCode: 6 });
  });

  it('reports an unknown write-out variable on stderr', () => {
    expect(curl('-s', '-o', '/dev/null', '-w', '%{nosuch}.', 'web')).toMatchObject({ stdout: '.', stderr: "curl: unknown --write-out variable: 'nosuch'\n" });
  });

  it('prints the head only with -I', () => {
    expect(curl('-sI', 'web')).toMatchObject({ stdout: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n', exitCode: 0 });
  });

  it('prints the head before the body with -i', () => {
    expect(curl('-i', 'web/nope')).toMatchObject({ stdout: 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 8\r\n\r\nmissing\n' });
  });

  it('rejects an unknown short option with exit code 2', () => {
    expect(curl('-Z', 'web')).toMatchObject({
      stdout: '', stderr: "curl: option -Z: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2,
    });
  });

  it('rejects an unknown long option, including the --name=value form', () => {
    expect(curl('--max-time=5', 'web')).toMatchObject({
      stderr: "curl: option --max-time=5: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2,
    });
  });

  it('reports an option missing its value', () => {
    expect(curl('web', '-H')).toMatchObject({
      stderr: "curl: option -H: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2,
    });
  });

  it('fails the TLS handshake with a plain HTTP server', () => {
    expect(curl('https://web:80/')).toMatchObject({
      stdout: '', stderr: 'curl: (35) TLS connect error: OpenSSL/3.5.4: error:0A00010B:SSL routines::wrong version number\n', exitCode: 35,
    });
  });

  it('connects to port 443 for https without a port', () => {
    const seen: string[] = [];
    const request: ExecRequest = {
      image: 'nginx', argv: ['curl', '-s', 'https://down'], env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default', now: 0, tty: false,
      fetch: (url) => { seen.push(url); return fetchFromTestNetwork(url); },
    };
    expect(execInImage(request)).toMatchObject({ exitCode: 7 });
    expect(seen).toEqual(['https://down:443']);
  });

  it('reports a timeout after the -m limit', () => {
    expect(curl('-m', '2', 'slow')).toMatchObject({ stderr: 'curl: (28) Connection timed out after 2000 milliseconds\n', exitCode: 28 });
  });
});
