/**
 * Rewords js-yaml syntax errors the way kubectl reports them. kubectl parses
 * each document with go-yaml v2 (through sigs.k8s.io/yaml), whose scanner and
 * parser name problems differently and count lines in their own way:
 *
 * - a scanner error prints the 1-based line of the problem;
 * - a parser error prints the 0-based line of the offending token, so it
 *   reads one line earlier than the token;
 * - a problem on the document's first line (0-based line 0) prints no line.
 *
 * The rules below were checked against kubectl v1.32 on the common mistakes of
 * hand-written manifests. An error outside them keeps js-yaml's reason with
 * the scanner's line numbering.
 */
import { findGoOnlyTokenProblem, type TokenProblem } from './yaml-token-scan.js';

/** The parts of a js-yaml `YAMLException` that the rewording reads. */
export interface JsYamlProblem {
  reason?: string;
  message: string;
  mark?: { line: number; column: number; position: number };
}

type Stage = 'scanner' | 'parser';

/** Formats go-yaml's message with the line prefix its `fail` helper would add. */
function goYamlMessage(stage: Stage, line0: number, problem: string): string {
  if (line0 === 0) return `yaml: ${problem}`;
  return `yaml: line ${stage === 'scanner' ? line0 + 1 : line0}: ${problem}`;
}

/** One block collection opened on a line: a sequence entry (`- `) or a mapping key (`key:`). */
interface Opening {
  column: number;
  kind: 'sequence' | 'mapping';
}

/** Lists the block collections a line opens, outermost first, looking only at text before `end`. */
function findOpenings(line: string, end = line.length): Opening[] {
  const text = line.slice(0, end);
  const openings: Opening[] = [];
  let column = text.length - text.trimStart().length;
  while (column < text.length) {
    const rest = text.slice(column);
    if (rest.startsWith('#')) break;
    if (rest === '-' || rest.startsWith('- ')) {
      openings.push({ column, kind: 'sequence' });
      const after = rest.slice(1);
      column += 1 + (after.length - after.trimStart().length);
      continue;
    }
    if (/^[^\s#][^#]*?:(\s|$)/.test(rest)) openings.push({ column, kind: 'mapping' });
    break;
  }
  return openings;
}

/**
 * Tells whether a sequence opened at `column` on line `row` is indentless
 * (its dashes sit at the column of the mapping key that owns it). go-yaml
 * pushes no indentation level for such a sequence, so a stray token after it
 * is checked against the owning mapping.
 */
function isIndentlessSequence(lines: string[], row: number, column: number): boolean {
  for (let i = row - 1; i >= 0; i--) {
    const first = findOpenings(lines[i])[0];
    if (!first || first.column > column) continue;
    if (first.column < column) return false;
    if (first.kind === 'mapping') return true;
  }
  return false;
}

/**
 * Names the entry go-yaml's parser expected where a token at (row, column)
 * appeared: a key of the enclosing block mapping or a `-` of the enclosing
 * block sequence.
 */
function expectedEntryProblem(lines: string[], row: number, column: number): string {
  for (let i = row; i >= 0; i--) {
    const openings = findOpenings(lines[i], i === row ? column : undefined).filter((o) => o.column <= column);
    const innermost = openings[openings.length - 1];
    if (!innermost) continue;
    if (innermost.kind === 'sequence' && !isIndentlessSequence(lines, i, innermost.column)) {
      return "did not find expected '-' indicator";
    }
    return 'did not find expected key';
  }
  return 'did not find expected key';
}

/** Tells whether a line's last token is a plain scalar, which go-yaml keeps scanning onto the next line. */
function endsWithPlainScalar(line: string): boolean {
  const text = line.trimEnd();
  if (text === '' || text.trimStart().startsWith('#') || / #/.test(text)) return false;
  if (/(^|\s)-$/.test(text) || text.endsWith(':')) return false;
  return !/["'\]}|>]$/.test(text);
}

/**
 * Reports a tab in indentation: go-yaml rejects it inside the plain scalar it
 * is still scanning, or as a token of its own when the line before ended any
 * other way.
 */
function tabProblem(lines: string[], row: number): string {
  const tabColumn = lines[row].indexOf('\t');
  for (let i = row - 1; i >= 0; i--) {
    if (lines[i].trim() === '') continue;
    if (!endsWithPlainScalar(lines[i])) break;
    // go-yaml checks the tab against the indentation of the mapping or sequence the scalar belongs to.
    const openings = findOpenings(lines[i]);
    const indent = openings.length > 0 ? openings[openings.length - 1].column : 0;
    if (tabColumn < indent + 1) return goYamlMessage('scanner', row, 'found a tab character that violates indentation');
    if (/:(\s|$)/.test(lines[row])) return goYamlMessage('scanner', row, 'mapping values are not allowed in this context');
    break;
  }
  return goYamlMessage('scanner', row, 'found character that cannot start any token');
}

/**
 * Finds the row of the first token at or after `position`, skipping blanks
 * and comment lines. With no token left, it is the row after the last line.
 */
function nextTokenRow(text: string, position: number): number {
  let i = position;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else break;
  }
  return text.slice(0, i).split('\n').length - 1;
}

/** Returns the closing bracket of the innermost flow collection still open before `position`. */
function openFlowCloser(text: string, position: number): string {
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < position && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') stack.push(']');
    else if (c === '{') stack.push('}');
    else if ((c === ']' || c === '}') && stack[stack.length - 1] === c) stack.pop();
  }
  return stack[stack.length - 1] ?? '}';
}

/** Rewords a problem found by the token scan as go-yaml reports it. */
export function describeTokenProblem(problem: TokenProblem, text: string): string {
  if (problem.kind === 'anchor-name') return goYamlMessage('scanner', problem.row, 'did not find expected alphabetic or numeric character');
  return goYamlMessage('parser', problem.row, expectedEntryProblem(text.split('\n'), problem.row, problem.column));
}

/** Characters that start no YAML token in block context, wherever they appear. */
const NO_TOKEN_START = new Set(['@', '`', '%', '\t']);

/**
 * Rewords a js-yaml error for one document as go-yaml reports it, as
 * `yaml: [line N: ]problem`. `text` is the document exactly as it was
 * parsed, so the error's mark indexes it.
 */
export function describeYamlError(err: JsYamlProblem, text: string): string {
  const reason = err.reason ?? err.message;
  const mark = err.mark ?? { line: 0, column: 0, position: 0 };
  const lines = text.split('\n');
  const row = mark.line;
  const ch = text[mark.position] ?? '';

  // go-yaml stops at these problems while js-yaml reads on and fails later, if at all.
  const tokenProblem = findGoOnlyTokenProblem(text);
  if (tokenProblem && (tokenProblem.row < row || (tokenProblem.row === row && tokenProblem.column <= mark.column))) {
    return describeTokenProblem(tokenProblem, text);
  }

  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) return `yaml: unknown anchor '${alias[1]}' referenced`;

  if (reason.startsWith('tab characters must not be used in indentation')) return tabProblem(lines, row);

  if (reason === 'bad indentation of a mapping entry' || reason === 'bad indentation of a sequence entry' || reason.startsWith('end of the stream or a document separator is expected')) {
    // js-yaml reads a tab before a line's first token as indentation and fails later on that line; go-yaml fails at the tab.
    const tabRow = lines.slice(0, row + 1).findIndex((l) => l.startsWith('\t') && l.trim() !== '');
    if (tabRow >= 0) return tabProblem(lines, tabRow);
    if (/^ *\t/.test(lines[row] ?? '')) return tabProblem(lines, row);
    if (ch === ':') return goYamlMessage('scanner', row, 'mapping values are not allowed in this context');
    if (ch === '?' && /\s/.test(text[mark.position + 1] ?? ' ')) return goYamlMessage('scanner', row, 'mapping keys are not allowed in this context');
    if (NO_TOKEN_START.has(ch)) return goYamlMessage('scanner', row, 'found character that cannot start any token');
    return goYamlMessage('parser', row, expectedEntryProblem(lines, row, mark.column));
  }

  if (reason.startsWith('incomplete explicit mapping pair')) return goYamlMessage('parser', row, expectedEntryProblem(lines, row, mark.column));

  if (reason.startsWith('can not read a block mapping entry; a multiline key') || reason.startsWith('can not read an implicit mapping pair')) {
    return goYamlMessage('scanner', nextTokenRow(text, mark.position), "could not find expected ':'");
  }

  if (/^unexpected end of the (stream|document) within a (double|single) quoted scalar$/.test(reason)) {
    return goYamlMessage('scanner', row, 'found unexpected end of stream');
  }

  if (reason === 'missed comma between flow collection entries' || reason === 'unexpected end of the stream within a flow collection') {
    return goYamlMessage('parser', row, `did not find expected ',' or '${openFlowCloser(text, mark.position)}'`);
  }

  if (reason === 'a line break is expected') return goYamlMessage('scanner', row, 'did not find expected comment or line break');
  if (/^name of an (alias|anchor) node must contain at least one character$/.test(reason)) {
    return goYamlMessage('scanner', row, 'did not find expected alphabetic or numeric character');
  }
  if (reason === 'unknown escape sequence') return goYamlMessage('scanner', row, 'found unknown escape character');
  if (reason.startsWith('unacceptable YAML version') || reason.startsWith('unsupported YAML version')) return 'yaml: found incompatible YAML document';
  if (reason === 'directives end mark is expected') {
    // kubectl's reader cuts the `---` after a directive off, so go-yaml parses the directive alone, and it accepts only version 1.1.
    const version = /^%YAML\s+(\S+)/m.exec(text)?.[1];
    if (version !== undefined && version !== '1.1') return 'yaml: found incompatible YAML document';
    return goYamlMessage('parser', lines.length - 1, 'did not find expected <document start>');
  }

  // NOTE: js-yaml reason kept; go-yaml's wording for this case is not mapped yet.
  return goYamlMessage('scanner', row, reason);
}
