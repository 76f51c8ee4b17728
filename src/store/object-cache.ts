/**
 * The store's read cache: decoded objects and the results of list queries,
 * kept while this process's view of the store is current, as an informer's
 * cache is in a controller. Writes update the cache as they are staged for
 * SQLite (the store writes rows behind, at commit), so a controller that lists the same owner's
 * pods on every sync decodes each pod once, not once per sync.
 *
 * The store drops the whole cache whenever its view may be stale: another
 * process committed a write, or a transaction or savepoint rolled back.
 * Cached objects are frozen and shared: list() hands them out as they are,
 * and anything that wants to change one works on a copy.
 */
import type { KObject } from '../api/types.js';
import { SortedKeys, newKeyArray } from './sorted-keys.js';

/** One stored object's row: its JSON and the indexed columns. */
export interface CachedRow {
  data: string;
  owner: string | null;
  node: string | null;
  /** Time of the write (ms, whole seconds) for column last_write, set only on rows this process wrote of resources that record it. */
  lastWrite?: number;
}

interface Entry extends CachedRow {
  namespace: string;
  /** The decoded, frozen object, made on first use. */
  obj?: KObject;
}

/**
 * The row of an object this process wrote, encoded on first use: an object
 * written again or deleted before its row reaches SQLite is never encoded.
 * `obj` is the cache's own copy, which nothing changes.
 */
export class EncodedRow implements Entry {
  private text: string | undefined;
  namespace = '';
  constructor(
    readonly obj: KObject,
    readonly owner: string | null,
    readonly node: string | null,
  ) {}

  get data(): string {
    return (this.text ??= JSON.stringify(this.obj));
  }

  /** Drops the encoded text once SQLite has it, so a cached object does not keep its JSON twice; it is encoded again if read. */
  release(): void {
    this.text = undefined;
  }
}

/** Above this many cached objects the cache starts again empty, to bound memory. */
const MAX_ENTRIES = 40_000;

/** Above this many known-absent uncached objects that record starts again empty. */
const MAX_ABSENT_UNCACHED = 10_000;

/**
 * Resources written far more often than read back (events: one or more per
 * pod transition): caching them would only use memory.
 */
const UNCACHED = new Set(['events']);

/**
 * Whether shared objects are frozen. Freezing a 2 KB pod measured slower than
 * copying it, so it is on where mistakes should surface (tests, or
 * KUBESIM_FREEZE=1) and off otherwise.
 */
const FREEZE = Boolean(process.env.VITEST || process.env.KUBESIM_FREEZE);

/** Freezes a decoded JSON value and everything in it (when FREEZE is on). */
export function deepFreeze<T>(value: T): T {
  if (FREEZE) freezeAll(value);
  return value;
}

function freezeAll<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (const item of value) freezeAll(item);
    } else {
      for (const key in value) freezeAll((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/** Arguments and result of the last entryKey() call, which it returns again for the same names. */
let lastResource = '';
let lastNamespace = '';
let lastName = '';
let lastKey = '\u0000\u0000';

/**
 * Returns the key of one object in the cache and in the store's pending
 * writes. One read or write looks the same object up several times, so the
 * last key is returned again for the same names. A new key string costs a
 * concatenation, and V8 flattens and hashes it again on its first map lookup.
 */
export function entryKey(resource: string, namespace: string, name: string): string {
  if (name === lastName && namespace === lastNamespace && resource === lastResource) return lastKey;
  lastResource = resource;
  lastNamespace = namespace;
  lastName = name;
  lastKey = resource + '\u0000' + namespace + '\u0000' + name;
  return lastKey;
}

/** Returns the index keys of the list queries that include a row: all, by namespace, by owner, by node, unscheduled. */
export function indexKeys(resource: string, namespace: string, row: CachedRow): string[] {
  const keys = ['a\u0000' + resource, 's\u0000' + resource + '\u0000' + namespace];
  if (row.owner !== null) keys.push('o\u0000' + resource + '\u0000' + row.owner);
  keys.push(row.node !== null ? 'n\u0000' + resource + '\u0000' + row.node : 'u\u0000' + resource);
  return keys;
}

/** Returns the index key of a list query (see indexKeys). */
export function queryKey(resource: string, namespace: string | undefined, opts: { owner?: string; node?: string; unscheduled?: boolean }): string {
  if (opts.owner !== undefined) return 'o\u0000' + resource + '\u0000' + opts.owner;
  if (opts.node !== undefined) return 'n\u0000' + resource + '\u0000' + opts.node;
  if (opts.unscheduled) return 'u\u0000' + resource;
  if (namespace === undefined) return 'a\u0000' + resource;
  return 's\u0000' + resource + '\u0000' + namespace;
}

export class ObjectCache {
  /** Object key to its entry; null records an object known to be absent. */
  private entries = new Map<string, Entry | null>();
  /**
   * Keys of uncached resources' objects known to be absent. An event is
   * looked up before it is created, and the create checks again, so the
   * second lookup needs no query.
   */
  private absentUncached = new Set<string>();
  /** Loaded list queries: index key to the sorted object keys that match it. */
  private indexes = new Map<string, SortedKeys>();
  /**
   * Loaded list queries' results as handed out, until a write touches the
   * query. A caller that lists again with nothing changed gets the same
   * array, and can tell so by identity.
   */
  private results = new Map<string, KObject[]>();

  clear(): void {
    this.entries.clear();
    this.absentUncached.clear();
    this.indexes.clear();
    this.results.clear();
  }

  /** Reports whether objects of a resource are cached, so a writer copies an object for the cache only when it is. */
  caches(resource: string): boolean {
    return !UNCACHED.has(resource);
  }

  /** Returns the cached row of an object: the row, null when known absent, undefined when not cached. */
  row(resource: string, namespace: string, name: string): CachedRow | null | undefined {
    const key = entryKey(resource, namespace, name);
    // absentUncached contains only keys of uncached resources, so a cached resource skips that lookup.
    if (this.absentUncached.size > 0 && UNCACHED.has(resource)) return this.absentUncached.has(key) ? null : undefined;
    return this.entries.get(key);
  }

  /** Returns the cache's own decoded object for a cached row (decoded once per version, frozen under tests). */
  shared(resource: string, namespace: string, name: string): KObject | undefined {
    const e = this.entries.get(entryKey(resource, namespace, name));
    return e ? this.decode(e) : undefined;
  }

  /** Returns the cache's own decoded object if it is decoded already; a caller about to copy an undecoded one parses the row itself. */
  decoded(resource: string, namespace: string, name: string): KObject | undefined {
    return this.entries.get(entryKey(resource, namespace, name))?.obj;
  }

  private decode(e: Entry): KObject {
    return (e.obj ??= deepFreeze(JSON.parse(e.data) as KObject));
  }

  /** Records what SQLite returned for one object (a row, or undefined when absent). */
  remember(resource: string, namespace: string, name: string, row: CachedRow | undefined): void {
    if (UNCACHED.has(resource)) {
      if (row) return;
      if (this.absentUncached.size >= MAX_ABSENT_UNCACHED) this.absentUncached.clear();
      this.absentUncached.add(entryKey(resource, namespace, name));
      return;
    }
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    this.entries.set(entryKey(resource, namespace, name), row ? { ...row, namespace } : null);
  }

  /**
   * Returns the result of a loaded list query, as frozen objects in
   * namespace and name order. The same array is returned until a write
   * touches the query, so callers must not change it (it is frozen under tests).
   */
  listed(index: string): KObject[] | undefined {
    const result = this.results.get(index);
    if (result) return result;
    const keys = this.indexes.get(index)?.keys();
    if (!keys) return undefined;
    const out = new Array<KObject>(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.decode(this.entries.get(keys[i]) as Entry);
    this.results.set(index, FREEZE ? (Object.freeze(out) as KObject[]) : out);
    return out;
  }

  /** Stores the rows SQLite returned for a list query and returns them as frozen objects. */
  load(index: string, resource: string, rows: (CachedRow & { namespace: string; name: string })[]): KObject[] {
    if (UNCACHED.has(resource) || rows.length > MAX_ENTRIES) return rows.map((r) => deepFreeze(JSON.parse(r.data) as KObject));
    if (this.entries.size + rows.length >= MAX_ENTRIES) this.clear();
    const keys = newKeyArray(rows.length);
    const out = new Array<KObject>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const key = entryKey(resource, r.namespace, r.name);
      let e = this.entries.get(key);
      // While the cache is valid, SQLite stores exactly the objects this process wrote, so comparing would only encode them again.
      if (!e || (!(e instanceof EncodedRow) && e.data !== r.data)) {
        e = { data: r.data, owner: r.owner, node: r.node, namespace: r.namespace };
        this.entries.set(key, e);
      }
      keys[i] = key;
      out[i] = this.decode(e);
    }
    keys.sort();
    this.indexes.set(index, new SortedKeys(keys));
    this.results.set(index, FREEZE ? (Object.freeze(out) as KObject[]) : out);
    return out;
  }

  /** Drops the stored results of the loaded list queries that include an object before or after a write. */
  private dropResults(before: string[], after: string[]): void {
    for (const index of before) this.results.delete(index);
    for (const index of after) this.results.delete(index);
  }

  /**
   * Records a write staged for SQLite: `row` is the new row
   * (undefined after a delete), `old` the row it replaced (undefined after a
   * create), `obj` its decoded form if the caller has a private copy to
   * give. Loaded list queries gain and lose the object accordingly.
   */
  wrote(resource: string, namespace: string, name: string, row: CachedRow | undefined, old: CachedRow | undefined, obj?: KObject): void {
    if (UNCACHED.has(resource)) {
      if (this.absentUncached.size > 0) this.absentUncached.delete(entryKey(resource, namespace, name));
      return;
    }
    const key = entryKey(resource, namespace, name);
    if (row instanceof EncodedRow) {
      if (this.entries.size >= MAX_ENTRIES) this.clear();
      row.namespace = namespace;
      this.entries.set(key, row);
    } else if (row) {
      if (this.entries.size >= MAX_ENTRIES) this.clear();
      this.entries.set(key, { ...row, namespace, obj: obj && deepFreeze(obj) });
    } else {
      this.entries.set(key, null);
    }
    if (this.indexes.size === 0) return;
    if (old && row && old.owner === row.owner && old.node === row.node) {
      // The object stays in the same list queries (most updates), so only their stored results change.
      if (this.results.size > 0) for (const index of indexKeys(resource, namespace, row)) this.results.delete(index);
      return;
    }
    const before = old ? indexKeys(resource, namespace, old) : [];
    const after = row ? indexKeys(resource, namespace, row) : [];
    if (this.results.size > 0) this.dropResults(before, after);
    for (const index of before) {
      if (!after.includes(index)) this.indexes.get(index)?.delete(key);
    }
    for (const index of after) {
      if (!before.includes(index)) this.indexes.get(index)?.add(key);
    }
  }
}
