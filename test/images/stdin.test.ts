import { describe, expect, it } from 'vitest';
import { planContainer, planShellInput } from '../../src/images/program';
import { newContext } from './helpers';

const ctx = newContext();

describe('shell waiting on stdin', () => {
  it('waits for commands with stdin open', () => {
    const plan = planContainer({ name: 'b', image: 'busybox', stdin: true, stdinOnce: true }, ctx);
    expect(plan.exit).toBeUndefined();
    expect(plan.readsStdin).toBe(true);
    expect(plan.output).toEqual([]);
  });

  it('waits for ever on a TTY without stdin', () => {
    const plan = planContainer({ name: 'b', image: 'busybox', tty: true }, ctx);
    expect(plan.exit).toBeUndefined();
    expect(plan.readsStdin).toBeUndefined();
  });

  it('keeps sh -c scripts independent of stdin', () => {
    const plan = planContainer({ name: 'b', image: 'busybox', stdin: true, command: ['sh', '-c', 'echo hi'] }, ctx);
    expect(plan.exit).toEqual({ atMs: 0, code: 0 });
    expect(plan.readsStdin).toBeUndefined();
  });
});

describe('planShellInput', () => {
  it('runs the input and exits at its end with stdinOnce', () => {
    const plan = planShellInput({ name: 'b', image: 'busybox', stdin: true, stdinOnce: true }, ctx, 'echo a\nsleep 2\necho b >&2\n');
    expect(plan.output).toEqual([
      { atMs: 0, stream: 'stdout', line: 'a' },
      { atMs: 2000, stream: 'stderr', line: 'b' },
    ]);
    expect(plan.exit).toEqual({ atMs: 2000, code: 0 });
    expect(plan.readsStdin).toBeUndefined();
  });

  it('exits with the status of the last command', () => {
    const plan = planShellInput({ name: 'b', image: 'busybox', stdin: true, stdinOnce: true }, ctx, 'false\n');
    expect(plan.exit).toEqual({ atMs: 0, code: 1 });
  });

  it('keeps reading without stdinOnce', () => {
    const plan = planShellInput({ name: 'b', image: 'busybox', stdin: true }, ctx, 'echo a\n');
    expect(plan.output.map((l) => l.line)).toEqual(['a']);
    expect(plan.exit).toBeUndefined();
    expect(plan.readsStdin).toBe(true);
  });

  it('exits on exit without stdinOnce', () => {
    const plan = planShellInput({ name: 'b', image: 'busybox', stdin: true }, ctx, 'echo a; exit 5\necho never\n');
    expect(plan.output.map((l) => l.line)).toEqual(['a']);
    expect(plan.exit).toEqual({ atMs: 0, code: 5 });
  });
});
