/**
 * A line-based look at where YAML tokens start in a block-style document,
 * enough to find two mistakes go-yaml rejects at scan time but js-yaml reads
 * differently: an anchor or alias name with characters go-yaml does not allow,
 * and text right after a closing quote.
 */

/** A problem only go-yaml reports, at a 0-based row and column of the document. */
export interface TokenProblem {
  row: number;
  column: number;
  kind: 'anchor-name' | 'text-after-quote';
}

/** Characters go-yaml accepts after an anchor or alias name. */
const AFTER_ANCHOR = new Set([' ', '\t', '?', ':', ',', ']', '}', '%', '@', '`']);

/** Returns the column after the quoted scalar opening at (row, column), and the row where it closes, or undefined when it never closes. */
function skipQuoted(lines: string[], row: number, column: number): { row: number; column: number } | undefined {
  const quote = lines[row][column];
  let c = column + 1;
  for (let r = row; r < lines.length; r++, c = 0) {
    const line = lines[r];
    for (; c < line.length; c++) {
      if (quote === '"' && line[c] === '\\') c++;
      else if (line[c] === quote) {
        if (quote === "'" && line[c + 1] === "'") c++;
        else return { row: r, column: c + 1 };
      }
    }
  }
  return undefined;
}

/**
 * Finds the first token-level problem that go-yaml reports and js-yaml does
 * not, looking at block mappings and sequences only. Flow collections,
 * plain scalars and block scalar contents are skipped.
 */
export function findGoOnlyTokenProblem(text: string): TokenProblem | undefined {
  const lines = text.split('\n');
  let blockScalarIndent = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    const indent = line.length - line.trimStart().length;
    if (blockScalarIndent >= 0) {
      if (line.trim() === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }

    let column = indent;
    for (;;) {
      while (line.startsWith('- ', column) || line.startsWith('-\t', column)) column = skipBlanks(line, column + 2);
      const ch = line[column];
      if (ch === '&' || ch === '*') {
        const name = /^[0-9A-Za-z_-]*/.exec(line.slice(column + 1))![0];
        const next = line[column + 1 + name.length];
        if (name === '' || (next !== undefined && !AFTER_ANCHOR.has(next))) return { row, column, kind: 'anchor-name' };
        column = skipBlanks(line, column + 1 + name.length);
        continue;
      }
      if (ch === '"' || ch === "'") {
        const end = skipQuoted(lines, row, column);
        if (!end) return undefined;
        const rest = lines[end.row].slice(end.column);
        const after = skipBlanks(lines[end.row], end.column);
        if (rest.trim() !== '' && !/^\s*[:#]/.test(rest)) return { row: end.row, column: after, kind: 'text-after-quote' };
        if (end.row === row && /^\s*:(\s|$)/.test(rest)) {
          column = skipBlanks(line, line.indexOf(':', end.column) + 1);
          continue;
        }
        row = end.row;
        break;
      }
      if (ch === '|' || ch === '>') {
        blockScalarIndent = indent;
        break;
      }
      if (ch === undefined || ch === '#' || ch === '[' || ch === '{') break;
      const colon = line.slice(column).search(/:(\s|$)/);
      if (colon < 0) break;
      column = skipBlanks(line, column + colon + 1);
    }
  }
  return undefined;
}

function skipBlanks(line: string, column: number): number {
  while (line[column] === ' ' || line[column] === '\t') column++;
  return column;
}
