/**
 * `-o json` output as kubectl prints it: Go's encoding/json with a 4-space
 * indent, HTML-safe escapes (`<` as `\u003c`) and a final newline.
 */

import { GoFloat } from './go-float';

/** Options for {@link toKubectlJson}. */
export interface JsonOptions {
  /**
   * Sort object keys, as kubectl does for objects read from a server (they
   * are unstructured maps). Objects kubectl builds itself, such as dry-run
   * output of `create deployment`, keep Go struct field order, so callers
   * pass `false` and build the object in that order. Default true.
   */
  sortKeys?: boolean;
}

/** Renders a JSON-compatible value as kubectl's `-o json`, ending in a newline. */
export function toKubectlJson(obj: unknown, opts: JsonOptions = {}): string {
  return encode(obj ?? null, '', '    ', opts.sortKeys ?? true) + '\n';
}

/**
 * Marshals a value as Go's json.Marshal does for maps: compact, keys sorted,
 * HTML-safe. jsonpath and custom-columns print objects and arrays this way.
 */
export function toGoJsonCompact(value: unknown): string {
  return encode(value ?? null, '', '', true);
}

function encode(value: unknown, indent: string, step: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoFloat) return encode(value.value, indent, step, sortKeys);
  if (typeof value === 'string') return quoteGoJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);

  const inner = indent + step;
  const open = step ? '\n' : '';
  const separator = step ? ',\n' : ',';
  const close = step ? '\n' + indent : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => inner + encode(v, inner, step, sortKeys));
    return '[' + open + items.join(separator) + close + ']';
  }

  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (sortKeys) entries.sort(([a], [b]) => compareUtf8(a, b));
  if (entries.length === 0) return '{}';
  const colon = step ? ': ' : ':';
  const members = entries.map(([k, v]) => `${inner}${quoteGoJsonString(k)}${colon}${encode(v, inner, step, sortKeys)}`);
  return '{' + open + members.join(separator) + close + '}';
}

// Go sorts map keys by their UTF-8 bytes, which is code point order.
function compareUtf8(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i].codePointAt(0)! - bc[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

const GO_SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

/** Quotes a string as Go's encoding/json does with HTML escaping on. */
export function quoteGoJsonString(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (GO_SHORT_ESCAPES[c]) out += GO_SHORT_ESCAPES[c];
    else if (cp < 0x20 || c === '<' || c === '>' || c === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else out += c;
  }
  return out + '"';
}

/**
 * Formats a float as Go's strconv.FormatFloat(f, 'g', -1, 64): the shortest
 * digits that read back exactly, in exponent form (`1.5e+06`, `1e-05`) when
 * the exponent is below -4 or at least 6. NaN and the infinities come out in
 * go-yaml's spelling (`.nan`, `.inf`, `-.inf`) because only YAML prints them.
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';

  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const digits = mantissa.replace('-', '').replace('.', '');
  const negative = f < 0 ? '-' : '';
  if (exp < 0) return `${negative}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1);
  return negative + intPart + (fraction ? '.' + fraction : '');
}
