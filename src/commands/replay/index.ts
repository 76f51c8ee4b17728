/**
 * `kubesim replay FILE|DIR`: replays a tutorial's transcript on a fresh
 * simulated cluster and reports, step by step, what matches.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { formatReport, reportToJson, summarizeOutcomes } from '../../replay/report.js';
import { parseStepRange, runReplay } from '../../replay/run/runner.js';

export const command: CommandDef = {
  use: 'replay FILE|DIR [--cluster NAME] [--kubernetes-version V] [--keep] [--only N..M] [--json] [--allow-diff]',
  short: "Replay a tutorial's transcript on a fresh cluster and report where the output matches.",
  long: [
    "Replay a tutorial's transcript on a fresh simulated cluster and report, step by step, whether kubesim's",
    'output matches: ✓ matched, ≈ a state kubesim passed through at another moment, ✗ differs (with a diff),',
    '○ skipped (with the reason). FILE is a tutorial text with prompt lines and output; DIR is a folder of',
    'transcripts (*.txt, in name order) and the manifests they use.',
    '',
    'The cluster emulates the Kubernetes version the transcript shows (the extensions API group means 1.15)',
    'and runs on a manual clock with a fixed seed, so every replay prints the same report.',
  ].join('\n'),
  examples: '  # Replay the tutorial fixtures\n  kubesim replay fixtures/tutorial\n\n  # Replay steps 3 to 9 of a tutorial text and keep the cluster to look around\n  kubesim replay tutorial.txt --only 3..9 --keep',
  flags: [
    { name: 'kubernetes-version', type: 'string', default: '', help: 'Kubernetes version to emulate (default: what the transcript shows, else 1.32).' },
    { name: 'keep', type: 'bool', default: false, help: 'Keep the cluster after the replay (in KUBESIM_HOME).' },
    { name: 'only', type: 'string', default: '', help: 'Report only steps N..M (N, N.. and ..M also work); earlier steps still run.' },
    { name: 'json', type: 'bool', default: false, help: 'Print the report as JSON.' },
    { name: 'allow-diff', type: 'bool', default: false, help: 'Exit 0 even when steps differ.' },
  ],
  async run(ctx, parsed) {
    const input = parsed.args[0];
    if (!input) throw new UsageError('a tutorial file or folder is required', true);
    if (parsed.args.length > 1) throw new UsageError(`unexpected argument "${parsed.args[1]}"`, true);
    const flags = ctx.flags;
    const only = flags.only ? parseStepRange(flags.only) : undefined;
    if (flags.only && !only) throw new UsageError(`invalid --only "${flags.only}": use N, N..M, N.. or ..M`);
    const version = flags['kubernetes-version'] || undefined;
    if (version && !/^v?1\.\d+$/.test(version)) throw new UsageError(`unsupported Kubernetes version "${version}": use 1.10 to 1.35`);

    let result;
    try {
      result = await runReplay({ input, cluster: flags.cluster || undefined, kubernetesVersion: version, keep: flags.keep, only });
    } catch (err) {
      if (err instanceof Error && /^(cannot read|no transcripts)/.test(err.message)) throw new UsageError(err.message);
      throw err;
    }
    if (flags.json) {
      ctx.io.out(JSON.stringify({ notes: result.notes, ...reportToJson(result.outcomes) }, null, 2) + '\n');
    } else {
      const color = ctx.io.isTTY && !process.env.NO_COLOR;
      for (const note of result.notes) ctx.io.out(`${note}\n`);
      ctx.io.out('\n' + formatReport(result.outcomes, { color }));
    }
    const differ = summarizeOutcomes(result.outcomes).differ;
    return differ > 0 && !flags['allow-diff'] ? 1 : 0;
  },
};
