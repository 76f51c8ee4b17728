/**
 * The simulated `perl` program: command-line switches, `-v`, and one-line
 * programs made of `print` statements over string literals, numbers and
 * `bpi(N)` from `-Mbignum=bpi`.
 */
import { calculatePi } from './pi';

/** Output, exit status and duration of a perl run. */
export interface PerlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Simulated run time in milliseconds. */
  durationMs: number;
}

/** Perl interpreter start-up time. */
const PERL_START_MS = 40;

/** Returns the `perl -v` banner for a version such as `5.36.0`. */
export function formatPerlBanner(version: string): string {
  const [, minor = '36', patch = '0'] = version.split('.');
  // Even minor releases ship once a year: 5.20 in 2014, 5.36 in 2022.
  const year = 2014 + Math.floor((Number(minor) - 20) / 2);
  return `\nThis is perl 5, version ${minor}, subversion ${patch} (v${version}) built for x86_64-linux-gnu\n\n`
    + `Copyright 1987-${year}, Larry Wall\n\n`
    + 'Perl may be copied only under the terms of either the Artistic License or the\n'
    + 'GNU General Public License, which may be found in the Perl 5 source kit.\n\n'
    + 'Complete documentation for Perl, including FAQ lists, should be found on\n'
    + 'this system using "man perl" or "perldoc perl".  If you have access to the\n'
    + 'Internet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n';
}

interface PerlOptions {
  modules: string[];
  code?: string;
  lineEndings: boolean;
  version: boolean;
  script?: string;
}

/** Splits perl switches; clustered switches (`-wle`) are expanded and `-e` takes the next argument. */
function parseSwitches(args: string[]): PerlOptions {
  const options: PerlOptions = { modules: [], lineEndings: false, version: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      options.script = arg;
      break;
    }
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      if (flag === 'M' || flag === 'm') {
        options.modules.push(arg.slice(j + 1) || args[++i] || '');
        break;
      }
      if (flag === 'e' || flag === 'E') {
        const rest = arg.slice(j + 1);
        options.code = (options.code ? `${options.code}\n` : '') + (rest || args[++i] || '');
        break;
      }
      if (flag === 'l') options.lineEndings = true;
      else if (flag === 'v') options.version = true;
    }
  }
  return options;
}

class PerlError extends Error {}

/** Evaluates one print argument: a quoted string, a number or `bpi(N)`. */
function evaluateTerm(term: string, imports: Set<string>): { text: string; costMs: number } {
  const t = term.trim();
  let m = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  if (m) {
    const escapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', $: '$', '@': '@' };
    return { text: m[1].replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c), costMs: 0 };
  }
  m = /^'((?:[^'\\]|\\.)*)'$/.exec(t);
  if (m) return { text: m[1].replace(/\\([\\'])/g, '$1'), costMs: 0 };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { text: String(Number(t)), costMs: 0 };
  m = /^bpi\s*(?:\(\s*(\d+)\s*\)|(\d+))$/.exec(t);
  if (m) {
    if (!imports.has('bpi')) throw new PerlError('Undefined subroutine &main::bpi called at -e line 1.');
    const digits = Number(m[1] ?? m[2]);
    // Estimated cost of Math::BigFloat's pi: roughly quadratic, about 2.5 s for 2000 digits.
    return { text: digits === 0 ? 'NaN' : calculatePi(digits), costMs: Math.round((digits * digits) / 1750) };
  }
  throw new PerlError(`syntax error at -e line 1, near "${t}"`);
}

/** Splits `a, "b, c", d` on top-level commas. */
function splitList(list: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote = '';
  let depth = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      current += ch;
      if (ch === '\\') current += list[++i] ?? '';
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === '(') { depth++; current += ch; }
    else if (ch === ')') { depth--; current += ch; }
    else if (ch === ',' && depth === 0) { items.push(current); current = ''; }
    else current += ch;
  }
  if (current.trim() !== '') items.push(current);
  return items;
}

/**
 * Runs `perl ARGS`. Programs outside the supported subset fail with a perl
 * style syntax error and exit status 255.
 */
export function runPerl(args: string[], version: string): PerlResult {
  const options = parseSwitches(args);
  if (options.version) return { stdout: formatPerlBanner(version), stderr: '', exitCode: 0, durationMs: PERL_START_MS };
  if (options.script !== undefined) {
    return {
      stdout: '', exitCode: 2, durationMs: PERL_START_MS,
      stderr: `Can't open perl script "${options.script}": No such file or directory\n`,
    };
  }
  // Without -e perl reads the program from stdin, which is empty in a container.
  if (options.code === undefined) return { stdout: '', stderr: '', exitCode: 0, durationMs: PERL_START_MS };

  const imports = new Set<string>();
  for (const module of options.modules) {
    const [name, list = ''] = module.split('=');
    if (name === 'bignum' || name === 'bigint' || name === 'bigrat') {
      for (const symbol of list.split(',')) if (symbol) imports.add(symbol);
    }
  }

  let stdout = '';
  let durationMs = PERL_START_MS;
  try {
    for (const statement of options.code.split(/;|\n/).map((s) => s.trim()).filter(Boolean)) {
      const exit = /^exit(?:\s*\(?\s*(\d+)\s*\)?)?$/.exec(statement);
      if (exit) return { stdout, stderr: '', exitCode: Number(exit[1] ?? 0), durationMs };
      const print = /^print(?:\s+|\s*\((.*)\)\s*$|$)(.*)$/s.exec(statement);
      if (!print) throw new PerlError(`syntax error at -e line 1, near "${statement}"`);
      const list = print[1] ?? print[2];
      const terms = list.trim() === '' ? [] : splitList(list);
      for (const term of terms) {
        const value = evaluateTerm(term, imports);
        stdout += value.text;
        durationMs += value.costMs;
      }
      if (options.lineEndings) stdout += '\n';
    }
  } catch (e) {
    if (!(e instanceof PerlError)) throw e;
    const compileError = e.message.startsWith('syntax error');
    const stderr = `${e.message}\n${compileError ? 'Execution of -e aborted due to compilation errors.\n' : ''}`;
    return { stdout: compileError ? '' : stdout, stderr, exitCode: 255, durationMs };
  }
  return { stdout, stderr: '', exitCode: 0, durationMs };
}
