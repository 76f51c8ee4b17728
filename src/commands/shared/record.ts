/**
 * `--record`: the `kubernetes.io/change-cause` annotation kubectl writes,
 * the command line with its flags spelled `--name=value` in sorted order
 * (kubectl visits flags lexicographically).
 */
import type { Parsed } from '../../cli/flags.js';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

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
