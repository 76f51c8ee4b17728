/**
 * `kubectl describe resourcequota` (DescribeResourceQuota): the scopes with
 * their help text, then used and hard amounts per resource from status.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter } from './writer.js';

/** helpTextForResourceQuotaScope. */
export const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

export function describeResourceQuota(quota: KObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', quota.metadata.name);
  w.line(0, 'Namespace', quota.metadata.namespace ?? '');
  const scopes = [...(quota.spec?.scopes ?? [])].map(String).sort();
  if (scopes.length) {
    w.line(0, 'Scopes', scopes.join(', '));
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(0, ` * ${SCOPE_HELP[scope]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  // kubectl underlines Used and Hard with four dashes here, but with three in `describe namespace`.
  w.write(0, '--------\t----\t----\n');
  const hard: Record<string, unknown> = quota.status?.hard ?? {};
  const used: Record<string, unknown> = quota.status?.used ?? {};
  for (const r of Object.keys(hard).sort()) w.write(0, `${r}\t${String(used[r] ?? '0')}\t${String(hard[r])}\n`);
  return w.text();
}
