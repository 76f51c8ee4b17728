/**
 * `wget` and `curl` inside the simulated network: HTTP GETs with busybox
 * wget's and curl's messages. The caller supplies the network (a pod's
 * view of it), for a process that `kubectl exec` starts or for a
 * container's main program at its start.
 */
import type { ShellState } from './shell/run';

export { curl } from './curl';

/** The simulated network's response to a GET, in the shape src/network returns. */
export interface HttpFetchResult {
  status?: number;
  body: string;
  /** curl's message when no response came (`curl: (6) Could not resolve host: web`). */
  error?: string;
  /** curl's exit code for that failure: 6 (unknown host), 7 (refused) or 28 (timed out). */
  exitCode?: number;
  /** The IP address the host resolved to. */
  address?: string;
}

/** Sends a GET for `url` from the process's pod. */
export type HttpFetcher = (url: string) => HttpFetchResult;

/** The cluster DNS as a pod's resolver reaches it, for `nslookup`. */
export interface DnsView {
  /** The A records of an exact name: addresses, `[]` when the name exists without any, undefined for NXDOMAIN. */
  addresses(fqdn: string): string[] | undefined;
  /** The PTR name of an address, or undefined when the server has none. */
  reverse(ip: string): string | undefined;
  /**
   * The DNS as it answers `elapsedMs` after the process started, when the
   * view knows the start: a Service created later has no records before its
   * creation. A re-plan of a running program then repeats the answers its
   * past queries got.
   */
  at?(elapsedMs: number): DnsView;
}

/** A pod's view of the simulated network. */
export interface PodNetwork {
  fetch: HttpFetcher;
  dns: DnsView;
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** Splits `http://host:port/path` into host, port and path (port 80 and path `/` by default). */
function parseUrl(url: string): { host: string; port: number; path: string } {
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { host: url, port: 80, path: '/' };
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}

/** Reads busybox wget's options: -q, -O FILE (also -O- and -qO-), -T SECONDS; returns undefined values for absent ones. */
function parseWgetArgs(args: string[]): { quiet: boolean; output?: string; url?: string } {
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      url ??= arg;
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      if (flag === 'q') quiet = true;
      else if (flag === 'O' || flag === 'T') {
        const value = arg.slice(j + 1) || args[++i];
        if (flag === 'O') output = value;
        break;
      }
    }
  }
  return { quiet, output, url };
}

/**
 * Runs busybox `wget`: the body goes to stdout with `-O -`, else into a
 * file named after the URL's last path segment (`index.html` for `/`).
 * Without a terminal the progress meter prints one line at the end, with
 * the 32-star bar of an 80-column width (libbb/progress.c, busybox 1.36.1).
 */
export function wget(fetch: HttpFetcher, state: ShellState, args: string[]): number {
  const { quiet, output, url } = parseWgetArgs(args);
  if (!url) {
    state.write('stderr', 'Usage: wget [-q] [-O FILE] URL\n');
    return 1;
  }
  const { host, port, path } = parseUrl(url);
  const res = fetch(url);
  if (res.exitCode === 6) {
    state.write('stderr', `wget: bad address '${host}'\n`);
    return 1;
  }
  if (!quiet) state.write('stderr', `Connecting to ${host} (${res.address ?? host}:${port})\n`);
  if (res.exitCode === 7) {
    state.write('stderr', `wget: can't connect to remote host (${res.address ?? host}): Connection refused\n`);
    return 1;
  }
  if (res.error || res.status === undefined) {
    state.write('stderr', 'wget: download timed out\n');
    return 1;
  }
  if (res.status >= 400) {
    state.write('stderr', `wget: server returned error: HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\n`);
    return 1;
  }

  const toStdout = output === '-';
  const file = output ?? (path.split('/').pop() || 'index.html');
  if (toStdout) state.write('stdout', res.body);
  else state.files.set(file.startsWith('/') ? file : `/${file}`, res.body);
  if (!quiet) {
    const progressName = toStdout ? '-' : file;
    state.write('stderr', toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    state.write('stderr', `${progressName.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(Buffer.byteLength(res.body)).padStart(5)}  0:00:00 ETA\n`);
    state.write('stderr', toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return 0;
}
