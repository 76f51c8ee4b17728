/**
 * The part of Go's fmt.Sprintf that templates use with printf: verbs
 * %v %T %s %d %q %t %f %e %g %x %X %c %%, flags `-`, `+`, `0`, space, width and
 * precision. Go's markers are kept too: `%!d(string=x)` for a wrong verb,
 * `%!s(MISSING)` for a missing operand and `%!(EXTRA int=1)` for extra ones.
 */

import { formatGoFloat } from './json';
import { formatGoPrint, GoFloat } from './go-value';
import { GoInt, goTypeName, printOperand } from './go-template-funcs';

const VERB = /%([-+# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])/g;

/** Formats `format` with template values as Go's fmt.Sprintf does. */
export function formatPrintf(format: string, args: unknown[]): string {
  let next = 0;
  const out = format.replace(VERB, (whole, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    const text = formatOne(verb, arg, flags, precision);
    if (text === undefined) {
      return `%!${verb}(${goTypeName(arg)}=${pad(printOperand(arg), flags, width)})`;
    }
    return pad(text, flags, width, verb !== 's' && verb !== 'q' && verb !== 'v');
  });
  if (next < args.length) {
    const extra = args.slice(next).map((a) => `${goTypeName(a)}=${printOperand(a)}`);
    return `${out}%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function formatOne(verb: string, arg: unknown, flags: string, precision: string | undefined): string | undefined {
  const isInt = arg instanceof GoInt || (typeof arg === 'number' && Number.isInteger(arg));
  let n: number | undefined;
  if (arg instanceof GoInt || arg instanceof GoFloat) n = arg.value;
  else if (typeof arg === 'number') n = arg;
  const plus = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const sign = (x: number, text: string) => (x >= 0 ? plus + text : text);

  switch (verb) {
    case 'v':
      return printOperand(arg);
    case 'T':
      return goTypeName(arg);
    case 's':
      if (typeof arg === 'string') return precision !== undefined ? [...arg].slice(0, Number(precision)).join('') : arg;
      if (goKindOf(arg) === 'collection') return formatGoPrint(arg);
      return undefined;
    case 'q':
      return typeof arg === 'string' ? JSON.stringify(arg) : undefined;
    case 't':
      return typeof arg === 'boolean' ? String(arg) : undefined;
    case 'd':
      return isInt ? sign(n!, String(n)) : undefined;
    case 'c':
      return isInt ? String.fromCodePoint(n!) : undefined;
    case 'x':
    case 'X': {
      let text: string | undefined;
      if (isInt) text = (n! < 0 ? '-' : '') + Math.abs(n!).toString(16);
      else if (typeof arg === 'string') text = Buffer.from(arg).toString('hex');
      return verb === 'X' ? text?.toUpperCase() : text;
    }
    case 'f':
    case 'F':
      return n !== undefined && !isInt ? sign(n, n.toFixed(precision === undefined ? 6 : Number(precision || 0))) : undefined;
    case 'e':
      return n !== undefined && !isInt ? sign(n, goExponent(n, precision === undefined ? 6 : Number(precision || 0))) : undefined;
    case 'g':
      return n !== undefined && !isInt ? sign(n, formatGoFloat(n)) : undefined;
    default:
      return undefined;
  }
}

function goKindOf(arg: unknown): 'collection' | 'other' {
  return typeof arg === 'object' && arg !== null && !(arg instanceof GoInt) ? 'collection' : 'other';
}

function goExponent(n: number, digits: number): string {
  const [mantissa, exp] = n.toExponential(digits).split('e');
  const e = Number(exp);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function pad(text: string, flags: string, width: string | undefined, numeric = false): string {
  const size = width === undefined ? 0 : Number(width);
  const length = [...text].length;
  if (length >= size) return text;
  if (flags.includes('-')) return text + ' '.repeat(size - length);
  if (flags.includes('0') && numeric) {
    const signed = /^[+\- ]/.test(text);
    return (signed ? text[0] : '') + '0'.repeat(size - length) + (signed ? text.slice(1) : text);
  }
  return ' '.repeat(size - length) + text;
}
