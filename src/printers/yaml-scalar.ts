/**
 * Scalar rules of the YAML emitter behind kubectl's `-o yaml`
 * (sigs.k8s.io/yaml over a fork of go-yaml v2.4, itself a port of libyaml):
 * which strings must be quoted, which quoting style is chosen, and how long
 * scalars are folded at 80 columns.
 */

/** Line width after which go-yaml v2 folds plain and quoted scalars. */
export const BEST_WIDTH = 80;

/** Quoting styles the emitter can pick for a string. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const YAML_11_SPECIALS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);

const DECIMAL_INT = /^[-+]?[0-9]+$/;
const PREFIXED_INT = /^[-+]?0(x[0-9a-fA-F]+|o[0-7]+|b[01]+|[0-7]+)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reports whether go-yaml v2 would read `s`, written unquoted, as something
 * other than a string (bool, null, int, float, timestamp, merge key).
 */
export function resolvesToNonString(s: string): boolean {
  if (YAML_11_SPECIALS.has(s)) return true;

  const first = s[0];
  if (first === '.') return DOT_FLOAT.test(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;

  const plain = s.replaceAll('_', '');
  return DECIMAL_INT.test(plain) || PREFIXED_INT.test(plain) || YAML_STYLE_FLOAT.test(plain);
}

// Go's time.Parse layouts "2006-1-2", "2006-1-2T15:4:5.999999999Z07:00" and
// "2006-1-2 15:4:5.999999999": the zone is required with T and absent with a space.
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [, , month, day, hour, minute, second, zone] = m;
  if (hour !== undefined) {
    const separator = s[m[1].length + month.length + day.length + 2];
    if (separator === ' ' ? zone !== undefined : zone === undefined) return false;
    if (+hour > 23 || +minute > 59 || +second > 59) return false;
  }
  return +month >= 1 && +month <= 12 && +day >= 1 && +day <= 31;
}

/** libyaml's is_printable as go-yaml implements it: no C1 controls, no astral planes. */
export function isPrintable(cp: number): boolean {
  if (cp === 0x0a) return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  return cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff;
}

const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined) => c === ' ';
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

interface ScalarAnalysis {
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// A port of the decisions in yaml_emitter_analyze_scalar.
function analyzeScalar(s: string): ScalarAnalysis {
  const chars = [...s];
  if (chars.length === 0) {
    return { flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }

  let flowIndicators = false;
  let blockIndicators = false;
  if (s.startsWith('---') || s.startsWith('...')) {
    flowIndicators = true;
    blockIndicators = true;
  }

  let lineBreaks = false, specialCharacters = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;

  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    const last = i === chars.length - 1;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(c)) flowIndicators = true;
      if (c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }

    if (!isPrintable(c.codePointAt(0)!)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;

    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  });

  const result = { flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}

/**
 * Chooses the style go-yaml v2 uses for a string in block context. A mapping
 * key is a simple key, where literal blocks are not allowed.
 */
export function selectScalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  // Keys and short values repeat across objects; the style depends on the text alone.
  const cacheKey = (simpleKey ? 'k' : 'v') + s;
  const cached = styleCache.get(cacheKey);
  if (cached) return cached;
  const style = computeScalarStyle(s, simpleKey);
  if (s.length <= 256 && styleCache.size < 20_000) styleCache.set(cacheKey, style);
  return style;
}

const styleCache = new Map<string, ScalarStyle>();

function computeScalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  let style: ScalarStyle;
  if (s.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(s) && !BASE60_FLOAT.test(s)) style = 'plain';
  else style = 'double';

  const analysis = analyzeScalar(s);
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}
