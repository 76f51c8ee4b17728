import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/printers/table.ts
var TABWRITER_MIN_WIDTH = 6;
var TABWRITER_PADDING = 3;
function formatTable(header, rows, opts = {}) {
  const lines = opts.noHeaders ? rows : [header, ...rows];
  return formatTabbedLines(lines, opts.rememberedWidths);
}
function formatTabbedLines(lines, rememberedWidths = []) {
  const out = [];
  formatBlock(lines, 0, lines.length, [], rememberedWidths, out);
  return out.join("");
}
function cellWidth(text) {
  return [...text].length;
}
function formatBlock(lines, line0, line1, widths, remembered, out) {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    writeLines(lines, start, i, widths, out);
    start = i;
    let width = TABWRITER_MIN_WIDTH;
    for (; i < line1 && column < lines[i].length - 1; i++) {
      width = Math.max(width, cellWidth(lines[i][column]) + TABWRITER_PADDING);
    }
    if ((remembered[column] ?? 0) > width) width = remembered[column];
    remembered[column] = width;
    formatBlock(lines, start, i, [...widths, width], remembered, out);
    start = i;
    i--;
  }
  writeLines(lines, start, line1, widths, out);
}
function writeLines(lines, from, to, widths, out) {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    let text = "";
    line.forEach((cell, j) => {
      text += cell;
      if (j < widths.length && j < line.length - 1) {
        text += " ".repeat(Math.max(0, widths[j] - cellWidth(cell)));
      }
    });
    out.push(text + "\n");
  }
}

export {
  formatTable
};
