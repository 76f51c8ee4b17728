/**
 * V8 tuning for a settle that runs past its first transaction, such as
 * `clock advance 7d` or a 10,000-pod apply. Short commands never call it, so
 * their start-up is unchanged.
 * NOTE: V8 stamps a code cache with the flags in force. When bin/kubesim
 * writes a missing cache at the end of a long settle, the next command
 * rejects that cache and writes it again (checked by running both).
 */
import { createRequire } from 'node:module';

// node:v8 costs about 2 ms to load, so it is loaded only when a long settle begins.
const load = createRequire(import.meta.url);

/**
 * Cumulative bytecode size TurboFan inlines into one optimized function (V8's
 * default is 920). The controllers' syncs pull in the event and store code,
 * so at the default each optimization compiles a large graph, and in a long
 * settle much of the run waits on compiles. Set at the end of the first
 * transaction, 460 cut CPU time by about 5% over 3 interleaved pairs of
 * 2-day CronJob runs, and by about 3% over 3 pairs of 7-day runs.
 */
const INLINE_BUDGET = 460;

let tuned = false;

/** Lowers TurboFan's inlining budget once per process. Only later optimizations use the new budget. */
export function tuneForLongRun(): void {
  if (tuned) return;
  tuned = true;
  (load('node:v8') as typeof import('node:v8')).setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
}
