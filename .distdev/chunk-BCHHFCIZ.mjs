import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  findResource,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  alreadyExists,
  conflict,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/store/store.ts
function qualified(resource) {
  const r = findResource(resource);
  return r ? resourceString(r) : resource;
}
function isoTime(ms) {
  return new Date(Math.floor(ms / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
function ownerUidOf(obj) {
  const refs = obj.metadata.ownerReferences;
  if (!refs || refs.length === 0) return null;
  return (refs.find((r) => r.controller) ?? refs[0]).uid;
}
var Store = class {
  constructor(db, now) {
    this.db = db;
    this.now = now;
  }
  db;
  now;
  depth = 0;
  /** Increments with every outermost transaction, so callers can cache reads for one transaction. */
  txSerial = 0;
  rv = 0;
  queued = /* @__PURE__ */ new Set();
  stmts = {};
  admission;
  hooks = [];
  stmt(sql) {
    let s = this.stmts[sql];
    if (!s) s = this.stmts[sql] = this.db.prepare(sql);
    return s;
  }
  /** Runs fn in one IMMEDIATE transaction; nested calls join the outer one. */
  tx(fn) {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    this.db.exec("BEGIN IMMEDIATE");
    this.depth = 1;
    this.txSerial++;
    this.rv = Number(this.getMeta("rv") ?? "0");
    const startRv = this.rv;
    try {
      const result = fn();
      if (this.rv !== startRv) this.setMeta("rv", String(this.rv));
      this.db.exec("COMMIT");
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw err;
    } finally {
      this.depth = 0;
      this.queued.clear();
    }
  }
  get inTx() {
    return this.depth > 0;
  }
  getMeta(key) {
    const row = this.stmt("SELECT value FROM meta WHERE key = ?").get(key);
    return row?.value;
  }
  setMeta(key, value) {
    this.stmt("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
  }
  get(resource, namespace, name) {
    const row = this.stmt("SELECT data FROM objects WHERE resource = ? AND namespace = ? AND name = ?").get(resource, namespace, name);
    return row ? JSON.parse(row.data) : void 0;
  }
  getByUid(uid) {
    const row = this.stmt("SELECT resource, data FROM objects WHERE uid = ?").get(uid);
    return row ? { resource: row.resource, obj: JSON.parse(row.data) } : void 0;
  }
  /** Lists objects of a resource, in one namespace or (namespace undefined) all, sorted by namespace and name. */
  list(resource, namespace, opts = {}) {
    let rows;
    if (opts.owner !== void 0) {
      rows = this.stmt("SELECT data FROM objects WHERE owner = ? AND resource = ? ORDER BY namespace, name").all(opts.owner, resource);
    } else if (opts.node !== void 0) {
      rows = this.stmt("SELECT data FROM objects WHERE node = ? AND resource = ? ORDER BY namespace, name").all(opts.node, resource);
    } else if (namespace === void 0) {
      rows = this.stmt("SELECT data FROM objects WHERE resource = ? ORDER BY namespace, name").all(resource);
    } else {
      rows = this.stmt("SELECT data FROM objects WHERE resource = ? AND namespace = ? ORDER BY name").all(resource, namespace);
    }
    const out = rows.map((r) => JSON.parse(r.data));
    return namespace !== void 0 && (opts.owner !== void 0 || opts.node !== void 0) ? out.filter((o) => (o.metadata.namespace ?? "") === namespace) : out;
  }
  /** Lists pods not yet bound to a node. */
  listUnscheduledPods() {
    const rows = this.stmt("SELECT data FROM objects WHERE resource = 'pods' AND node IS NULL ORDER BY namespace, name").all();
    return rows.map((r) => JSON.parse(r.data));
  }
  /** Counts objects of a resource without loading them. */
  count(resource, namespace) {
    const row = namespace === void 0 ? this.stmt("SELECT count(*) AS n FROM objects WHERE resource = ?").get(resource) : this.stmt("SELECT count(*) AS n FROM objects WHERE resource = ? AND namespace = ?").get(resource, namespace);
    return row.n;
  }
  nextRv() {
    if (this.depth === 0) throw new Error("store write outside a transaction");
    this.rv += 1;
    return String(this.rv);
  }
  /** Generates a uid from the cluster's seeded generator so runs repeat. */
  newUid = () => {
    throw new Error("store.newUid is not wired");
  };
  /** Picks a generateName suffix; wired by the engine to the seeded generator. */
  randomSuffix = () => {
    throw new Error("store.randomSuffix is not wired");
  };
  /** Creates an object; fills uid, resourceVersion, generation and creationTimestamp. */
  create(resource, input) {
    return this.tx(() => {
      const obj = structuredClone(input);
      const meta = obj.metadata ?? (obj.metadata = { name: "" });
      if (!meta.name && meta.generateName) {
        const base = meta.generateName.slice(0, 58);
        for (let attempt = 0; ; attempt++) {
          meta.name = base + this.randomSuffix();
          if (!this.get(resource, meta.namespace ?? "", meta.name) || attempt > 8) break;
        }
      }
      meta.uid = this.newUid();
      meta.creationTimestamp = isoTime(this.now());
      this.admission?.(resource, obj, void 0, "create");
      const ns = meta.namespace ?? "";
      if (this.get(resource, ns, meta.name)) throw alreadyExists(qualified(resource), meta.name);
      meta.resourceVersion = this.nextRv();
      if (resource !== "pods" && resource !== "events" && obj.spec !== void 0) meta.generation = 1;
      delete meta.deletionTimestamp;
      this.stmt("INSERT INTO objects(resource, namespace, name, uid, rv, owner, node, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
        resource,
        ns,
        meta.name,
        meta.uid,
        Number(meta.resourceVersion),
        ownerUidOf(obj),
        obj.spec?.nodeName ?? null,
        JSON.stringify(obj)
      );
      for (const h of this.hooks) h(resource, obj, void 0);
      return obj;
    });
  }
  /**
   * Replaces an object. The caller's resourceVersion must be the stored one
   * (a stale one is a Conflict and nothing is written); an empty one skips the check.
   */
  update(resource, input) {
    return this.tx(() => {
      const obj = structuredClone(input);
      const meta = obj.metadata;
      const ns = meta.namespace ?? "";
      const old = this.get(resource, ns, meta.name);
      if (!old) throw notFound(qualified(resource), meta.name);
      if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
        throw conflict(qualified(resource), meta.name);
      }
      meta.uid = old.metadata.uid;
      meta.creationTimestamp = old.metadata.creationTimestamp;
      if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
      this.admission?.(resource, obj, old, "update");
      if (old.metadata.generation !== void 0) {
        meta.generation = JSON.stringify(obj.spec) === JSON.stringify(old.spec) ? old.metadata.generation : old.metadata.generation + 1;
      }
      meta.resourceVersion = old.metadata.resourceVersion;
      if (JSON.stringify(obj) === JSON.stringify(old)) return old;
      meta.resourceVersion = this.nextRv();
      this.stmt("UPDATE objects SET rv = ?, owner = ?, node = ?, data = ? WHERE resource = ? AND namespace = ? AND name = ?").run(
        Number(meta.resourceVersion),
        ownerUidOf(obj),
        obj.spec?.nodeName ?? null,
        JSON.stringify(obj),
        resource,
        ns,
        meta.name
      );
      for (const h of this.hooks) h(resource, obj, old);
      return obj;
    });
  }
  /** Removes an object from storage now (finalizers and grace periods are the caller's business). */
  remove(resource, namespace, name) {
    return this.tx(() => {
      const old = this.get(resource, namespace, name);
      if (!old) return void 0;
      this.admission?.(resource, old, old, "delete");
      this.stmt("DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?").run(resource, namespace, name);
      this.nextRv();
      if (resource === "pods") this.stmt("DELETE FROM logs WHERE pod_uid = ?").run(old.metadata.uid);
      for (const h of this.hooks) h(resource, void 0, old);
      return old;
    });
  }
  /** Queues `key` for `controller`; a key already queued keeps its place. */
  enqueue(controller, key) {
    const k = controller + "\0" + key;
    if (this.queued.has(k)) return;
    this.queued.add(k);
    this.stmt("INSERT OR IGNORE INTO queue(controller, key) VALUES (?, ?)").run(controller, key);
  }
  /** Drops the in-transaction memory of a queued key after it was taken off the queue. */
  forgetQueued(controller, key) {
    this.queued.delete(controller + "\0" + key);
  }
  addTimer(due, controller, key) {
    this.stmt("INSERT OR IGNORE INTO timers(due, controller, key) VALUES (?, ?, ?)").run(Math.ceil(due), controller, key);
  }
  /** Appends container log lines; each line is visible once simulated time reaches its timestamp. */
  appendLogs(podUid, container, attempt, lines) {
    const st = this.stmt("INSERT INTO logs(pod_uid, container, attempt, ts, stream, line) VALUES (?, ?, ?, ?, ?, ?)");
    for (const l of lines) st.run(podUid, container, attempt, Math.floor(l.ts), l.stream, l.line);
  }
  /** Reads the log lines of one container attempt up to `until` (ms). */
  readLogs(podUid, container, attempt, until) {
    return this.stmt("SELECT ts, stream, line FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND ts <= ? ORDER BY ts, id").all(
      podUid,
      container,
      attempt,
      until
    );
  }
  /** Drops log lines that a killed container never got to print. */
  truncateLogs(podUid, container, attempt, after) {
    this.stmt("DELETE FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND ts > ?").run(podUid, container, attempt, after);
  }
};

export {
  isoTime,
  ownerUidOf,
  Store
};
