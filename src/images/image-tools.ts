/**
 * The programs each simulated image ships besides its shell built-ins,
 * and the in-process commands that run them: `ls`, `ps`, and the network
 * tools `wget`, `curl` and `nslookup` when the caller supplies a network.
 * Shared by `kubectl exec` (images/exec.ts) and a container's main program
 * (images/program.ts), so both see the same image.
 */
import { resolveNginxVersion, type ImageInfo } from './catalog';
import type { ShellCommand } from './shell/run';
import { SHELL_COMMANDS } from './shell/commands';
import { formatMyappIndex } from './http';
import { MYAPP_NGINX_VERSION, NGINX_WELCOME_PAGE } from './nginx';
import { curl, wget, type PodNetwork } from './exec-network';
import { nslookup, type NslookupFlavour } from './nslookup';
import { ls, type LsFlavour } from './ls';
import { ps, type ProcessTable } from './ps';

/** Built-ins that exist only inside a shell, never as files in an image. */
export const SHELL_ONLY: ReadonlySet<string> = new Set(['exit', 'export', 'unset', 'exec', 'trap', 'wait', ':', 'cd', 'read', 'set']);

/**
 * Images outside the catalog that tutorials use as network toolboxes:
 * curlimages/curl (Alpine with curl, PID 1 is an entrypoint that runs
 * curl) and radial/busyboxplus (an old busybox with curl).
 */
export function toolboxOf(info: ImageInfo): 'curl' | 'busyboxplus' | undefined {
  if (info.kind !== 'generic') return undefined;
  if (info.name === 'curl') return 'curl';
  if (info.name === 'busyboxplus') return 'busyboxplus';
  return undefined;
}

/** Reports whether an Alpine-based image: myapp, nginx's `-alpine` tags and curlimages/curl. Those have ash but neither bash nor dash. */
export function isAlpine(info: ImageInfo): boolean {
  return info.kind === 'myapp' || (info.kind === 'nginx' && info.tag.includes('alpine')) || toolboxOf(info) === 'curl';
}

/** Reports whether the image's shell tools come from busybox: busybox itself, busyboxplus and the Alpine images. */
function hasBusyboxTools(info: ImageInfo): boolean {
  return info.kind === 'busybox' || toolboxOf(info) === 'busyboxplus' || isAlpine(info);
}

/** Reports whether the image has an executable called `name`. */
export function imageHasExecutable(info: ImageInfo, name: string): boolean {
  const toolbox = toolboxOf(info);
  switch (name) {
    case 'sh':
    case 'ls':
      return true;
    case 'ash':
    case 'nslookup':
      return hasBusyboxTools(info);
    case 'bash':
    case 'dash':
      return info.kind === 'perl' || (info.kind === 'nginx' && !isAlpine(info));
    case 'nginx':
    case 'nginx-debug':
      return info.kind === 'nginx' || info.kind === 'myapp';
    case 'wget':
      return hasBusyboxTools(info) || info.kind === 'perl';
    case 'curl':
      return info.kind === 'nginx' || info.kind === 'perl' || toolbox !== undefined;
    case 'ps':
      // Debian's nginx image lacks procps; the perl image's buildpack-deps base has it.
      return hasBusyboxTools(info) || (info.kind === 'perl' && !info.tag.includes('slim'));
  }
  if (/^perl(5[\d.]*)?$/.test(name)) return info.kind === 'perl';
  return SHELL_COMMANDS.includes(name) && !SHELL_ONLY.has(name);
}

/** Files the image ships (or its entrypoint writes) that commands such as `cat` can read. */
export function imageFiles(info: ImageInfo, hostname: string): Map<string, string> {
  const files = new Map<string, string>();
  if (info.kind === 'nginx') files.set('/usr/share/nginx/html/index.html', NGINX_WELCOME_PAGE);
  if (info.kind === 'myapp') {
    files.set('/usr/share/nginx/html/index.html', formatMyappIndex(info.tag));
    files.set('/usr/share/nginx/html/hostname.html', `${hostname}\n`);
  }
  return files;
}

/**
 * Returns what `nginx ARGS` writes to stderr in the image: the version for
 * `-v`, the configuration check for `-t`. Simplified: other invocations
 * (starting a second master, `-s reload`) print nothing and exit 0.
 */
export function nginxOutput(info: ImageInfo, args: string[]): string {
  const version = info.kind === 'myapp' ? MYAPP_NGINX_VERSION : resolveNginxVersion(info.tag) ?? '1.29.3';
  if (args.includes('-v')) return `nginx version: nginx/${version}\n`;
  if (args.includes('-t')) {
    return 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' + 'nginx: configuration file /etc/nginx/nginx.conf test is successful\n';
  }
  return '';
}

/** Returns the image's nslookup variant: the C library's resolver before busybox 1.29, busybox's own after. */
function nslookupFlavour(info: ImageInfo): NslookupFlavour {
  if (toolboxOf(info) === 'busyboxplus') return 'libc';
  const m = info.kind === 'busybox' ? /^1\.(\d+)/.exec(info.tag) : null;
  return m && Number(m[1]) < 29 ? 'libc' : 'own-resolver';
}

/** The facts about a process that its image commands read. */
export interface ImageCommandFacts {
  /** The pod's network; without it `wget`, `curl` and `nslookup` are absent. */
  network?: Partial<PodNetwork>;
  /** The processes `ps` lists. */
  processes: ProcessTable;
  hostname: string;
}

/** Builds the commands of `info` that are not shell built-ins, for a shell world's `commands`. */
export function buildImageCommands(info: ImageInfo, facts: ImageCommandFacts): Map<string, ShellCommand> {
  const commands = new Map<string, ShellCommand>();
  const has = (name: string) => imageHasExecutable(info, name);
  const { fetch, dns } = facts.network ?? {};
  if (fetch && has('wget')) commands.set('wget', (s, args) => wget(fetch, s, args));
  if (fetch && has('curl')) commands.set('curl', (s, args) => curl(fetch, s, args));
  if (dns && has('nslookup')) {
    const flavour = nslookupFlavour(info);
    commands.set('nslookup', (s, args) => nslookup(dns.at ? dns.at(s.elapsedMs) : dns, flavour, s, args));
  }
  const lsFlavour: LsFlavour = hasBusyboxTools(info) ? 'busybox' : 'gnu';
  const files = imageFiles(info, facts.hostname);
  commands.set('ls', (s, args) => ls(info, lsFlavour, files, facts.processes.main.startedAt, s, args));
  for (const name of ['nginx', 'nginx-debug']) {
    if (!has(name)) continue;
    commands.set(name, (s, args) => {
      s.write('stderr', nginxOutput(info, args));
      return 0;
    });
  }
  if (has('ps')) commands.set('ps', (s, args) => ps(hasBusyboxTools(info) ? 'busybox' : 'procps', facts.processes, s, args));
  return commands;
}
