import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main.js';
import type { IO } from '../../../src/commands/context.js';

/** Runs the CLI in-process with a terminal on stdin, returning what it printed. */
async function runOnTerminal(argv: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const io: IO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTTY: false, stdinIsTTY: true, stdin: async () => input };
  const code = await run(argv, io);
  return { stdout, stderr, code };
}

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

describe('kubectl attach -it with a terminal on stdin', () => {
  const home = mkdtempSync(join(tmpdir(), 'kubesim-attach-tty-'));
  const saved = process.env.KUBESIM_HOME;
  beforeAll(async () => {
    process.env.KUBESIM_HOME = home;
    expect((await runOnTerminal(['cluster', 'create', 'now', '--clock', 'manual', '--seed', '1'])).code).toBe(0);
    expect((await runOnTerminal(['--cluster', 'now', 'run', 'shell', '--image=busybox', '-it', '--attach=false'])).code).toBe(0);
    expect((await runOnTerminal(['--cluster', 'now', 'clock', 'advance', '10s'])).code).toBe(0);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.KUBESIM_HOME;
    else process.env.KUBESIM_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the session-ended hint of kubectl 1.32 for an Always pod', async () => {
    const r = await runOnTerminal(['--cluster', 'now', 'attach', 'shell', '-it'], 'echo hi\n');
    expect(r.stdout).toBe("hi\nSession ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running\n");
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
  });

  it('prints no hint with -q', async () => {
    await runOnTerminal(['--cluster', 'now', 'clock', 'advance', '30s']);
    const r = await runOnTerminal(['--cluster', 'now', 'attach', 'shell', '-itq'], 'echo again\n');
    expect(r.stdout).toBe('again\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
