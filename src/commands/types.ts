/**
 * The shape of a verb's module: its flags and help, and `run`, which does
 * the work and prints only through the context's streams.
 */
import type { FlagSpec, Parsed } from '../cli/flags.js';
import type { CommandContext, IO } from './context.js';

export interface CommandDef {
  /** `get [(-o|--output=)json|yaml|name|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]` */
  use: string;
  short: string;
  long?: string;
  examples?: string;
  flags: FlagSpec[];
  /** Subcommands (`rollout status`), each a command of its own. */
  subcommands?: Record<string, () => Promise<{ command: CommandDef }>>;
  /**
   * Stream of the help a group without `run` prints when called without a
   * subcommand (exit code 1). kubectl prints it to stderr, except for `rollout`.
   */
  groupHelpStream?: 'stdout' | 'stderr';
  run?(ctx: CommandContext, parsed: Parsed): Promise<number | void> | number | void;
  /**
   * Reports an error from parsing or running this command and returns the
   * exit code, for commands whose exit codes differ from the usual ones
   * (`diff` keeps 1 for "differences found"). Unset: the common reporting.
   */
  reportError?(err: unknown, io: IO, path: string[]): number;
}
