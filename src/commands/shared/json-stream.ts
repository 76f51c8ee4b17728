/**
 * Reads a stream of JSON values as kubectl does when a manifest starts with
 * `{`: Go's encoding/json Decoder takes one value after another, and a syntax
 * error names the byte offset and the scanner state in Go's words
 * (`json: offset 64: invalid character '}' looking for beginning of object key string`).
 */

/** A stream that is not valid JSON, with kubectl's message for it. */
export class JsonStreamError extends Error {}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Quotes a byte as Go's encoding/json does in its syntax errors. */
function quoteByte(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** The container the scanner is in: an object expecting a key, an object value, or an array. */
type Frame = 'key' | 'value' | 'array';

/**
 * Finds where the JSON value starting at byte `start` ends, or throws the
 * error Go's Decoder reports. Offsets count bytes from the start of the
 * stream, one past the offending byte, as Go's SyntaxError.Offset does.
 */
/** Maximum nesting depth of containers in Go's encoding/json scanner (maxNestingDepth). */
const MAX_NESTING_DEPTH = 10000;

function scanValue(bytes: Buffer, start: number): number {
  const stack: Frame[] = [];
  let i = start;
  const fail = (context: string): never => {
    throw new JsonStreamError(`json: offset ${i + 1}: invalid character ${quoteByte(bytes[i])} ${context}`);
  };
  const need = (): number => {
    if (i >= bytes.length) throw new JsonStreamError('unexpected EOF');
    return bytes[i];
  };
  const skipWhitespace = () => {
    while (i < bytes.length && WHITESPACE.has(bytes[i])) i++;
  };

  const scanString = () => {
    i++;
    for (;;) {
      const c = need();
      if (c === 0x22) return void i++;
      if (c < 0x20) fail('in string literal');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++;
      const e = need();
      if (e === 0x75) {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!isHex(need())) fail('in \\u hexadecimal character escape');
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(e))) i++;
      else fail('in string escape code');
    }
  };

  const scanNumber = () => {
    if (bytes[i] === 0x2d) {
      i++;
      if (!isDigit(need())) fail('in numeric literal');
    }
    if (bytes[i] === 0x30) i++;
    else while (i < bytes.length && isDigit(bytes[i])) i++;
    if (i < bytes.length && bytes[i] === 0x2e) {
      i++;
      if (!isDigit(need())) fail('after decimal point in numeric literal');
      while (i < bytes.length && isDigit(bytes[i])) i++;
    }
    if (i < bytes.length && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
      i++;
      if (need() === 0x2b || bytes[i] === 0x2d) i++;
      if (!isDigit(need())) fail('in exponent of numeric literal');
      while (i < bytes.length && isDigit(bytes[i])) i++;
    }
  };

  const scanLiteral = (word: string) => {
    i++;
    for (const expected of word.slice(1)) {
      if (need() !== expected.charCodeAt(0)) fail(`in literal ${word} (expecting '${expected}')`);
      i++;
    }
  };

  // Scans one value; containers push a frame and are closed by the loop below.
  // Nested arrays loop here instead of recursing, so 10,000 levels fit on the stack.
  const scanBegin = (context: string) => {
    for (;;) {
      skipWhitespace();
      const c = need();
      // Go's scanner counts a container at its opening bracket, empty or not.
      if ((c === 0x7b || c === 0x5b) && stack.length >= MAX_NESTING_DEPTH) fail('exceeded max depth');
      if (c === 0x7b) {
        i++;
        skipWhitespace();
        if (need() === 0x7d) return void i++;
        if (bytes[i] !== 0x22) fail('looking for beginning of object key string');
        stack.push('key');
        return scanString();
      }
      if (c === 0x5b) {
        i++;
        skipWhitespace();
        if (need() === 0x5d) return void i++;
        stack.push('array');
        context = 'looking for beginning of value';
        continue;
      }
      if (c === 0x22) return scanString();
      if (c === 0x2d || isDigit(c)) return scanNumber();
      if (c === 0x74) return scanLiteral('true');
      if (c === 0x66) return scanLiteral('false');
      if (c === 0x6e) return scanLiteral('null');
      return fail(context);
    }
  };

  scanBegin('looking for beginning of value');
  while (stack.length > 0) {
    skipWhitespace();
    const c = need();
    const frame = stack[stack.length - 1];
    if (frame === 'key') {
      if (c !== 0x3a) fail('after object key');
      i++;
      stack[stack.length - 1] = 'value';
      scanBegin('looking for beginning of value');
    } else if (c === 0x2c) {
      i++;
      if (frame === 'value') {
        skipWhitespace();
        if (need() !== 0x22) fail('looking for beginning of object key string');
        stack[stack.length - 1] = 'key';
        scanString();
      } else scanBegin('looking for beginning of value');
    } else if ((frame === 'value' && c === 0x7d) || (frame === 'array' && c === 0x5d)) {
      i++;
      stack.pop();
    } else fail(frame === 'value' ? 'after object key:value pair' : 'after array element');
  }
  return i;
}

/** Tells whether kubectl reads this stream as JSON, which it does when the first non-blank character is `{`. */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** Parses every JSON value in a stream, or throws a JsonStreamError with kubectl's message. */
export function parseJsonStream(text: string): unknown[] {
  const bytes = Buffer.from(text, 'utf8');
  const values: unknown[] = [];
  let i = 0;
  for (;;) {
    while (i < bytes.length && WHITESPACE.has(bytes[i])) i++;
    if (i >= bytes.length) return values;
    const end = scanValue(bytes, i);
    values.push(JSON.parse(bytes.subarray(i, end).toString('utf8')));
    i = end;
  }
}
