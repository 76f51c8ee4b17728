/**
 * The sorted object keys of one loaded list query (see object-cache.ts).
 * In a large settle, writes add and remove keys far more often than the list
 * is read. For example, a rolling update of a large Deployment creates and
 * deletes thousands of pods between two syncs of their ReplicaSet. Changes are
 * therefore collected and merged into the sorted array when it is read, so a
 * write costs a binary search instead of moving every key after its place.
 */

/**
 * Returns an array of `length` slots for keys, which the caller fills. Every
 * key array of a SortedKeys comes from here, so all of them have one V8
 * elements kind (holey, any value). The optimized code of the cache's write
 * and list paths checks the array's map. Before, a filtered array (packed) or
 * an empty `new Array(0)` (small-integer kind) reached that code after it was
 * optimized, and V8 deoptimized and compiled it again (node 20).
 */
export function newKeyArray(length: number): string[] {
  if (length > 0) return new Array<string>(length);
  // Storing a string moves the array to the any-value kind, and shortening it keeps that kind.
  const out = new Array<string>(1);
  out[0] = '';
  out.length = 0;
  return out;
}

/** Returns the index in sorted `keys` where `key` is or would be inserted. */
function bisect(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedKeys {
  /** Keys added since the last merge that `sorted` lacks. */
  private added = new Set<string>();
  /** Keys of `sorted` removed since the last merge. */
  private removed = new Set<string>();

  /** Takes ownership of `sorted`, which must be in ascending order without duplicates (the cache makes it with newKeyArray()). */
  constructor(private sorted: string[]) {}

  /** Adds a key unless it is already present. */
  add(key: string): void {
    if (this.removed.size > 0 && this.removed.delete(key)) return;
    if (this.added.has(key)) return;
    const at = bisect(this.sorted, key);
    if (this.sorted[at] !== key) this.added.add(key);
  }

  /** Removes a key if it is present. */
  delete(key: string): void {
    if (this.added.size > 0 && this.added.delete(key)) return;
    const at = bisect(this.sorted, key);
    if (this.sorted[at] === key) this.removed.add(key);
  }

  /** Returns the keys in ascending order. The array is this object's own, so callers must not change it. */
  keys(): string[] {
    if (this.added.size === 0 && this.removed.size === 0) return this.sorted;
    const removed = this.removed;
    let remaining = this.sorted;
    if (removed.size > 0) {
      // Every removed key is in `sorted` (see delete()), so the remaining count is known.
      remaining = newKeyArray(this.sorted.length - removed.size);
      let n = 0;
      for (const k of this.sorted) if (!removed.has(k)) remaining[n++] = k;
    }
    if (this.added.size === 0) {
      this.sorted = remaining;
    } else {
      const added = [...this.added].sort();
      const merged = newKeyArray(remaining.length + added.length);
      let i = 0;
      let j = 0;
      let n = 0;
      while (i < remaining.length && j < added.length) merged[n++] = remaining[i] < added[j] ? remaining[i++] : added[j++];
      while (i < remaining.length) merged[n++] = remaining[i++];
      while (j < added.length) merged[n++] = added[j++];
      this.sorted = merged;
    }
    this.added.clear();
    this.removed.clear();
    return this.sorted;
  }
}
