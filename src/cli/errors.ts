/**
 * Turning errors into kubectl's messages on stderr and an exit code.
 */
import type { IO } from '../commands/context.js';
import { ApiError, CommandFailedError, ExitError, FlagError, RequiredFlagError, UsageError } from '../api/errors.js';
import { programName } from './verbs.js';

/** Prints an error as kubectl does and returns the exit code. */
export function reportError(err: unknown, io: IO, path: string[]): number {
  if (err instanceof ExitError) {
    if (err.message) io.err(err.message.endsWith('\n') ? err.message : err.message + '\n');
    return err.exitCode;
  }
  if (err instanceof ApiError) {
    if (err.reason === 'Invalid') io.err(`${err.message}\n`);
    // A server error that is no API status (a plain Go error) has no reason.
    else if (err.reason === '') io.err(`Error from server: ${err.message}\n`);
    else io.err(`Error from server (${err.reason}): ${err.message}\n`);
    return 1;
  }
  if (err instanceof RequiredFlagError || err instanceof CommandFailedError) {
    io.err(`${klogPrefix(new Date())}run.go:72] "command failed" err=${JSON.stringify(err.message)}\n`);
    return 1;
  }
  const command = [programName(path[0]), ...path].join(' ');
  // cobra words the hint after a flag error; kubectl's own usage errors (cmdutil.UsageErrorf) use the -h form.
  if (err instanceof FlagError) {
    io.err(`Error: ${err.message}\nSee '${command} --help' for usage.\n`);
    return 1;
  }
  if (err instanceof UsageError) {
    const hint = err.showHelpHint ? `\nSee '${command} -h' for help and examples` : '';
    io.err(withFinalNewline(`error: ${err.message}${hint}`));
    return 1;
  }
  const e = err as Error;
  if (e && ((e as any).code === 'SQLITE_BUSY' || (e as any).code === 'SQLITE_LOCKED')) {
    io.err('error: the cluster state is locked by another kubesim process; try again\n');
    return 1;
  }
  io.err(withFinalNewline(`error: ${e?.message ?? String(err)}`));
  if (process.env.KUBESIM_DEBUG) io.err(`${e?.stack}\n`);
  return 1;
}

/**
 * Ends a message with one newline unless it already ends with one, as
 * kubectl's cmdutil fatal does. So a message that kubectl builds with a
 * trailing newline (`error parsing jsonpath ..., unclosed action\n`) prints
 * no blank line after it.
 */
function withFinalNewline(message: string): string {
  return message.endsWith('\n') ? message : `${message}\n`;
}

/** klog's error-line header: `E1204 22:11:56.042317   16451 ` (month, day, time with microseconds, pid). */
function klogPrefix(d: Date, severity = 'E'): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000`;
  return `${severity}${p(d.getMonth() + 1)}${p(d.getDate())} ${time} ${String(process.pid).padStart(7)} `;
}

/** Returns a klog warning line as kubectl writes it to stderr (`W1206 10:04:05.123456   4242 helpers.go:702] ...`). */
export function klogWarning(site: string, message: string): string {
  return `${klogPrefix(new Date(), 'W')}${site}] ${message}\n`;
}
