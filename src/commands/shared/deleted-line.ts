/**
 * The line kubectl's DeleteOptions.PrintObj prints for each deleted object,
 * shared by `delete`, `replace --force` and `run --rm`.
 */

import type { DryRunMode } from '../../printers/name.js';

/** The first kubectl minor version (as 134) that names the namespace of a deleted namespaced object. */
export const NAMESPACE_IN_DELETED_LINE = 134;

/**
 * Returns `KIND "NAME" deleted\n`, or `force deleted` for a zero grace
 * period. From kubectl 1.34 a namespaced object's line ends with
 * `from NAMESPACE namespace`; `namespace` is undefined for a cluster-scoped
 * object. A dry run adds ` (dry run)` or ` (server dry run)` after the verb.
 */
export function deletedLine(version: number, kind: string, name: string, namespace: string | undefined, force = false, dryRun: DryRunMode = 'none'): string {
  let operation = force ? 'force deleted' : 'deleted';
  if (dryRun === 'client') operation += ' (dry run)';
  if (dryRun === 'server') operation += ' (server dry run)';
  if (namespace !== undefined && version >= NAMESPACE_IN_DELETED_LINE) operation += ` from ${namespace} namespace`;
  return `${kind} "${name}" ${operation}\n`;
}
