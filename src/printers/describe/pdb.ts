/**
 * `kubectl describe poddisruptionbudget` (describePodDisruptionBudgetV1): the
 * budget, the selector and the four disruption counts from status.
 */
import type { KObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/selectors.js';
import type { DescribeContext } from './index.js';
import { DescribeWriter } from './writer.js';
import { writeEvents } from './events.js';

/** Formats a count from status, printing 0 when the field is missing as Go's zero value does. */
function formatCount(value: unknown): string {
  return String(value ?? 0);
}

export function describePodDisruptionBudget(pdb: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = pdb.spec ?? {};
  const status = pdb.status ?? {};
  w.line(0, 'Name', pdb.metadata.name);
  w.line(0, 'Namespace', pdb.metadata.namespace ?? '');

  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.line(0, 'Min available', String(spec.minAvailable));
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.line(0, 'Max unavailable', String(spec.maxUnavailable));

  w.line(0, 'Selector', spec.selector ? formatLabelSelector(spec.selector) : '<unset>');

  w.write(0, 'Status:\n');
  w.line(2, 'Allowed disruptions', formatCount(status.disruptionsAllowed));
  w.line(2, 'Current', formatCount(status.currentHealthy));
  w.line(2, 'Desired', formatCount(status.desiredHealthy));
  w.line(2, 'Total', formatCount(status.expectedPods));
  writeEvents(w, ctx.events(pdb), ctx.now, ctx.version);
  return w.text();
}
