import { runScript, type ShellWorld } from '../../src/images/shell/run';

/** The container a shell test's script runs in: a busybox pod with the ash dialect. */
export const SHELL_WORLD: ShellWorld = {
  hostname: 'box',
  podIP: '10.244.1.67',
  namespace: 'default',
  startedAt: Date.UTC(2022, 4, 31, 10, 3, 24),
  dialect: 'ash',
};

/** Runs a script and returns its output lines as `1:text` (stdout) and `2:text` (stderr), then `rc=N`. */
export function runLines(script: string, dialect: ShellWorld['dialect'] = 'ash'): string[] {
  const result = runScript(script, new Map(), { ...SHELL_WORLD, dialect });
  return [...result.lines.map((l) => `${l.stream === 'stdout' ? 1 : 2}:${l.line}`), `rc=${result.exitCode}`];
}
