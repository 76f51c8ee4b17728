/**
 * Go's text/tabwriter column algorithm, which kubectl uses for tables and
 * describe output: a column is aligned over each block of consecutive lines
 * that have a tab-terminated cell in it.
 */

export interface TabwriterOptions {
  minwidth?: number;
  padding?: number;
}

export function tabwrite(text: string, opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 0;
  const padding = opts.padding ?? 1;
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        if (j < cells.length - 1 && j < widths.length) s += c.padEnd(widths[j]);
        else if (j < cells.length - 1) s += c;
        else s += c;
      }
      out[i] = s;
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        const w = [...lines[t][column]].length + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
