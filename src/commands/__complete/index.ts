/**
 * Hidden `__complete` verb behind the shell completion scripts: prints the
 * candidates for the last word given the words before it (verbs, kinds,
 * flags, and object names read from the current cluster).
 */
import type { CommandDef } from '../types.js';
import { VERBS } from '../../cli/verbs.js';
import { RESOURCES, findResource } from '../../api/registry.js';
import { GLOBAL_FLAGS } from '../../cli/flags.js';

/** Verbs whose first argument is a resource type. */
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'rollout', 'explain', 'autoscale', 'expose', 'wait', 'top', 'cordon', 'uncordon', 'drain', 'taint']);

export const command: CommandDef = {
  use: '__complete WORDS...',
  short: 'Print completion candidates (used by the completion scripts).',
  flags: [],
  async run(ctx, parsed) {
    const words = [...parsed.args];
    const current = parsed.dashArgs.length ? parsed.dashArgs[parsed.dashArgs.length - 1] : (words.pop() ?? '');
    const verb = words[0];
    let candidates: string[] = [];
    if (!verb) candidates = Object.keys(VERBS).filter((v) => !v.startsWith('__'));
    else if (current.startsWith('-')) {
      const v = VERBS[verb];
      const def = v ? (await v.load()).command : undefined;
      candidates = [...(def?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden).map((f) => `--${f.name}`);
    } else if (TYPED_VERBS.has(verb)) {
      const positional = words.slice(1).filter((w) => !w.startsWith('-'));
      if (positional.length === 0) candidates = RESOURCES.map((r) => r.resource);
      else {
        const info = findResource(positional[0].split('/')[0]);
        if (info) {
          try {
            const cluster = ctx.cluster();
            candidates = cluster.store.list(info.resource, info.namespaced ? ctx.namespace : undefined).map((o) => o.metadata.name);
          } catch {
            candidates = [];
          }
        }
      }
    }
    ctx.io.out(candidates.filter((c) => c.startsWith(current)).map((c) => c + '\n').join(''));
  },
};
