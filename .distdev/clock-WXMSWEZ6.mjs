import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  parseDuration
} from "./chunk-SMSUD63N.mjs";
import {
  isoTime
} from "./chunk-BCHHFCIZ.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/clock/index.ts
var show = {
  use: "clock show",
  short: "Print the cluster time.",
  flags: [],
  run(ctx) {
    const cluster = ctx.cluster();
    ctx.io.out(`${isoTime(cluster.simNow)} (${cluster.settings.clock} clock)
`);
  }
};
var advance = {
  use: "clock advance DURATION",
  short: "Move the cluster clock forward (e.g. 90s, 10m, 2h) and run everything that falls due.",
  flags: [],
  run(ctx, parsed) {
    const text = parsed.args[0];
    if (!text) throw new UsageError("a duration is required (for example 90s, 10m or 2h)", true);
    let ms;
    try {
      ms = parseDuration(text);
    } catch {
      throw new UsageError(`invalid duration "${text}": use a number with a unit, for example 90s, 10m or 2h`);
    }
    if (ms <= 0) throw new UsageError(`invalid duration "${text}": must be positive`);
    if (ms > 366 * 864e5) throw new UsageError(`invalid duration "${text}": at most 366 days at a time`);
    const cluster = ctx.cluster();
    cluster.advanceClock(ms);
    cluster.settle();
    ctx.io.out(`${isoTime(cluster.simNow)}
`);
  }
};
var command = {
  use: "clock (show|advance DURATION)",
  short: "Show or advance the cluster's simulated clock.",
  flags: [],
  subcommands: { show: async () => ({ command: show }), advance: async () => ({ command: advance }) }
};
export {
  command
};
