/**
 * `kubectl options`: lists the flags every command accepts, in kubectl's
 * layout (`--name='default':` then the help on a tab-indented line).
 */
import type { CommandDef } from '../types.js';
import { GLOBAL_FLAGS, type FlagSpec } from '../../cli/flags.js';

/** Writes one flag as kubectl's flag usage does: strings quoted, numbers bare. */
export function optionLine(spec: FlagSpec): string {
  const head = spec.short ? `    -${spec.short}, --${spec.name}` : `    --${spec.name}`;
  // kubectl's -v is a number (klog.Level), so it prints unquoted.
  const quoted = (spec.type === 'string' || spec.type === 'duration') && spec.name !== 'v';
  const value = quoted ? `'${spec.default ?? ''}'` : String(spec.default);
  return `${head}=${value}:\n\t${spec.help}\n`;
}

const HELP: Record<string, string> = {
  'request-timeout':
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests. kubesim requests are local and never time out.",
  v: 'number for the log level verbosity (accepted; kubesim writes no client logs)',
};

export const command: CommandDef = {
  use: 'options',
  short: 'Print the list of flags inherited by all commands',
  examples: '  # Print flags inherited by all commands\n  kubesim options',
  flags: [],
  run(ctx) {
    const specs = GLOBAL_FLAGS.filter((s) => s.name !== 'help' && s.name !== 'kubeconfig').sort((a, b) => a.name.localeCompare(b.name));
    const body = specs.map((s) => optionLine({ ...s, help: HELP[s.name] ?? s.help })).join('\n');
    ctx.io.out(`The following options can be passed to any command:\n\n${body}`);
  },
};
