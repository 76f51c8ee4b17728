/**
 * Output and pages of the simulated nginx: the official image's entrypoint
 * messages, nginx's start-up notices, the welcome page and the built-in error
 * pages.
 */

/** nginx version inside the tutorial's `myapp` images (nginx on Alpine). */
export const MYAPP_NGINX_VERSION = '1.12.2';

/** Kernel release the simulated nodes report, shown in nginx's `OS:` notice. */
export const NODE_KERNEL_VERSION = '6.1.0-28-amd64';

/** Worker processes nginx starts with `worker_processes auto` on a 2-CPU node. */
const WORKER_PIDS = [29, 30];

/** Compares dotted versions numerically; negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function formatLogTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
}

/**
 * Returns the stdout lines `/docker-entrypoint.sh` of the official image
 * prints before starting nginx. The entrypoint exists since 1.19.
 */
export function formatEntrypointLines(version: string): string[] {
  let lines = entrypointLines.get(version);
  if (!lines) {
    lines = buildEntrypointLines(version);
    entrypointLines.set(version, lines);
  }
  return [...lines];
}

/** Entrypoint lines by nginx version, since every nginx container start prints them. */
const entrypointLines = new Map<string, string[]>();

function buildEntrypointLines(version: string): string[] {
  if (compareVersions(version, '1.19') < 0) return [];
  const modern = compareVersions(version, '1.21') >= 0;
  // NOTE: the release that added 15-local-resolvers.envsh is approximate (1.25.3).
  const localResolvers = compareVersions(version, '1.25.3') >= 0;
  const info = modern ? 'info: ' : '';
  const lines = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    `10-listen-on-ipv6-by-default.sh: ${info}Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `10-listen-on-ipv6-by-default.sh: ${info}Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
  ];
  if (localResolvers) lines.push('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  lines.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
  if (modern) lines.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
  lines.push('/docker-entrypoint.sh: Configuration complete; ready for start up');
  return lines;
}

/**
 * Returns the `[notice]` lines nginx writes to stderr at start. Official
 * images log notices since 1.21; older ones log nothing at start.
 */
export function formatStartNotices(version: string, startedAt: number): string[] {
  const second = Math.floor(startedAt / 1000);
  if (lastNotices?.version !== version || lastNotices.second !== second) {
    lastNotices = { version, second, lines: buildStartNotices(version, startedAt) };
  }
  return [...lastNotices.lines];
}

/** The last notices built: containers that start together print the same lines. */
let lastNotices: { version: string; second: number; lines: string[] } | undefined;

function buildStartNotices(version: string, startedAt: number): string[] {
  if (compareVersions(version, '1.21') < 0) return [];
  const prefix = `${formatLogTime(startedAt)} [notice] 1#1:`;
  const compiler = compareVersions(version, '1.25') >= 0
    ? 'gcc 12.2.0 (Debian 12.2.0-14) '
    : 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
  return [
    `${prefix} using the "epoll" event method`,
    `${prefix} nginx/${version}`,
    `${prefix} built by ${compiler}`,
    `${prefix} OS: Linux ${NODE_KERNEL_VERSION}`,
    `${prefix} getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${prefix} start worker processes`,
    ...WORKER_PIDS.map((pid) => `${prefix} start worker process ${pid}`),
  ];
}

/** The default `index.html` of the official nginx image. */
export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/**
 * Returns nginx's built-in error page for `status` (`404 Not Found`). Releases
 * before 1.17 set `bgcolor="white"` on the body.
 */
export function formatErrorPage(status: string, version: string): string {
  // NOTE: 1.17.3 is the oldest release seen without bgcolor; the exact boundary is not verified.
  const body = compareVersions(version, '1.17') < 0 ? '<body bgcolor="white">' : '<body>';
  return `<html>\n<head><title>${status}</title></head>\n${body}\n<center><h1>${status}</h1></center>\n`
    + `<hr><center>nginx/${version}</center>\n</body>\n</html>\n`;
}
