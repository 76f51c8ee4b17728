/**
 * `-o custom-columns=HEADER:path,...` and `-o custom-columns-file=FILE`, as
 * cli-runtime's CustomColumnsPrinter prints them: one row per object (the
 * items of a List), a cell per column with every value the path yields
 * joined by commas, and `<none>` for a path that yields nothing.
 */

import { formatGoPrint } from './go-value';
import { JsonPathNode, parseJsonPath } from './jsonpath-parse';
import { findJsonPathResults } from './jsonpath';
import { formatTable } from './table';

/** One column: its header and its field spec in `{.a.b}` form. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** A parsed column with its compiled path. */
interface CompiledColumn extends CustomColumn {
  nodes: JsonPathNode[];
}

/** Options of {@link printCustomColumns}. */
export interface CustomColumnsOptions {
  /** `--no-headers`. */
  noHeaders?: boolean;
}

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * Turns the relaxed paths custom columns accept (`a.b`, `.a.b`, `{a.b}`,
 * `{.a.b}`) into a jsonpath template `{.a.b}`. An empty path stays empty.
 */
export function relaxedJsonPathExpression(path: string): string {
  if (path.length === 0) return path;
  const m = RELAXED_PATH.exec(path);
  if (!m) {
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** Parses the flag form `NAME:.metadata.name,IMAGE:.spec.containers[*].image`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

/**
 * Parses the file form: a line of headers and a line of paths, each split on
 * whitespace, with as many paths as headers.
 */
export function parseCustomColumnsTemplate(text: string): CustomColumn[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== 2) throw new Error(`invalid template, expected two lines in template, found ${lines.length}.`);

  const headers = lines[0].trim().split(/\s+/).filter(Boolean);
  const specs = lines[1].trim().split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/**
 * Prints objects as a custom-columns table. A `List` contributes one row per
 * item. A missing field prints `<none>` because kubectl evaluates these paths
 * with missing keys allowed, whatever --allow-missing-template-keys says.
 */
export function printCustomColumns(columns: CustomColumn[], objects: unknown[], opts: CustomColumnsOptions = {}): string {
  const compiled: CompiledColumn[] = columns.map((c) => ({ ...c, nodes: parseJsonPath(c.fieldSpec) }));
  const rows: string[][] = [];
  for (const obj of objects) {
    const items = isList(obj) ? (obj as { items: unknown[] }).items : [obj];
    for (const item of items) rows.push(compiled.map((c) => formatCell(c, item)));
  }
  return formatTable(
    columns.map((c) => c.header),
    rows,
    { noHeaders: opts.noHeaders },
  );
}

function formatCell(column: CompiledColumn, obj: unknown): string {
  const results = findJsonPathResults(column.nodes, obj, true);
  const values = results.flat().map((v) => formatGoPrint(v));
  if (results.length === 0 || results[0].length === 0) values.unshift('<none>');
  return values.join(',');
}

function isList(obj: unknown): boolean {
  return typeof obj === 'object' && obj !== null && Array.isArray((obj as { items?: unknown }).items);
}
