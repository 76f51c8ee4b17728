/**
 * The shape of a verb's module: its flags and help, and `run`, which does
 * the work and prints only through the context's streams.
 */
import type { FlagSpec, Parsed } from '../cli/flags.js';
import type { CommandContext } from './context.js';

export interface CommandDef {
  /** `get [(-o|--output=)json|yaml|name|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]` */
  use: string;
  short: string;
  long?: string;
  examples?: string;
  flags: FlagSpec[];
  /** Subcommands (`rollout status`), each a command of its own. */
  subcommands?: Record<string, () => Promise<{ command: CommandDef }>>;
  run?(ctx: CommandContext, parsed: Parsed): Promise<number | void> | number | void;
}
