/**
 * Built-in commands and busybox applets of the simulated shell. Each returns
 * an exit status; `exit` unwinds with ExitRequest.
 */
import { BUSYBOX_DATE_FORMAT, formatDate, parseSimpleZone } from './date-format';
import { ExitRequest, ShellState } from './run';
import { head, seq, tail, wc } from './text-applets';
import { grep } from './grep';
import { cd, id, read, resolvePath, set, uname } from './builtins';
import { mkdir, rm, touch } from './file-applets';

type Command = (state: ShellState, args: string[]) => number;

/** Parses a busybox `sleep` operand (`1`, `0.5`, `2m`, `infinity`) into milliseconds; NaN when invalid. */
export function parseSleepDuration(operand: string): number {
  if (operand === 'inf' || operand === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(operand);
  if (!m) return NaN;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * unit);
}

/** Interprets the backslash escapes `echo -e` and `printf` understand. */
function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', v: '\v', f: '\f', e: '\x1b' };
    if (next === 'c') return { text: out, stop: true };
    if (simple[next] !== undefined) out += simple[next];
    else if (next === '0') {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

function echo(state: ShellState, args: string[]): number {
  let newline = true;
  let escapes = state.world.dialect === 'dash';
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (state.world.dialect === 'dash' && args[i] !== '-n') break;
    for (const flag of args[i].slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const result = interpretEscapes(text);
    text = result.text;
    if (result.stop) newline = false;
  }
  state.write('stdout', newline ? `${text}\n` : text);
  return 0;
}

function printf(state: ShellState, args: string[]): number {
  if (args.length === 0) {
    state.write('stderr', 'printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  const [format, ...values] = args;
  let index = 0;
  do {
    const out = format.replace(/%([-0]?\d*)([sdiu%xc])/g, (_, width: string, conv: string) => {
      if (conv === '%') return '%';
      const value = values[index++] ?? '';
      let text = conv === 's' || conv === 'c' ? (conv === 'c' ? value.slice(0, 1) : value)
        : conv === 'x' ? (Math.trunc(Number(value)) || 0).toString(16) : String(Math.trunc(Number(value)) || 0);
      const w = Number(width.replace(/^[-0]/, '')) || 0;
      if (width.startsWith('-')) text = text.padEnd(w);
      else text = text.padStart(w, width.startsWith('0') ? '0' : ' ');
      return text;
    });
    state.write('stdout', interpretEscapes(out).text);
  } while (index > 0 && index < values.length);
  return 0;
}

function date(state: ShellState, args: string[]): number {
  let format = BUSYBOX_DATE_FORMAT;
  let utc = false;
  for (const arg of args) {
    if (arg === '-u' || arg === '--utc') utc = true;
    else if (arg.startsWith('+')) format = arg.slice(1);
    else {
      state.write('stderr', `date: invalid date '${arg}'\n`);
      return 1;
    }
  }
  const zone = utc ? parseSimpleZone('UTC') : parseSimpleZone(state.vars.get('TZ'));
  state.write('stdout', `${formatDate(state.world.startedAt + state.elapsedMs, format, zone)}\n`);
  return 0;
}

function sleep(state: ShellState, args: string[]): number {
  if (args.length === 0) {
    // NOTE: busybox prints its full usage text here; kubesim prints only the usage line.
    state.write('stderr', 'Usage: sleep [N]...\n');
    return 1;
  }
  let total = 0;
  for (const arg of args) {
    const ms = parseSleepDuration(arg);
    if (Number.isNaN(ms)) {
      state.write('stderr', `sleep: invalid number '${arg}'\n`);
      return 1;
    }
    total += ms;
  }
  state.sleep(total);
  return 0;
}

/** Reports whether `path` is a folder that contains mounted volume files. */
function isMountedFolder(state: ShellState, path: string): boolean {
  const prefix = `${path.replace(/\/+$/, '')}/`;
  for (const mounted of state.world.mounts?.keys() ?? []) {
    if (mounted.startsWith(prefix)) return true;
  }
  return false;
}

/** Returns the contents of a file the container can read: one the script wrote, or a kubelet-managed file. */
export function readFile(state: ShellState, path: string): string | undefined {
  const { hostname, podIP } = state.world;
  const absolute = resolvePath(state, path);
  const written = state.files.get(absolute);
  if (written !== undefined) return written;
  const mounted = state.world.mounts?.get(absolute);
  if (mounted !== undefined) return mounted;
  switch (absolute) {
    case '/etc/hostname':
      return `${hostname}\n`;
    case '/etc/resolv.conf':
      // NOTE: assumes the kubeadm default cluster DNS Service IP and domain.
      return `search ${state.world.namespace}.svc.cluster.local svc.cluster.local cluster.local\n`
        + 'nameserver 10.96.0.10\noptions ndots:5\n';
    case '/etc/hosts':
      return '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
        + 'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
        + `${podIP}\t${hostname}\n`;
    default:
      return undefined;
  }
}

function cat(state: ShellState, args: string[]): number {
  if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
    state.write('stdout', state.stdin);
    return 0;
  }
  let status = 0;
  for (const path of args) {
    const content = readFile(state, path);
    if (content === undefined) {
      state.write('stderr', `cat: can't open '${path}': No such file or directory\n`);
      status = 1;
    } else state.write('stdout', content);
  }
  return status;
}

function env(state: ShellState, args: string[]): number {
  if (args.length > 0) return printenv(state, args);
  for (const [name, value] of state.vars) state.write('stdout', `${name}=${value}\n`);
  return 0;
}

function printenv(state: ShellState, args: string[]): number {
  if (args.length === 0) return env(state, []);
  let status = 0;
  for (const name of args) {
    const value = state.vars.get(name);
    if (value === undefined) status = 1;
    else state.write('stdout', `${value}\n`);
  }
  return status;
}

/** Evaluates `test` / `[` expressions of one, two or three arguments, optionally negated with `!`. */
function test(state: ShellState, args: string[]): number {
  const ok = (v: boolean) => (v ? 0 : 1);
  const [a, op, b] = args;
  if (args.length === 0) return 1;
  if (args[0] === '!') return test(state, args.slice(1)) === 0 ? 1 : 0;
  if (args.length === 1) return ok(a !== '');
  if (args.length === 2) {
    if (a === '-z') return ok(op === '');
    if (a === '-n') return ok(op !== '');
    if (a === '-e' || a === '-f' || a === '-r') return ok(readFile(state, op) !== undefined);
    if (a === '-d') return ok(['/', '/etc', '/tmp', '/root'].includes(op) || isMountedFolder(state, op));
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '=': case '==': return ok(a === b);
    case '!=': return ok(a !== b);
    case '-eq': return ok(x === y);
    case '-ne': return ok(x !== y);
    case '-lt': return ok(x < y);
    case '-le': return ok(x <= y);
    case '-gt': return ok(x > y);
    case '-ge': return ok(x >= y);
  }
  state.write('stderr', `sh: ${op ?? a}: unknown operand\n`);
  return 2;
}

const COMMANDS: Record<string, Command> = {
  echo,
  printf,
  date,
  sleep,
  cat,
  env,
  printenv,
  test,
  '[': (state, args) => {
    if (args[args.length - 1] !== ']') {
      state.write('stderr', 'sh: missing ]\n');
      return 2;
    }
    return test(state, args.slice(0, -1));
  },
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  hostname: (state) => {
    state.write('stdout', `${state.world.hostname}\n`);
    return 0;
  },
  exit: (state, args) => {
    if (args.length === 0) throw new ExitRequest(state.status);
    if (!/^\d+$/.test(args[0])) {
      state.error(`exit: Illegal number: ${args[0]}`);
      throw new ExitRequest(2);
    }
    throw new ExitRequest(Number(args[0]));
  },
  export: (state, args) => {
    for (const arg of args) {
      const eq = arg.indexOf('=');
      if (eq > 0) state.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return 0;
  },
  unset: (state, args) => {
    for (const name of args) state.vars.delete(name);
    return 0;
  },
  wc,
  head,
  tail,
  seq,
  grep: (state, args) => grep(state, args),
  egrep: (state, args) => grep(state, args, 'E'),
  fgrep: (state, args) => grep(state, args, 'F'),
  whoami: (state) => {
    state.write('stdout', 'root\n');
    return 0;
  },
  pwd: (state) => {
    state.write('stdout', `${state.cwd}\n`);
    return 0;
  },
  touch,
  rm,
  mkdir,
  cd,
  read,
  set,
  id,
  uname,
  // Simplified: there is no real process to replace, so `exec cmd` runs cmd and exits with its status.
  exec: (state, args) => {
    if (args.length === 0) return 0;
    throw new ExitRequest(runCommand(state, args));
  },
  trap: () => 0,
  wait: () => 0,
};

/** Applet names the shell can run, for deciding whether a direct command exists in an image. */
export const SHELL_COMMANDS: readonly string[] = Object.keys(COMMANDS);

/** Runs one expanded command line, reporting `not found` (status 127) for unknown names. */
export function runCommand(state: ShellState, argv: string[]): number {
  const name = argv[0].replace(/^\/(usr\/)?s?bin\//, '');
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : state.extraCommands.get(name);
  if (!command) {
    state.error(state.world.dialect === 'bash' ? `${argv[0]}: command not found` : `${argv[0]}: not found`);
    return 127;
  }
  return command(state, argv.slice(1));
}
