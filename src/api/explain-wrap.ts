/**
 * Word wrapping and indenting exactly as kubectl explain does them, so that
 * kubesim's explain output matches kubectl's byte for byte.
 */

const NBSP = '\u00a0';

function isSpace(ch: string): boolean {
  return /\s/u.test(ch) && ch !== NBSP;
}

/**
 * Wraps text at `limit` characters (counted in code points) the way kubectl's
 * word-wrap writer does: existing newlines are kept, a word longer than the
 * limit stays whole on its own line, and the spaces at a break are dropped.
 */
export function wrapText(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;

  for (const ch of text) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }

  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** Prefixes every line, blank ones included, with `amount` spaces. */
export function indentText(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join('\n' + pad);
}
