/**
 * The two directories `kubectl diff` writes and the external program that
 * compares them. kubectl names the directories `LIVE-<digits>` and
 * `MERGED-<digits>` under the OS temp directory, runs `diff -u -N LIVE MERGED`
 * (or `KUBECTL_EXTERNAL_DIFF`) with the command's own stdout and stderr, and
 * removes both directories afterwards. kubesim does the same so that users'
 * diff tools and scripts see the same paths and arguments.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IO } from '../context.js';
import { ExitError } from '../../api/errors.js';

/** A temporary directory holding one side of the comparison. */
export interface DiffDirectory {
  path: string;
}

/**
 * Creates `<tmp>/<prefix>-<digits>` as Go's os.MkdirTemp does: the digits are
 * a random 32-bit number, retried when the name is taken.
 */
export function createDiffDirectory(prefix: 'LIVE' | 'MERGED'): DiffDirectory {
  for (let attempt = 0; ; attempt++) {
    const path = join(tmpdir(), `${prefix}-${randomBytes(4).readUInt32BE(0)}`);
    try {
      mkdirSync(path, { mode: 0o700 });
      return { path };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 10000) throw err;
    }
  }
}

/** Writes one object's YAML (empty for an object that does not exist) under the directory. */
export function writeDiffFile(dir: DiffDirectory, name: string, yaml: string): void {
  writeFileSync(join(dir.path, name), yaml, { mode: 0o700 });
}

/** Removes a directory and its files, ignoring errors as kubectl's TearDown does. */
export function removeDiffDirectory(dir: DiffDirectory): void {
  try {
    rmSync(dir.path, { recursive: true, force: true });
  } catch {
    // kubectl ignores a failed removal too.
  }
}

/** kubectl keeps only these extra words of KUBECTL_EXTERNAL_DIFF; others are dropped silently. */
const EXTERNAL_ARG = /^[a-zA-Z0-9-=]+$/;

/**
 * Returns the program and arguments kubectl runs: `diff -u -N FROM TO`, or
 * the first word of KUBECTL_EXTERNAL_DIFF with `FROM TO` followed by its
 * other words that are made of letters, digits, `-` and `=`.
 */
export function diffCommand(from: string, to: string, external = process.env.KUBECTL_EXTERNAL_DIFF ?? ''): [string, string[]] {
  if (external === '') return ['diff', ['-u', '-N', from, to]];
  // kubectl splits on single spaces, so doubled spaces give empty words, which the check drops.
  const [program, ...rest] = external.split(' ');
  return [program, [from, to, ...rest.filter((w) => EXTERNAL_ARG.test(w))]];
}

/**
 * Runs the diff program on the two directories, passing its output through.
 * Returns 0 or 1 as the program did; any other outcome throws kubectl's
 * `failed to run` error, which the command reports with exit code 2.
 */
export function runDiffProgram(io: IO, from: DiffDirectory, to: DiffDirectory): number {
  const [program, args] = diffCommand(from.path, to.path);
  const r = spawnSync(program, args, { encoding: 'buffer', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  if (r.stdout?.length) io.out(r.stdout.toString('utf8'));
  if (r.stderr?.length) io.err(r.stderr.toString('utf8'));
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    // Go looks a bare name up in PATH, and runs a name with a slash as a path.
    const missing = program.includes('/') ? `fork/exec ${program}: no such file or directory` : `exec: ${JSON.stringify(program)}: executable file not found in $PATH`;
    const reason = code === 'ENOENT' ? missing : r.error.message;
    throw new ExitError(2, `error: failed to run ${JSON.stringify(program)}: ${reason}`);
  }
  if (r.signal) throw new ExitError(2, `error: failed to run ${JSON.stringify(program)}: signal: ${signalName(r.signal)}`);
  if (r.status === 0 || r.status === 1) return r.status;
  throw new ExitError(2, `error: failed to run ${JSON.stringify(program)}: exit status ${r.status}`);
}

/** Go's name for a signal in `signal: killed`. */
function signalName(signal: NodeJS.Signals): string {
  const names: Partial<Record<NodeJS.Signals, string>> = { SIGKILL: 'killed', SIGTERM: 'terminated', SIGINT: 'interrupt', SIGSEGV: 'segmentation fault', SIGPIPE: 'broken pipe', SIGABRT: 'aborted' };
  return names[signal] ?? signal;
}
