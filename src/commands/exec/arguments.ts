/**
 * Splits `kubectl exec` arguments into the target and the command, as
 * ExecOptions.Complete and Validate do in the kubectl of the cluster's
 * version: `exec POD -- CMD`, and the form without `--`, which kubectl
 * 1.18 to 1.30 ran with a deprecation notice and 1.31 rejects.
 */
import type { Parsed } from '../../cli/flags.js';
import { UsageError } from '../../api/errors.js';

/** The target and command of an exec, and the notice kubectl printed while reading them. */
export interface ExecArguments {
  /** `POD` or `TYPE/NAME`; empty when only `-f` names the target. */
  resourceName: string;
  command: string[];
  /** A deprecation notice for stderr, printed before the pod is looked up. */
  notice?: string;
}

/** kubectl 1.17's usage text, printed when the target is missing. */
const LEGACY_USAGE =
  "expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME and COMMAND are required arguments for the exec command";

/** kubectl 1.31 and later reject `exec POD CMD`. */
const DASHLESS_REJECTED = 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead';

/** Returns the deprecation notice of kubectl 1.18 to 1.30. The 1.18 text repeats the word kubectl. */
function dashlessNotice(version: number): string {
  const program = version === 118 ? 'kubectl kubectl' : 'kubectl';
  return `kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use ${program} exec [POD] -- [COMMAND] instead.\n`;
}

/**
 * Reads the target and command from the parsed command line. `version` is
 * the Kubernetes major version times 100 plus the minor (`132`). Throws
 * kubectl's usage error for the form that version rejects.
 */
export function completeArguments(parsed: Parsed, version: number, quiet: boolean, hasFiles: boolean): ExecArguments {
  const args = [...parsed.args, ...parsed.dashArgs];
  const argsLenAtDash = parsed.hadDash ? parsed.args.length : -1;

  if (version < 118) {
    // kubectl 1.17 and older take the first argument as the target and the rest as the command, with or without `--`.
    if (args.length === 0 || argsLenAtDash === 0) throw new UsageError(LEGACY_USAGE, true);
    return { resourceName: args[0], command: args.slice(1) };
  }

  const resourceName = args.length > 0 && argsLenAtDash !== 0 ? args[0] : '';
  if (argsLenAtDash > -1) return { resourceName, command: args.slice(argsLenAtDash) };
  const dashless = args.length > 1 || (args.length > 0 && hasFiles);
  if (!dashless) return { resourceName, command: [] };
  if (version >= 131) throw new UsageError(DASHLESS_REJECTED, true);

  // kubectl 1.21 added -q's suppression of this notice.
  const notice = quiet && version >= 121 ? undefined : dashlessNotice(version);
  if (args.length > 1) return { resourceName, command: args.slice(1), notice };
  return { resourceName: '', command: args, notice };
}

/** Checks that a target and a command were given, as ExecOptions.Validate does. */
export function validateArguments(a: ExecArguments, version: number, hasFiles: boolean): void {
  if (a.resourceName === '' && !hasFiles) {
    throw new UsageError(version < 118 ? 'pod or type/name must be specified' : 'pod, type/name or --filename must be specified');
  }
  if (a.command.length === 0) throw new UsageError('you must specify at least one command for the container');
}
