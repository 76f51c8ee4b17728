/**
 * `--record`: the `kubernetes.io/change-cause` annotation kubectl writes,
 * the command line with its flags spelled `--name=value` in sorted order
 * (kubectl visits flags lexicographically).
 */
import type { FlagSpec, Parsed } from '../../cli/flags.js';
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * The `--record` flag of the verbs that accept it in kubectl 1.32. kubectl
 * deprecated it in 1.22 and hides it from help.
 */
export const RECORD_FLAG: FlagSpec = {
  name: 'record',
  type: 'bool',
  default: false,
  help: 'Record current kubectl command in the resource annotation.',
  hidden: true,
  deprecated: { message: '--record will be removed in the future', since: 122 },
};

export function changeCause(path: string[], parsed: Parsed): string {
  const flags = [...parsed.set]
    .filter((n) => n !== 'cluster' && n !== 'context')
    .sort()
    .flatMap((n) => {
      const v = parsed.flags[n];
      return Array.isArray(v) ? v.map((x) => `--${n}=${x}`) : [`--${n}=${v}`];
    });
  return ['kubectl', ...path, ...parsed.args, ...flags].join(' ');
}

/**
 * Writes `cause` as the object's change-cause annotation, as kubectl's
 * follow-up merge patch does after `scale` or `patch`, and returns the
 * object as stored. An object that has it already is left alone.
 */
export function recordChangeCause(store: Store, resource: string, obj: KObject, cause: string): KObject {
  return store.tx(() => {
    const live = store.get(resource, obj.metadata.namespace ?? '', obj.metadata.name);
    if (!live || live.metadata.annotations?.[CHANGE_CAUSE] === cause) return live ?? obj;
    recordOn(live, cause);
    return store.update(resource, live);
  });
}

/** Sets `cause` as the change-cause annotation of an object that is about to be written. */
export function recordOn(obj: KObject, cause: string): void {
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause };
}
