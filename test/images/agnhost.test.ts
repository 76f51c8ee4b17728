/**
 * The simulated agnhost and goproxy images of the probe docs: what each
 * subcommand plans, and how its server responds over time.
 */
import { describe, expect, it } from 'vitest';
import { formatGoDuration, testServerChangesAt } from '../../src/images/agnhost';
import { resolveImage } from '../../src/images/catalog';
import { serveHttp } from '../../src/images/http';
import { planContainer } from '../../src/images/program';
import { newContext } from './helpers';

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.40';
const ctx = newContext({ podName: 'liveness-http', hostname: 'liveness-http' });
const start = ctx.startedAt;

function plan(args?: string[], image = AGNHOST, command?: string[]) {
  return planContainer({ name: 'liveness', image, args, command }, ctx);
}

describe('agnhost and goproxy in the catalog', () => {
  it('knows the docs images with their estimated sizes', () => {
    expect(resolveImage(AGNHOST)).toMatchObject({ kind: 'agnhost', known: true, exists: true, sizeBytes: 127_485_230 });
    expect(resolveImage('registry.k8s.io/goproxy:0.1')).toMatchObject({ kind: 'goproxy', known: true, exists: true, sizeBytes: 11_971_398 });
  });

  it('has no agnhost tag outside 2.x nor a goproxy tag but 0.1', () => {
    expect(resolveImage('registry.k8s.io/e2e-test-images/agnhost:3.0').exists).toBe(false);
    expect(resolveImage('registry.k8s.io/e2e-test-images/agnhost:2.99').exists).toBe(false);
    expect(resolveImage('registry.k8s.io/goproxy:0.2').exists).toBe(false);
  });
});

describe('agnhost liveness', () => {
  const liveness = plan(['liveness']);

  it('serves on 8080 without output, and dies of SIGTERM with status 2', () => {
    expect(liveness).toMatchObject({ output: [], serves: 'agnhost-liveness', listens: [8080], ignoresSigterm: false, sigtermExitCode: 2 });
    expect(liveness.exit).toBeUndefined();
  });

  it('healthz turns 500 after 10 s', () => {
    expect(serveHttp(liveness, ctx, '/healthz', undefined, start + 3_000)).toEqual({ status: 200, body: 'ok' });
    expect(serveHttp(liveness, ctx, '/healthz', undefined, start + 10_000)).toEqual({ status: 200, body: 'ok' });
    expect(serveHttp(liveness, ctx, '/healthz', undefined, start + 12_500)).toEqual({ status: 500, body: 'error: 12.5' });
  });

  it('answers /started with the uptime and other paths with Go 404', () => {
    expect(serveHttp(liveness, ctx, '/started', undefined, start + 62_003)).toEqual({ status: 200, body: '1m2.003s' });
    expect(serveHttp(liveness, ctx, '/', undefined, start)).toEqual({ status: 404, body: '404 page not found\n' });
    expect(serveHttp(liveness, ctx, '/redirect?loc=/healthz', undefined, start)).toEqual({ status: 302, body: '<a href="/healthz">Found</a>.\n\n' });
  });

  it('tells the prober when /healthz turns', () => {
    expect(testServerChangesAt('agnhost-liveness', '/healthz', start + 9_000, start)).toBe(start + 10_001);
    expect(testServerChangesAt('agnhost-liveness', '/healthz', start + 12_000, start)).toBe(Infinity);
  });

  it('refuses arguments as cobra does', () => {
    expect(plan(['liveness', 'extra'])).toMatchObject({
      output: [{ atMs: 0, stream: 'stderr', line: 'Error: accepts at most 0 arg(s), received 1' }],
      exit: { atMs: 0, code: 1 },
    });
  });
});

describe('agnhost subcommands', () => {
  it('fails an unknown subcommand with suggestions', () => {
    expect(plan(['livenes']).output.map((o) => o.line)).toEqual([
      'Error: unknown command "livenes" for "app"', '', 'Did you mean this?', '\tliveness', '',
    ]);
    expect(plan(['frobnicate'])).toMatchObject({
      output: [{ atMs: 0, stream: 'stderr', line: 'Error: unknown command "frobnicate" for "app"' }],
      exit: { atMs: 0, code: 1 },
    });
  });

  it('runs pause by default', () => {
    expect(plan()).toMatchObject({ output: [{ atMs: 0, stream: 'stdout', line: 'Paused' }], sigtermExitCode: 0 });
    expect(plan()).not.toHaveProperty('serves');
  });

  it('serves the hostname on 9376 with serve-hostname', () => {
    const served = plan(['serve-hostname']);
    expect(served).toMatchObject({ serves: 'agnhost-serve-hostname', listens: [9376], ignoresSigterm: true });
    expect(served.output).toEqual([{ atMs: 0, stream: 'stderr', line: '2022/05/31 10:03:24 Serving on port 9376.' }]);
    expect(serveHttp(served, ctx, '/anything', undefined, start)).toEqual({ status: 200, body: 'liveness-http' });
    expect(plan(['serve-hostname', '--port=8000']).listens).toEqual([8000]);
    expect(plan(['serve-hostname', '--port', 'http'])).toMatchObject({
      output: [{ atMs: 0, stream: 'stderr', line: 'Error: invalid argument "http" for "--port" flag: strconv.ParseInt: parsing "http": invalid syntax' }],
      exit: { atMs: 0, code: 1 },
    });
  });

  it('answers netexec endpoints from the simulated pod', () => {
    const netexec = plan(['netexec', '--http-port', '8081']);
    expect(netexec).toMatchObject({ serves: 'agnhost-netexec', listens: [8081] });
    expect(netexec.output).toEqual([{ atMs: 0, stream: 'stderr', line: '2022/05/31 10:03:24 Started HTTP server on port 8081' }]);
    expect(serveHttp(netexec, ctx, '/hostname', undefined, start)).toEqual({ status: 200, body: 'liveness-http' });
    expect(serveHttp(netexec, ctx, '/echo?msg=hello%20world', undefined, start)).toEqual({ status: 200, body: 'hello world' });
    expect(serveHttp(netexec, ctx, '/echo?msg=x&code=503', undefined, start)).toEqual({ status: 503, body: 'x' });
    expect(serveHttp(netexec, ctx, '/', undefined, start + 1_500)).toEqual({ status: 200, body: 'NOW: 2022-05-31 10:03:25.5 +0000 UTC m=+1.500000000' });
    expect(serveHttp(netexec, ctx, '/shell?cmd=id', undefined, start)).toEqual({ status: 501, body: 'kubesim does not simulate /shell of agnhost netexec\n' });
  });

  it('does not treat another executable as agnhost', () => {
    expect(plan(undefined, AGNHOST, ['/bin/agnhost-missing']).startError).toBe('exec: "/bin/agnhost-missing": executable file not found in $PATH');
  });
});

describe('goproxy', () => {
  it('listens on 8080 and refuses plain requests', () => {
    const proxy = plan(undefined, 'registry.k8s.io/goproxy:0.1');
    expect(proxy).toMatchObject({ serves: 'goproxy', listens: [8080], output: [] });
    expect(serveHttp(proxy, ctx, '/', undefined, start)).toEqual({ status: 500, body: 'This is a proxy server. Does not respond to non-proxy requests.\n' });
  });
});

describe('formatGoDuration', () => {
  it('prints as time.Duration.String does', () => {
    expect([0, 750, 1_000, 12_500, 3_600_000, 3_723_040].map(formatGoDuration)).toEqual(['0s', '750ms', '1s', '12.5s', '1h0m0s', '1h2m3.04s']);
  });
});
