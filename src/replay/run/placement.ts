/**
 * Placement hints for a replay. Before a step that may create pods, the
 * replay reads the next `-o wide` table of the transcript. It then sets
 * hints so the scheduler puts the pods not bound yet on the nodes that
 * table shows. A real scheduler's choice between similar nodes depends on
 * usage kubesim does not model, so the transcript's choice is as likely as any.
 */
import { boundKeys, type Bindings } from '../bindings';
import type { Step } from '../parse';
import { splitGeneratedName } from '../tokens';
import { namePattern, setPlacementHints, type PlacementHint } from '../../controllers/scheduler/placement-hints.js';
import type { Store } from '../../store/store.js';
import { tableRecords } from './ages';

/**
 * Computes the hints for the steps after `after`: per pod name pattern, the
 * nodes of the rows in the next table with a NODE column whose pod names
 * are not bound yet.
 */
export function placementHintsAfter(steps: readonly Step[], after: number, bindings: Bindings): PlacementHint[] {
  const known = new Set(boundKeys(bindings));
  for (const step of steps) {
    if (step.index <= after) continue;
    const rows = tableRecords(step.expectedOutput).filter((r) => r.NAME && r.NODE && r.NODE !== '<none>');
    if (rows.length === 0) continue;
    const hints = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const generated = splitGeneratedName(row.NAME);
      if (!generated || known.has(generated.segments[generated.segments.length - 1])) continue;
      const pattern = namePattern(row.NAME);
      const remaining = hints.get(pattern) ?? {};
      remaining[row.NODE] = (remaining[row.NODE] ?? 0) + 1;
      hints.set(pattern, remaining);
    }
    return [...hints].map(([pattern, remaining]) => ({ pattern, remaining }));
  }
  return [];
}

/** Stores the hints for the steps after `after` in the cluster, replacing earlier ones. */
export function updatePlacementHints(store: Store, steps: readonly Step[], after: number, bindings: Bindings): void {
  setPlacementHints(store, placementHintsAfter(steps, after, bindings));
}
