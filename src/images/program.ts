/**
 * Plans what a container's main process does: its output over time, when it
 * exits, how it reacts to SIGTERM and what it serves over HTTP. Pure: every
 * time comes from the context, so a plan is the same on every call.
 */
import { PERL_LATEST, resolveImage, resolveNginxVersion, ImageInfo } from './catalog';
import { formatEntrypointLines, formatStartNotices, MYAPP_NGINX_VERSION } from './nginx';
import { runPerl } from './perl';
import { runArgv, runScript, OutputLine, ScriptResult, ShellDialect, shellDialect, type FileChange } from './shell/run';
import type { PodNetwork } from './exec-network';
import { buildImageCommands, imageHasExecutable, SHELL_ONLY, toolboxOf } from './image-tools';
import { FIRST_CHILD_PID } from './ps';
import { planAgnhost, type TestServer } from './agnhost';

/** The container fields a program depends on. */
export interface ContainerSpecLite {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  /** The container's `stdin`: the runtime keeps the process's standard input open, for an attach to write to. */
  stdin?: boolean;
  /** The container's `stdinOnce`: the runtime closes standard input when the first attach ends. */
  stdinOnce?: boolean;
  /** The container's `tty`: the process's standard input is a terminal, which never reaches end of file by itself. */
  tty?: boolean;
}

/** The pod facts a program can observe. `startedAt` is simulated ms since the epoch. */
export interface ProgramContext {
  podName: string;
  hostname: string;
  podIP: string;
  namespace: string;
  nodeName: string;
  startedAt: number;
  env: Record<string, string>;
  /** Files of the container's mounted ConfigMap, Secret, downward API and projected volumes, by absolute path. */
  mounts?: ReadonlyMap<string, string>;
  /**
   * The pod's view of the network when the container starts, for `wget`,
   * `curl` and `nslookup` in the main program. Without it those tools are
   * absent, and the plan is pure.
   * Simplified: a program's whole run is planned at its start, so a request
   * it sends later (after a `sleep`) still gets the network state of the start.
   */
  network?: PodNetwork;
  /** Receives the files the program writes and removes over its run, when set (see ShellWorld.fileLog). */
  fileLog?: FileChange[];
}

/**
 * A container's behaviour from its start. Output offsets are ms after start.
 * Shell programs are modelled up to the plan limits (by default
 * SHELL_HORIZON_MS, 24 h of simulated time, or SHELL_MAX_LINES, 10 000 lines).
 * A program still running at that point has no `exit`.
 */
export interface RunPlan {
  output: OutputLine[];
  /** Undefined when the process runs until it is killed. */
  exit?: { atMs: number; code: number };
  /** True when PID 1 installs no SIGTERM handler (`sleep`, `sh -c`), so only SIGKILL after the grace period stops it. */
  ignoresSigterm: boolean;
  /** Time from SIGTERM to exit for a process that handles it. */
  terminationMs: number;
  serves?: 'myapp' | 'nginx' | 'generic-http' | TestServer;
  /**
   * The TCP ports the server listens on, when the program sets them (agnhost,
   * goproxy). Without it, see serverListensOn().
   */
  listens?: number[];
  /** Exit code of a process that handles SIGTERM by exiting (0 when unset; a Go program as PID 1 exits 2). */
  sigtermExitCode?: number;
  /** myapp version (`v1`, `v2`, …). */
  version?: string;
  /** nginx version for the `Server` header and error pages. */
  serverVersion?: string;
  /**
   * Set when the runtime cannot start the process (executable not found); the
   * kubelet reports the container as Terminated with reason StartError and exit code 128.
   */
  startError?: string;
  /**
   * True when PID 1 is a shell waiting to read its commands from an open
   * standard input (`stdin: true`), so what an attach writes runs as a script.
   */
  readsStdin?: boolean;
}

/**
 * Reports whether a simulated server listens on TCP `port`, for in-cluster
 * requests and the kubelet's probes alike. A program that names its ports
 * (agnhost, goproxy) listens on those. nginx and myapp listen on 80, as
 * their default configurations do, whatever the pod declares. Any other
 * server listens on 80 and on the container's declared ports, or on every
 * port when it declares none, because kubesim cannot know an unknown image's port.
 */
export function serverListensOn(serves: RunPlan['serves'], listens: readonly number[] | undefined, declared: readonly number[], port: number): boolean {
  if (listens) return listens.includes(port);
  if (serves === 'nginx' || serves === 'myapp') return port === 80;
  return declared.length === 0 || port === 80 || declared.includes(port);
}

/**
 * Limits of one planning run. A kubelet that only needs output up to the
 * current simulated time can pass `horizonMs = now - startedAt` to plan less.
 */
export interface PlanLimits {
  horizonMs?: number;
  maxLines?: number;
}

/** Time a server takes to shut down after SIGTERM. */
const SERVER_TERMINATION_MS = 100;

/** The image's ENTRYPOINT and CMD, which `command` and `args` override as Kubernetes defines. */
export interface ImageDefaults {
  entrypoint: string[];
  cmd: string[];
}

function imageDefaults(info: ImageInfo): ImageDefaults {
  switch (info.kind) {
    case 'busybox':
      return { entrypoint: [], cmd: ['sh'] };
    case 'myapp':
      return { entrypoint: [], cmd: ['nginx', '-g', 'daemon off;'] };
    case 'nginx':
      return { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
    case 'perl':
      return { entrypoint: [], cmd: [`perl${perlVersion(info)}`, '-de0'] };
    case 'agnhost':
      return { entrypoint: ['/agnhost'], cmd: ['pause'] };
    case 'goproxy':
      return { entrypoint: [], cmd: ['/goproxy'] };
    case 'generic': {
      const toolbox = toolboxOf(info);
      // curlimages/curl's entrypoint runs curl with the arguments unless they start with a command the image has.
      if (toolbox === 'curl') return { entrypoint: ['/entrypoint.sh'], cmd: ['curl'] };
      if (toolbox === 'busyboxplus') return { entrypoint: [], cmd: ['/bin/sh'] };
      return { entrypoint: [], cmd: [] };
    }
  }
}

/** Returns the argv of a container's PID 1 as the runtime starts it, from its spec and image. */
export function containerArgv(spec: ContainerSpecLite): string[] {
  return buildArgv(spec, imageDefaults(resolveImage(spec.image)));
}

/** Returns the Perl version an image tag runs (`5.36.0` for `perl:5.36`), or the latest for floating tags. */
export function perlVersion(info: ImageInfo): string {
  const m = /^(5\.\d+)(?:\.(\d+))?/.exec(info.tag);
  if (!m) return PERL_LATEST;
  return `${m[1]}.${m[2] ?? '0'}`;
}

/**
 * Builds the argv of PID 1: `command` replaces ENTRYPOINT and drops CMD,
 * `args` replaces CMD.
 */
export function buildArgv(spec: ContainerSpecLite, defaults: ImageDefaults): string[] {
  if (spec.command && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  return [...defaults.entrypoint, ...(spec.args && spec.args.length > 0 ? spec.args : defaults.cmd)];
}

/** Builds the process environment: image defaults, then the pod's variables. */
function buildEnvironment(spec: ContainerSpecLite, ctx: ProgramContext): Map<string, string> {
  const vars = new Map<string, string>();
  vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  vars.set('HOSTNAME', ctx.hostname);
  for (const [name, value] of Object.entries(ctx.env)) vars.set(name, value);
  for (const e of spec.env ?? []) vars.set(e.name, e.value ?? '');
  vars.set('HOME', '/root');
  return vars;
}

function planFromScript(result: ScriptResult, ignoresSigterm: boolean): RunPlan {
  const plan: RunPlan = { output: result.lines, ignoresSigterm, terminationMs: 0 };
  if (result.exitCode !== undefined) plan.exit = { atMs: result.endMs, code: result.exitCode };
  return plan;
}

function planServer(serves: RunPlan['serves'], output: OutputLine[] = []): RunPlan {
  return { output, ignoresSigterm: false, terminationMs: SERVER_TERMINATION_MS, serves };
}

function planStartError(executable: string): RunPlan {
  return {
    output: [], exit: { atMs: 0, code: 128 }, ignoresSigterm: false, terminationMs: 0,
    startError: `exec: "${executable}": executable file not found in $PATH`,
  };
}

/** Plans `nginx …`; without `daemon off;` nginx forks into the background and PID 1 exits at once. */
function planNginx(argv: string[], info: ImageInfo, ctx: ProgramContext, entrypoint: boolean): RunPlan {
  const myapp = info.kind === 'myapp';
  const version = myapp ? MYAPP_NGINX_VERSION : resolveNginxVersion(info.tag) ?? '1.29.3';
  const output: OutputLine[] = [];
  if (entrypoint) {
    for (const line of formatEntrypointLines(version)) output.push({ atMs: 0, stream: 'stdout', line });
  }
  const daemonOff = argv.some((a) => /daemon\s+off\s*;/.test(a));
  if (!daemonOff) {
    return { output, exit: { atMs: 10, code: 0 }, ignoresSigterm: false, terminationMs: 0 };
  }
  const startMs = output.length > 0 ? 20 : 0;
  for (const line of formatStartNotices(version, ctx.startedAt + startMs)) {
    output.push({ atMs: startMs, stream: 'stderr', line });
  }
  const plan = planServer(myapp ? 'myapp' : 'nginx', output);
  plan.serverVersion = version;
  if (myapp) plan.version = info.tag;
  return plan;
}

function planPerl(argv: string[], info: ImageInfo): RunPlan {
  const result = runPerl(argv.slice(1), perlVersion(info));
  const output: OutputLine[] = [];
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    if (text === '') continue;
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) output.push({ atMs: result.durationMs, stream, line });
  }
  // perl installs no SIGTERM handler, and PID 1 ignores signals left at their default action.
  return {
    output, exit: { atMs: result.durationMs, code: result.exitCode },
    ignoresSigterm: true, terminationMs: 0,
  };
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

/**
 * Builds the simulated shell's dialect, world and environment for a
 * container started at `ctx.startedAt`, whose PID 1 runs `argv`.
 */
function shellSetup(spec: ContainerSpecLite, ctx: ProgramContext, limits: PlanLimits, argv = containerArgv(spec)) {
  const info = resolveImage(spec.image);
  const dialect: ShellDialect = shellDialect(info.kind === 'nginx' || info.kind === 'perl', (argv[0] ?? '').split('/').pop());
  const psIsMain = (argv[0] ?? '').split('/').pop() === 'ps';
  const commands = buildImageCommands(info, {
    network: ctx.network,
    processes: { main: { argv, startedAt: ctx.startedAt }, selfPid: psIsMain ? undefined : FIRST_CHILD_PID },
    hostname: ctx.hostname,
  });
  const world = {
    hostname: ctx.hostname, podIP: ctx.podIP, namespace: ctx.namespace, startedAt: ctx.startedAt, dialect,
    horizonMs: limits.horizonMs, maxLines: limits.maxLines, commands, fileLog: ctx.fileLog,
    // Read on first use: the kubelet builds the volume files only when a program reads a file.
    get mounts() {
      return ctx.mounts;
    },
  };
  return { dialect, world, vars: buildEnvironment(spec, ctx) };
}

/**
 * Plans what a shell waiting on its standard input (a plan with
 * `readsStdin`) does with `input` written to it at `ctx.startedAt`: it runs
 * the input as a script, with output offsets from that moment. With
 * `stdinOnce` the runtime then closes stdin, so the shell exits at the end
 * of the input. Otherwise it keeps waiting for more unless the input ran `exit`.
 */
export function planShellInput(spec: ContainerSpecLite, ctx: ProgramContext, input: string, limits: PlanLimits = {}): RunPlan {
  const { world, vars } = shellSetup(spec, ctx, limits);
  const result = runScript(input, vars, world);
  const plan = planFromScript(result, true);
  if (!spec.stdinOnce && !result.exited && plan.exit) {
    delete plan.exit;
    plan.readsStdin = true;
  }
  return plan;
}

/**
 * Plans the main process of a container from its image and spec. Shell
 * scripts are executed by the simulated shell; no command runs on the host.
 * The plan does not check that the image exists or parses: the kubelet checks
 * `resolveImage` before starting a container. Shell plans for long loops take
 * tens of milliseconds, so callers should cache a plan per container start.
 */
export function planContainer(spec: ContainerSpecLite, ctx: ProgramContext, limits: PlanLimits = {}): RunPlan {
  const info = resolveImage(spec.image);
  const defaults = imageDefaults(info);
  let argv = buildArgv(spec, defaults);
  if (argv.length === 0) return planServer(info.kind === 'generic' ? 'generic-http' : undefined);

  let entrypoint = false;
  if (argv[0] === '/entrypoint.sh' && toolboxOf(info) === 'curl') {
    argv = argv.slice(1);
    if (argv.length === 0 || argv[0].startsWith('-') || !imageHasExecutable(info, argv[0].split('/').pop() ?? '')) argv = ['curl', ...argv];
  }
  const { dialect, world, vars } = shellSetup(spec, ctx, limits, argv);

  if (argv[0] === '/docker-entrypoint.sh' && info.kind === 'nginx') {
    entrypoint = true;
    argv = argv.slice(1);
    if (argv.length === 0) return planFromScript({ lines: [], exitCode: 0, endMs: 0 }, false);
  }

  const executable = argv[0].split('/').pop() ?? argv[0];
  if ((executable === 'nginx' || executable === 'nginx-debug') && (info.kind === 'nginx' || info.kind === 'myapp')) {
    return planNginx(argv, info, ctx, entrypoint);
  }
  if (/^perl(5[\d.]*)?$/.test(executable) && info.kind === 'perl') return planPerl(argv, info);
  if (executable === 'agnhost' && info.kind === 'agnhost') {
    return { ...planAgnhost(argv.slice(1), ctx.startedAt), terminationMs: SERVER_TERMINATION_MS };
  }
  if (executable === 'goproxy' && info.kind === 'goproxy') {
    return { ...planServer('goproxy'), listens: [8080], sigtermExitCode: 2 };
  }

  if (SHELLS.has(executable)) {
    if (executable === 'bash' && (info.kind === 'busybox' || toolboxOf(info))) return planStartError(argv[0]);
    const c = argv.indexOf('-c');
    if (c < 0) {
      if (argv.length > 1) {
        if (dialect === 'bash') return { output: [{ atMs: 0, stream: 'stderr', line: `bash: ${argv[1]}: No such file or directory` }], exit: { atMs: 0, code: 127 }, ignoresSigterm: true, terminationMs: 0 };
        const message = dialect === 'dash' ? `sh: 0: cannot open ${argv[1]}: No such file` : `sh: can't open '${argv[1]}': No such file or directory`;
        return { output: [{ atMs: 0, stream: 'stderr', line: message }], exit: { atMs: 0, code: 2 }, ignoresSigterm: true, terminationMs: 0 };
      }
      // An open stdin or a terminal keeps the shell waiting for commands; without either it reads end of file and exits at once.
      if (spec.stdin || spec.tty) return { output: [], ignoresSigterm: true, terminationMs: 0, readsStdin: spec.stdin || undefined };
      return { output: [], exit: { atMs: 0, code: 0 }, ignoresSigterm: true, terminationMs: 0 };
    }
    return planFromScript(runScript(argv[c + 1] ?? '', vars, world, argv.slice(c + 2)), true);
  }

  const available = world.commands.has(executable) || (imageHasExecutable(info, executable) && !SHELL_ONLY.has(executable));
  if (available && !['nginx', 'nginx-debug'].includes(executable) && !/^perl/.test(executable)) {
    // A utility as PID 1 installs no SIGTERM handler, so the signal is ignored.
    return planFromScript(runArgv(argv, vars, world), true);
  }
  if (info.kind === 'generic') return planServer('generic-http');
  return planStartError(argv[0]);
}
