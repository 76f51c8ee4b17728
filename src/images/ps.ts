/**
 * `ps` in a simulated container: busybox's (procps/ps.c of busybox 1.36,
 * the default `pid,user,time,args` columns) or procps-ng's (Debian images:
 * `ps` and `ps aux`). PID 1 is the container's main process.
 * Simplified: the PIDs of other processes, the memory figures of `ps aux`
 * and the CPU times (always zero) are stand-ins; kubesim tracks no real
 * processes.
 */
import type { ShellState } from './shell/run';

/** Whose `ps` an image has. */
export type PsFlavour = 'busybox' | 'procps';

/** One process `ps` lists. */
interface ProcessRow {
  pid: number;
  user: string;
  /** The command line as /proc/PID/cmdline shows it. */
  args: string;
  /** The executable's name (`comm`), for procps' CMD column. */
  comm: string;
  startedAt: number;
  /** procps' STAT column. */
  stat: string;
  vsz: number;
  rss: number;
}

/** The processes of a container besides the `ps` that lists them. */
export interface ProcessTable {
  /** PID 1's argv and start time. */
  main: { argv: string[]; startedAt: number };
  /** PID of the running `ps`, or undefined when `ps` is PID 1 itself. */
  selfPid?: number;
}

/** PID the first process started in a running container gets (an exec, or a child of PID 1). */
export const FIRST_CHILD_PID = 7;

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Lists the container's processes: PID 1 (nginx as its master and a worker), then the `ps` itself. */
function listProcesses(table: ProcessTable, selfArgv: string[], now: number): ProcessRow[] {
  const rows: ProcessRow[] = [];
  const main = table.main.argv;
  if (table.selfPid !== undefined) {
    const name = baseName(main[0] ?? '');
    const common = { user: 'root', startedAt: table.main.startedAt, stat: 'Ss', vsz: 2304, rss: 1024 };
    if (name === 'nginx') {
      rows.push({ ...common, pid: 1, args: `nginx: master process ${main.join(' ')}`, comm: 'nginx', vsz: 11404, rss: 7424 });
      rows.push({ ...common, pid: 30, user: 'nginx', args: 'nginx: worker process', comm: 'nginx', stat: 'S', vsz: 11872, rss: 2896 });
    } else rows.push({ ...common, pid: 1, args: main.join(' '), comm: name.slice(0, 15) });
  }
  rows.push({
    pid: table.selfPid ?? 1, user: 'root', args: selfArgv.join(' '), comm: 'ps', startedAt: now,
    stat: 'Rs', vsz: 8096, rss: 4096,
  });
  return rows;
}

/** Formats a start time as procps does: the clock time within a day, else month and day. */
function formatStart(startedAt: number, now: number): string {
  const d = new Date(startedAt);
  if (now - startedAt < 24 * 3600 * 1000) return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${month}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** busybox: fixed widths, each field but the last padded to its width and one space. */
function formatBusybox(rows: ProcessRow[]): string {
  const lines = ['PID   USER     TIME  COMMAND'];
  for (const row of rows) lines.push(`${String(row.pid).padStart(5)} ${row.user.slice(0, 8).padEnd(8)}  0:00 ${row.args}`);
  return `${lines.join('\n')}\n`;
}

/** procps-ng `ps aux`: BSD user format over every process. */
function formatUserFormat(rows: ProcessRow[], now: number): string {
  const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'];
  for (const row of rows) {
    lines.push(`${row.user.padEnd(8)} ${String(row.pid).padStart(7)}  0.0  0.0 ${String(row.vsz).padStart(6)} ${String(row.rss).padStart(5)} `
      + `${'?'.padEnd(8)} ${row.stat.padEnd(4)} ${formatStart(row.startedAt, now)}   0:00 ${row.args}`);
  }
  return `${lines.join('\n')}\n`;
}

/** procps-ng `ps` without options: PID, TTY, cumulative time and the executable's name. */
function formatDefault(rows: ProcessRow[]): string {
  const lines = ['    PID TTY          TIME CMD'];
  for (const row of rows) lines.push(`${String(row.pid).padStart(7)} ${'?'.padEnd(8)} 00:00:00 ${row.comm}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `ps`. busybox ignores BSD-style operands such as `aux` and always
 * lists every process; procps picks the format from them.
 * Simplified: procps' other options (`-ef`, `-o`) print the default format.
 */
export function ps(flavour: PsFlavour, table: ProcessTable, state: ShellState, args: string[]): number {
  const now = state.world.startedAt + state.elapsedMs;
  const rows = listProcesses(table, ['ps', ...args], now);
  if (flavour === 'busybox') {
    state.write('stdout', formatBusybox(rows));
    return 0;
  }
  const bsd = args.find((a) => !a.startsWith('-')) ?? '';
  state.write('stdout', bsd.includes('u') ? formatUserFormat(rows, now) : formatDefault(rows));
  return 0;
}
