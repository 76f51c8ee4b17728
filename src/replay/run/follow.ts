/**
 * Commands that would never end in a replay: `get -w` watches and
 * `logs -f` follows until interrupted. The replay runs such a command
 * without the flag and then moves the clock timer by timer, as the
 * transcript's author waited. A watch prints each row that changes again,
 * a follow prints the log so far. It stops once the output is as long as
 * the transcript's or the time budget is spent, like the author pressing
 * Ctrl-C.
 */
import type { Cluster } from '../../engine/cluster.js';
import { segmentOutput, splitCells } from '../table';
import { advanceObserving } from './clock';
import type { Exec } from './exec';

/** Plan to run a watching command without watching. */
export interface WatchPlan {
  /** The command without its watch or follow flag. */
  argv: string[];
  /** `watch` for `get -w`, `follow` for `logs -f`. */
  mode: 'watch' | 'follow';
  /** Whether the first listing is left out (`--watch-only`). */
  watchOnly: boolean;
}

const WATCH_FLAGS = new Set(['-w', '--watch', '--watch=true', '--watch-only', '--watch-only=true']);
const FOLLOW_FLAGS = new Set(['-f', '--follow', '--follow=true']);

/** Recognizes `kubectl get ... -w|--watch|--watch-only` and `kubectl logs ... -f|--follow`. */
export function watchPlan(argv: readonly string[]): WatchPlan | undefined {
  const verb = argv.find((w) => !w.startsWith('-'));
  if (verb === 'get' && argv.some((w) => WATCH_FLAGS.has(w))) {
    const watchOnly = argv.some((w) => w.startsWith('--watch-only'));
    return { argv: argv.filter((w) => !WATCH_FLAGS.has(w)), mode: 'watch', watchOnly };
  }
  if ((verb === 'logs' || verb === 'log') && argv.some((w) => FOLLOW_FLAGS.has(w))) {
    return { argv: argv.filter((w) => !FOLLOW_FLAGS.has(w)), mode: 'follow', watchOnly: false };
  }
  return undefined;
}

/** The command to run for a read: without a watch or follow flag, so it returns. */
export function readOnce(argv: string[]): string[] {
  return watchPlan(argv)?.argv ?? argv;
}

/** Returns a table row without its AGE cell, so a row counts as changed only when more than its age changed. */
function rowKey(row: string, ageColumn: number): string {
  const cells = splitCells(row);
  if (ageColumn >= 0) cells.splice(ageColumn, 1);
  return cells.join('\t');
}

/**
 * Runs a watch as the module comment describes and returns its output:
 * the header, the first rows (unless watch-only) and each changed row.
 */
export async function emulateWatch(cluster: Cluster, exec: Exec, plan: WatchPlan, expectedLines: number, budgetMs: number): Promise<string[]> {
  const first = (await exec(plan.argv)).lines;
  if (plan.mode === 'follow') {
    let log = first;
    if (log.length < expectedLines) {
      await advanceObserving(cluster, budgetMs, async () => {
        log = (await exec(plan.argv)).lines;
        return log.length >= expectedLines;
      });
    }
    return log;
  }
  const table = segmentOutput(first).find((s) => s.kind === 'table');
  if (!table || table.kind !== 'table') return first;
  const ageColumn = splitCells(table.header).indexOf('AGE');
  const output = plan.watchOnly ? [table.header] : [table.header, ...table.rows];
  const last = new Map(table.rows.map((row) => [splitCells(row)[0], rowKey(row, ageColumn)]));

  await advanceObserving(cluster, budgetMs, async () => {
    const lines = (await exec(plan.argv)).lines;
    const now = segmentOutput(lines).find((s) => s.kind === 'table');
    const rows = now && now.kind === 'table' ? now.rows : [];
    for (const row of rows) {
      const name = splitCells(row)[0];
      const key = rowKey(row, ageColumn);
      if (last.get(name) !== key) output.push(row);
      last.set(name, key);
    }
    return output.length >= expectedLines;
  });
  return output;
}
