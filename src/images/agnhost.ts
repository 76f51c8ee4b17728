/**
 * The Kubernetes test images of the probe docs: agnhost
 * (registry.k8s.io/e2e-test-images/agnhost, one Go binary whose first
 * argument picks a subcommand) and goproxy (registry.k8s.io/goproxy, an
 * HTTP proxy on port 8080). Behaviour follows test/images/agnhost in the
 * Kubernetes source: `liveness`, `netexec` and `serve-hostname` are
 * simulated, and any other subcommand fails as the binary's command line does.
 */
import type { OutputLine } from './shell/run';

/** The simulated agnhost or goproxy server a container runs, stored on the container record as `serves`. */
export type TestServer = 'agnhost-liveness' | 'agnhost-netexec' | 'agnhost-serve-hostname' | 'goproxy';

/** The part of a run plan an agnhost subcommand decides. */
export interface AgnhostPlan {
  output: OutputLine[];
  exit?: { atMs: number; code: number };
  serves?: TestServer;
  listens?: number[];
  /** True when the process catches SIGTERM and goes on until SIGKILL (serve-hostname sleeps 60 s). */
  ignoresSigterm: boolean;
  /** Exit code after SIGTERM for a process that dies of it. */
  sigtermExitCode?: number;
}

/** Subcommands of agnhost 2.40, for cobra's "Did you mean" suggestions. */
const SUBCOMMANDS = [
  'audit-proxy', 'connect', 'crd-conversion-webhook', 'dns-server-list', 'dns-suffix', 'entrypoint-tester',
  'etc-hosts', 'fake-gitserver', 'grpc-health-checking', 'guestbook', 'help', 'inclusterclient', 'liveness',
  'logs-generator', 'mounttest', 'net', 'netexec', 'nettest', 'no-snat-test', 'no-snat-test-proxy', 'pause',
  'port-forward-tester', 'porter', 'resource-consumer-controller', 'serve-hostname', 'test-webserver', 'webhook',
  'test-service-account-issuer-discovery', 'completion',
];

/** Subcommands kubesim simulates. Others are known to the binary but not simulated: they serve nothing. */
const SIMULATED = new Set(['liveness', 'netexec', 'serve-hostname', 'pause']);

/** The exit status of a Go program that dies of SIGTERM as PID 1: the runtime's fallback exit(2). */
const GO_SIGTERM_EXIT = 2;

/** Levenshtein distance, as cobra's suggestions use it. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Lines cobra prints for an unknown command, with its suggestions (distance 2 at most, or a prefix). */
function unknownCommand(name: string): string[] {
  const lower = name.toLowerCase();
  const suggestions = SUBCOMMANDS.filter((c) => c !== 'help' && c !== 'completion' && (distance(lower, c) <= 2 || c.startsWith(lower)));
  const lines = [`Error: unknown command "${name}" for "app"`];
  if (suggestions.length > 0) lines.push('', 'Did you mean this?', ...suggestions.map((s) => `\t${s}`), '');
  return lines;
}

/** Formats a time as Go's standard logger prefixes its lines (`2006/01/02 15:04:05`, UTC in a container). */
function logTime(ms: number): string {
  return new Date(ms).toISOString().replace(/^(\d+)-(\d+)-(\d+)T([\d:]+)\..*$/, '$1/$2/$3 $4');
}

/** Splits the arguments after the subcommand into flags (`--name=value` or `--name value`) and positional arguments. */
function parseFlags(args: string[], valued: readonly string[]): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      positional.push(arg);
      continue;
    }
    if (m[2] !== undefined) flags.set(m[1], m[2]);
    else if (valued.includes(m[1]) && i + 1 < args.length) flags.set(m[1], args[++i]);
    else flags.set(m[1], 'true');
  }
  return { flags, positional };
}

/**
 * Reads an integer port flag, or returns pflag's parse error.
 * NOTE: cobra also prints the command's usage before a flag error; kubesim prints the error only.
 */
function portFlag(flags: Map<string, string>, name: string, fallback: number): number | string {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  if (/^[+-]?\d+$/.test(value)) return Number(value);
  return `Error: invalid argument "${value}" for "--${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
}

function failed(lines: string[]): AgnhostPlan {
  return { output: lines.map((line) => ({ atMs: 0, stream: 'stderr' as const, line })), exit: { atMs: 0, code: 1 }, ignoresSigterm: false };
}

/**
 * Plans `/agnhost ARGS` started at `startedAt` (ms since the epoch).
 * Simplified: flags are parsed loosely (unknown flags are accepted, not
 * reported), and subcommands outside SIMULATED run without serving anything.
 */
export function planAgnhost(args: string[], startedAt: number): AgnhostPlan {
  const [command, ...rest] = args;
  if (command === undefined) {
    // The root command has no action of its own, so cobra prints its help and the binary exits 0.
    // NOTE: abridged: the real help also lists each command's summary and the global flags.
    const help = ['Usage:', '  app [command]', '', 'Available Commands:', ...SUBCOMMANDS.filter((c) => c !== 'completion').map((c) => `  ${c}`), '', 'Use "app [command] --help" for more information about a command.'];
    return { output: help.map((line) => ({ atMs: 0, stream: 'stdout' as const, line })), exit: { atMs: 0, code: 0 }, ignoresSigterm: false };
  }
  if (!SUBCOMMANDS.includes(command)) return failed(unknownCommand(command));
  const { flags, positional } = parseFlags(rest, ['http-port', 'udp-port', 'sctp-port', 'port', 'tls-cert-file', 'tls-private-key-file', 'http-override', 'udp-listen-addresses']);
  if (SIMULATED.has(command) && positional.length > 0) {
    return failed([`Error: accepts at most 0 arg(s), received ${positional.length}`]);
  }
  switch (command) {
    case 'liveness':
      return { output: [], serves: 'agnhost-liveness', listens: [8080], ignoresSigterm: false, sigtermExitCode: GO_SIGTERM_EXIT };
    case 'netexec': {
      const port = portFlag(flags, 'http-port', 8080);
      if (typeof port === 'string') return failed([port]);
      return {
        output: [{ atMs: 0, stream: 'stderr', line: `${logTime(startedAt)} Started HTTP server on port ${port}` }],
        serves: 'agnhost-netexec', listens: [port], ignoresSigterm: false, sigtermExitCode: GO_SIGTERM_EXIT,
      };
    }
    case 'serve-hostname': {
      const port = portFlag(flags, 'port', 9376);
      if (typeof port === 'string') return failed([port]);
      const http = flags.get('http') !== 'false';
      if (http && (flags.get('tcp') === 'true' || flags.get('udp') === 'true')) {
        // The misspelt "server" is the binary's own message, which log.Fatalf ends with exit status 1.
        return { output: [{ atMs: 0, stream: 'stderr', line: `${logTime(startedAt)} Can't server TCP/UDP mode and HTTP mode at the same time` }], exit: { atMs: 0, code: 1 }, ignoresSigterm: false };
      }
      return {
        output: [{ atMs: 0, stream: 'stderr', line: `${logTime(startedAt)} Serving on port ${port}.` }],
        serves: 'agnhost-serve-hostname', listens: [port], ignoresSigterm: true,
      };
    }
    case 'pause':
      // pause catches SIGTERM and exits 0.
      return { output: [{ atMs: 0, stream: 'stdout', line: 'Paused' }], ignoresSigterm: false, sigtermExitCode: 0 };
    default:
      return { output: [], ignoresSigterm: false, sigtermExitCode: GO_SIGTERM_EXIT };
  }
}

/** Formats a duration as Go's time.Duration.String does, to the millisecond (`0s`, `750ms`, `12.5s`, `1m2.003s`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = String((ms % 60_000) / 1000);
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

/** Formats a time as Go's time.Time.String does for time.Now() in UTC, with its monotonic reading since `startedAt`. */
function formatGoNow(at: number, startedAt: number): string {
  const iso = new Date(at).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  const monotonic = ((at - startedAt) / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC m=+${monotonic}`;
}

/** The response of Go's ServeMux to a path no handler matches. */
const GO_NOT_FOUND = { status: 404, body: '404 page not found\n' };

/** Uptime (ms) up to which agnhost liveness returns 200 on /healthz. Past it, /healthz returns 500. */
export const LIVENESS_HEALTHY_MS = 10_000;

/**
 * Returns the response of a test server started at `startedAt` to a GET of
 * `path` (with its query) at `at`, both in ms since the epoch.
 */
export function serveTestServer(server: TestServer, path: string, at: number, startedAt: number, hostname: string): { status: number; body: string } {
  const [rawPath, query = ''] = path.split('#')[0].split('?', 2);
  const cleanPath = rawPath || '/';
  const params = new URLSearchParams(query);
  const elapsed = Math.max(0, at - startedAt);
  switch (server) {
    case 'agnhost-liveness':
      if (cleanPath === '/healthz') {
        return elapsed > LIVENESS_HEALTHY_MS ? { status: 500, body: `error: ${elapsed / 1000}` } : { status: 200, body: 'ok' };
      }
      if (cleanPath === '/started') return { status: 200, body: formatGoDuration(elapsed) };
      if (cleanPath === '/redirect') {
        const location = params.get('loc') ?? '';
        return { status: 302, body: `<a href="${location}">Found</a>.\n\n` };
      }
      return GO_NOT_FOUND;
    case 'agnhost-netexec':
      switch (cleanPath) {
        case '/hostname':
        case '/hostName':
          return { status: 200, body: hostname };
        case '/echo': {
          const code = params.get('code') ?? '';
          if (code !== '' && !/^[+-]?\d+$/.test(code)) return { status: 200, body: `argument 'code' must be an integer or empty, got "${code}"\n` };
          return { status: code === '' ? 200 : Number(code), body: params.get('msg') ?? '' };
        }
        case '/healthz':
          return { status: 200, body: '' };
        case '/shell':
        case '/dial':
        case '/upload':
        case '/exit':
        case '/shutdown':
        case '/clientip':
        case '/redirect':
          // Simplified: these act on processes, files or the network, which kubesim does not run for netexec.
          return { status: 501, body: `kubesim does not simulate ${cleanPath} of agnhost netexec\n` };
        default:
          return { status: 200, body: `NOW: ${formatGoNow(at, startedAt)}` };
      }
    case 'agnhost-serve-hostname':
      return { status: 200, body: hostname };
    case 'goproxy':
      // goproxy rejects a request that is not a proxy request with this error.
      return { status: 500, body: 'This is a proxy server. Does not respond to non-proxy requests.\n' };
  }
}

/**
 * Returns the first time after `at` at which `server` may respond to `path`
 * differently, or Infinity when its response never changes. agnhost
 * liveness turns /healthz to 500 once 10 s have passed, and the responses of
 * /started and of netexec's clock page change every millisecond.
 */
export function testServerChangesAt(server: TestServer, path: string, at: number, startedAt: number): number {
  const cleanPath = path.split(/[?#]/)[0] || '/';
  if (server === 'agnhost-liveness') {
    if (cleanPath === '/healthz') return at - startedAt <= LIVENESS_HEALTHY_MS ? startedAt + LIVENESS_HEALTHY_MS + 1 : Infinity;
    return cleanPath === '/started' ? at + 1 : Infinity;
  }
  if (server === 'agnhost-netexec' && !['/hostname', '/hostName', '/echo', '/healthz'].includes(cleanPath)) return at + 1;
  return Infinity;
}

/** Reports whether `serves` names one of the test servers of this module. */
export function isTestServer(serves: string | undefined): serves is TestServer {
  return serves === 'agnhost-liveness' || serves === 'agnhost-netexec' || serves === 'agnhost-serve-hostname' || serves === 'goproxy';
}
