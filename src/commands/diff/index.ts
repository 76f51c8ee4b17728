/**
 * `kubectl diff -f`: shows what `kubectl apply -f` would change, as a
 * unified diff of each live object against the object apply would produce,
 * computed in a server dry run so nothing is written.
 *
 * Exit codes follow kubectl: 0 when nothing would change, 1 when something
 * would, and 2 (kubectl's code for an error plus one) when kubectl or the
 * diff program failed, so scripts can tell "changes" from "failure".
 */
import type { CommandDef } from '../types.js';
import type { CommandContext, IO } from '../context.js';
import type { Parsed } from '../../cli/flags.js';
import { hasManifestSource, kustomizeFlag, readManifestSources } from '../shared/kustomize-source.js';
import { ExitError, FlagError, UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { calculateDiffPair, renderDiffPair } from './objects.js';
import { createDiffDirectory, removeDiffDirectory, runDiffProgram, writeDiffFile, type DiffDirectory } from './program.js';

const LONG = [
  'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.',
  '',
  ' The output is always YAML.',
  '',
  ' KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"',
  '',
  ' By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.',
  '',
  ' Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.',
  '',
  ' Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.',
].join('\n');

export const command: CommandDef = {
  use: 'diff -f FILENAME',
  short: 'Diff the live version against a would-be applied version.',
  long: LONG,
  examples: '  # Diff resources included in pod.json\n  kubesim diff -f pod.json\n  \n  # Diff file read from stdin\n  cat service.yaml | kubesim diff -f -',
  flags: [
    { name: 'concurrency', type: 'int', default: 1, help: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', help: 'Name of the manager used to track field ownership.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files contains the configuration to diff' },
    kustomizeFlag('the'),
    { name: 'force-conflicts', type: 'bool', default: false, help: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-side', type: 'bool', default: false, help: 'If true, apply runs in the server instead of the client.' },
    { name: 'show-managed-fields', type: 'bool', default: false, help: 'If true, include managed fields in the diff.' },
  ],
  run: (ctx, parsed) => runDiff(ctx, parsed),
  reportError: reportDiffError,
};

/**
 * Reports an error with kubectl diff's exit codes: its usage errors and flag
 * errors carry the `-h` hint, and every error exits with one more than other
 * commands use, keeping 1 for "differences found".
 */
function reportDiffError(err: unknown, io: IO, path: string[]): number {
  if (err instanceof ExitError) return reportError(err, io, path);
  const usage = err instanceof FlagError ? new UsageError(err.message, true) : err;
  return reportError(usage, io, path) + 1;
}

async function runDiff(ctx: CommandContext, parsed: Parsed): Promise<number> {
  if (parsed.args.length > 0) throw new UsageError(`Unexpected args: [${parsed.args.join(' ')}]`, true);
  if (!hasManifestSource(ctx.flags)) throw new UsageError('must specify one of -f and -k');
  if (ctx.flags['force-conflicts'] && !ctx.flags['server-side']) throw new UsageError('--force-conflicts only works with --server-side');
  const selector = ctx.flags.selector ? parseSelector(ctx.flags.selector) : null;

  const from = createDiffDirectory('LIVE');
  let to: DiffDirectory | undefined;
  try {
    to = createDiffDirectory('MERGED');
    const docs = await readManifestSources(ctx.flags, ctx.io.stdin, (t) => ctx.io.err(t));
    for (const d of docs) {
      if (selector && !matches(selector, d.doc?.metadata?.labels)) continue;
      const pair = calculateDiffPair(ctx, d, { serverSide: ctx.flags['server-side'] });
      const files = renderDiffPair(pair, ctx.flags['show-managed-fields']);
      writeDiffFile(from, pair.name, files.live);
      writeDiffFile(to, pair.name, files.merged);
    }
    return runDiffProgram(ctx.io, from, to);
  } finally {
    removeDiffDirectory(from);
    if (to) removeDiffDirectory(to);
  }
}
