/**
 * Opens a cluster's SQLite file: WAL mode, a busy timeout so concurrent
 * commands wait for each other instead of failing, and schema migrations.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;

/** Statement factory: the store passes its cache of prepared statements to the modules that share its tables. */
export type Prepare = (sql: string) => any;

/** Each entry migrates the schema from version N to N+1; append only. */
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE objects (
     resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
     uid TEXT NOT NULL, rv INTEGER NOT NULL, owner TEXT, node TEXT,
     data TEXT NOT NULL,
     PRIMARY KEY (resource, namespace, name)) WITHOUT ROWID;
   CREATE UNIQUE INDEX objects_uid ON objects(uid);
   CREATE INDEX objects_owner ON objects(owner) WHERE owner IS NOT NULL;
   CREATE INDEX objects_node ON objects(node, resource) WHERE node IS NOT NULL;
   CREATE INDEX objects_unscheduled ON objects(resource) WHERE node IS NULL;
   CREATE TABLE timers (id INTEGER PRIMARY KEY, due INTEGER NOT NULL, controller TEXT NOT NULL, key TEXT NOT NULL);
   CREATE UNIQUE INDEX timers_unique ON timers(controller, key, due);
   CREATE INDEX timers_due ON timers(due);
   CREATE TABLE queue (id INTEGER PRIMARY KEY, controller TEXT NOT NULL, key TEXT NOT NULL);
   CREATE UNIQUE INDEX queue_unique ON queue(controller, key);
   CREATE TABLE logs (id INTEGER PRIMARY KEY, pod_uid TEXT NOT NULL, container TEXT NOT NULL,
     attempt INTEGER NOT NULL, ts INTEGER NOT NULL, stream TEXT NOT NULL, line TEXT NOT NULL);
   CREATE INDEX logs_pod ON logs(pod_uid, container, attempt, ts);`,
  // Objects hold kilobytes of JSON: a rowid table keeps them out of the key
  // B-tree, which made every write to a WITHOUT ROWID table move overflow pages.
  `CREATE TABLE objects_v2 (
     resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
     uid TEXT NOT NULL, rv INTEGER NOT NULL, owner TEXT, node TEXT,
     data TEXT NOT NULL);
   INSERT INTO objects_v2 SELECT resource, namespace, name, uid, rv, owner, node, data FROM objects;
   DROP TABLE objects;
   ALTER TABLE objects_v2 RENAME TO objects;
   CREATE UNIQUE INDEX objects_key ON objects(resource, namespace, name);
   CREATE UNIQUE INDEX objects_uid ON objects(uid);
   CREATE INDEX objects_owner ON objects(owner) WHERE owner IS NOT NULL;
   CREATE INDEX objects_node ON objects(node, resource) WHERE node IS NOT NULL;
   CREATE INDEX objects_unscheduled ON objects(resource) WHERE node IS NULL;`,
  // Container logs: one row per append batch instead of one per line, because
  // a container start writes all its planned lines at once. `lines` is a JSON
  // array of [ts, stream, line], and first_ts/last_ts bound its timestamps so
  // reads skip batches not yet visible. Old rows become one-line batches.
  `CREATE TABLE logs_v2 (id INTEGER PRIMARY KEY, pod_uid TEXT NOT NULL, container TEXT NOT NULL,
     attempt INTEGER NOT NULL, first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL, lines TEXT NOT NULL);
   INSERT INTO logs_v2(pod_uid, container, attempt, first_ts, last_ts, lines)
     SELECT pod_uid, container, attempt, ts, ts, json_array(json_array(ts, stream, line)) FROM logs ORDER BY id;
   DROP TABLE logs;
   ALTER TABLE logs_v2 RENAME TO logs;
   CREATE INDEX logs_pod ON logs(pod_uid, container, attempt, first_ts);`,
  // An index on each event's last write, so the --event-ttl sweep reads
  // only the events due. A later migration replaces it with an index on the last_write column.
  `CREATE INDEX objects_event_last_write ON objects(
     coalesce(json_extract(data, '$.lastTimestamp'), json_extract(data, '$.metadata.creationTimestamp')))
     WHERE resource = 'events';`,
  // Objects without an owner, by resource and namespace: a ReplicaSet looks
  // for orphan pods to adopt whenever its spec changes, which otherwise
  // reads every pod of the namespace.
  `CREATE INDEX objects_orphans ON objects(resource, namespace) WHERE owner IS NULL;`,
  // Uids are random, so every insert into their index writes a random page.
  // Nothing looks an event up by uid, and events are most of the inserts, so
  // the index leaves them out (Store.getByUid names the same condition).
  `DROP INDEX IF EXISTS objects_uid;
   CREATE UNIQUE INDEX objects_uid ON objects(uid) WHERE resource != 'events';`,
  // Only pod queries use the indexes of unscheduled and ownerless objects, yet
  // every event had an entry in both. Pods only: each event write skips two indexes.
  `DROP INDEX IF EXISTS objects_unscheduled;
   CREATE INDEX objects_unscheduled ON objects(resource) WHERE resource = 'pods' AND node IS NULL;
   DROP INDEX IF EXISTS objects_orphans;
   CREATE INDEX objects_orphans ON objects(resource, namespace) WHERE resource = 'pods' AND owner IS NULL;`,
  // Each event's last write as an integer column (ms, whole seconds) that the store sets on every write,
  // because the expression index it replaces parsed the event's JSON on every insert and delete.
  // Stored events get the second of their lastTimestamp (or creationTimestamp), which the expression read.
  // unixepoch() needs SQLite 3.38 or later, which better-sqlite3 bundles.
  `ALTER TABLE objects ADD COLUMN last_write INTEGER;
   UPDATE objects SET last_write = unixepoch(coalesce(json_extract(data, '$.lastTimestamp'), json_extract(data, '$.metadata.creationTimestamp'))) * 1000
     WHERE resource = 'events';
   DROP INDEX IF EXISTS objects_event_last_write;
   CREATE INDEX objects_event_last_write ON objects(last_write) WHERE resource = 'events';`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** WAL pages between automatic checkpoints of an ordinary command. */
const CHECKPOINT_PAGES = 10000;
/**
 * WAL pages between automatic checkpoints while a settle runs past its first
 * transaction (about 160 MB of WAL at 4 KiB pages). Each checkpoint copies
 * the pages written since the last one to the database file and syncs both files.
 * A long settle rewrites the same pod, index and event pages in many
 * transactions, so a wider window copies each page fewer times and syncs less often.
 * Closing the last connection checkpoints the rest.
 */
const LONG_RUN_CHECKPOINT_PAGES = 40000;

/**
 * Page count above which SQLite may write a long settle's changed pages to
 * the WAL before the transaction commits (PRAGMA cache_spill). By default it does
 * so once changed pages fill the 16 MiB cache. A settle transaction of a 10,000-pod
 * rolling update changes up to about 5,200 pages, so pages written early were
 * changed again, written again in place, and every frame after them was read
 * back to redo the WAL checksums at commit. Only changed pages go past the cache
 * size, so this costs memory only while a transaction has changed that many.
 * NOTE: SQLite also reads the number as an on/off flag from its lowest byte, so a
 * multiple of 256 such as 8192 turns spilling off (PRAGMA cache_spill then reads 0).
 */
const LONG_RUN_SPILL_PAGES = 8000;

/** SQLite's default cache_spill threshold: spill once the cache is full. */
const DEFAULT_SPILL_PAGES = 1;

/**
 * Tunes the connection for a long settle (`on`): a wider automatic checkpoint
 * window and a higher spill threshold. With `on` false it restores the ordinary
 * values, so a long-lived process such as the daemon keeps a short WAL between settles.
 */
export function tuneForLongSettle(db: Database, on: boolean): void {
  db.pragma(`wal_autocheckpoint = ${on ? LONG_RUN_CHECKPOINT_PAGES : CHECKPOINT_PAGES}`);
  db.pragma(`cache_spill = ${on ? LONG_RUN_SPILL_PAGES : DEFAULT_SPILL_PAGES}`);
}

let addonPath: string | undefined;

/**
 * Finds the compiled SQLite addon. Passing its path to the driver skips the
 * `bindings` package's directory search, which cost more than the rest of opening.
 */
function nativeBinding(): string | undefined {
  if (addonPath === undefined) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    const candidate = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    addonPath = existsSync(candidate) ? candidate : '';
  }
  return addonPath || undefined;
}

/** The databases this process opened, which it closes when it exits. */
const openDatabases = new Set<Database>();

/**
 * WAL size (bytes) up to which a process leaves the WAL at exit instead of
 * closing the database. Closing the last connection copies the WAL into the
 * database file and syncs both, which measured about 3 ms of an `apply`. The
 * next command reads a WAL left behind to rebuild its index (about 0.7 ms
 * per MB), as it does after a killed command.
 */
const KEEP_WAL_BYTES = 512 * 1024;

/** Reports whether `db`'s WAL is small enough to leave for the next command (see KEEP_WAL_BYTES). */
function leavesWal(db: Database): boolean {
  try {
    return statSync(`${db.name}-wal`).size <= KEEP_WAL_BYTES;
  } catch {
    return false;
  }
}

/**
 * Closes `db` when the process exits, if it is still open and its WAL has
 * grown past KEEP_WAL_BYTES. Closing writes the WAL back into the database
 * file, so later commands need not read it to open the database. The CLI
 * ends with process.exit(), which skips the addon's own close at exit.
 */
function closeAtExit(db: Database): void {
  if (openDatabases.size === 0) {
    process.once('exit', () => {
      for (const open of openDatabases) if (open.open && !leavesWal(open)) open.close();
    });
  }
  for (const known of openDatabases) if (!known.open) openDatabases.delete(known);
  openDatabases.add(db);
}

/** Opens (creating with mode 0600 if needed) and migrates a cluster database. */
export function openDatabase(file: string): Database {
  const isNew = !existsSync(file);
  if (isNew) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new BetterSqlite3(file, { nativeBinding: nativeBinding() });
  closeAtExit(db);
  db.pragma('busy_timeout = 30000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoint the WAL every 10,000 pages (about 40 MB) instead of 1,000: a large settle then copies
  // each page it rewrites to the database file a few times, not once per few hundred writes.
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  // 16 MiB of page cache: a larger one measured no faster on 10,000 pods and added to peak memory.
  db.pragma('cache_size = -16384');
  // Statement journals (one per SQL savepoint that writes) stay in memory instead of spilling to a
  // temporary file past 64 KiB: a reconcile's savepoint copies each page before changing it.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    const again = db.pragma('user_version', { simple: true }) as number;
    for (let v = again; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
