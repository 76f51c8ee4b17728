/**
 * `kubectl patch`: strategic merge (default), JSON merge or JSON patch on one object.
 */
import type { KObject } from '../../api/types.js';
import { changeCause, RECORD_FLAG, recordChangeCause } from '../shared/record.js';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { parseTargets } from '../shared/targets.js';
import { fetchTargets } from '../shared/fetch.js';
import { kindString } from '../../api/registry.js';
import { decodeStrategicPatch, jsonMergePatch, jsonPatch, strategicMergePatch } from '../../api/patch.js';
import { reportError } from '../../cli/errors.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated, sameObject } from '../shared/mutation-output.js';
import { dryRunMode, serverDryRun } from '../shared/generated.js';

/**
 * Decodes a strategic merge patch where kubectl would. A client dry run
 * merges in kubectl, whose strategicpatch package reports any document that
 * is not a JSON object as `invalid JSON document`. Otherwise the API server
 * rejects it with a BadRequest.
 */
function strategicPatchFor(dryRun: string, patch: unknown): Record<string, any> {
  if (dryRun !== 'client') return decodeStrategicPatch(patch);
  try {
    return decodeStrategicPatch(patch);
  } catch {
    throw new UsageError('invalid JSON document');
  }
}

export const command: CommandDef = {
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  short: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.',
  examples: '  # Partially update a node using a strategic merge patch, specifying the patch as JSON\n  kubesim patch node k8s-node01 -p \'{"spec":{"unschedulable":true}}\'',
  flags: [
    { name: 'patch', short: 'p', type: 'string', default: '', help: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: '', help: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', help: 'The type of patch being provided; one of [json merge strategic]' },
    ...MUTATION_OUTPUT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    { name: 'subresource', type: 'string', default: '', help: "If specified, patch will operate on the subresource of the requested object." },
    RECORD_FLAG,
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    checkMutationOutput(f.output);
    const dryRun = dryRunMode(ctx);
    if (!f.patch && !f['patch-file']) throw new UsageError('must specify --patch or --patch-file containing the contents of the patch', true);
    if (!['json', 'merge', 'strategic'].includes(f.type)) throw new UsageError(`--type must be one of [json merge strategic], not "${f.type}"`);
    const text = f['patch-file'] ? readFileSync(f['patch-file'], 'utf8') : f.patch;
    let patch: any;
    try {
      patch = yaml.load(text, { schema: yaml.JSON_SCHEMA });
    } catch (err) {
      throw new UsageError(`unable to parse "${text}": yaml: ${(err as Error).message.split('\n')[0]}`);
    }
    const targets = parseTargets(parsed.args);
    if (targets.length === 0 || targets.some((t) => t.names.length === 0)) throw new UsageError('resource(s) were provided, but no name was specified', true);
    const cluster = ctx.cluster();
    const { groups, errors } = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: false });
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    for (const g of groups) {
      for (const obj of g.objects) {
        try {
          const { _sim, ...plain } = obj as any;
          let next = f.type === 'json' ? jsonPatch(plain, patch) : f.type === 'merge' ? jsonMergePatch(plain, patch) : strategicMergePatch(plain, strategicPatchFor(dryRun, patch));
          if (_sim) next = { ...next, _sim };
          next.metadata = { ...next.metadata, resourceVersion: obj.metadata.resourceVersion, name: obj.metadata.name, namespace: obj.metadata.namespace };
          const update = () => cluster.store.update(g.info.resource, next);
          let saved: KObject;
          if (dryRun === 'client') saved = next;
          else if (dryRun === 'server') saved = serverDryRun(ctx, update);
          else saved = update();
          const changed = dryRun === 'client' ? !sameObject(next, obj) : saved.metadata.resourceVersion !== obj.metadata.resourceVersion;
          // kubectl records the command with a second patch, which does not change the result word.
          if (f.record && dryRun === 'none') saved = recordChangeCause(cluster.store, g.info.resource, saved, changeCause(ctx.path, parsed));
          ctx.io.out(
            printMutated([{ obj: saved, name: `${kindString(g.info, g.group)}/${obj.metadata.name}` }], {
              output: f.output,
              template: f.template,
              allowMissingKeys: f['allow-missing-template-keys'],
              operation: changed ? 'patched' : 'patched (no change)',
              // kubectl patch prints no dry-run marker.
              dryRun: 'none',
            }),
          );
        } catch (err) {
          code = reportError(err, ctx.io, ctx.path);
        }
      }
    }
    ctx.settle();
    return code;
  },
};
