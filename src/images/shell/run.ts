/**
 * Interpreter for parsed shell scripts. Runs in simulated time: only `sleep`
 * advances the clock, and output is recorded with its offset from the start.
 */
import { parseScript, ShellNode, ShellSyntaxError } from './parse';
import { expandWords, expandWord } from './expand';
import { runCommand } from './commands';
import { applyRedirections } from './redirect';
import { checkErrexit, traceCommand } from './builtins';

/** Simulated time and output after which a run stops being modelled (the program counts as still running). */
export const SHELL_HORIZON_MS = 24 * 60 * 60 * 1000;
/** Output lines after which a run stops being modelled. */
export const SHELL_MAX_LINES = 10_000;
/** Commands executed after which a run stops being modelled (the program counts as still running, e.g. a busy loop). */
export const SHELL_MAX_STEPS = 200_000;

/** One line of container output at an offset from the container start. */
export interface OutputLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

/** The shell flavour: error texts differ between busybox ash and Debian's dash. */
export type ShellDialect = 'ash' | 'dash' | 'bash';

/**
 * Returns the dialect of `shell` (`sh`, `bash`, ...) in an image: bash
 * where it is asked for by name in a Debian-based image, otherwise dash
 * there and busybox ash elsewhere.
 */
export function shellDialect(debian: boolean, shell: string | undefined): ShellDialect {
  if (!debian) return 'ash';
  return shell === 'bash' ? 'bash' : 'dash';
}

/** Facts about the container that commands such as `hostname` and `cat /etc/hosts` return. */
export interface ShellWorld {
  hostname: string;
  podIP: string;
  /** Pod namespace, first in the DNS search list of `/etc/resolv.conf`. */
  namespace: string;
  /** Simulated time after which the run stops being modelled; defaults to SHELL_HORIZON_MS. */
  horizonMs?: number;
  /** Output lines after which the run stops being modelled; defaults to SHELL_MAX_LINES. */
  maxLines?: number;
  startedAt: number;
  dialect: ShellDialect;
  /** True for a shell reading commands from a terminal, whose errors name no line (bash). */
  interactive?: boolean;
  /** Files the kubelet mounted from ConfigMap, Secret, downward API and projected volumes, by absolute path. */
  mounts?: ReadonlyMap<string, string>;
  /** Programs the image adds to the shell's built-ins (`ls`, `ps`, the network tools), copied into each process's extraCommands. */
  commands?: ReadonlyMap<string, ShellCommand>;
  /**
   * Receives every change the process makes to its files, with the time it
   * makes it, when set. The kubelet passes one for a container whose probe
   * runs commands, which see the files the main process wrote so far.
   */
  fileLog?: FileChange[];
}

/** A file the process wrote (`content`) or removed (`content` null), `atMs` after its start. */
export interface FileChange {
  atMs: number;
  path: string;
  content: string | null;
}

/**
 * Changes a log keeps. The kubelet stores the log with the pod, so a
 * program that rewrites a file in a loop would otherwise grow every pod
 * sync. NOTE: later changes go unrecorded, so probes and execs then see
 * the files as they were at the last recorded change.
 */
export const MAX_FILE_CHANGES = 1_000;

/** A command the shell runs in-process: it reads and writes the process state and returns an exit status. */
export type ShellCommand = (state: ShellState, args: string[]) => number;

/** Thrown by `exit` and by fatal errors to unwind to the top of the script. */
export class ExitRequest {
  constructor(readonly code: number) {}
}

/** Thrown when the run passes the modelling horizon. */
export class HorizonReached {}

/** Destination of a file descriptor: the container log, a capture buffer for `$(…)` and pipes, nothing, or a file. */
export type OutputTarget =
  | { type: 'log'; stream: 'stdout' | 'stderr' }
  | { type: 'capture'; buffer: { text: string } }
  | { type: 'null' }
  | { type: 'file'; path: string };

/** Mutable state of one shell process and its output. */
export class ShellState {
  elapsedMs = 0;
  status = 0;
  steps = 0;
  /** Count of command substitutions run, so an assignment-only command can return the last one's status. */
  substitutions = 0;
  stdin = '';
  /** `$0` followed by the positional parameters `$1`, `$2`, …. */
  positional: string[] = ['sh'];
  /** Working folder, which `cd` changes and relative paths start from. */
  cwd = '/';
  /** Letters of the options `set` turned on (`e`, `x`, …). */
  options = new Set<string>();
  /** Nesting of conditions (`if`, `while`, the left side of `&&` and `||`), where `set -e` does not apply. */
  conditionDepth = 0;
  readonly lines: OutputLine[] = [];
  /** Files the script wrote, by absolute path. */
  readonly files = new Map<string, string>();
  /** Commands a caller adds to this process only, such as the network tools of an exec (`wget`, `curl`). */
  readonly extraCommands = new Map<string, ShellCommand>();
  /** Targets of descriptors 1 and 2. */
  fds: Record<1 | 2, OutputTarget> = { 1: { type: 'log', stream: 'stdout' }, 2: { type: 'log', stream: 'stderr' } };
  private partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(readonly vars: Map<string, string>, readonly world: ShellWorld) {
    for (const [name, command] of world.commands ?? []) this.extraCommands.set(name, command);
    if (world.fileLog) logFileChanges(this, world.fileLog);
  }

  /** Writes text to descriptor 1 (`stdout`) or 2 (`stderr`), splitting log output into timestamped lines. */
  write(stream: 'stdout' | 'stderr', text: string): void {
    const target = this.fds[stream === 'stdout' ? 1 : 2];
    switch (target.type) {
      case 'null':
        return;
      case 'capture':
        target.buffer.text += text;
        return;
      case 'file':
        this.files.set(target.path, (this.files.get(target.path) ?? '') + text);
        return;
      case 'log':
        this.writeLog(target.stream, text);
    }
  }

  private writeLog(stream: 'stdout' | 'stderr', text: string): void {
    const parts = (this.partial[stream] + text).split('\n');
    this.partial[stream] = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push({ atMs: this.elapsedMs, stream, line });
      if (this.lines.length >= (this.world.maxLines ?? SHELL_MAX_LINES)) throw new HorizonReached();
    }
  }

  /** Writes `sh: …` style diagnostics, with the line number dash and bash add. */
  error(message: string): void {
    // NOTE: kubesim does not count script lines, so dash and bash report line 1.
    const prefix = this.world.interactive && this.world.dialect === 'bash' ? 'bash: ' : { ash: 'sh: ', dash: 'sh: 1: ', bash: 'bash: line 1: ' }[this.world.dialect];
    this.write('stderr', `${prefix}${message}\n`);
  }

  /** Emits unterminated output as a last line, as a log reader shows it after the process exits. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') {
        this.lines.push({ atMs: this.elapsedMs, stream, line: this.partial[stream] });
        this.partial[stream] = '';
      }
    }
  }

  /** Runs `fn` with descriptor 1 redirected to `target`, restoring it afterwards. */
  withStdout<T>(target: OutputTarget, fn: () => T): T {
    const saved = this.fds;
    this.fds = { ...saved, 1: target };
    try {
      return fn();
    } finally {
      this.fds = saved;
    }
  }

  /** Runs `fn` with stdout captured and returns what it wrote. */
  capture(fn: () => void): string {
    const buffer = { text: '' };
    this.withStdout({ type: 'capture', buffer }, fn);
    return buffer.text;
  }

  /** Advances simulated time, stopping at the horizon. */
  sleep(ms: number): void {
    const horizonMs = this.world.horizonMs ?? SHELL_HORIZON_MS;
    if (this.elapsedMs + ms > horizonMs) {
      this.elapsedMs = horizonMs;
      throw new HorizonReached();
    }
    this.elapsedMs += ms;
  }

  countStep(): void {
    if (++this.steps > SHELL_MAX_STEPS) throw new HorizonReached();
  }
}

/**
 * Makes the process's file map append each set and delete to `log`, timed
 * by the process's clock. Only this map's own methods change, so processes
 * without a log keep the plain Map.
 */
export function logFileChanges(state: ShellState, log: FileChange[]): void {
  const files = state.files;
  const record = (path: string, content: string | null) => {
    if (log.length < MAX_FILE_CHANGES) log.push({ atMs: state.elapsedMs, path, content });
  };
  files.set = (path: string, content: string) => {
    record(path, content);
    return Map.prototype.set.call(files, path, content) as Map<string, string>;
  };
  files.delete = (path: string) => {
    record(path, null);
    return Map.prototype.delete.call(files, path);
  };
}

/**
 * Runs `fn` as a subshell: variable changes are undone afterwards and `exit`
 * ends only the subshell. Returns the subshell's exit status.
 */
export function runInSubshell(state: ShellState, fn: () => number): number {
  const saved = new Map(state.vars);
  const { cwd, options } = state;
  state.options = new Set(options);
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExitRequest) return e.code & 255;
    throw e;
  } finally {
    state.vars.clear();
    for (const [name, value] of saved) state.vars.set(name, value);
    state.cwd = cwd;
    state.options = options;
  }
}

/** Runs `fn` as a condition, whose failure does not end the shell under `set -e`. */
function asCondition(state: ShellState, fn: () => number): number {
  state.conditionDepth++;
  try {
    return fn();
  } finally {
    state.conditionDepth--;
  }
}

/** Executes a parsed node and returns its exit status. */
export function executeNode(state: ShellState, node: ShellNode): number {
  switch (node.type) {
    case 'list': {
      // Simplified: `&` runs the job in the foreground; kubesim has no job control.
      for (const item of node.items) state.status = executeNode(state, item.node);
      return state.status;
    }
    case 'and-or': {
      // Every part but the last is a condition for set -e.
      const parts = [node.first, ...node.rest.map((r) => r.node)];
      let status = asCondition(state, () => executeNode(state, node.first));
      node.rest.forEach(({ op, node: next }, i) => {
        if ((op === '&&') !== (status === 0)) return;
        status = i + 2 === parts.length ? executeNode(state, next) : asCondition(state, () => executeNode(state, next));
      });
      return (state.status = status);
    }
    case 'pipeline':
      state.status = node.negate ? asCondition(state, () => executePipeline(state, node.commands, node.negate)) : executePipeline(state, node.commands, node.negate);
      if (!node.negate) checkErrexit(state, state.status);
      return state.status;
    case 'group':
      if (!node.subshell) return executeNode(state, node.body);
      state.status = runInSubshell(state, () => executeNode(state, node.body));
      checkErrexit(state, state.status);
      return state.status;
    case 'loop': {
      let status = 0;
      for (;;) {
        state.countStep();
        const conditionStatus = asCondition(state, () => executeNode(state, node.condition));
        if ((conditionStatus === 0) === node.until) break;
        status = executeNode(state, node.body);
      }
      return (state.status = status);
    }
    case 'for': {
      let status = 0;
      for (const value of expandWords(state, node.values)) {
        state.vars.set(node.variable, value);
        status = executeNode(state, node.body);
      }
      return (state.status = status);
    }
    case 'if': {
      for (const branch of node.branches) {
        if (asCondition(state, () => executeNode(state, branch.condition)) === 0) return executeNode(state, branch.body);
      }
      return (state.status = node.otherwise ? executeNode(state, node.otherwise) : 0);
    }
    case 'simple':
      state.status = executeSimple(state, node);
      checkErrexit(state, state.status);
      return state.status;
  }
}

function executeSimple(state: ShellState, node: Extract<ShellNode, { type: 'simple' }>): number {
  state.countStep();
  const substitutionsBefore = state.substitutions;
  const argv = expandWords(state, node.words);
  const values = node.assignments.map((a) => ({ name: a.name, value: expandWord(state, a.value) }));
  traceCommand(state, values, argv);
  if (argv.length === 0) {
    for (const { name, value } of values) state.vars.set(name, value);
    return state.substitutions === substitutionsBefore ? 0 : state.status;
  }

  // Assignments before a command apply to that command only.
  const saved = values.map(({ name }) => ({ name, value: state.vars.get(name) }));
  for (const { name, value } of values) state.vars.set(name, value);
  const savedFds = state.fds;
  const savedStdin = state.stdin;
  try {
    if (!applyRedirections(state, node.redirections)) return 1;
    return runCommand(state, argv);
  } finally {
    state.fds = savedFds;
    // `read` consumes standard input, so it stays consumed unless a redirection replaced it.
    if (node.redirections.some((r) => r.op === '<')) state.stdin = savedStdin;
    for (const { name, value } of saved) {
      if (value === undefined) state.vars.delete(name);
      else state.vars.set(name, value);
    }
  }
}

/**
 * Runs the commands of a pipeline one after another, feeding each one's
 * output to the next as stdin.
 */
function executePipeline(state: ShellState, commands: ShellNode[], negate: boolean): number {
  // Simplified: real pipeline members run concurrently; here each finishes before the next starts.
  // A single command without `!` is not a pipeline node, so `exit` there still ends the shell.
  let input = state.stdin;
  let status = 0;
  for (let i = 0; i < commands.length; i++) {
    const last = i === commands.length - 1;
    const savedStdin = state.stdin;
    state.stdin = input;
    try {
      const member = commands[i];
      if (last) status = runInSubshell(state, () => executeNode(state, member));
      else input = state.capture(() => { status = runInSubshell(state, () => executeNode(state, member)); });
    } finally {
      state.stdin = savedStdin;
    }
  }
  if (!negate) return status;
  return status === 0 ? 1 : 0;
}

/** Result of running a script: the process either exited or was still running at the horizon. */
export interface ScriptResult {
  lines: OutputLine[];
  exitCode?: number;
  endMs: number;
  /** True when the script ended with `exit` (or a fatal error) rather than by running out of commands. */
  exited?: boolean;
}

/**
 * Parses and runs `script` as `sh -c script [name [arg…]]` does, starting
 * from `vars`. `positional` contains `name` and the arguments, which become `$0`, `$1`, ….
 */
export function runScript(script: string, vars: Map<string, string>, world: ShellWorld, positional: string[] = []): ScriptResult {
  const state = new ShellState(vars, world);
  if (positional.length > 0) state.positional = [...positional];
  return finishRun(state, () => {
    if (script.trim() === '') return;
    executeNode(state, parseScript(script));
  });
}

/** Runs one command directly, as PID 1 without a shell (`command: ["sleep", "3600"]`). */
export function runArgv(argv: string[], vars: Map<string, string>, world: ShellWorld): ScriptResult {
  const state = new ShellState(vars, world);
  return finishRun(state, () => { state.status = runCommand(state, argv); });
}

function finishRun(state: ShellState, body: () => void): ScriptResult {
  let exited = false;
  try {
    body();
  } catch (e) {
    if (e instanceof HorizonReached) return { lines: state.lines, endMs: state.elapsedMs };
    if (e instanceof ShellSyntaxError) {
      // A non-interactive shell exits with status 2 on a syntax error, even one found while expanding.
      state.error(`syntax error: ${e.message}`);
      state.status = 2;
    } else if (e instanceof ExitRequest) state.status = e.code;
    else throw e;
    exited = true;
  }
  state.flush();
  const result: ScriptResult = { lines: state.lines, exitCode: state.status & 255, endMs: state.elapsedMs };
  if (exited) result.exited = true;
  return result;
}
