/**
 * `curl` inside the simulated network, with curl 8's option parsing,
 * messages and exit codes (src/tool_getparam.c, src/tool_writeout.c).
 */
import type { HttpFetcher, HttpFetchResult } from './exec-network';
import type { ShellState } from './shell/run';

/** Long names of curl's options that take an argument, with their one-letter forms where curl has them. */
const VALUE_OPTIONS: Record<string, string> = {
  request: 'X', header: 'H', data: 'd', 'data-raw': '', 'data-binary': '', 'data-urlencode': '', 'data-ascii': '',
  'write-out': 'w', output: 'o', 'max-time': 'm', 'connect-timeout': '', user: 'u', 'user-agent': 'A', referer: 'e',
  cookie: 'b', 'cookie-jar': 'c', form: 'F', 'upload-file': 'T', proxy: 'x', retry: '', 'retry-delay': '', 'retry-max-time': '',
  resolve: '', cacert: '', cert: 'E', key: '', range: 'r', config: 'K', url: '', 'limit-rate': '', 'max-redirs': '',
  'output-dir': '', 'speed-limit': 'Y', 'speed-time': 'y', 'proxy-user': 'U', 'dump-header': 'D', interface: '', 'unix-socket': '',
};

/** Long names of curl's options without an argument, with their one-letter forms where curl has them. */
const SWITCH_OPTIONS: Record<string, string> = {
  silent: 's', 'show-error': 'S', fail: 'f', 'fail-with-body': '', include: 'i', head: 'I', location: 'L', insecure: 'k',
  verbose: 'v', ipv4: '4', ipv6: '6', 'no-buffer': 'N', 'remote-name': 'O', get: 'G', 'progress-bar': '#', compressed: '',
  http1: '0', 'http1.1': '', http2: '', 'no-progress-meter': '', 'no-keepalive': '', globoff: 'g', 'remote-header-name': 'J',
  'junk-session-cookies': 'j', 'list-only': 'l', 'remote-time': 'R', netrc: 'n', 'disable': 'q', 'show-headers': '',
};

/** Parsed curl command line: each option by its long name, the `-H` headers and the URL. */
interface CurlOptions {
  values: Map<string, string>;
  switches: Set<string>;
  /** Repeated `-H` values, in order. */
  headers: string[];
  url?: string;
}

const SHORT_VALUES = new Map(Object.entries(VALUE_OPTIONS).filter(([, s]) => s).map(([long, s]) => [s, long]));
const SHORT_SWITCHES = new Map(Object.entries(SWITCH_OPTIONS).filter(([, s]) => s).map(([long, s]) => [s, long]));

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** The hint curl prints after every command-line error. */
const HELP_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/**
 * The TLS library text of a handshake with a plain HTTP server.
 * NOTE: the OpenSSL version differs between images, and 3.5.4 is an estimate for a current Alpine curl.
 */
const TLS_WRONG_VERSION = 'curl: (35) TLS connect error: OpenSSL/3.5.4: error:0A00010B:SSL routines::wrong version number';

/** Parses curl's arguments, or returns the option that failed and curl's reason. */
function parseCurlArgs(args: string[]): CurlOptions | { bad: string; reason: string } {
  const parsed: CurlOptions = { values: new Map(), switches: new Set(), headers: [] };
  const setValue = (long: string, value: string) => {
    if (long === 'header') parsed.headers.push(value);
    else if (long === 'url') parsed.url ??= value;
    else parsed.values.set(long, value);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      parsed.url ??= arg;
      continue;
    }
    if (arg.startsWith('--')) {
      const long = arg.slice(2);
      if (long in SWITCH_OPTIONS) parsed.switches.add(long);
      else if (long in VALUE_OPTIONS) {
        if (i + 1 >= args.length) return { bad: arg, reason: 'requires parameter' };
        setValue(long, args[++i]);
      } else return { bad: arg, reason: 'is unknown' };
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const valueLong = SHORT_VALUES.get(letter);
      if (valueLong) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return { bad: arg, reason: 'requires parameter' };
        setValue(valueLong, value);
        break;
      }
      const switchLong = SHORT_SWITCHES.get(letter);
      if (!switchLong) return { bad: arg, reason: 'is unknown' };
      parsed.switches.add(switchLong);
    }
  }
  return parsed;
}

/** Returns the URL as curl reports it in `%{url_effective}`: with a scheme and at least a `/` path. */
function effectiveUrl(url: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  return /^[^:]+:\/\/[^/]+$/.test(withScheme) ? `${withScheme}/` : withScheme;
}

/** Formats the response head curl prints with -i and -I. */
function formatHead(status: number, body: string): string {
  // NOTE: a real server also sends Server, Date and other headers; kubesim models only these two.
  return `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
}

/** Facts of one transfer that `-w` variables print. */
interface TransferFacts {
  status: number;
  bytes: number;
  url: string;
  method: string;
  exitCode: number;
  error: string;
  address?: string;
}

/** Expands a `-w` template as curl's write-out does: `%{name}`, `%%` and the escapes `\n`, `\r` and `\t`. */
function writeOut(state: ShellState, template: string, facts: TransferFacts): void {
  const port = /^[^:]+:\/\/[^/:]+:(\d+)/.exec(facts.url)?.[1] ?? (facts.url.startsWith('https:') ? '443' : '80');
  const variables: Record<string, string> = {
    http_code: String(facts.status).padStart(3, '0'),
    response_code: String(facts.status).padStart(3, '0'),
    size_download: String(facts.bytes),
    url_effective: facts.url,
    url: facts.url,
    method: facts.method,
    exitcode: String(facts.exitCode),
    errormsg: facts.error,
    remote_ip: facts.status > 0 ? facts.address ?? '' : '',
    remote_port: facts.status > 0 ? port : '',
  };
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const next = template[i + 1];
    if (c === '%' && next === '%') {
      out += '%';
      i++;
    } else if (c === '%' && next === '{' && template.indexOf('}', i) > 0) {
      const end = template.indexOf('}', i);
      const name = template.slice(i + 2, end);
      if (Object.hasOwn(variables, name)) out += variables[name];
      else state.write('stderr', `curl: unknown --write-out variable: '${name}'\n`);
      i = end;
    } else if (c === '\\' && next !== undefined) {
      out += { n: '\n', r: '\r', t: '\t' }[next] ?? `\\${next}`;
      i++;
    } else out += c;
  }
  state.write('stdout', out);
}

/** Connects as curl does: an `https://` URL goes to port 443 by default and fails the handshake with a plain HTTP server. */
function connect(fetch: HttpFetcher, url: string, maxSeconds?: number): HttpFetchResult {
  const https = /^https:\/\//i.exec(url);
  const target = https && !/^https:\/\/[^/]+:\d+/i.test(url) ? url.replace(/^https:\/\/([^/]+)/i, 'https://$1:443') : url;
  const res = fetch(target);
  if (res.exitCode === 28 && maxSeconds !== undefined) {
    // NOTE: real curl reports a few milliseconds more than the limit.
    return { ...res, error: `curl: (28) Connection timed out after ${Math.round(maxSeconds * 1000)} milliseconds` };
  }
  if (https && !res.error) return { body: '', error: TLS_WRONG_VERSION, exitCode: 35, address: res.address };
  return res;
}

/**
 * Runs `curl`: the body goes to stdout (or a file with -o), -i adds the
 * response head and -I sends a HEAD request that prints only the head.
 * -f turns an error status into exit code 22, -w prints transfer facts,
 * and -s hides errors unless -S is given too.
 * NOTE: curl prints a progress meter on stderr when its output is not a
 * terminal. kubesim leaves it out, because its speeds and times vary by run.
 * Simplified: the simulated servers handle every method as a GET, and -H, -d, -u and -A change nothing.
 */
export function curl(fetch: HttpFetcher, state: ShellState, args: string[]): number {
  const parsed = parseCurlArgs(args);
  if ('bad' in parsed) {
    state.write('stderr', `curl: option ${parsed.bad}: ${parsed.reason}\n${HELP_HINT}`);
    return 2;
  }
  const { values, switches, url } = parsed;
  if (!url) {
    // curl 8 reports the missing URL even with -s, and without any argument prints only the hint.
    state.write('stderr', args.length === 0 ? HELP_HINT : `curl: (2) no URL specified\n${HELP_HINT}`);
    return 2;
  }

  const showErrors = !switches.has('silent') || switches.has('show-error');
  const headOnly = switches.has('head');
  const method = values.get('request') ?? (headOnly ? 'HEAD' : values.has('data') && !switches.has('get') ? 'POST' : 'GET');
  const limits = [values.get('max-time'), values.get('connect-timeout')].map(Number).filter((n) => n > 0);
  const maxSeconds = limits.length > 0 ? Math.min(...limits) : undefined;
  const res = connect(fetch, url, maxSeconds);
  const facts: TransferFacts = { status: 0, bytes: 0, url: effectiveUrl(url), method, exitCode: 0, error: '', address: res.address };
  const template = values.get('write-out');

  if (res.error) {
    if (res.exitCode === 28 && maxSeconds !== undefined) state.sleep(maxSeconds * 1000);
    if (showErrors) state.write('stderr', `${res.error}\n`);
    facts.exitCode = res.exitCode ?? 7;
    facts.error = res.error.replace(/^curl: \(\d+\) /, '');
    if (template !== undefined) writeOut(state, template, facts);
    return facts.exitCode;
  }

  facts.status = res.status ?? 200;
  if (switches.has('fail') && facts.status >= 400) {
    if (showErrors) state.write('stderr', `curl: (22) The requested URL returned error: ${facts.status}\n`);
    facts.exitCode = 22;
    facts.error = `The requested URL returned error: ${facts.status}`;
    if (template !== undefined) writeOut(state, template, facts);
    return 22;
  }

  const body = headOnly ? '' : res.body;
  facts.bytes = Buffer.byteLength(body);
  const head = headOnly || switches.has('include') || switches.has('show-headers') ? formatHead(facts.status, res.body) : '';
  const output = values.get('output');
  if (output === '/dev/null') {
    // Discarded, as the device does.
  } else if (output !== undefined && output !== '-') state.files.set(output.startsWith('/') ? output : `/${output}`, head + body);
  else state.write('stdout', head + body);
  if (template !== undefined) writeOut(state, template, facts);
  return 0;
}
