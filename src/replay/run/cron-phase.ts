/**
 * CronJob schedules follow the wall clock, so where a replay creates a
 * CronJob within the minute decides when its first Job runs. When a later
 * step shows the CronJob not yet scheduled at some age, the replay moves
 * the clock before creating it, so that the first run comes just after
 * that step, as in the transcript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import type { Step } from '../parse';
import { filesReadBy } from '../prompts';
import { parseAge, tableRecords } from './ages';
import { moveClockTo } from './clock';
import type { ReplayEnv } from './replayer';

/** Steps after the creating step searched for the CronJob's first listing. */
const SEARCH_STEPS = 10;
/** The first run is placed this long after the step that shows the CronJob unscheduled. */
const MARGIN_MS = 3000;

/** Schedule period in ms for `* * * * *` and `*\/N * * * *` with N dividing 60, else undefined. */
export function schedulePeriod(schedule: string): number | undefined {
  const text = schedule.trim();
  if (text === '* * * * *') return 60_000;
  const m = /^\*\/(\d+) \* \* \* \*$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]);
  return minutes > 0 && 60 % minutes === 0 ? minutes * 60_000 : undefined;
}

/**
 * Moves the clock before a step that creates a CronJob, as the module
 * comment describes. Returns a remark for the report, or undefined when
 * nothing moved.
 */
export async function alignCronJobPhase(env: ReplayEnv, step: Step, argv: string[]): Promise<string | undefined> {
  const verb = argv.find((w) => !w.startsWith('-'));
  if ((verb !== 'create' && verb !== 'apply') || !env.steps) return undefined;
  for (const file of filesReadBy(argv.join(' '))) {
    let docs: any[];
    try {
      docs = loadAll(readFileSync(join(env.workDir, file), 'utf8')) as any[];
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (doc?.kind !== 'CronJob' || typeof doc.spec?.schedule !== 'string') continue;
      const period = schedulePeriod(doc.spec.schedule);
      const age = period && firstUnscheduledAge(env.steps, step.index, doc.metadata?.name);
      if (!period || age === undefined || age + MARGIN_MS >= period) continue;
      const now = env.cluster.clockNow();
      const firstRun = Math.ceil((now + age + MARGIN_MS) / period) * period;
      const createAt = firstRun - age - MARGIN_MS;
      if (createAt <= now) return undefined;
      moveClockTo(env.cluster, createAt);
      return `clock moved ${Math.round((createAt - now) / 1000)}s so CronJob ${doc.metadata.name} first runs after the transcript shows it unscheduled at ${Math.round(age / 1000)}s`;
    }
  }
  return undefined;
}

/** Age at which a later step lists the CronJob with LAST SCHEDULE `<none>`. */
function firstUnscheduledAge(steps: readonly Step[], after: number, name: unknown): number | undefined {
  for (const later of steps.filter((s) => s.index > after).slice(0, SEARCH_STEPS)) {
    const row = tableRecords(later.expectedOutput).find((r) => r.NAME === name && 'LAST SCHEDULE' in r);
    if (!row) continue;
    return row['LAST SCHEDULE'] === '<none>' ? parseAge(row.AGE ?? '') : undefined;
  }
  return undefined;
}
