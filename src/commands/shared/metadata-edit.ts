/**
 * The shared body of `label` and `annotate`: `key=value` and `key-`
 * arguments, the `--overwrite` rule, and kubectl's result words.
 */
import type { CommandContext } from '../context.js';
import type { FlagSpec, Parsed } from '../../cli/flags.js';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG, recordOn } from './record.js';
import { UsageError } from '../../api/errors.js';
import { parseTargets } from './targets.js';
import { fetchTargets } from './fetch.js';
import { kindString } from '../../api/registry.js';
import { labelValueErrors } from '../../api/name-validation.js';
import { reportError } from '../../cli/errors.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated } from './mutation-output.js';
import { dryRunMode, serverDryRun } from './generated.js';
import { readLive } from './resolve.js';

export function editMetadata(ctx: CommandContext, parsed: Parsed, field: 'labels' | 'annotations'): number {
  const flags = ctx.flags;
  checkMutationOutput(flags.output);
  const dryRun = dryRunMode(ctx);
  const resourceArgs: string[] = [];
  const changes: Record<string, string> = {};
  const removals: string[] = [];
  for (const a of parsed.args) {
    if (a.includes('=')) {
      const i = a.indexOf('=');
      changes[a.slice(0, i)] = a.slice(i + 1);
    } else if (a.endsWith('-') && resourceArgs.length > 0) removals.push(a.slice(0, -1));
    else resourceArgs.push(a);
  }
  const verb = field === 'labels' ? 'label' : 'annotate';
  // kubectl checks for resources first, and prints neither error with a usage hint.
  if (resourceArgs.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (flags.list && flags.output) throw new UsageError('--list and --output may not be specified together');
  if (Object.keys(changes).length === 0 && removals.length === 0 && !flags.list) throw new UsageError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  if (field === 'labels') {
    // kubectl's parseLabels checks only the form and the value; the API server checks the key.
    for (const a of parsed.args) {
      if (!a.includes('=')) continue;
      const parts = a.split('=');
      if (parts.length !== 2) throw new UsageError(`invalid label spec: ${a}`);
      const errors = labelValueErrors(parts[1]);
      if (errors.length > 0) throw new UsageError(`invalid label value: ${JSON.stringify(a)}: ${errors.join(';')}`);
    }
  }
  const targets = parseTargets(resourceArgs);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !flags.all && !flags.selector) throw new UsageError('resource(s) were provided, but no name was specified');
  // kubectl's IntoSingleItemImplied: one resource named once, not a selector.
  const single = targets.length === 1 && targets[0].names.length === 1;
  const cluster = ctx.cluster();
  const { groups, errors } = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: flags['all-namespaces'] ?? false, selector: flags.selector });
  let code = 0;
  for (const e of errors) code = reportError(e, ctx.io, ctx.path);
  for (const g of groups) {
    for (const listed of g.objects) {
      try {
        cluster.store.tx(() => {
          const obj = readLive(cluster.store, g.info.resource, listed);
          const current: Record<string, string> = { ...(obj.metadata[field] ?? {}) };
          if (!flags.overwrite) {
            for (const [k, v] of Object.entries(changes)) {
              if (k in current && current[k] !== v) throw new UsageError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
            }
          }
          let added = false;
          let removed = false;
          for (const [k, v] of Object.entries(changes)) {
            if (current[k] !== v) added = true;
            current[k] = v;
          }
          for (const k of removals) {
            if (k in current) removed = true;
            delete current[k];
          }
          if (flags.list) {
            listMetadata(ctx, field, g.info.kind, g.info.group, obj.metadata.name, current, single);
            return;
          }
          let saved = obj;
          // kubectl records the command on the object whether or not the labels changed.
          const cause = flags.record ? changeCause(ctx.path, parsed) : undefined;
          const recorded = cause !== undefined && obj.metadata.annotations?.[CHANGE_CAUSE] !== cause;
          if (added || removed || recorded) {
            obj.metadata[field] = current;
            if (Object.keys(current).length === 0) delete obj.metadata[field];
            if (cause !== undefined) recordOn(obj, cause);
            const update = () => cluster.store.update(g.info.resource, obj);
            if (dryRun === 'none') saved = update();
            else if (dryRun === 'server') saved = serverDryRun(ctx, update);
          }
          const word = field === 'labels' ? (added ? 'labeled' : removed ? 'unlabeled' : 'not labeled') : 'annotated';
          ctx.io.out(
            printMutated([{ obj: saved, name: `${kindString(g.info, g.group)}/${obj.metadata.name}` }], {
              output: flags.output,
              template: flags.template,
              allowMissingKeys: flags['allow-missing-template-keys'],
              operation: word,
              dryRun,
            }),
          );
        });
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
  }
  void verb;
  ctx.settle();
  return code;
}

/**
 * Prints labels or annotations for `--list`, with the requested changes
 * applied locally and nothing written. Several objects each get a heading
 * `Listing labels for KIND.GROUP/NAME:` (the core group is empty, so `Pod./web`)
 * and indented lines. kubectl ranges over a Go map here; kubesim sorts the keys.
 */
function listMetadata(ctx: CommandContext, field: 'labels' | 'annotations', kind: string, group: string, name: string, values: Record<string, string>, single: boolean): void {
  let text = single ? '' : `Listing ${field} for ${kind}.${group}/${name}:\n`;
  const indent = single ? '' : ' ';
  for (const k of Object.keys(values).sort()) text += `${indent}${k}=${values[k]}\n`;
  ctx.io.out(text);
}

export const METADATA_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' as const, default: false, help: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
  { name: 'all', type: 'bool' as const, default: false, help: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'all-namespaces', short: 'A', type: 'bool' as const, default: false, help: 'If true, check the specified action in all namespaces.' },
  { name: 'selector', short: 'l', type: 'string' as const, default: '', help: 'Selector (label query) to filter on.' },
  ...MUTATION_OUTPUT_FLAGS,
  { name: 'dry-run', type: 'string' as const, default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
  { name: 'resource-version', type: 'string' as const, default: '', help: 'If non-empty, the update will only succeed if this is the current resource-version for the object.' },
  RECORD_FLAG,
];
