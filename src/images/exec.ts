/**
 * Runs a command that `kubectl exec` starts in a running container: decides
 * whether the image has the executable, then runs it with the simulated
 * shell, nginx or perl. Nothing runs on the host. Pure: time and the
 * container's facts come from the request.
 */
import { resolveImage, type ImageInfo } from './catalog';
import { runPerl } from './perl';
import { perlVersion } from './program';
import { parseScript, ShellSyntaxError } from './shell/parse';
import { ExitRequest, HorizonReached, ShellState, executeNode, logFileChanges, type FileChange, shellDialect, type ShellDialect, type ShellWorld } from './shell/run';
import { runCommand } from './shell/commands';
import type { DnsView, HttpFetcher } from './exec-network';
import { buildImageCommands, imageFiles, imageHasExecutable, isAlpine, nginxOutput } from './image-tools';
import { FIRST_CHILD_PID } from './ps';

export { imageHasExecutable } from './image-tools';

/** The facts an exec'd process can observe. */
export interface ExecRequest {
  image: string;
  /** The command and its arguments, as `kubectl exec POD -- …` passes them. */
  argv: string[];
  /** The process environment in order, without PATH, HOSTNAME and HOME, which the runtime adds. */
  env: { name: string; value: string }[];
  hostname: string;
  podIP: string;
  namespace: string;
  /** Simulated time the process starts at (ms since the epoch). */
  now: number;
  /** Everything the client sends on stdin (`-i`); undefined without `-i`. */
  stdin?: string;
  /** True when the client asked for a terminal and has one; the runtime then merges stderr into stdout. */
  tty: boolean;
  /** The pod's view of the simulated network, for `wget` and `curl`; without it those tools are absent. */
  fetch?: HttpFetcher;
  /** The cluster DNS of the pod, for `nslookup`. Without it that tool is absent. */
  dns?: DnsView;
  /** Files of the container's mounted ConfigMap, Secret, downward API and projected volumes, by absolute path. */
  mounts?: ReadonlyMap<string, string>;
  /** The argv of the container's main process (PID 1) and its start time, for `ps`. */
  main?: { argv: string[]; startedAt: number };
  /** Files the main process wrote (a string) or removed (null) before the exec, by absolute path. */
  written?: ReadonlyMap<string, string | null>;
  /** Simulated time (ms) after which the caller stops waiting, so the outcome reports the process as not finished. */
  timeoutMs?: number;
  /** Receives the files the process writes and removes, when set, so the caller can keep them in the container. */
  fileLog?: FileChange[];
}

/** The end of an exec: the process ran (and exited or was still running), or the runtime could not start it. */
export type ExecOutcome =
  | {
      type: 'ran';
      stdout: string;
      stderr: string;
      exitCode: number;
      /** False when the process was still running after the modelling horizon (24 h of simulated time or 200 000 shell steps). */
      finished: boolean;
      /** Simulated time (ms) the process ran (its `sleep`s), when it took any. */
      elapsedMs?: number;
    }
  | {
      type: 'start-failed';
      /** runc's reason, e.g. `exec: "bash": executable file not found in $PATH`. */
      reason: string;
    };

/** The PATH of the official images kubesim simulates. */
const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Returns the name an exec'd path runs, or undefined for a path outside the standard bin folders. */
function executableName(path: string): string | undefined {
  if (!path.includes('/')) return path;
  return /^\/(?:usr\/)?(?:local\/)?s?bin\/([^/]+)$/.exec(path)?.[1];
}

/** Builds the process environment: PATH and HOSTNAME, the container's variables, TERM with a terminal, then HOME. */
function buildExecEnvironment(request: ExecRequest): Map<string, string> {
  // NOTE: image ENV lines (such as nginx's NGINX_VERSION) are not simulated, and the place of TERM is not verified.
  const vars = new Map<string, string>([['PATH', IMAGE_PATH], ['HOSTNAME', request.hostname]]);
  for (const e of request.env) vars.set(e.name, e.value);
  if (request.tty) vars.set('TERM', 'xterm');
  if (!vars.has('HOME')) vars.set('HOME', '/root');
  return vars;
}

/**
 * A shell process whose output is collected as text: stdout and stderr
 * separately, or in one buffer as a terminal shows them.
 */
export class ExecShell {
  readonly state: ShellState;
  private readonly out = { text: '' };
  private readonly err: { text: string };

  constructor(request: ExecRequest, info: ImageInfo = resolveImage(request.image), shellName?: string) {
    const dialect: ShellDialect = shellDialect(info.kind === 'nginx' || info.kind === 'perl', shellName);
    const commands = buildImageCommands(info, {
      network: { fetch: request.fetch, dns: request.dns },
      processes: { main: request.main ?? { argv: [], startedAt: request.now }, selfPid: FIRST_CHILD_PID },
      hostname: request.hostname,
    });
    const world: ShellWorld = {
      hostname: request.hostname, podIP: request.podIP, namespace: request.namespace, startedAt: request.now, dialect, commands,
      mounts: request.mounts, horizonMs: request.timeoutMs,
    };
    this.state = new ShellState(buildExecEnvironment(request), world);
    this.err = request.tty ? this.out : { text: '' };
    this.state.fds = { 1: { type: 'capture', buffer: this.out }, 2: { type: 'capture', buffer: this.err } };
    this.state.stdin = request.stdin ?? '';
    for (const [path, content] of imageFiles(info, request.hostname)) this.state.files.set(path, content);
    for (const [path, content] of request.written ?? []) {
      if (content === null) this.state.files.delete(path);
      else this.state.files.set(path, content);
    }
    if (request.fileLog) logFileChanges(this.state, request.fileLog);
  }

  /**
   * Runs `body` and returns the output it wrote since the last call. `exited`
   * is set when the shell ended (`exit`, a syntax error); `finished` is false
   * when the body passed the modelling horizon.
   */
  run(body: () => void): { stdout: string; stderr: string; exited?: number; finished: boolean } {
    let exited: number | undefined;
    let finished = true;
    try {
      body();
    } catch (e) {
      if (e instanceof HorizonReached) finished = false;
      else if (e instanceof ExitRequest) exited = e.code & 255;
      else if (e instanceof ShellSyntaxError) {
        this.state.error(`syntax error: ${e.message}`);
        this.state.status = 2;
      } else throw e;
    }
    const stdout = this.out.text;
    const stderr = this.err === this.out ? '' : this.err.text;
    this.out.text = '';
    this.err.text = '';
    return { stdout, stderr, exited, finished };
  }

  /** Parses and runs one script, keeping variables and files for the next one. */
  runScript(script: string): { stdout: string; stderr: string; exited?: number; finished: boolean } {
    return this.run(() => {
      if (script.trim() !== '') executeNode(this.state, parseScript(script));
    });
  }
}

/** Returns the process's run time as an outcome field, left out for a process that took no simulated time. */
function elapsed(shell: ExecShell): { elapsedMs?: number } {
  return shell.state.elapsedMs > 0 ? { elapsedMs: shell.state.elapsedMs } : {};
}

/** Runs `sh [options] [-c script [name args…]]`; without -c the script comes from stdin. */
function runShell(request: ExecRequest, info: ImageInfo, args: string[], name: string): ExecOutcome {
  const shell = new ExecShell(request, info, name);
  let i = 0;
  let command = false;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    if (args[i].includes('c')) command = true;
  }
  let script: string;
  if (command) {
    script = args[i] ?? '';
    if (args.length > i + 1) shell.state.positional = args.slice(i + 1);
  } else if (i < args.length) {
    const file = args[i];
    if (shell.state.world.dialect === 'bash') return { type: 'ran', stdout: '', stderr: `bash: ${file}: No such file or directory\n`, exitCode: 127, finished: true };
    const stderr = shell.state.world.dialect === 'dash' ? `sh: 0: cannot open ${file}: No such file\n` : `sh: can't open '${file}': No such file or directory\n`;
    return { type: 'ran', stdout: '', stderr, exitCode: 2, finished: true };
  } else {
    // Simplified: an interactive shell prints prompts; a shell reading a script from stdin does not, and kubesim runs stdin as a script.
    script = shell.state.stdin;
    shell.state.stdin = '';
  }
  const result = shell.runScript(script);
  return { type: 'ran', stdout: result.stdout, stderr: result.stderr, exitCode: result.exited ?? shell.state.status & 255, finished: result.finished, ...elapsed(shell) };
}

/** Runs one applet directly, as the runtime starts `env` or `cat /etc/hosts` without a shell. */
function runApplet(request: ExecRequest, info: ImageInfo, argv: string[]): ExecOutcome {
  const shell = new ExecShell(request, info);
  const result = shell.run(() => {
    shell.state.status = runCommand(shell.state, argv);
  });
  return { type: 'ran', stdout: result.stdout, stderr: result.stderr, exitCode: result.exited ?? shell.state.status & 255, finished: result.finished, ...elapsed(shell) };
}

/** Runs `nginx` as the process `kubectl exec` starts (see nginxOutput). */
function runNginx(info: ImageInfo, args: string[], tty: boolean): ExecOutcome {
  const stderr = nginxOutput(info, args);
  return tty ? { type: 'ran', stdout: stderr, stderr: '', exitCode: 0, finished: true } : { type: 'ran', stdout: '', stderr, exitCode: 0, finished: true };
}

function runPerlCommand(info: ImageInfo, args: string[], tty: boolean): ExecOutcome {
  const result = runPerl(args, perlVersion(info));
  if (tty) return { type: 'ran', stdout: result.stdout + result.stderr, stderr: '', exitCode: result.exitCode, finished: true };
  return { type: 'ran', stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, finished: true };
}

/**
 * Returns runc's reason for an executable the image lacks: a bare name is
 * looked up in PATH, a path is checked with stat.
 */
export function missingExecutableReason(path: string): string {
  return path.includes('/')
    ? `exec: "${path}": stat ${path}: no such file or directory`
    : `exec: "${path}": executable file not found in $PATH`;
}

/** Runs an exec request in the simulated image. */
export function execInImage(request: ExecRequest): ExecOutcome {
  const info = resolveImage(request.image);
  const [path, ...args] = request.argv;
  const name = executableName(path);
  const networkTool = ((name === 'wget' || name === 'curl') && !request.fetch) || (name === 'nslookup' && !request.dns);
  if (name === undefined || networkTool || !imageHasExecutable(info, name)) return { type: 'start-failed', reason: missingExecutableReason(path) };
  if (['sh', 'ash', 'bash', 'dash'].includes(name)) return runShell(request, info, args, name);
  if (name === 'nginx' || name === 'nginx-debug') return runNginx(info, args, request.tty);
  if (name.startsWith('perl')) return runPerlCommand(info, args, request.tty);
  return runApplet(request, info, [name, ...args]);
}

/** An interactive shell session and the prompt it prints before each command. */
export interface InteractiveShell {
  shell: ExecShell;
  prompt: string;
}

/**
 * Opens an interactive session when the request starts a shell without a
 * script (`sh`, `bash -il`), as `kubectl exec -it POD -- sh` does on a
 * terminal. Returns undefined for any other command, which then runs with
 * execInImage.
 */
export function openInteractiveShell(request: ExecRequest): InteractiveShell | undefined {
  const info = resolveImage(request.image);
  const [path, ...args] = request.argv;
  const name = executableName(path);
  if (name === undefined || !['sh', 'ash', 'bash', 'dash'].includes(name) || !imageHasExecutable(info, name)) return undefined;
  const options = args.filter((a) => a.startsWith('-'));
  if (options.some((a) => a.includes('c')) || args.some((a) => !a.startsWith('-'))) return undefined;
  // busybox ash shows the working directory, dash shows only `#`, bash shows user, host and directory.
  const dash = info.kind === 'perl' || (info.kind === 'nginx' && !isAlpine(info));
  let prompt = dash ? '# ' : '/ # ';
  if (name === 'bash') prompt = `root@${request.hostname}:/# `;
  const shell = new ExecShell(request, info, name);
  shell.state.world.interactive = true;
  return { shell, prompt };
}
