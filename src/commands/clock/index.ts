/**
 * `kubesim clock show|advance`: the cluster's simulated time.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { parseDuration } from '../../cli/flags.js';
import { isoTime } from '../../store/store.js';

const show: CommandDef = {
  use: 'clock show',
  short: 'Print the cluster time.',
  flags: [],
  run(ctx) {
    const cluster = ctx.cluster();
    ctx.io.out(`${isoTime(cluster.simNow)} (${cluster.settings.clock} clock)\n`);
  },
};

const advance: CommandDef = {
  use: 'clock advance DURATION',
  short: 'Move the cluster clock forward (e.g. 90s, 10m, 2h) and run everything that falls due.',
  flags: [],
  run(ctx, parsed) {
    const text = parsed.args[0];
    if (!text) throw new UsageError('a duration is required (for example 90s, 10m or 2h)', true);
    let ms: number;
    try {
      ms = parseDuration(text);
    } catch {
      throw new UsageError(`invalid duration "${text}": use a number with a unit, for example 90s, 10m or 2h`);
    }
    if (ms <= 0) throw new UsageError(`invalid duration "${text}": must be positive`);
    if (ms > 366 * 86_400_000) throw new UsageError(`invalid duration "${text}": at most 366 days at a time`);
    const cluster = ctx.cluster();
    cluster.advanceClock(ms);
    cluster.settle();
    ctx.io.out(`${isoTime(cluster.simNow)}\n`);
  },
};

export const command: CommandDef = {
  use: 'clock (show|advance DURATION)',
  short: "Show or advance the cluster's simulated clock.",
  flags: [],
  subcommands: { show: async () => ({ command: show }), advance: async () => ({ command: advance }) },
};
