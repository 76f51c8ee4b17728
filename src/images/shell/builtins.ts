/**
 * Shell built-ins that change the shell process itself (`cd`, `read`,
 * `set`) and the system applets `id` and `uname`, with busybox ash's and
 * dash's messages. `set -e` and `set -x` take effect through
 * checkErrexit and traceCommand, which the interpreter calls.
 */
import { ExitRequest, type ShellState } from './run';

/** Folders every simulated image has, besides the ones containing files a script wrote. */
const FOLDERS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sbin', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local',
  '/usr/local/bin', '/usr/sbin', '/usr/share', '/usr/share/nginx', '/usr/share/nginx/html', '/var', '/var/log', '/var/tmp']);

/** Resolves `path` against the working folder, removing `.` and `..` parts. */
export function resolvePath(state: ShellState, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : state.cwd}/${path}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Reports whether `path` is a folder: a standard one, or one that contains a file the script wrote. */
function isFolder(state: ShellState, path: string): boolean {
  if (FOLDERS.has(path)) return true;
  return [...state.files.keys()].some((file) => file.startsWith(`${path}/`));
}

/** Writes a built-in's error as the shell does: ash adds the built-in's name and line, dash the line first. */
function builtinError(state: ShellState, builtin: string, message: string): void {
  // NOTE: kubesim does not count script lines, so both shells report line 1.
  if (state.world.dialect === 'ash') state.write('stderr', `sh: ${builtin}: line 1: ${message}\n`);
  else state.error(`${builtin}: ${message}`);
}

/** Runs `cd [DIR | -]`: no operand goes to HOME, `-` to OLDPWD (printed). A missing folder fails with status 2. */
export function cd(state: ShellState, args: string[]): number {
  const operand = args[0] ?? state.vars.get('HOME') ?? '/root';
  const back = operand === '-';
  const target = resolvePath(state, back ? state.vars.get('OLDPWD') ?? state.cwd : operand);
  if (!isFolder(state, target)) {
    if (state.world.dialect === 'bash') {
      builtinError(state, 'cd', `${operand}: No such file or directory`);
      return 1;
    }
    const detail = state.world.dialect === 'dash' ? '' : ': No such file or directory';
    builtinError(state, 'cd', `can't cd to ${operand}${detail}`);
    return 2;
  }
  state.vars.set('OLDPWD', state.cwd);
  state.vars.set('PWD', target);
  state.cwd = target;
  if (back) state.write('stdout', `${target}\n`);
  return 0;
}

/**
 * Runs `read [-r] [-p PROMPT] [NAME...]`: takes one line from standard
 * input, splits it at IFS whitespace into the names (the last one takes the
 * rest), and returns 1 at the end of input.
 * Simplified: non-whitespace IFS characters split like whitespace ones.
 */
export function read(state: ShellState, args: string[]): number {
  let raw = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p' || args[i] === '-t' || args[i] === '-u') i++;
    else if (args[i] === '--') {
      i++;
      break;
    }
  }
  const names = args.slice(i);
  if (names.length === 0 && state.world.dialect === 'dash') {
    builtinError(state, 'read', 'arg count');
    return 2;
  }

  let line = '';
  let pos = 0;
  const input = state.stdin;
  for (; pos < input.length && input[pos] !== '\n'; pos++) {
    if (!raw && input[pos] === '\\' && pos + 1 < input.length) {
      pos++;
      if (input[pos] !== '\n') line += input[pos];
      continue;
    }
    line += input[pos];
  }
  const ended = pos >= input.length;
  state.stdin = input.slice(pos + 1);

  if (names.length === 0) {
    state.vars.set('REPLY', line);
    return ended ? 1 : 0;
  }
  const ifs = state.vars.get('IFS') ?? ' \t\n';
  const separator = new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`);
  const trim = new RegExp(`^[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+|[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+$`, 'g');
  let rest = ifs === '' ? line : line.replace(trim, '');
  names.forEach((name, n) => {
    if (n === names.length - 1 || ifs === '') {
      state.vars.set(name, n === names.length - 1 ? rest : '');
      if (ifs === '') rest = '';
      return;
    }
    const m = separator.exec(rest);
    state.vars.set(name, m ? rest.slice(0, m.index) : rest);
    rest = m ? rest.slice(m.index + m[0].length) : '';
  });
  return ended ? 1 : 0;
}

/** Option letters by the long names `set -o` accepts. */
const LONG_OPTIONS: Record<string, string> = { errexit: 'e', xtrace: 'x', nounset: 'u', noglob: 'f', verbose: 'v', noexec: 'n', allexport: 'a' };

/** Quotes a value as `set` and `set -x` print it: bare when it has only safe characters, else in single quotes. */
function quoteForShell(value: string): string {
  if (/^[A-Za-z0-9_\/.,:=+@%-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

/**
 * Runs `set`. `-e` and `+e` (and x, u, f, v, n, a) turn shell options on and off,
 * and `-o NAME` does so by long name. `--` or operands replace the positional
 * parameters, and no argument lists the variables.
 * NOTE: set -u is recorded, but unset variables still expand to empty text.
 */
export function set(state: ShellState, args: string[]): number {
  if (args.length === 0) {
    const names = [...state.vars.keys()].sort();
    for (const name of names) state.write('stdout', `${name}='${state.vars.get(name)!.replace(/'/g, `'"'"'`)}'\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length && /^[-+]/.test(args[i]); i++) {
    const arg = args[i];
    if (arg === '--' || arg === '-') {
      i++;
      break;
    }
    const on = arg.startsWith('-');
    for (const letter of arg.slice(1)) {
      let option = letter;
      if (letter === 'o') {
        const long = args[++i];
        option = long === undefined ? '' : LONG_OPTIONS[long] ?? '';
        if (!option) {
          builtinError(state, 'set', `illegal option -o ${long ?? ''}`.trimEnd());
          return 2;
        }
      } else if (!Object.values(LONG_OPTIONS).includes(letter)) {
        builtinError(state, 'set', `illegal option ${arg[0]}${letter}`);
        return 2;
      }
      if (on) state.options.add(option);
      else state.options.delete(option);
    }
  }
  if (i < args.length || args[i - 1] === '--') state.positional = [state.positional[0], ...args.slice(i)];
  return 0;
}

/** Ends the shell after a failed command when `set -e` is on and the command is not a condition. */
export function checkErrexit(state: ShellState, status: number): void {
  if (status !== 0 && state.options.has('e') && state.conditionDepth === 0) throw new ExitRequest(status);
}

/** Prints a command to stderr before it runs when `set -x` is on, as `+ x=1 echo 'a b'`. */
export function traceCommand(state: ShellState, assignments: { name: string; value: string }[], argv: string[]): void {
  if (!state.options.has('x')) return;
  const words = [...assignments.map(({ name, value }) => `${name}=${quoteForShell(value)}`), ...argv.map(quoteForShell)];
  state.write('stderr', `+ ${words.join(' ')}\n`);
}

/**
 * Runs `id [-u | -g | -G] [-n]` for root.
 * Simplified: busybox images list root's groups root and wheel, and Debian ones root only.
 * Alpine's longer list is not modelled.
 */
export function id(state: ShellState, args: string[]): number {
  const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]));
  const operand = args.find((a) => !a.startsWith('-'));
  if (operand !== undefined && operand !== 'root' && operand !== '0') {
    state.write('stderr', `id: unknown user ${operand}\n`);
    return 1;
  }
  const groups: [number, string][] = state.world.dialect !== 'ash' ? [[0, 'root']] : [[0, 'root'], [10, 'wheel']];
  const name = flags.has('n');
  if (flags.has('u') || flags.has('g')) state.write('stdout', name ? 'root\n' : '0\n');
  else if (flags.has('G')) state.write('stdout', `${groups.map(([gid, group]) => (name ? group : String(gid))).join(' ')}\n`);
  else state.write('stdout', `uid=0(root) gid=0(root) groups=${groups.map(([gid, group]) => `${gid}(${group})`).join(',')}\n`);
  return 0;
}

/**
 * Runs `uname [-asnrvmo]`: the kernel of the simulated nodes, `Linux` alone without options.
 * NOTE: the kernel build string is a stand-in for the Ubuntu 22.04 kernel the nodes report.
 */
export function uname(state: ShellState, args: string[]): number {
  const fields: Record<string, string> = {
    s: 'Linux', n: state.world.hostname, r: '5.15.0-126-generic', v: '#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024', m: 'x86_64', o: 'GNU/Linux',
  };
  const letters = new Set(args.flatMap((a) => [...a.replace(/^-/, '')]));
  for (const letter of letters) {
    if (!'asnrvmpio'.includes(letter)) {
      state.write('stderr', `uname: invalid option -- '${letter}'\n`);
      return 1;
    }
  }
  const order = letters.has('a') ? 'snrvmo' : [...'snrvmpio'].filter((l) => letters.has(l)).join('') || 's';
  const values = [...order].map((l) => fields[l] ?? 'unknown');
  state.write('stdout', `${values.join(' ')}\n`);
  return 0;
}
