/**
 * `kubectl kustomize [DIR]`: builds a kustomization directory offline and
 * prints the objects, as `kubectl apply -k DIR` would send them.
 */
import { writeFileSync } from 'node:fs';
import type { CommandDef } from '../types.js';
import { CommandFailedError, UsageError } from '../../api/errors.js';

export const command: CommandDef = {
  use: 'kustomize DIR [flags]',
  short: 'Build a kustomization target from a directory or URL',
  long: "Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml'. If DIR is omitted, '.' is assumed. kubesim never fetches remote kustomizations.",
  examples: '  # Build the current working directory\n  kubectl kustomize\n\n  # Build some shared configuration directory\n  kubectl kustomize /home/config/production',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '', help: 'If specified, write output to this path.' },
    { name: 'load-restrictor', type: 'string', default: 'LoadRestrictionsRootOnly', help: "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization." },
    { name: 'enable-helm', type: 'bool', default: false, help: 'Enable use of the Helm chart inflator generator.' },
  ],
  async run(ctx) {
    const args = ctx.parsed.args;
    if (args.length > 1) throw new UsageError('specify one path to kustomization.yaml');
    if (ctx.flags['enable-helm']) throw new UsageError('kubesim does not run Helm: --enable-helm is not supported');
    const { buildKustomization, renderKustomization } = await import('../../kustomize/build.js');
    const restrictor = ctx.flags['load-restrictor'];
    if (restrictor !== 'LoadRestrictionsRootOnly' && restrictor !== 'LoadRestrictionsNone') throw new CommandFailedError(`illegal flag value --load-restrictor ${restrictor}; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]`);
    const objects = await buildKustomization(args[0] ?? '.', (line) => ctx.io.err(`${line}\n`), { restrictToRoot: restrictor === 'LoadRestrictionsRootOnly' });
    const text = renderKustomization(objects);
    if (ctx.flags.output) writeFileSync(ctx.flags.output, text);
    else ctx.io.out(text);
  },
};
