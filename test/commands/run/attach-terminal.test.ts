import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main.js';
import type { IO } from '../../../src/commands/context.js';

/** Runs the CLI in-process with a terminal (or not) on stdin, returning what it printed. */
async function runWithStdin(argv: string[], input: string, stdinIsTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    isTTY: false,
    stdinIsTTY,
    stdin: async () => input,
  };
  const code = await run(argv, io);
  return { stdout, stderr, code };
}

describe('kubectl run -it with a terminal on stdin', () => {
  const home = mkdtempSync(join(tmpdir(), 'kubesim-attach-'));
  const saved = process.env.KUBESIM_HOME;
  beforeAll(async () => {
    process.env.KUBESIM_HOME = home;
    const created = await runWithStdin(['cluster', 'create', 'tty', '--clock', 'manual', '--seed', '1'], '', false);
    expect(created.code).toBe(0);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.KUBESIM_HOME;
    else process.env.KUBESIM_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the session-ended hint for an Always pod', async () => {
    const r = await runWithStdin(['--cluster', 'tty', 'run', '-it', 'box', '--image=busybox'], 'echo hi\n', true);
    expect(r.stdout).toBe("hi\nSession ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n");
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.code).toBe(0);
  });

  it('prints no hint for a Never pod', async () => {
    const r = await runWithStdin(['--cluster', 'tty', 'run', '-it', '--rm', 'once', '--image=busybox', '--restart=Never'], 'echo hi\n', true);
    expect(r.stdout).toBe('hi\npod "once" deleted\n');
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.code).toBe(0);
  });

  it('warns without a terminal', async () => {
    const r = await runWithStdin(['--cluster', 'tty', 'run', '-it', 'piped', '--image=busybox'], 'echo hi\n', false);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe("Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n");
    expect(r.code).toBe(0);
  });
});
