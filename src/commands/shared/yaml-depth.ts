/**
 * Nesting depth limits of manifests. kubectl 1.32 converts each YAML
 * document with go-yaml (sigs.k8s.io/yaml's goyaml.v2), whose scanner stops
 * at more than 10000 indentation levels or more than 10000 open flow
 * collections. It then decodes the JSON with Go's encoding/json, which stops
 * at more than 10000 nested objects and arrays. kubesim's parser (js-yaml)
 * and the code after it recurse per level, so kubesim reads at most
 * MAX_READ_DEPTH levels and reports a document between that and kubectl's
 * limits with a message of its own.
 */

/** go-yaml's max_indents and max_flow_level, and encoding/json's maxNestingDepth. */
export const GO_MAX_DEPTH = 10000;

/**
 * The deepest nesting of objects and arrays kubesim reads. A ConfigMap
 * nested 2000 levels deep overflowed the stack in `apply` (node 20, default
 * stack size), and 1000 levels did not.
 */
export const MAX_READ_DEPTH = 1000;

/** A nesting problem of one YAML document, with a 1-based line number where one applies. */
export type DepthProblem =
  | { kind: 'yaml'; line: number }
  | { kind: 'json'; opener: '{' | '[' }
  | { kind: 'kubesim'; line: number };

/** An open block collection: the column of its first token and whether it is a sequence at its parent mapping's indentation. */
interface BlockCollection {
  column: number;
  sequence: boolean;
  indentless: boolean;
}

const SIMPLE_KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)/;

/**
 * Scans one YAML document for nesting that go-yaml, encoding/json or kubesim
 * rejects, in that order of precedence, as go-yaml reads the whole document
 * before the JSON is decoded.
 */
// NOTE: this is a line-based model of go-yaml's scanner. It follows block
// mappings, block sequences (also `- - x` on one line) and flow collections,
// but reads a quoted scalar that spans lines, and `?` keys, as plain text.
// That can only miscount a few levels, so it matters only near a limit.
export function findDepthProblem(text: string): DepthProblem | undefined {
  const lines = text.split('\n');
  const indents: number[] = [];
  let indent = -1;
  const blocks: BlockCollection[] = [];
  let flow = 0;
  let blockScalarParent = -2;
  let firstJson: DepthProblem | undefined;
  let firstKubesim: DepthProblem | undefined;

  /** Records a collection opened at `line` with `opener`, now `depth` deep. */
  const opened = (depth: number, line: number, opener: '{' | '['): void => {
    if (depth > GO_MAX_DEPTH) firstJson ??= { kind: 'json', opener };
    if (depth > MAX_READ_DEPTH) firstKubesim ??= { kind: 'kubesim', line };
  };

  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    const content = line.trimStart();
    const column = line.length - content.length;
    const lineNumber = row + 1;

    if (blockScalarParent > -2) {
      if (content === '' || column > blockScalarParent) continue;
      blockScalarParent = -2;
    }

    let pos = column;
    if (flow === 0) {
      if (content === '' || content.startsWith('#')) continue;
      while (indent > column) indent = indents.pop() ?? -1;
      const isEntry = /^-(?:[ \t]|$)/.test(content);
      while (blocks.length > 0) {
        const top = blocks[blocks.length - 1];
        if (top.column < column || (top.column === column && (!top.indentless || isEntry))) break;
        blocks.pop();
      }

      for (;;) {
        const rest = line.slice(pos);
        const top = blocks[blocks.length - 1];
        const entry = /^-(?:[ \t]+|$)/.exec(rest);
        const key = entry ? null : SIMPLE_KEY.exec(rest);
        if (!entry && !key) break;

        const sequence = entry !== null;
        const sameCollection = top !== undefined && top.column === pos && top.sequence === sequence;
        if (!sameCollection) {
          const indentless = sequence && indent === pos;
          if (indent < pos) {
            indents.push(indent);
            indent = pos;
            if (indents.length > GO_MAX_DEPTH) return { kind: 'yaml', line: lineNumber };
          }
          blocks.push({ column: pos, sequence, indentless });
          opened(blocks.length, lineNumber, sequence ? '[' : '{');
        }
        pos += (entry ?? key)![0].length;
        if (key) break;
      }

      const value = line.slice(pos).trimStart();
      pos = line.length - value.length;
      if (/^[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(value)) {
        blockScalarParent = indent;
        continue;
      }
      if (!value.startsWith('[') && !value.startsWith('{')) continue;
    }

    for (let c = pos; c < line.length; c++) {
      const ch = line[c];
      if (ch === '[' || ch === '{') {
        flow++;
        if (flow > GO_MAX_DEPTH) return { kind: 'yaml', line: lineNumber };
        opened(blocks.length + flow, lineNumber, ch);
      } else if (ch === ']' || ch === '}') {
        flow = Math.max(0, flow - 1);
        if (flow === 0) break;
      } else if (ch === '"' || ch === "'") {
        c = closingQuote(line, c);
      } else if (ch === '#' && (c === 0 || line[c - 1] === ' ' || line[c - 1] === '\t')) {
        break;
      }
    }
  }
  return firstJson ?? firstKubesim;
}

/** Returns the index of the quote closing the scalar opened at `start`, or the line's end when it closes on a later line. */
function closingQuote(line: string, start: number): number {
  const quote = line[start];
  for (let c = start + 1; c < line.length; c++) {
    if (quote === '"' && line[c] === '\\') c++;
    else if (line[c] === quote) {
      if (quote === "'" && line[c + 1] === "'") c++;
      else return c;
    }
  }
  return line.length;
}

/**
 * Returns how deep objects and arrays nest in a parsed value, stopping once
 * past `limit`. It walks with an explicit stack, so any depth is safe.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
