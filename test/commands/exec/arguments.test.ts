import { describe, expect, it } from 'vitest';
import { parseArgs, GLOBAL_FLAGS } from '../../../src/cli/flags';
import { command } from '../../../src/commands/exec/index';
import { completeArguments, validateArguments } from '../../../src/commands/exec/arguments';

function parse(argv: string[]) {
  return parseArgs(argv, [...command.flags, ...GLOBAL_FLAGS]);
}

const NOTICE = 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';

describe('completeArguments', () => {
  it('splits at the dash', () => {
    expect(completeArguments(parse(['web', '--', 'ls', '-l']), 132, false, false)).toEqual({ resourceName: 'web', command: ['ls', '-l'] });
  });

  it('ignores extra arguments before the dash', () => {
    expect(completeArguments(parse(['web', 'extra', '--', 'date']), 132, false, false)).toEqual({ resourceName: 'web', command: ['date'] });
  });

  it('takes no target from a leading dash', () => {
    expect(completeArguments(parse(['--', 'date']), 132, false, false)).toEqual({ resourceName: '', command: ['date'] });
  });

  it('rejects the dashless form from 1.31', () => {
    expect(() => completeArguments(parse(['web', 'date']), 131, false, false)).toThrow('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  });

  it('accepts the dashless form with a notice before 1.31', () => {
    expect(completeArguments(parse(['web', 'date', 'x']), 130, false, false)).toEqual({ resourceName: 'web', command: ['date', 'x'], notice: NOTICE });
  });

  it('silences the notice with -q from 1.21', () => {
    expect(completeArguments(parse(['web', 'date']), 121, true, false).notice).toBeUndefined();
    expect(completeArguments(parse(['web', 'date']), 120, true, false).notice).toBe(NOTICE);
  });

  it('repeats kubectl in the 1.18 notice', () => {
    expect(completeArguments(parse(['web', 'date']), 118, false, false).notice).toBe(NOTICE.replace('Use kubectl exec', 'Use kubectl kubectl exec'));
  });

  it('runs every argument with -f before 1.31', () => {
    expect(completeArguments(parse(['date']), 125, false, true)).toEqual({ resourceName: '', command: ['date'], notice: NOTICE });
  });

  it('uses the legacy split before 1.18', () => {
    expect(completeArguments(parse(['web', 'a', '--', 'b']), 117, false, false)).toEqual({ resourceName: 'web', command: ['a', 'b'] });
    expect(() => completeArguments(parse(['--', 'b']), 117, false, false)).toThrow("expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.");
  });
});

describe('validateArguments', () => {
  it('requires a target', () => {
    expect(() => validateArguments({ resourceName: '', command: ['date'] }, 132, false)).toThrow('pod, type/name or --filename must be specified');
    expect(() => validateArguments({ resourceName: '', command: ['date'] }, 117, false)).toThrow('pod or type/name must be specified');
  });

  it('accepts a file as the target', () => {
    expect(() => validateArguments({ resourceName: '', command: ['date'] }, 132, true)).not.toThrow();
  });

  it('requires a command', () => {
    expect(() => validateArguments({ resourceName: 'web', command: [] }, 132, false)).toThrow('you must specify at least one command for the container');
  });
});
