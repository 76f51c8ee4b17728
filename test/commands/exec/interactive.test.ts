import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { runInteractiveShell } from '../../../src/commands/exec/interactive';
import { openInteractiveShell } from '../../../src/images/exec';

/** Types `lines` into an interactive busybox shell and returns what it printed and its exit status. */
async function typeInto(lines: string, end = true): Promise<{ output: string; code: number }> {
  const session = openInteractiveShell({
    image: 'busybox', argv: ['sh'], env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default', now: 0, tty: true,
  })!;
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => { printed += chunk.toString(); });
  const done = runInteractiveShell(session, input, output);
  input.write(lines);
  if (end) input.end();
  const code = await done;
  return { output: printed, code };
}

describe('runInteractiveShell', () => {
  it('prompts and runs each line', async () => {
    expect(await typeInto('echo hi\nhostname\nexit 4\n', false)).toEqual({ output: '/ # hi\n/ # bb\n/ # ', code: 4 });
  });

  it('keeps variables between lines', async () => {
    expect((await typeInto('N=7\necho $N >&2\nexit\n', false)).output).toBe('/ # / # 7\n/ # ');
  });

  it('ends at end of input with the last status', async () => {
    expect(await typeInto('false\n')).toEqual({ output: '/ # / # \n', code: 1 });
  });
});
