/**
 * `kubectl top` tables as kubectl's metrics printer writes them: CPU in
 * millicores (`12m`), memory in whole mebibytes (`7Mi`), node percentages of
 * allocatable, every cell tab-terminated (so lines keep kubectl's trailing
 * padding), aligned by a tabwriter with kubectl's table settings.
 */
import { tabwrite } from './tabwriter.js';
import type { NodeUsage, PodUsage } from '../metrics/usage.js';

const MI = 1024 * 1024;

/** kubectl prints CPU usage as millicores with an `m`, whatever the amount. */
export function formatCpuUsage(millis: number): string {
  return `${millis}m`;
}

/** kubectl prints memory usage as whole mebibytes, rounded down. */
export function formatMemoryUsage(bytes: number): string {
  return `${Math.floor(bytes / MI)}Mi`;
}

function table(lines: string[][]): string {
  return tabwrite(lines.map((cells) => cells.map((c) => `${c}\t`).join('') + '\n').join(''), { minwidth: 6, padding: 3 });
}

/** Sorts in place by the `--sort-by` field, largest first; ties keep their order. */
export function sortUsage<T extends { cpu: number; memory: number }>(items: T[], sortBy: string): T[] {
  if (sortBy === 'cpu') items.sort((a, b) => b.cpu - a.cpu);
  else if (sortBy === 'memory') items.sort((a, b) => b.memory - a.memory);
  return items;
}

export interface PodTableOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: string;
  sum: boolean;
}

/** Formats the `top pod` table; rows must already be in name order. */
export function formatPodTable(pods: PodUsage[], opts: PodTableOptions): string {
  if (pods.length === 0) return '';
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const head: string[] = [];
    if (opts.withNamespace) head.push('NAMESPACE');
    if (opts.containers) head.push('POD');
    lines.push([...head, 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  }
  for (const p of sortUsage([...pods], opts.sortBy)) {
    const ns = opts.withNamespace ? [p.namespace] : [];
    if (opts.containers) {
      const byName = [...p.containers].sort((a, b) => a.name.localeCompare(b.name));
      const containers = sortUsage(byName, opts.sortBy);
      for (const c of containers) lines.push([...ns, p.name, c.name, formatCpuUsage(c.cpu), formatMemoryUsage(c.memory)]);
    } else {
      lines.push([...ns, p.name, formatCpuUsage(p.cpu), formatMemoryUsage(p.memory)]);
    }
  }
  if (opts.sum) {
    const width = 3 + (opts.withNamespace ? 1 : 0) + (opts.containers ? 1 : 0);
    lines.push([...Array(width - 2).fill(''), '________', '________']);
    const cpu = pods.reduce((n, p) => n + p.cpu, 0);
    const memory = pods.reduce((n, p) => n + p.memory, 0);
    lines.push([...Array(width - 3).fill(''), '', formatCpuUsage(cpu), formatMemoryUsage(memory)]);
  }
  return table(lines);
}

export interface NodeRow extends NodeUsage {
  /** Allocatable (or capacity) CPU in millicores and memory in bytes. */
  allocatableCpu: number;
  allocatableMemory: number;
}

/**
 * Formats the `top node` table with CPU(%) and MEMORY(%) of allocatable.
 * Nodes without metrics follow the others with `<unknown>` in every column.
 */
export function formatNodeTable(nodes: NodeRow[], missing: string[], opts: { noHeaders: boolean; sortBy: string }): string {
  if (nodes.length === 0) return '';
  const lines: string[][] = [];
  if (!opts.noHeaders) lines.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  for (const n of sortUsage([...nodes], opts.sortBy)) {
    const cpuPct = Math.trunc((n.cpu / n.allocatableCpu) * 100);
    const memPct = Math.trunc((n.memory / n.allocatableMemory) * 100);
    lines.push([n.name, formatCpuUsage(n.cpu), `${cpuPct}%`, formatMemoryUsage(n.memory), `${memPct}%`]);
  }
  for (const name of missing) lines.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return table(lines);
}
