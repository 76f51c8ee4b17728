/**
 * Mapping key order of go-yaml v2 (its keyList.Less), which kubectl's YAML
 * inherits: not plain byte order, because runs of digits compare by numeric
 * value (`a2` before `a10`) and non-letters sort before letters.
 */

const isLetter = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return isAsciiLetter(code);
  return /\p{L}/u.test(c);
};
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Compares two mapping keys in go-yaml v2 order, for Array.prototype.sort.
 * NOTE: the order is not transitive for some keys that mix digits and
 * symbols (`1-?`, `09x`, `0o:`). kubectl then sorts Go's randomly ordered
 * map keys into varying orders from run to run, so no fixed order can match.
 */
export function compareYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return yamlKeyLess(a, b) ? -1 : 1;
}

function yamlKeyLess(a: string, b: string): boolean {
  // Most keys first differ at two ASCII letters, or one is a prefix of the other: those
  // compare without splitting the keys into code points. The rest take the full comparison.
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) {
    const last = i > 0 ? a.charCodeAt(i - 1) : 0;
    if (last < 0xd800 || last > 0xdbff) return a.length < b.length;
  } else if (isAsciiLetter(a.charCodeAt(i)) && isAsciiLetter(b.charCodeAt(i))) {
    return a.charCodeAt(i) < b.charCodeAt(i);
  }
  return yamlKeyLessByCodePoint(a, b);
}

function yamlKeyLessByCodePoint(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;

    const aLetter = isLetter(ar[i]);
    const bLetter = isLetter(br[i]);
    if (aLetter && bLetter) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (aLetter || bLetter) return bLetter;

    // Both keys differ inside a number: if a non-zero digit precedes a
    // differing '0', both counters start at 1 so that zero is not leading.
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);

    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}
