/**
 * A command-line parser with kubectl's (pflag's) rules: `--flag value`,
 * `--flag=value`, `-o wide`, `-owide`, booleans that take `=true`/`=False`
 * but never the next argument, flags anywhere among the arguments, and
 * everything after `--` passed through.
 */
import { FlagError, UsageError } from '../api/errors.js';
import { formatGoDuration, parseGoDuration } from '../api/go-duration.js';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: unknown;
  help: string;
  /** Value taken when the flag is given bare (`--cascade` means background). */
  noOptDefault?: string;
  hidden?: boolean;
  /**
   * cobra's deprecation: from Kubernetes `since` (1.22 is 122), using the flag
   * prints `Flag --<name> has been deprecated, <message>` before anything else.
   */
  deprecated?: { message: string; since: number };
}

export interface Parsed {
  flags: Record<string, any>;
  /** Which flags were given explicitly. */
  set: Set<string>;
  args: string[];
  /** Arguments after `--`. */
  dashArgs: string[];
  hadDash: boolean;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Parses Go-style durations: `90s`, `10m`, `1h30m`, `500ms`, and bare seconds `0`. */
export function parseDuration(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    total += n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms']!;
    consumed += m[0].length;
  }
  if (consumed !== text.length || consumed === 0) throw new UsageError(`time: invalid duration "${text}"`);
  return total;
}

/**
 * Converts a flag's text to its type. A bad value is a cobra flag error that
 * names the flag as pflag does: `-r, --replicas` when it has a shorthand,
 * whichever spelling was typed.
 */
function convert(spec: FlagSpec, raw: string): unknown {
  const flagText = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  switch (spec.type) {
    case 'bool':
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'duration': {
      // pflag's DurationVar parses with Go's time.ParseDuration: a unit is required and negative values are allowed.
      const parsed = parseGoDuration(raw);
      if ('error' in parsed) throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: ${parsed.error}`);
      return Number(parsed.nanoseconds) / 1e6;
    }
    default:
      return raw;
  }
}

export function parseArgs(argv: string[], specs: FlagSpec[]): Parsed {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: Record<string, any> = {};
  for (const s of specs) flags[s.name] = s.type === 'stringArray' ? [...((s.default as string[]) ?? [])] : s.default;
  const set = new Set<string>();
  const args: string[] = [];
  let dashArgs: string[] = [];
  let hadDash = false;
  const assign = (spec: FlagSpec, raw: string) => {
    const value = convert(spec, raw);
    if (spec.type === 'stringArray') {
      if (!set.has(spec.name)) flags[spec.name] = [];
      flags[spec.name].push(value);
    } else flags[spec.name] = value;
    set.add(spec.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      hadDash = true;
      dashArgs = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) assign(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') assign(spec, 'true');
      else if (spec.noOptDefault !== undefined) assign(spec, spec.noOptDefault);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        assign(spec, argv[++i]);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const spec = byShort.get(ch);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            assign(spec, a.slice(j + 2));
            break;
          }
          assign(spec, 'true');
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest) assign(spec, rest);
        else if (spec.noOptDefault !== undefined) assign(spec, spec.noOptDefault);
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
          assign(spec, argv[++i]);
        }
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, set, args, dashArgs, hadDash };
}

/** Flags every kubectl-style verb accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'cluster', type: 'string', default: '', help: 'The kubesim cluster to use' },
  { name: 'context', type: 'string', default: '', help: 'The kubeconfig context to use (a kubesim cluster name)' },
  { name: 'namespace', short: 'n', type: 'string', default: '', help: 'If present, the namespace scope for this CLI request' },
  { name: 'kubeconfig', type: 'string', default: '', help: 'Accepted for compatibility; kubesim keeps clusters under $KUBESIM_HOME', hidden: true },
  { name: 'request-timeout', type: 'string', default: '0', help: 'Accepted for compatibility; requests are local', hidden: true },
  { name: 'v', short: 'v', type: 'string', default: '0', help: 'Number for the log level verbosity', hidden: true },
  { name: 'help', short: 'h', type: 'bool', default: false, help: 'help for this command' },
];

/**
 * Renders a flag's default as kubectl's help template does: a string in
 * single quotes (`''` when empty), a list in brackets, a duration as Go
 * prints it, and a bool or number as is.
 */
function defaultText(spec: FlagSpec): string {
  switch (spec.type) {
    case 'string':
      return `'${spec.default ?? ''}'`;
    case 'stringArray':
      return `[${((spec.default as string[] | undefined) ?? []).join(',')}]`;
    case 'duration':
      return formatGoDuration(Number(spec.default ?? 0));
    case 'bool':
      return String(spec.default === true);
    default:
      return String(spec.default ?? 0);
  }
}

/** Renders the `Options:` block of help text: every visible flag by name, as pflag sorts them. */
export function formatFlagHelp(specs: FlagSpec[]): string {
  const lines: string[] = [];
  const visible = specs.filter((s) => !s.hidden && !GLOBAL_FLAGS.includes(s)).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const s of visible) {
    const head = s.short ? `    -${s.short}, --${s.name}` : `    --${s.name}`;
    lines.push(`${head}=${defaultText(s)}:\n\t${s.help}\n`);
  }
  return lines.join('\n');
}
