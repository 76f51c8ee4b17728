/**
 * The CLI entry: finds the verb, loads only its module, parses its flags
 * with kubectl's rules, runs it, and turns errors into kubectl's messages
 * and exit codes. This is the only place that decides the exit code.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALIASES, GROUPS, VERBS } from './verbs.js';
import { GLOBAL_FLAGS, formatFlagHelp, parseArgs, type FlagSpec } from './flags.js';
import { CommandContext, type IO } from '../commands/context.js';
import type { CommandDef } from '../commands/types.js';
import { UsageError } from '../api/errors.js';
import { quoteGoString } from '../printers/go-value.js';
import { reportError } from './errors.js';
import { KUBECTL_LAYOUT } from './help.js';
import { rootHelpText } from './help.js';

/** Set once stdout is written through process.stdout (see writeOut). */
let stdoutStream = false;
/** Set once anything is written to stderr, which goes through process.stderr. */
let stderrUsed = false;

/** Ends the command quietly when the reader closed the pipe early (`kubesim get pods | head -1`), as kubectl does. */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
}

function toStream(text: string | Buffer): void {
  if (!stdoutStream) {
    stdoutStream = true;
    process.stdout.on('error', onStdoutError);
  }
  process.stdout.write(text);
}

/**
 * Writes to stdout with blocking writes to file descriptor 1. Creating
 * process.stdout loads Node's stream modules, which costs about two
 * milliseconds (measured) of every short command. A descriptor that is non-blocking
 * (EAGAIN) gets the rest through process.stdout, which waits for it.
 */
function writeOut(text: string): void {
  if (stdoutStream) {
    process.stdout.write(text);
    return;
  }
  const data = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < data.length) offset += writeSync(1, data, offset, data.length - offset);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw err;
    toStream(data.subarray(offset));
  }
}

function stdio(): IO {
  return {
    out: writeOut,
    err: (t) => {
      stderrUsed = true;
      process.stderr.write(t);
    },
    // node:tty loads Node's socket and stream modules, so only the commands that colour their output load it.
    get isTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(1);
    },
    get stdinIsTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(0);
    },
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** The first argument that is not a global flag or its value. */
function findVerbIndex(argv: string[]): number {
  const withValue = new Set(['--cluster', '--context', '--namespace', '-n', '--kubeconfig', '--request-timeout', '-v', '--v']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return i;
  }
  return -1;
}

/**
 * The first argument that is not a flag or a flag's value, found as cobra
 * finds a subcommand: a flag given without `=` takes the next argument
 * unless it is known to need none (a bool, or one with a bare default).
 * So `create -o yaml deployment web` names `deployment`.
 */
function findSubcommandIndex(argv: string[], def: CommandDef): number {
  const bare = new Set<string>();
  for (const f of [...def.flags, ...GLOBAL_FLAGS]) {
    if (f.type !== 'bool' && f.noOptDefault === undefined) continue;
    bare.add(`--${f.name}`);
    if (f.short) bare.add(`-${f.short}`);
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    const takesNext = !a.includes('=') && !bare.has(a) && (a.startsWith('--') || a.length === 2);
    if (takesNext) i++;
  }
  return -1;
}

/** Finds the value of the first of `names` given as `--flag value` or `--flag=value`. */
function findFlagValue(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name && i + 1 < args.length) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

/**
 * Returns the Kubernetes version of the cluster a command targets, reading
 * only its settings. A cluster that does not exist yet gets the default
 * version, because the command would create it with that version.
 */
async function findTargetVersion(args: string[]): Promise<number> {
  const { clusterExists, readConfig } = await import('../engine/home.js');
  const { DEFAULT_SETTINGS } = await import('../engine/settings.js');
  const name = findFlagValue(args, ['--cluster', '--context']) || process.env.KUBESIM_CLUSTER || readConfig().currentCluster;
  if (!clusterExists(name)) return DEFAULT_SETTINGS.version;
  const { Cluster } = await import('../engine/cluster.js');
  return new Cluster(name).settings.version;
}

function rootHelp(): string {
  return rootHelpText(VERBS, GROUPS);
}

/**
 * Lists subcommands as kubectl does: sorted, with their summaries, and
 * without aliases (a name whose command's `use` spells another name).
 */
async function subcommandRows(path: string[], subcommands: NonNullable<CommandDef['subcommands']>): Promise<string[]> {
  const rows: [string, string][] = [];
  for (const name of Object.keys(subcommands).sort()) {
    const sub = (await subcommands[name]()).command;
    const spelled = sub.use.split(' ')[path.length];
    if (spelled !== undefined && spelled !== name && sub.use.startsWith(path.join(' ') + ' ')) continue;
    rows.push([name, sub.short.replace(/\.$/, '')]);
  }
  // cobra pads names to at least 11 characters, then adds 3 spaces.
  const width = Math.max(11, ...rows.map(([n]) => n.length)) + 3;
  return rows.map(([n, short]) => `  ${n.padEnd(width)}${short}`);
}

async function commandHelp(path: string[], def: CommandDef): Promise<string> {
  const parts = [def.long ?? def.short, ''];
  if (def.examples) parts.push('Examples:', def.examples, '');
  if (def.subcommands) parts.push('Available Commands:', ...(await subcommandRows(path, def.subcommands)), '');
  const options = formatFlagHelp(def.flags);
  if (options) parts.push('Options:', options);
  parts.push('Usage:', `  kubesim ${def.use}`, '', 'Use "kubesim options" for a list of global command-line options (applies to all commands).', '');
  return parts.join('\n');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Reports whether cobra would suggest `verb` for `typed`: an edit distance of 2 or less, or `typed` as a prefix. */
function isCloseTo(typed: string, verb: string): boolean {
  return editDistance(typed, verb) <= 2 || verb.startsWith(typed);
}

/**
 * Lists verbs close to a mistyped one, as cobra suggests them, in kubectl's
 * help order. kubesim's own verbs are offered only when no kubectl verb is
 * close, so kubesim prints kubectl's exact list whenever kubectl has one.
 */
function suggestVerbs(typed: string): string[] {
  const kubectlVerbs = [...KUBECTL_LAYOUT.flatMap(([, verbs]) => verbs), 'options'].filter((v) => v in VERBS);
  const close = kubectlVerbs.filter((v) => isCloseTo(typed, v));
  if (close.length > 0) return close;
  const ownVerbs = Object.keys(VERBS).filter((v) => !kubectlVerbs.includes(v) && VERBS[v].group !== 'hidden');
  return ownVerbs.filter((v) => isCloseTo(typed, v));
}

export async function run(argv: string[], io: IO = stdio()): Promise<number> {
  const i = findVerbIndex(argv);
  if (i < 0) {
    // Without a verb kubectl's root command still parses its flags, so `--version` is an unknown flag, not a request for help.
    try {
      parseArgs(argv, GLOBAL_FLAGS);
    } catch (err) {
      return reportError(err, io, []);
    }
    io.out(rootHelp());
    return 0;
  }
  let verbName = argv[i];
  const rest = [...argv.slice(0, i), ...argv.slice(i + 1)];
  if (verbName === 'help') {
    const target = rest.find((a) => !a.startsWith('-'));
    if (!target) {
      io.out(rootHelp());
      return 0;
    }
    if (!(target in VERBS) && !ALIASES[target]) {
      // cobra's help command prints the root usage (the help without its description) to stderr, and succeeds.
      const topics = rest.filter((a) => !a.startsWith('-')).map((a) => `\`${a}\``).join(' ');
      const usage = rootHelp().split('\n').slice(4).join('\n');
      io.err(`Unknown help topic [${topics}]\n\n\n${usage}`);
      return 0;
    }
    return run([target, '--help'], io);
  }
  // kubesim plays the kubectl of the target cluster's version, which decides whether an old alias still works.
  const alias = ALIASES[verbName];
  if (alias && (await findTargetVersion(rest)) < alias.removedIn) {
    io.err(`${alias.warning}\n`);
    verbName = alias.verb;
  }
  const verb = VERBS[verbName];
  const path = [verbName];
  if (!verb) {
    // kubectl names itself here and adds no usage hint when it has no suggestion.
    io.err(`Error: unknown command "${verbName}" for "kubectl"\n`);
    const close = suggestVerbs(verbName);
    if (close.length) io.err(`\nDid you mean this?\n${close.map((c) => `\t${c}`).join('\n')}\n\n`);
    return 1;
  }
  // A command may report its own errors, flag errors included, with its own exit codes.
  let reportOwnError: CommandDef['reportError'];
  try {
    let def = (await verb.load()).command;
    reportOwnError = def.reportError;
    let args = rest;
    // Subcommands nest (`create service clusterip`): descend while one matches.
    while (def.subcommands) {
      const j = findSubcommandIndex(args, def);
      const sub = j >= 0 ? def.subcommands[args[j]] : undefined;
      if (!sub) {
        if (j >= 0 && !def.run) {
          // kubectl's DefaultSubCommandRun parses the group's flags first, then names every remaining argument.
          const groupArgs = parseArgs(args, [...def.flags, ...GLOBAL_FLAGS]);
          throw new UsageError(`unknown command ${quoteGoString([...groupArgs.args, ...groupArgs.dashArgs].join(' '))}`, true);
        }
        break;
      }
      path.push(args[j]);
      args = [...args.slice(0, j), ...args.slice(j + 1)];
      def = (await sub()).command;
    }
    const parsed = parseArgs(args, [...def.flags, ...GLOBAL_FLAGS]);
    if (parsed.flags.help) {
      io.out(await commandHelp(path, def));
      return 0;
    }
    if (!def.run) {
      // kubectl's DefaultSubCommandRun: a group called without a subcommand prints its help and fails.
      const help = await commandHelp(path, def);
      if (def.groupHelpStream === 'stdout') io.out(help);
      else io.err(help);
      return 1;
    }
    const ctx = new CommandContext(path, parsed, io);
    warnDeprecatedFlags(def.flags, ctx);
    const code = await def.run(ctx, parsed);
    return typeof code === 'number' ? code : 0;
  } catch (err) {
    if (reportOwnError) return reportOwnError(err, io, path);
    return reportError(err, io, path);
  }
}

/** Prints cobra's notice for each deprecated flag the command line sets, on versions that deprecated it. */
function warnDeprecatedFlags(specs: FlagSpec[], ctx: CommandContext): void {
  for (const spec of specs) {
    if (!spec.deprecated || !ctx.parsed.set.has(spec.name)) continue;
    if (ctx.clusterVersion() >= spec.deprecated.since) ctx.io.err(`Flag --${spec.name} has been deprecated, ${spec.deprecated.message}\n`);
  }
}

/** Entry used by bin/kubesim. */
export async function main(argv: string[]): Promise<void> {
  const code = await run(argv);
  process.exitCode = code;
  // Exiting now skips what Node would still run before it exits on its own, such as a garbage
  // collection V8 scheduled (1 to 5 ms measured on `get pods`). Output still buffered in a stream waits for the normal exit.
  if (outputFlushed()) process.exit(code);
}

/** Reports whether stdout and stderr hold no unwritten output. */
function outputFlushed(): boolean {
  if (stdoutStream && process.stdout.writableLength > 0) return false;
  return !stderrUsed || process.stderr.writableLength === 0;
}
