import { describe, expect, it } from 'vitest';
import { formatPerlBanner, runPerl } from '../../src/images/perl';

describe('runPerl', () => {
  it('prints bpi with a newline under -l', () => {
    const result = runPerl(['-Mbignum=bpi', '-wle', 'print bpi(10)'], '5.36.0');
    expect(result).toMatchObject({ stdout: '3.141592654\n', stderr: '', exitCode: 0 });
  });

  it('takes a few seconds for bpi(2000)', () => {
    const result = runPerl(['-Mbignum=bpi', '-wle', 'print bpi(2000)'], '5.36.0');
    expect(result.durationMs).toBe(2326);
    expect(result.stdout.length).toBe(2002);
  });

  it('prints a string literal with escapes', () => {
    expect(runPerl(['-e', 'print "x\\n"'], '5.36.0').stdout).toBe('x\n');
  });

  it('prints a list and a single-quoted string', () => {
    expect(runPerl(['-e', "print('a', 1, 'b\\n')"], '5.36.0').stdout).toBe('a1b\\n');
  });

  it('fails when bpi is not imported', () => {
    const result = runPerl(['-e', 'print bpi(5)'], '5.36.0');
    expect(result.stderr).toBe('Undefined subroutine &main::bpi called at -e line 1.\n');
    expect(result.exitCode).toBe(255);
  });

  it('reports unsupported code as a syntax error', () => {
    const result = runPerl(['-e', 'my $x = 1'], '5.36.0');
    expect(result.stderr).toBe('syntax error at -e line 1, near "my $x = 1"\nExecution of -e aborted due to compilation errors.\n');
    expect(result.exitCode).toBe(255);
  });

  it('exits with the status given to exit', () => {
    expect(runPerl(['-e', 'print "a"; exit 4'], '5.36.0')).toMatchObject({ stdout: 'a', exitCode: 4 });
  });

  it('fails on a missing script file', () => {
    const result = runPerl(['app.pl'], '5.36.0');
    expect(result.stderr).toBe('Can\'t open perl script "app.pl": No such file or directory\n');
    expect(result.exitCode).toBe(2);
  });

  it('prints the version banner', () => {
    expect(runPerl(['-v'], '5.36.0').stdout).toBe(formatPerlBanner('5.36.0'));
  });
});

describe('formatPerlBanner', () => {
  it('names the version and copyright year', () => {
    const lines = formatPerlBanner('5.36.0').split('\n');
    expect(lines[1]).toBe('This is perl 5, version 36, subversion 0 (v5.36.0) built for x86_64-linux-gnu');
    expect(lines[3]).toBe('Copyright 1987-2022, Larry Wall');
  });
});
