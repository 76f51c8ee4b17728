/**
 * Runs kubesim commands in this process, the way the replay needs them: the
 * CLI's own `run(argv, io)` with an IO that captures stdout and stderr
 * interleaved, as a terminal shows them, against one cluster.
 */
import type { IO } from '../../commands/context.js';

/** Output and exit code of one in-process command. */
export interface ExecResult {
  /** Standard output and standard error interleaved, split into lines. */
  lines: string[];
  /** Standard output only (for `$(...)`). */
  stdout: string;
  exitCode: number;
}

/** Runs kubesim commands against one cluster. */
export type Exec = (argv: string[], stdin?: string) => Promise<ExecResult>;

/** Splits captured text into lines, without the final newline's empty line. */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Makes an Exec that adds `--cluster NAME` to every command. The CLI
 * module is imported lazily: the replay verb is itself one of its chunks.
 */
export function inProcessExec(cluster: string): Exec {
  return async (argv, stdin) => {
    const { run } = await import('../../cli/main.js');
    let all = '';
    let stdout = '';
    const io: IO = {
      out: (t) => {
        all += t;
        stdout += t;
      },
      err: (t) => {
        all += t;
      },
      isTTY: false,
      stdin: async () => stdin ?? '',
    };
    const exitCode = await run(['--cluster', cluster, ...argv], io);
    return { lines: toLines(all), stdout, exitCode };
  };
}
