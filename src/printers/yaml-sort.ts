/**
 * Mapping key order of go-yaml v2 (its keyList.Less), which kubectl's YAML
 * inherits: not plain byte order, because runs of digits compare by numeric
 * value (`a2` before `a10`) and non-letters sort before letters.
 */

const isLetter = (c: string) => /\p{L}/u.test(c);
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
