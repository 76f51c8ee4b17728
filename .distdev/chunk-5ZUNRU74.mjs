import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/printers/table.ts
function formatTable(header, rows, opts = {}) {
  const all = opts.noHeaders ? rows : [header, ...rows];
  if (all.length === 0) return "";
  const widths = [];
  for (const r of all) r.forEach((c, i) => widths[i] = Math.max(widths[i] ?? 0, c.length));
  return all.map((r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i] + 3)).join("").replace(/\s+$/, "") + "\n").join("");
}

export {
  formatTable
};
