/**
 * `kubectl describe namespace` (describeNamespace): name, labels,
 * annotations and phase, the deletion conditions of a terminating
 * namespace, then the namespace's resource quotas and limit ranges.
 */
import type { KObject } from '../../api/types.js';
import type { DescribeContext } from './index.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { SCOPE_HELP } from './quota.js';
import { compareText } from '../../store/pending-writes.js';

const byName = (a: KObject, b: KObject) => compareText(a.metadata.name, b.metadata.name);

export function describeNamespace(ns: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', ns.metadata.name);
  writeMap(w, 0, 'Labels', ns.metadata.labels);
  writeMap(w, 0, 'Annotations', ns.metadata.annotations);
  w.line(0, 'Status', ns.status?.phase ?? '');
  const conditions: any[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\n');
  writeResourceQuotas(w, ctx.list('resourcequotas', ns.metadata.name));
  w.write(0, '\n');
  writeLimitRanges(w, ctx.list('limitranges', ns.metadata.name));
  return w.text();
}

/** Writes each quota's used and hard amounts by quota and resource name, as DescribeResourceQuotas does. */
function writeResourceQuotas(w: DescribeWriter, quotas: KObject[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort(byName)) {
    w.line(1, 'Name', q.metadata.name);
    const scopes = [...(q.spec?.scopes ?? [])].map(String).sort();
    if (scopes.length > 0) {
      w.line(1, 'Scopes', scopes.join(', '));
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard: Record<string, unknown> = q.status?.hard ?? {};
    const used: Record<string, unknown> = q.status?.used ?? {};
    for (const r of Object.keys(hard).sort()) w.write(1, `${r}\t${String(used[r] ?? '0')}\t${String(hard[r])}\n`);
  }
}

/**
 * Writes one row per limit type and resource, as DescribeLimitRanges does.
 * NOTE: kubectl prints a limit's resources in Go map order, which varies, and
 * its values in canonical quantity form. kubesim sorts the resources and
 * prints the values as stored.
 */
function writeLimitRanges(w: DescribeWriter, ranges: KObject[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) {
    for (const item of range.spec?.limits ?? []) {
      const fields = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio].map((m) => (m ?? {}) as Record<string, unknown>);
      const resources = [...new Set(fields.flatMap((m) => Object.keys(m)))].sort();
      for (const r of resources) {
        const values = fields.map((m) => (m[r] === undefined ? '-' : String(m[r])));
        w.write(0, ` ${item.type ?? ''}\t${r}\t${values.join('\t')}\n`);
      }
    }
  }
}
