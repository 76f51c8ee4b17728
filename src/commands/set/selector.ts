/**
 * `kubectl set selector`: replaces a Service's selector with the given
 * `key=value,...` expression (Services only, as in kubectl).
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { runSet, SET_FLAGS } from './run-set.js';
import { displayName } from '../shared/resolve.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Parses the selector argument: `key=value` pairs, comma-separated. */
export function parseSelectorArg(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const m = /^([^=!]+)==?(.*)$/.exec(pair.trim());
    if (!m) throw new UsageError(`invalid selector: ${JSON.stringify(text)}`);
    if (!LABEL_VALUE.test(m[2])) throw new UsageError(`invalid label value: ${JSON.stringify(m[2])}`);
    out[m[1]] = m[2];
  }
  return out;
}

export const command: CommandDef = {
  use: 'set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
  short: 'Set the selector on a resource.',
  long: 'Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of \'set selector\'.\n\n A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.',
  examples: '  # Set the labels and selector before creating a deployment/service pair\n  kubesim create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubesim set selector --local -f - \'environment=qa\' -o yaml | kubesim create -f -',
  flags: [{ name: 'resource-version', type: 'string', default: '', help: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' }, ...SET_FLAGS],
  async run(ctx, parsed) {
    const args = [...parsed.args];
    // The last argument is always the selector, as in kubectl.
    const expression = args.pop();
    let selector: Record<string, string> = {};
    return runSet(ctx, parsed, args, {
      operation: 'selector updated',
      validate() {
        if (expression === undefined) throw new UsageError('one selector is required');
        selector = parseSelectorArg(expression);
      },
      mutate(item) {
        if (item.info.resource !== 'services') throw new UsageError('setting a selector is only supported for Services');
        if (ctx.flags['resource-version']) {
          if (item.obj.metadata.resourceVersion !== ctx.flags['resource-version']) {
            throw new UsageError(`${displayName(item)}: the resource version ${ctx.flags['resource-version']} does not match ${item.obj.metadata.resourceVersion}`);
          }
        }
        item.obj.spec ??= {};
        item.obj.spec.selector = selector;
      },
    });
  },
};
