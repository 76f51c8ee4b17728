/**
 * Column alignment for kubectl's human-readable tables. kubectl writes each
 * row as tab-separated cells through a tabwriter (a fork of Go's
 * text/tabwriter in github.com/liggitt/tabwriter) with min width 6,
 * padding 3, pad character ' ' and the RememberWidths flag. This module
 * reproduces that writer's output for whole tables.
 */

/** kubectl's tabwriter settings (cli-runtime printers.GetNewTabWriter). */
export const TABWRITER_MIN_WIDTH = 6;
export const TABWRITER_PADDING = 3;

/** Options for {@link formatTable}. */
export interface TableOptions {
  /** Leave out the header row, as `--no-headers` does. */
  noHeaders?: boolean;
  /**
   * Column widths (padding included) remembered from earlier output, as
   * kubectl's RememberWidths keeps them between the chunks of `get --watch`.
   * Updated in place with the widths this call used.
   */
  rememberedWidths?: number[];
}

/**
 * Formats a table as kubectl prints it. Every column but the last is padded
 * to the widest cell plus 3 spaces (and at least 6 characters). The last cell
 * of a row is written as is, so a row ends in spaces only when that cell is
 * empty. Returns newline-terminated lines, or `''` when there are none.
 */
export function formatTable(header: string[], rows: string[][], opts: TableOptions = {}): string {
  const lines = opts.noHeaders ? rows : [header, ...rows];
  return formatTabbedLines(lines, opts.rememberedWidths);
}

/**
 * Formats lines of cells with Go tabwriter's column-block rule: a column
 * is aligned over each run of consecutive lines that have a cell after it,
 * so lines with fewer cells split the blocks, as in Go. Cell widths count
 * Unicode code points, as Go's tabwriter counts runes.
 */
export function formatTabbedLines(lines: string[][], rememberedWidths: number[] = []): string {
  const out: string[] = [];
  formatBlock(lines, 0, lines.length, [], rememberedWidths, out);
  return out.join('');
}

function cellWidth(text: string): number {
  return [...text].length;
}

// Mirrors tabwriter's recursive format(): `widths` holds the width of each
// column already fixed for lines [line0, line1), and column widths.length is
// measured here over each block of lines that have a cell after it.
function formatBlock(
  lines: string[][],
  line0: number,
  line1: number,
  widths: number[],
  remembered: number[],
  out: string[],
): void {
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

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    let text = '';
    line.forEach((cell, j) => {
      text += cell;
      if (j < widths.length && j < line.length - 1) {
        text += ' '.repeat(Math.max(0, widths[j] - cellWidth(cell)));
      }
    });
    out.push(text + '\n');
  }
}
