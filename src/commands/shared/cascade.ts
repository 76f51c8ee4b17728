/**
 * kubectl's `--cascade` flag, shared by `delete` and `run` (whose `--rm`
 * deletes with it): the deletion propagation policy it names.
 */
import { UsageError } from '../../api/errors.js';
import type { Propagation } from '../../engine/delete.js';

/** The spellings Go's strconv.ParseBool accepts, which kubectl still takes as the old boolean flag. */
const TRUE_WORDS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_WORDS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * Parses a `--cascade` value as kubectl 1.20 and later do: `background`,
 * `foreground` or `orphan`, or a deprecated boolean, which `warn` reports
 * (`true` means background, `false` orphan). Throws kubectl's error for
 * anything else.
 */
export function parseCascade(value: string, warn: (text: string) => void): Propagation {
  if (TRUE_WORDS.includes(value)) {
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (FALSE_WORDS.includes(value)) {
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
  }
  throw new UsageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}
