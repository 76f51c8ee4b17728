import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  planContainer,
  resolveImage
} from "./chunk-KP5HNRA6.mjs";
import {
  FOREGROUND_FINALIZER,
  deleteObject,
  listDependents
} from "./chunk-DJ5PGMHB.mjs";
import {
  Store,
  isoTime,
  ownerUidOf
} from "./chunk-BCHHFCIZ.mjs";
import {
  cpuMillis,
  parseQuantity,
  podRequests
} from "./chunk-OVYCYR4N.mjs";
import {
  DESIRED_REPLICAS_ANNOTATION,
  FOUND_NEW_RS_REASON,
  MIN_AVAILABLE_REASON,
  MIN_UNAVAILABLE_REASON,
  NEW_RS_AVAILABLE_REASON,
  NEW_RS_REASON,
  PAUSED_REASON,
  POD_TEMPLATE_HASH_LABEL,
  RESUMED_REASON,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  RS_UPDATED_REASON,
  SKIPPED_ANNOTATIONS,
  TIMED_OUT_REASON,
  activeReplicaSets,
  byCreation,
  conditionOf,
  deploymentComplete,
  deploymentProgressing,
  equalIgnoreHash,
  findNewReplicaSet,
  hasProgressDeadline,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  proportionFor,
  removeCondition,
  replicasOf,
  revisionOf,
  setCondition,
  setReplicasAnnotations,
  specReplicaCount,
  statusCount
} from "./chunk-HU757UHR.mjs";
import {
  admit
} from "./chunk-S655UEAA.mjs";
import {
  fromLabelSelector,
  matches
} from "./chunk-5SB2OD6E.mjs";
import {
  RESOURCES,
  versionNumber
} from "./chunk-54XMLGHN.mjs";
import {
  ApiError
} from "./chunk-IBKOI352.mjs";

// src/engine/home.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function homeDir() {
  return process.env.KUBESIM_HOME || join(homedir(), ".kubesim");
}
function clusterDir(name) {
  return join(homeDir(), "clusters", name);
}
function clusterFile(name) {
  return join(clusterDir(name), "state.db");
}
function clusterExists(name) {
  return existsSync(clusterFile(name));
}
function listClusterNames() {
  const dir = join(homeDir(), "clusters");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => existsSync(join(dir, n, "state.db"))).sort();
}
function readConfig() {
  const file = join(homeDir(), "config.json");
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    return { currentCluster: parsed.currentCluster || "default", namespaces: parsed.namespaces ?? {} };
  } catch {
    return { currentCluster: "default", namespaces: {} };
  }
}
function writeConfig(config) {
  mkdirSync(homeDir(), { recursive: true, mode: 448 });
  const file = join(homeDir(), "config.json");
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + "\n", { mode: 384 });
  renameSync(tmp, file);
}
function isValidClusterName(name) {
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63;
}

// src/store/db.ts
import { chmodSync, closeSync, existsSync as existsSync2, mkdirSync as mkdirSync2, openSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
var MIGRATIONS = [
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
   CREATE INDEX logs_pod ON logs(pod_uid, container, attempt, ts);`
];
var SCHEMA_VERSION = MIGRATIONS.length;
var driver;
function loadDriver() {
  if (!driver) driver = createRequire(import.meta.url)("better-sqlite3");
  return driver;
}
function openDatabase(file) {
  const isNew = !existsSync2(file);
  if (isNew) {
    mkdirSync2(dirname(file), { recursive: true, mode: 448 });
    closeSync(openSync(file, "a", 384));
    chmodSync(file, 384);
  }
  const Driver = loadDriver();
  const db = new Driver(file);
  db.pragma("busy_timeout = 30000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  migrate(db);
  return db;
}
function migrate(db) {
  const current = db.pragma("user_version", { simple: true });
  if (current >= SCHEMA_VERSION) return;
  db.exec("BEGIN IMMEDIATE");
  try {
    const again = db.pragma("user_version", { simple: true });
    for (let v = again; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec("COMMIT");
  } catch (err) {
    db.exec("ROLLBACK");
    throw err;
  }
}

// src/engine/settings.ts
var DEFAULT_SETTINGS = {
  clock: "wall",
  seed: 1,
  workers: 2,
  version: 132,
  versionString: "1.32",
  strictVersions: false,
  pullMs: 4e3,
  startMs: 1e3,
  pullFailMs: 3e4,
  pullTimeout: []
};

// src/engine/random.ts
var NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
function mix32(x) {
  x = Math.imul(x ^ x >>> 16, 2246822507);
  x = Math.imul(x ^ x >>> 13, 3266489909);
  return (x ^ x >>> 16) >>> 0;
}
function draw(seed, counter, lane = 0) {
  return mix32(mix32(seed ^ 2654435769) ^ mix32(counter * 668265261 + lane));
}
function nameSuffix(seed, counter, length = 5) {
  let s = "";
  for (let i = 0; i < length; i++) s += NAME_ALPHABET[draw(seed, counter, i) % NAME_ALPHABET.length];
  return s;
}
function uuid(seed, counter) {
  let hex = "";
  for (let i = 0; i < 4; i++) hex += draw(seed, counter, 100 + i).toString(16).padStart(8, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${(parseInt(hex[16], 16) & 3 | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// src/engine/debug.ts
var spec = process.env.KUBESIM_DEBUG ?? "";
var patterns = spec.split(",").map((s) => s.trim()).filter(Boolean).map((p) => new RegExp("^" + p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$"));
function debug(namespace) {
  const on = patterns.some((p) => p.test(namespace));
  if (!on) return () => {
  };
  return (message) => process.stderr.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${namespace} ${message}
`);
}

// src/engine/cluster.ts
var log = debug("engine");
var BATCH = 500;
var MAX_ROUNDS_PER_INSTANT = 2e4;
var Cluster = class {
  constructor(name, file = clusterFile(name)) {
    this.name = name;
    const db = openDatabase(file);
    this.store = new Store(db, () => this.sim);
    this.loadSettings();
    this.sim = Number(this.store.getMeta("simTime") ?? "0");
    this.store.newUid = () => uuid(this.settings.seed, this.nextCounter());
    this.store.randomSuffix = () => nameSuffix(this.settings.seed, this.nextCounter());
    this.store.hooks.push((resource, obj, old) => this.notify(resource, obj, old));
  }
  name;
  store;
  settings = { ...DEFAULT_SETTINGS };
  sim = 0;
  controllers = /* @__PURE__ */ new Map();
  watchers = /* @__PURE__ */ new Map();
  /** Whether the cluster was bootstrapped (settings written). */
  get initialized() {
    return this.store.getMeta("settings") !== void 0;
  }
  loadSettings() {
    const raw = this.store.getMeta("settings");
    if (raw) this.settings = { ...DEFAULT_SETTINGS, ...JSON.parse(raw) };
  }
  saveSettings() {
    this.store.tx(() => this.store.setMeta("settings", JSON.stringify(this.settings)));
  }
  nextCounter() {
    const n = Number(this.store.getMeta("rngCounter") ?? "0") + 1;
    this.store.setMeta("rngCounter", String(n));
    return n;
  }
  /** The next seeded random 32-bit value (must be called inside a transaction). */
  random() {
    return draw(this.settings.seed, this.nextCounter(), 7);
  }
  /** Cluster time now: wall clock plus offset, or the manual clock's value. */
  clockNow() {
    const offset = Number(this.store.getMeta("clockOffset") ?? "0");
    if (this.settings.clock === "manual") return Number(this.store.getMeta("manualNow") ?? "0");
    return Math.floor(Date.now() / 1e3) * 1e3 + offset;
  }
  /** Simulated time the cluster has been settled to. */
  get simNow() {
    return this.sim;
  }
  /** Moves the clock forward by `ms` (the settle that follows runs what fell due). */
  advanceClock(ms) {
    this.store.tx(() => {
      if (this.settings.clock === "manual") {
        this.store.setMeta("manualNow", String(Number(this.store.getMeta("manualNow") ?? "0") + ms));
      } else {
        this.store.setMeta("clockOffset", String(Number(this.store.getMeta("clockOffset") ?? "0") + ms));
      }
    });
  }
  register(controllers) {
    for (const c of controllers) {
      this.controllers.set(c.name, c);
      for (const [resource, mapper2] of Object.entries(c.watches)) {
        const list = this.watchers.get(resource) ?? [];
        list.push([c.name, mapper2]);
        this.watchers.set(resource, list);
      }
    }
  }
  notify(resource, obj, old) {
    const list = this.watchers.get(resource);
    if (!list) return;
    for (const [controller, mapper2] of list) {
      const keys = mapper2(obj, old);
      if (!keys) continue;
      if (typeof keys === "string") this.store.enqueue(controller, keys);
      else for (const k of keys) this.store.enqueue(controller, k);
    }
  }
  context(controller) {
    return {
      store: this.store,
      settings: this.settings,
      now: () => this.sim,
      wakeAt: (ms, key) => this.store.addTimer(Math.max(ms, this.sim), controller, key),
      random: () => this.random()
    };
  }
  /** Catches up with the stored simulated time written by other processes (inside a transaction). */
  syncSim() {
    this.sim = Math.max(this.sim, Number(this.store.getMeta("simTime") ?? "0"));
  }
  /**
   * Runs everything that falls due up to `target` (default: the clock's now),
   * in time order. Returns the number of reconciles run.
   */
  settle(target = this.clockNow()) {
    let total = 0;
    for (; ; ) {
      total += this.drainQueue();
      const row = this.store.db.prepare("SELECT min(due) AS due FROM timers").get();
      if (row.due === null || row.due > target) break;
      const due = row.due;
      this.store.tx(() => {
        this.syncSim();
        this.sim = Math.max(this.sim, due);
        this.store.setMeta("simTime", String(this.sim));
        const timers = this.store.db.prepare("SELECT id, controller, key FROM timers WHERE due <= ?").all(this.sim);
        this.store.db.prepare("DELETE FROM timers WHERE due <= ?").run(this.sim);
        for (const t of timers) this.store.enqueue(t.controller, t.key);
      });
    }
    if (target > this.sim) {
      this.store.tx(() => {
        this.syncSim();
        this.sim = Math.max(this.sim, target);
        this.store.setMeta("simTime", String(this.sim));
      });
    }
    return total;
  }
  /** Drains the work queue at the current simulated instant. */
  drainQueue() {
    let total = 0;
    for (let round = 0; ; round++) {
      if (round >= MAX_ROUNDS_PER_INSTANT) {
        process.stderr.write(`kubesim: controllers did not settle at ${new Date(this.sim).toISOString()}; stopping this settle
`);
        return total;
      }
      const done = this.store.tx(() => {
        this.syncSim();
        const rows = this.store.db.prepare("SELECT id, controller, key FROM queue ORDER BY id LIMIT ?").all(BATCH);
        const del = this.store.db.prepare("DELETE FROM queue WHERE id = ?");
        for (const r of rows) {
          del.run(r.id);
          this.store.forgetQueued(r.controller, r.key);
          this.reconcileOne(r.controller, r.key);
        }
        return rows.length;
      });
      total += done;
      if (done === 0) return total;
    }
  }
  reconcileOne(name, key) {
    const c = this.controllers.get(name);
    if (!c) return;
    try {
      this.store.db.exec("SAVEPOINT reconcile");
      c.reconcile(this.context(name), key);
      this.store.db.exec("RELEASE reconcile");
    } catch (err) {
      this.store.db.exec("ROLLBACK TO reconcile");
      this.store.db.exec("RELEASE reconcile");
      if (err instanceof ApiError && err.reason === "Conflict") {
        this.store.enqueue(name, key);
        return;
      }
      log(`reconcile failed controller=${name} key=${key} error=${err.stack ?? err}`);
      if (process.env.KUBESIM_STRICT_RECONCILE) throw err;
    }
  }
};

// src/engine/controller.ts
function keyOf(obj) {
  return `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}
function splitKey(key) {
  const i = key.indexOf("/");
  return i < 0 ? ["", key] : [key.slice(0, i), key.slice(i + 1)];
}
function ownerKeyMapper(kind) {
  return (obj, old) => {
    const keys = [];
    for (const o of [obj, old]) {
      const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind);
      if (ref) keys.push(`${o.metadata.namespace ?? ""}/${ref.name}`);
    }
    return keys;
  };
}
var selfMapper = (obj, old) => {
  const o = obj ?? old;
  return o ? keyOf(o) : void 0;
};

// src/engine/events.ts
function hash(text) {
  let h1 = 2166136261;
  let h2 = 19088743;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 1540483477) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
function recordEvent(store, obj, type, reason, message, source2, fieldPath2) {
  const namespace = obj.metadata.namespace || "default";
  const key = [obj.metadata.uid, reason, message, source2.component, source2.host ?? "", fieldPath2 ?? ""].join("\0");
  const name = `${obj.metadata.name}.${hash(key)}`;
  const now = isoTime(store.now());
  const existing = store.get("events", namespace, name);
  if (existing) {
    existing.count = (existing.count ?? 1) + 1;
    existing.lastTimestamp = now;
    store.update("events", existing);
    return;
  }
  const involvedObject = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    resourceVersion: obj.metadata.resourceVersion,
    uid: obj.metadata.uid
  };
  if (fieldPath2) involvedObject.fieldPath = fieldPath2;
  if (!obj.metadata.namespace) delete involvedObject.namespace;
  store.create("events", {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace },
    involvedObject,
    reason,
    message,
    source: source2.host ? { component: source2.component, host: source2.host } : { component: source2.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source2.component,
    reportingInstance: source2.host ?? ""
  });
}

// src/controllers/scheduler/fit.ts
function tolerates(tolerations, taint) {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === "Exists";
    if (t.key !== taint.key) return false;
    return t.operator === "Exists" || (t.value ?? "") === (taint.value ?? "");
  });
}
function untoleratedTaint(pod, node) {
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect === "PreferNoSchedule") continue;
    if (!tolerates(pod.spec?.tolerations, taint)) return taint;
  }
  return void 0;
}
function matchExpression(labels, e) {
  const v = labels[e.key];
  switch (e.operator) {
    case "In":
      return v !== void 0 && (e.values ?? []).includes(v);
    case "NotIn":
      return v === void 0 || !(e.values ?? []).includes(v);
    case "Exists":
      return v !== void 0;
    case "DoesNotExist":
      return v === void 0;
    case "Gt":
      return v !== void 0 && Number(v) > Number(e.values?.[0]);
    case "Lt":
      return v !== void 0 && Number(v) < Number(e.values?.[0]);
  }
  return false;
}
function matchesNodeSelector(pod, node) {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (Array.isArray(terms) && terms.length > 0) {
    const ok = terms.some((term) => {
      const exprOk = (term.matchExpressions ?? []).every((e) => matchExpression(labels, e));
      const fieldOk = (term.matchFields ?? []).every((e) => matchExpression({ "metadata.name": node.metadata.name }, e));
      return exprOk && fieldOk;
    });
    if (!ok) return false;
  }
  return true;
}
function isNodeReady(node) {
  return (node.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

// src/controllers/scheduler/usage.ts
function contribution(pod) {
  if (!pod?.spec?.nodeName) return void 0;
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return void 0;
  const r = podRequests(pod);
  return { node: pod.spec.nodeName, usage: { pods: 1, cpu: r.cpu, memory: r.memory } };
}
function readUsage(store, node) {
  const raw = store.getMeta(`usage:${node}`);
  return raw ? JSON.parse(raw) : { pods: 0, cpu: 0, memory: 0 };
}
function addUsage(store, node, u, sign) {
  const cur = readUsage(store, node);
  cur.pods += sign * u.pods;
  cur.cpu += sign * u.cpu;
  cur.memory += sign * u.memory;
  store.setMeta(`usage:${node}`, JSON.stringify(cur));
}
function trackNodeUsage(store) {
  return (resource, obj, old) => {
    if (resource !== "pods") return;
    const before = contribution(old);
    const after = contribution(obj);
    if (before && after && before.node === after.node && before.usage.cpu === after.usage.cpu && before.usage.memory === after.usage.memory) return;
    if (before) addUsage(store, before.node, before.usage, -1);
    if (after) addUsage(store, after.node, after.usage, 1);
  };
}

// src/controllers/scheduler/scheduler.ts
var RETRY_ALL = "*";
var SOURCE = { component: "default-scheduler" };
var spreadCache = { serial: -1, counts: /* @__PURE__ */ new Map() };
function ownerSpread(ctx, owner) {
  if (spreadCache.serial !== ctx.store.txSerial) spreadCache = { serial: ctx.store.txSerial, counts: /* @__PURE__ */ new Map() };
  let m = spreadCache.counts.get(owner);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    const rows = ctx.store.db.prepare("SELECT node, count(*) AS n FROM objects WHERE owner = ? AND resource = 'pods' AND node IS NOT NULL GROUP BY node").all(owner);
    for (const r of rows) m.set(r.node, r.n);
    spreadCache.counts.set(owner, m);
  }
  return m;
}
function checkNode(pod, node, req, ctx) {
  if (!isNodeReady(node)) return { reason: "1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }" };
  if (node.spec?.unschedulable) return { reason: "1 node(s) were unschedulable" };
  const taint = untoleratedTaint(pod, node);
  if (taint) return { reason: `1 node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}` };
  if (!matchesNodeSelector(pod, node)) return { reason: "1 node(s) didn't match Pod's node affinity/selector" };
  const used = readUsage(ctx.store, node.metadata.name);
  const alloc = node.status?.allocatable ?? {};
  if (used.pods + 1 > Number(alloc.pods ?? 110)) return { reason: "1 Too many pods" };
  if (req.cpu > 0 && used.cpu + req.cpu > cpuMillis(alloc.cpu)) return { reason: "1 Insufficient cpu" };
  if (req.memory > 0 && used.memory + req.memory > parseQuantity(alloc.memory)) return { reason: "1 Insufficient memory" };
  return void 0;
}
function fitErrorMessage(total, misses) {
  const counts = /* @__PURE__ */ new Map();
  for (const m of misses) {
    const text = m.replace(/^1 /, "");
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([text, n]) => `${n} ${text}`).sort();
  return `0/${total} nodes are available: ${parts.join(", ")}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}
function schedulePod(ctx, pod, nodes) {
  const req = podRequests(pod);
  const feasible = [];
  const misses = [];
  for (const node of nodes) {
    const miss = checkNode(pod, node, req, ctx);
    if (miss) misses.push(miss.reason);
    else feasible.push(node);
  }
  if (feasible.length === 0) {
    markUnschedulable(ctx, pod, fitErrorMessage(nodes.length, misses));
    return;
  }
  const owner = ownerUidOf(pod);
  const spread = owner ? ownerSpread(ctx, owner) : void 0;
  let best = [];
  let bestScore = Infinity;
  for (const node of feasible) {
    const name = node.metadata.name;
    const score = (spread?.get(name) ?? 0) * 1e6 + readUsage(ctx.store, name).pods;
    if (score < bestScore) {
      bestScore = score;
      best = [node];
    } else if (score === bestScore) best.push(node);
  }
  const chosen = best[best.length === 1 ? 0 : ctx.random() % best.length];
  bind(ctx, pod, chosen.metadata.name);
  if (owner) spread.set(chosen.metadata.name, (spread.get(chosen.metadata.name) ?? 0) + 1);
}
function bind(ctx, pod, nodeName) {
  pod.spec.nodeName = nodeName;
  pod.status ??= {};
  pod.status.phase ??= "Pending";
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, "True", void 0, void 0, ctx.now());
  const bound = ctx.store.update("pods", pod);
  recordEvent(ctx.store, bound, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE);
}
function markUnschedulable(ctx, pod, message) {
  const prev = (pod.status?.conditions ?? []).find((c) => c.type === "PodScheduled");
  if (prev?.status === "False" && prev.message === message) return;
  pod.status ??= {};
  pod.status.phase = "Pending";
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, "False", "Unschedulable", message, ctx.now());
  const updated = ctx.store.update("pods", pod);
  recordEvent(ctx.store, updated, "Warning", "FailedScheduling", message, SOURCE);
}
function setScheduledCondition(pod, status, reason, message, now) {
  const conditions = (pod.status.conditions ?? []).filter((c2) => c2.type !== "PodScheduled");
  const c = { lastProbeTime: null, lastTransitionTime: new Date(Math.floor(now / 1e3) * 1e3).toISOString().replace(".000Z", "Z"), status, type: "PodScheduled" };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  conditions.push(c);
  pod.status.conditions = conditions;
}
function qosClass(pod) {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec?.containers ?? []) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ["cpu", "memory"]) {
      if (!lim[r] || req[r] !== void 0 && req[r] !== lim[r]) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
var scheduler = {
  name: "scheduler",
  watches: {
    pods: (obj, old) => {
      if (obj && !obj.spec?.nodeName && !obj.metadata.deletionTimestamp) return `${obj.metadata.namespace}/${obj.metadata.name}`;
      if (!obj && old?.spec?.nodeName) return RETRY_ALL;
      return void 0;
    },
    nodes: () => RETRY_ALL
  },
  reconcile(ctx, key) {
    const nodes = ctx.store.list("nodes");
    if (key === RETRY_ALL) {
      for (const pod2 of ctx.store.listUnscheduledPods()) if (!pod2.metadata.deletionTimestamp) schedulePod(ctx, pod2, nodes);
      return;
    }
    const [ns, name] = splitKey(key);
    const pod = ctx.store.get("pods", ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    schedulePod(ctx, pod, nodes);
  }
};

// src/controllers/garbagecollector/garbagecollector.ts
var mapper = (obj, old) => {
  const keys = [];
  if (!obj && old?.metadata.uid) {
    keys.push(old.metadata.uid);
    const owner = ownerUidOf(old);
    if (owner) keys.push(owner);
  }
  if (obj?.metadata.deletionTimestamp && obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER)) keys.push(obj.metadata.uid);
  return keys;
};
var garbageCollector = {
  name: "garbagecollector",
  watches: Object.fromEntries(RESOURCES.filter((r) => r.resource !== "events").map((r) => [r.resource, mapper])),
  reconcile(ctx, uid) {
    const owner = ctx.store.getByUid(uid);
    const dependents = listDependents(ctx.store, uid);
    if (owner && !owner.obj.metadata.deletionTimestamp) return;
    for (const d of dependents) {
      if (d.obj.metadata.deletionTimestamp && d.resource !== "pods") continue;
      if (d.resource === "pods" && d.obj.metadata.deletionTimestamp) continue;
      const foreground = owner ? "Foreground" : "Background";
      deleteObject(ctx.store, d.resource, d.obj.metadata.namespace ?? "", d.obj.metadata.name, { propagation: foreground });
    }
    if (owner && listDependents(ctx.store, uid).length === 0) {
      const obj = owner.obj;
      obj.metadata.finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
      if (obj.metadata.finalizers.length === 0) ctx.store.remove(owner.resource, obj.metadata.namespace ?? "", obj.metadata.name);
      else ctx.store.update(owner.resource, obj);
    }
  }
};

// src/kubelet/images.ts
function normalizeImage(image) {
  const info = resolveImage(image);
  return `${info.repository}:${info.tag}`;
}
function isPresentOnNode(node, image) {
  const want = normalizeImage(image);
  return (node?.status?.images ?? []).some((i) => (i.names ?? []).some((n) => normalizeImage(n) === want));
}
function pullOutcome(image, settings, seed) {
  const info = resolveImage(image);
  const normalized = `${info.repository}:${info.tag}`;
  const timesOut = settings.pullTimeout.some((p) => normalizeImage(p) === normalized || p === info.repository || p === image);
  if (timesOut) {
    const blob = (seed >>> 0).toString(16).padStart(8, "0");
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${fullRef(info.repository, info.tag)}": failed to resolve reference "${fullRef(info.repository, info.tag)}": failed to do request: Head "https://registry-1.docker.io/v2/${libraryPath(info.repository)}/manifests/${info.tag}": dial tcp 104.18.121.25:443: i/o timeout (request ${blob})`
    };
  }
  if (!info.exists) {
    const ref = fullRef(info.repository, info.tag);
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`
    };
  }
  return { ok: true, sizeBytes: info.sizeBytes };
}
function libraryPath(repository) {
  return repository.includes("/") ? repository.replace(/^docker\.io\//, "") : `library/${repository}`;
}
function fullRef(repository, tag) {
  const first = repository.split("/")[0];
  const hasRegistry = repository.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  return hasRegistry ? `${repository}:${tag}` : `docker.io/${libraryPath(repository)}:${tag}`;
}

// src/kubelet/ipam.ts
function allocatePodIP(store, node) {
  const cidr = node.spec?.podCIDR ?? "10.244.0.0/24";
  const base = cidr.split("/")[0].split(".").map(Number);
  const key = `ipam:${node.metadata.name}`;
  const next = Number(store.getMeta(key) ?? "2");
  store.setMeta(key, String(next >= 254 ? 2 : next + 1));
  return `${base[0]}.${base[1]}.${base[2]}.${next}`;
}

// src/kubelet/status.ts
function containerState(rec, now) {
  switch (rec.stage) {
    case "run":
      return { running: { startedAt: isoTime(rec.startedAt) } };
    case "done":
      if (rec.last) {
        return {
          terminated: {
            containerID: rec.containerId,
            exitCode: rec.last.exitCode,
            finishedAt: isoTime(rec.last.finishedAt),
            reason: rec.last.reason,
            startedAt: isoTime(rec.last.startedAt)
          }
        };
      }
      return { waiting: { reason: rec.waitingReason ?? "ContainerCreating" } };
    default: {
      const waiting = { reason: rec.waitingReason ?? "ContainerCreating" };
      if (rec.waitingMessage) waiting.message = rec.waitingMessage;
      void now;
      return { waiting };
    }
  }
}
function isReady(rec, now) {
  return rec.stage === "run" && (rec.readyAt ?? 0) <= now;
}
function condition(type, status, at, prev) {
  const old = prev.find((c2) => c2.type === type);
  const s = status ? "True" : "False";
  const c = { lastProbeTime: null, lastTransitionTime: old && old.status === s ? old.lastTransitionTime : at, status: s, type };
  return c;
}
function buildPodStatus(pod, record, now, version) {
  const status = { ...pod.status ?? {} };
  const at = isoTime(now);
  const specs = pod.spec.containers ?? [];
  const recs = specs.map((s) => record.containers[s.name]);
  status.containerStatuses = specs.map((spec2, i) => {
    const rec = recs[i];
    const cs = {
      containerID: rec.stage === "run" || rec.stage === "done" && rec.last || rec.last ? rec.containerId : void 0,
      image: spec2.image,
      imageID: rec.containerId ? `docker.io/library/${spec2.image.split("/").pop()}@sha256:${rec.containerId.slice(13).padEnd(64, "0")}` : "",
      lastState: rec.last && rec.stage !== "done" ? { terminated: { containerID: rec.containerId, exitCode: rec.last.exitCode, finishedAt: isoTime(rec.last.finishedAt), reason: rec.last.reason, startedAt: isoTime(rec.last.startedAt) } } : {},
      name: spec2.name,
      ready: isReady(rec, now),
      restartCount: rec.restarts,
      started: rec.stage === "run",
      state: containerState(rec, now)
    };
    if (cs.containerID === void 0) delete cs.containerID;
    return cs;
  });
  const allDone = recs.every((r) => r.stage === "done");
  const anyStarted = recs.some((r) => r.startedAt !== void 0);
  if (allDone && recs.every((r) => r.last)) {
    status.phase = recs.every((r) => r.last.exitCode === 0) ? "Succeeded" : "Failed";
  } else if (anyStarted) {
    status.phase = "Running";
  } else {
    status.phase = "Pending";
  }
  const ready = recs.every((r) => isReady(r, now));
  const prev = pod.status?.conditions ?? [];
  const scheduled = prev.find((c) => c.type === "PodScheduled");
  const conds = [];
  if (version >= 129) conds.push(condition("PodReadyToStartContainers", !allDone || status.phase === "Running", at, prev));
  conds.push(condition("Initialized", true, at, prev));
  const readyCond = condition("Ready", ready, at, prev);
  const containersReady = condition("ContainersReady", ready, at, prev);
  if (status.phase === "Succeeded") {
    readyCond.reason = containersReady.reason = "PodCompleted";
  } else if (!ready) {
    const notReady = specs.filter((_, i) => !isReady(recs[i], now)).map((s) => s.name);
    readyCond.reason = containersReady.reason = "ContainersNotReady";
    readyCond.message = containersReady.message = `containers with unready status: [${notReady.join(" ")}]`;
  }
  conds.push(readyCond, containersReady);
  if (scheduled) conds.push(scheduled);
  status.conditions = conds;
  return status;
}

// src/kubelet/kubelet.ts
function backoffMs(failures) {
  return Math.min(3e5, 1e4 * 2 ** Math.max(0, failures - 1));
}
var ERR_IMAGE_PULL_MS = 2e3;
function source(pod) {
  return { component: "kubelet", host: pod.spec.nodeName };
}
function fieldPath(name) {
  return `spec.containers{${name}}`;
}
function sec(ms) {
  return `${(ms / 1e3).toFixed(3).replace(/\.?0+$/, "")}s`;
}
function beginPull(ctx, pod, node, spec2, rec, emit) {
  const now = ctx.now();
  const always = spec2.imagePullPolicy === "Always";
  const never = spec2.imagePullPolicy === "Never";
  if (!always && isPresentOnNode(node, spec2.image)) {
    emit("Normal", "Pulled", `Container image "${spec2.image}" already present on machine`, spec2.name);
    rec.stage = "start";
    rec.until = now + ctx.settings.startMs;
    return;
  }
  if (never) {
    rec.stage = "done";
    rec.waitingReason = "ErrImageNeverPull";
    emit("Warning", "ErrImageNeverPull", `Container image "${spec2.image}" is not present with pull policy of Never`, spec2.name);
    return;
  }
  emit("Normal", "Pulling", `Pulling image "${spec2.image}"`, spec2.name);
  const outcome = pullOutcome(spec2.image, ctx.settings, ctx.settings.seed);
  rec.stage = "pull";
  rec.until = now + (outcome.ok ? ctx.settings.pullMs : ctx.settings.pullFailMs);
  void pod;
}
function finishPull(ctx, pod, node, spec2, rec, emit) {
  const at = rec.until;
  const outcome = pullOutcome(spec2.image, ctx.settings, ctx.settings.seed);
  if (!outcome.ok) {
    rec.pullFailures += 1;
    emit("Warning", "Failed", `Failed to pull image "${spec2.image}": ${outcome.message}`, spec2.name);
    emit("Warning", "Failed", "Error: ErrImagePull", spec2.name);
    rec.stage = "pullErr";
    rec.waitingReason = "ErrImagePull";
    rec.waitingMessage = `Failed to pull image "${spec2.image}": ${outcome.message}`;
    rec.until = at + ERR_IMAGE_PULL_MS;
    return void 0;
  }
  const took = ctx.settings.pullMs;
  const message = ctx.settings.version >= 128 ? `Successfully pulled image "${spec2.image}" in ${sec(took)} (${sec(took)} including waiting). Image size: ${outcome.sizeBytes} bytes.` : `Successfully pulled image "${spec2.image}"`;
  emit("Normal", "Pulled", message, spec2.name);
  rec.stage = "start";
  rec.until = at + ctx.settings.startMs;
  rec.waitingReason = "ContainerCreating";
  delete rec.waitingMessage;
  node.status.images ??= [];
  node.status.images.push({ names: [spec2.image], sizeBytes: outcome.sizeBytes });
  return node;
}
function startContainer(ctx, pod, spec2, rec, emit) {
  const at = rec.until;
  const created = ctx.settings.version >= 131 ? `Created container: ${spec2.name}` : `Created container ${spec2.name}`;
  emit("Normal", "Created", created, spec2.name);
  emit("Normal", "Started", `Started container ${spec2.name}`, spec2.name);
  const env = {};
  for (const e of spec2.env ?? []) if (e?.name) env[e.name] = String(e.value ?? "");
  const plan = planContainer(
    { name: spec2.name, image: spec2.image, command: spec2.command, args: spec2.args, env: spec2.env },
    {
      podName: pod.metadata.name,
      hostname: pod.spec.hostname ?? pod.metadata.name,
      podIP: pod.status?.podIP ?? "",
      namespace: pod.metadata.namespace ?? "default",
      nodeName: pod.spec.nodeName,
      startedAt: at,
      env
    }
  );
  ctx.store.appendLogs(
    pod.metadata.uid,
    spec2.name,
    rec.restarts,
    plan.output.map((o) => ({ ts: at + o.atMs, stream: o.stream, line: o.line }))
  );
  rec.stage = "run";
  rec.startedAt = at;
  rec.exitAt = plan.exit ? at + plan.exit.atMs : void 0;
  rec.exitCode = plan.exit?.code;
  rec.until = rec.exitAt;
  rec.ignoresSigterm = plan.ignoresSigterm;
  rec.terminationMs = plan.terminationMs;
  rec.serves = plan.serves;
  rec.version = plan.version;
  const delay = spec2.readinessProbe ? (spec2.readinessProbe.initialDelaySeconds ?? 0) * 1e3 : 0;
  rec.readyAt = at + delay;
  rec.containerId = `containerd://${(ctx.random().toString(16) + ctx.random().toString(16)).padEnd(16, "0")}`;
  delete rec.waitingReason;
  delete rec.waitingMessage;
}
function exitContainer(pod, spec2, rec, emit) {
  const code = rec.exitCode ?? 0;
  const at = rec.exitAt;
  rec.last = { exitCode: code, reason: code === 0 ? "Completed" : "Error", startedAt: rec.startedAt, finishedAt: at };
  const policy = pod.spec.restartPolicy ?? "Always";
  if (policy === "Always" || policy === "OnFailure" && code !== 0) {
    rec.restarts += 1;
    rec.stage = "wait";
    rec.until = at + backoffMs(rec.restarts);
    rec.waitingReason = "CrashLoopBackOff";
    rec.waitingMessage = `back-off ${Math.round(backoffMs(rec.restarts) / 1e3)}s restarting failed container=${spec2.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    if (rec.restarts > 1) emit("Warning", "BackOff", `Back-off restarting failed container ${spec2.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, spec2.name);
  } else {
    rec.stage = "done";
    rec.until = void 0;
  }
}
function advance(ctx, pod, node, spec2, rec, emit) {
  let nodeChanged = false;
  for (let guard = 0; guard < 50 && rec.until !== void 0 && rec.until <= ctx.now(); guard++) {
    switch (rec.stage) {
      case "pull":
        if (finishPull(ctx, pod, node, spec2, rec, emit)) nodeChanged = true;
        break;
      case "pullErr":
        emit("Normal", "BackOff", `Back-off pulling image "${spec2.image}"`, spec2.name);
        emit("Warning", "Failed", "Error: ImagePullBackOff", spec2.name);
        rec.stage = "pullWait";
        rec.waitingReason = "ImagePullBackOff";
        rec.waitingMessage = `Back-off pulling image "${spec2.image}"`;
        rec.until = rec.until + backoffMs(rec.pullFailures) - ERR_IMAGE_PULL_MS;
        break;
      case "pullWait": {
        const at = rec.until;
        emit("Normal", "Pulling", `Pulling image "${spec2.image}"`, spec2.name);
        const outcome = pullOutcome(spec2.image, ctx.settings, ctx.settings.seed);
        rec.stage = "pull";
        rec.until = at + (outcome.ok ? ctx.settings.pullMs : ctx.settings.pullFailMs);
        break;
      }
      case "start":
        startContainer(ctx, pod, spec2, rec, emit);
        break;
      case "run":
        exitContainer(pod, spec2, rec, emit);
        break;
      case "wait":
        rec.stage = "start";
        rec.until = rec.until + ctx.settings.startMs;
        rec.waitingReason = "CrashLoopBackOff";
        break;
      default:
        rec.until = void 0;
    }
  }
  return nodeChanged;
}
function initPod(ctx, pod, node, emit) {
  const record = { containers: {} };
  pod.status ??= {};
  pod.status.hostIP = (node.status?.addresses ?? []).find((a) => a.type === "InternalIP")?.address;
  pod.status.hostIPs = pod.status.hostIP ? [{ ip: pod.status.hostIP }] : void 0;
  if (!pod.spec.hostNetwork) {
    const ip = allocatePodIP(ctx.store, node);
    pod.status.podIP = ip;
    pod.status.podIPs = [{ ip }];
  } else {
    pod.status.podIP = pod.status.hostIP;
    pod.status.podIPs = pod.status.hostIPs;
  }
  pod.status.startTime = isoTime(ctx.now());
  for (const spec2 of pod.spec.containers ?? []) {
    const rec = { stage: "pull", restarts: 0, pullFailures: 0, waitingReason: "ContainerCreating" };
    record.containers[spec2.name] = rec;
    beginPull(ctx, pod, node, spec2, rec, emit);
  }
  return record;
}
function terminate(ctx, pod, record, emit) {
  const now = ctx.now();
  if (!record || pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") {
    ctx.store.remove("pods", pod.metadata.namespace, pod.metadata.name);
    return;
  }
  if (record.removeAt === void 0) {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1e3;
    let stopAt = now;
    for (const spec2 of pod.spec.containers ?? []) {
      const rec = record.containers[spec2.name];
      if (rec?.stage !== "run") continue;
      emit("Normal", "Killing", `Stopping container ${spec2.name}`, spec2.name);
      const stop = rec.ignoresSigterm ? grace : Math.min(grace, rec.terminationMs ?? 0);
      stopAt = Math.max(stopAt, now + stop);
    }
    record.killRequestedAt = now;
    record.removeAt = stopAt;
  }
  if (record.removeAt <= now) {
    ctx.store.remove("pods", pod.metadata.namespace, pod.metadata.name);
    return;
  }
  pod._sim = record;
  ctx.store.update("pods", pod);
  ctx.wakeAt(record.removeAt, `${pod.metadata.namespace}/${pod.metadata.name}`);
}
function reconcilePod(ctx, key) {
  const [ns, name] = splitKey(key);
  const pod = ctx.store.get("pods", ns, name);
  if (!pod || !pod.spec?.nodeName) return;
  const node = ctx.store.get("nodes", "", pod.spec.nodeName);
  if (!node || !isNodeReady(node)) return;
  const pending = [];
  const emit = (type, reason, message, container) => pending.push([type, reason, message, container]);
  const flush = (obj) => {
    for (const [type, reason, message, container] of pending) {
      recordEvent(ctx.store, obj, type, reason, message, source(pod), container ? fieldPath(container) : void 0);
    }
  };
  let record = pod._sim;
  if (pod.metadata.deletionTimestamp) {
    terminate(ctx, pod, record, emit);
    flush(pod);
    return;
  }
  if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return;
  if (!record) record = initPod(ctx, pod, node, emit);
  let nodeChanged = false;
  for (const spec2 of pod.spec.containers ?? []) {
    const rec = record.containers[spec2.name] ??= { stage: "pull", restarts: 0, pullFailures: 0, waitingReason: "ContainerCreating" };
    if (advance(ctx, pod, node, spec2, rec, emit)) nodeChanged = true;
  }
  pod._sim = record;
  pod.status = buildPodStatus(pod, record, ctx.now(), ctx.settings.version);
  const saved = ctx.store.update("pods", pod);
  if (nodeChanged) ctx.store.update("nodes", node);
  flush(saved);
  let next = Infinity;
  for (const rec of Object.values(record.containers)) {
    if (rec.until !== void 0) next = Math.min(next, rec.until);
    if (rec.stage === "run" && rec.readyAt !== void 0 && rec.readyAt > ctx.now()) next = Math.min(next, rec.readyAt);
  }
  if (next !== Infinity) ctx.wakeAt(next, key);
}
var kubelet = {
  name: "kubelet",
  watches: {
    pods: (obj, old) => {
      if (!obj?.spec?.nodeName) return void 0;
      const bound = !old?.spec?.nodeName;
      const deleting = obj.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp;
      return bound || deleting ? `${obj.metadata.namespace}/${obj.metadata.name}` : void 0;
    }
  },
  reconcile: reconcilePod
};

// src/controllers/replicaset/pods.ts
function isPodActive(pod) {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}
function readyCondition(pod) {
  return (pod.status?.conditions ?? []).find((c) => c.type === "Ready");
}
function isPodReady(pod) {
  return readyCondition(pod)?.status === "True";
}
function readySince(pod) {
  const c = readyCondition(pod);
  if (c?.status !== "True") return void 0;
  return c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : void 0;
}
function availableAt(pod, minReadySeconds) {
  if (!isPodReady(pod)) return void 0;
  const since = readySince(pod) ?? 0;
  return minReadySeconds > 0 ? since + minReadySeconds * 1e3 : since;
}
function controllerRef(obj) {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
function newControllerRef(owner) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true
  };
}
function podFromTemplate(owner, template) {
  const meta = template?.metadata ?? {};
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "",
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ownerReferences: [newControllerRef(owner)]
    },
    spec: structuredClone(template?.spec ?? {})
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  return pod;
}

// src/controllers/replicaset/claim.ts
function ownerSelector(owner) {
  const sel = owner.spec?.selector;
  if (!sel) return null;
  if (owner.kind === "ReplicationController") {
    const entries = Object.entries(sel);
    return entries.length ? entries.map(([key, v]) => ({ key, op: "=", values: [v] })) : null;
  }
  const parsed = fromLabelSelector(sel);
  return parsed && parsed.length > 0 ? parsed : null;
}
var orphanStatements = /* @__PURE__ */ new WeakMap();
function listOrphanPods(store, namespace) {
  let st = orphanStatements.get(store.db);
  if (!st) {
    st = store.db.prepare("SELECT data FROM objects WHERE resource = 'pods' AND namespace = ? AND owner IS NULL");
    orphanStatements.set(store.db, st);
  }
  return st.all(namespace).map((r) => JSON.parse(r.data));
}
function claimPods(store, owner) {
  const ns = owner.metadata.namespace ?? "";
  const uid = owner.metadata.uid;
  const selector = ownerSelector(owner);
  const claimed = [];
  for (const pod of store.list("pods", ns, { owner: uid })) {
    if (controllerRef(pod)?.uid !== uid) continue;
    if (matches(selector, pod.metadata.labels)) {
      claimed.push(pod);
      continue;
    }
    if (pod.metadata.deletionTimestamp) continue;
    pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (pod.metadata.ownerReferences.length === 0) delete pod.metadata.ownerReferences;
    store.update("pods", pod);
  }
  if (owner.metadata.deletionTimestamp || !selector) return claimed;
  for (const pod of listOrphanPods(store, ns)) {
    if (pod.metadata.deletionTimestamp || !matches(selector, pod.metadata.labels)) continue;
    if (controllerRef(pod)) continue;
    pod.metadata.ownerReferences = [...pod.metadata.ownerReferences ?? [], newControllerRef(owner)];
    claimed.push(store.update("pods", pod));
  }
  return claimed;
}

// src/controllers/replicaset/rank.ts
var PHASE_ORDER = { Pending: 0, Unknown: 1, Running: 2 };
var DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
function restarts(pod) {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}
function deletionCost(pod) {
  const v = Number(pod.metadata.annotations?.[DELETION_COST] ?? "0");
  return Number.isFinite(v) ? v : 0;
}
function compare(a, b) {
  if (a.assigned !== b.assigned) return a.assigned ? 1 : -1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.ready && b.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return b.created - a.created;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}
function choosePodsToDelete(pods, related, count) {
  if (count <= 0) return [];
  if (count >= pods.length) return [...pods];
  const perNode = /* @__PURE__ */ new Map();
  for (const p of related) {
    const n = p.spec?.nodeName;
    if (n) perNode.set(n, (perNode.get(n) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({
    pod,
    rank: pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0,
    assigned: !!pod.spec?.nodeName,
    phase: PHASE_ORDER[pod.status?.phase ?? "Pending"] ?? 0,
    ready: isPodReady(pod),
    readySince: readySince(pod) ?? 0,
    cost: deletionCost(pod),
    restarts: restarts(pod),
    created: Date.parse(pod.metadata.creationTimestamp ?? "") || 0,
    uid: pod.metadata.uid ?? ""
  }));
  ranked.sort(compare);
  return ranked.slice(0, count).map((r) => r.pod);
}

// src/controllers/replicaset/status.ts
function labelsMatch(template, labels) {
  for (const [k, v] of Object.entries(template ?? {})) if (labels?.[k] !== v) return false;
  return true;
}
function calculateReplicaStatus(owner, activePods, now) {
  const minReady = owner.spec?.minReadySeconds ?? 0;
  const templateLabels = owner.spec?.template?.metadata?.labels;
  let fully = 0;
  let ready = 0;
  let available = 0;
  let next;
  for (const pod of activePods) {
    if (labelsMatch(templateLabels, pod.metadata.labels)) fully++;
    if (!isPodReady(pod)) continue;
    ready++;
    const at = availableAt(pod, minReady);
    if (minReady <= 0 || at <= now) available++;
    else next = next === void 0 ? at : Math.min(next, at);
  }
  return {
    status: {
      replicas: activePods.length,
      fullyLabeledReplicas: fully,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: owner.metadata.generation ?? 1
    },
    nextAvailableAt: next
  };
}
function toStoredStatus(s, previous) {
  const out = { ...previous ?? {} };
  out.replicas = s.replicas;
  for (const k of ["fullyLabeledReplicas", "readyReplicas", "availableReplicas"]) {
    if (s[k] > 0) out[k] = s[k];
    else delete out[k];
  }
  out.observedGeneration = s.observedGeneration;
  return out;
}

// src/controllers/replicaset/replicaset.ts
var log2 = debug("controller:replicaset");
var REASON_SUCCESSFUL_CREATE = "SuccessfulCreate";
var REASON_SUCCESSFUL_DELETE = "SuccessfulDelete";
var REASON_FAILED_CREATE = "FailedCreate";
var POD_PREFIX = "pod:";
var orphanMapper = (obj) => {
  if (!obj || controllerRef(obj) || obj.metadata.deletionTimestamp) return void 0;
  return POD_PREFIX + keyOf(obj);
};
function wakeMatchingOwners(ctx, flavor, key) {
  const [ns, name] = splitKey(key.slice(POD_PREFIX.length));
  const pod = ctx.store.get("pods", ns, name);
  if (!pod || controllerRef(pod)) return;
  for (const owner of ctx.store.list(flavor.resource, ns)) {
    if (matches(ownerSelector(owner), pod.metadata.labels)) ctx.store.enqueue(flavor.name, keyOf(owner));
  }
}
function createPods(ctx, flavor, owner, count) {
  const source2 = { component: flavor.component };
  for (let i = 0; i < count; i++) {
    try {
      const pod = ctx.store.create("pods", podFromTemplate(owner, owner.spec.template));
      recordEvent(ctx.store, owner, "Normal", REASON_SUCCESSFUL_CREATE, `Created pod: ${pod.metadata.name}`, source2);
    } catch (err) {
      recordEvent(ctx.store, owner, "Warning", REASON_FAILED_CREATE, `Error creating: ${err.message}`, source2);
      log2(`create failed ${keyOf(owner)} error=${err.message}`);
      return;
    }
  }
}
function deletePods(ctx, flavor, owner, pods, count) {
  const source2 = { component: flavor.component };
  for (const pod of choosePodsToDelete(pods, pods, count)) {
    deleteObject(ctx.store, "pods", pod.metadata.namespace ?? "", pod.metadata.name);
    recordEvent(ctx.store, owner, "Normal", REASON_SUCCESSFUL_DELETE, `Deleted pod: ${pod.metadata.name}`, source2);
  }
}
function syncOwner(ctx, flavor, key) {
  const [ns, name] = splitKey(key);
  const owner = ctx.store.get(flavor.resource, ns, name);
  if (!owner) return;
  const claimed = claimPods(ctx.store, owner);
  let active = claimed.filter(isPodActive);
  if (!owner.metadata.deletionTimestamp) {
    const diff = active.length - (owner.spec?.replicas ?? 1);
    if (diff < 0) createPods(ctx, flavor, owner, -diff);
    else if (diff > 0) deletePods(ctx, flavor, owner, active, diff);
    if (diff !== 0) active = claimPods(ctx.store, owner).filter(isPodActive);
  }
  const { status, nextAvailableAt } = calculateReplicaStatus(owner, active, ctx.now());
  const stored = toStoredStatus(status, owner.status);
  if (JSON.stringify(stored) !== JSON.stringify(owner.status ?? {})) {
    owner.status = stored;
    ctx.store.update(flavor.resource, owner);
  }
  if (nextAvailableAt !== void 0) ctx.wakeAt(nextAvailableAt, key);
}
function makeController(flavor) {
  const owned = ownerKeyMapper(flavor.kind);
  return {
    name: flavor.name,
    watches: {
      [flavor.resource]: selfMapper,
      pods: (obj, old) => {
        const keys = owned(obj, old);
        const orphan = orphanMapper(obj, old);
        if (orphan) keys.push(orphan);
        return keys;
      }
    },
    reconcile(ctx, key) {
      if (key.startsWith(POD_PREFIX)) wakeMatchingOwners(ctx, flavor, key);
      else syncOwner(ctx, flavor, key);
    }
  };
}
var replicaSetController = makeController({
  name: "replicaset",
  kind: "ReplicaSet",
  resource: "replicasets",
  component: "replicaset-controller"
});
var replicationControllerController = makeController({
  name: "replicationcontroller",
  kind: "ReplicationController",
  resource: "replicationcontrollers",
  component: "replication-controller"
});

// src/controllers/deployment/hash.ts
function stableDump(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableDump).join(",")}]`;
  const obj = value;
  const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableDump(obj[k])}`).join(",")}}`;
}
function fnv1a(bytes, seed = 2166136261) {
  let h = seed;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h >>> 0;
}
function safeEncodeString(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}
function computeHash(template, collisionCount) {
  let h = fnv1a(new TextEncoder().encode(stableDump(template)));
  if (collisionCount !== void 0 && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a(buf, h);
  }
  return safeEncodeString(String(h));
}

// src/controllers/deployment/sync.ts
var REASON_SCALING_RS = "ScalingReplicaSet";
var SOURCE2 = { component: "deployment-controller" };
var MAX_REVISION_HISTORY_CHARS = 2e3;
function updateDeployment(sc) {
  sc.d = sc.ctx.store.update("deployments", sc.d);
}
function listReplicaSets(sc) {
  const { store } = sc.ctx;
  const d = sc.d;
  const ns = d.metadata.namespace ?? "";
  const owned = store.list("replicasets", ns, { owner: d.metadata.uid }).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  const selector = fromLabelSelector(d.spec?.selector);
  if (d.metadata.deletionTimestamp || !selector || selector.length === 0) return owned;
  for (const rs of store.list("replicasets", ns)) {
    if (controllerRef(rs) || rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
    rs.metadata.ownerReferences = [...rs.metadata.ownerReferences ?? [], newControllerRef(d)];
    owned.push(store.update("replicasets", rs));
  }
  return owned;
}
function scaledMessage(sc, op, rs, from, to) {
  return sc.ctx.settings.version >= 129 ? `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${to}` : `Scaled ${op} replica set ${rs.metadata.name} to ${to}`;
}
function scaleReplicaSet(sc, rs, newScale, op) {
  const d = sc.d;
  const from = replicasOf(rs);
  const sizeChanged = from !== newScale;
  const copy = structuredClone(rs);
  const annotationsChanged = setReplicasAnnotations(copy, replicasOf(d), replicasOf(d) + maxSurge(d));
  if (!sizeChanged && !annotationsChanged) return { rs, scaled: false };
  copy.spec.replicas = newScale;
  const saved = sc.ctx.store.update("replicasets", copy);
  if (sizeChanged) {
    const direction = op ?? (newScale > from ? "up" : "down");
    recordEvent(sc.ctx.store, d, "Normal", REASON_SCALING_RS, scaledMessage(sc, direction, saved, from, newScale), SOURCE2);
  }
  return { rs: saved, scaled: sizeChanged };
}
function copyAnnotations(d, rs) {
  let changed = false;
  const ann = rs.metadata.annotations ??= {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}
function setNewReplicaSetAnnotations(d, rs, newRevision, exists) {
  let changed = copyAnnotations(d, rs);
  const ann = rs.metadata.annotations;
  const had = ann[REVISION_ANNOTATION];
  const old = had === void 0 ? 0 : Number(had);
  if (had !== void 0 && !Number.isInteger(old)) return false;
  if (old < newRevision) {
    ann[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (had !== void 0) {
      const history = ann[REVISION_HISTORY_ANNOTATION];
      const next = history ? `${history},${had}` : had;
      if (next.length <= MAX_REVISION_HISTORY_CHARS) ann[REVISION_HISTORY_ANNOTATION] = next;
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}
function setDeploymentRevision(d, revision) {
  const ann = d.metadata.annotations ??= {};
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}
function getAllReplicaSetsAndSyncRevision(sc, rsList, create) {
  const existing = findNewReplicaSet(sc.d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return { newRS: syncExistingNewReplicaSet(sc, existing, newRevision), oldRSs };
  if (!create) return { oldRSs };
  return { newRS: createNewReplicaSet(sc, oldRSs, newRevision), oldRSs };
}
function syncExistingNewReplicaSet(sc, existing, newRevision) {
  const d = sc.d;
  let rs = existing;
  const copy = structuredClone(existing);
  const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
  const minReady = d.spec?.minReadySeconds ?? 0;
  const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== minReady;
  if (annotationsChanged || minReadyChanged) {
    if (minReady) copy.spec.minReadySeconds = minReady;
    else delete copy.spec.minReadySeconds;
    rs = sc.ctx.store.update("replicasets", copy);
  }
  let needsUpdate = setDeploymentRevision(d, rs.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
  if (hasProgressDeadline(d) && !conditionOf(d.status, "Progressing")) {
    d.status ??= {};
    setCondition(d.status, newCondition("Progressing", "True", FOUND_NEW_RS_REASON, `Found new replica set "${rs.metadata.name}"`, isoTime(sc.ctx.now())));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeployment(sc);
  return rs;
}
function createNewReplicaSet(sc, oldRSs, newRevision) {
  const d = sc.d;
  const hash2 = computeHash(d.spec.template, d.status?.collisionCount);
  const template = structuredClone(d.spec.template);
  template.metadata ??= {};
  template.metadata.labels = { ...template.metadata.labels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash2 };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash2 };
  const newRS = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash2}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)]
    },
    spec: { replicas: 0, selector, template }
  };
  if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  newRS.spec.replicas = newRSNewReplicas(d, oldRSs, newRS);
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  let created;
  try {
    created = sc.ctx.store.create("replicasets", newRS);
  } catch (err) {
    if (!(err instanceof ApiError) || err.reason !== "AlreadyExists") throw err;
    const clash = sc.ctx.store.get("replicasets", d.metadata.namespace ?? "", newRS.metadata.name);
    if (clash && controllerRef(clash)?.uid === d.metadata.uid && equalIgnoreHash(clash.spec?.template, d.spec.template)) return clash;
    d.status ??= {};
    d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
    updateDeployment(sc);
    sc.ctx.store.enqueue("deployment", `${d.metadata.namespace}/${d.metadata.name}`);
    return void 0;
  }
  const replicas = replicasOf(created);
  if (replicas > 0) recordEvent(sc.ctx.store, d, "Normal", REASON_SCALING_RS, scaledMessage(sc, "up", created, 0, replicas), SOURCE2);
  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    d.status ??= {};
    setCondition(d.status, newCondition("Progressing", "True", NEW_RS_REASON, `Created new replica set "${created.metadata.name}"`, isoTime(sc.ctx.now())));
  }
  updateDeployment(sc);
  return created;
}
function findActiveOrLatest(newRS, oldRSs) {
  const all = newRS ? [...oldRSs, newRS] : oldRSs;
  if (all.length === 0) return void 0;
  const active = activeReplicaSets(all);
  if (active.length === 1) return active[0];
  if (active.length === 0) return newRS ?? [...oldRSs].sort(byCreation).at(-1);
  return void 0;
}
function scale(sc, newRS, oldRSs) {
  const d = sc.d;
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (replicasOf(target) !== replicasOf(d)) scaleReplicaSet(sc, target, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSet(sc, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - specReplicaCount(all);
  const op = toAdd > 0 ? "up" : "down";
  all.sort((a, b) => {
    const bySize = replicasOf(b) - replicasOf(a);
    if (bySize !== 0) return bySize;
    return toAdd > 0 ? byCreation(b, a) : byCreation(a, b);
  });
  const sizes = /* @__PURE__ */ new Map();
  let added = 0;
  for (const rs of all) {
    const proportion = toAdd !== 0 ? proportionFor(rs, d, toAdd, added, d.status?.replicas ?? 0) : 0;
    sizes.set(rs.metadata.name, replicasOf(rs) + proportion);
    added += proportion;
  }
  if (toAdd !== 0 && all.length > 0) {
    const first = all[0].metadata.name;
    sizes.set(first, Math.max(0, sizes.get(first) + (toAdd - added)));
  }
  for (const rs of all) scaleReplicaSet(sc, rs, sizes.get(rs.metadata.name), op);
}
function cleanupDeployment(sc, oldRSs) {
  const limit = sc.d.spec?.revisionHistoryLimit;
  if (limit === void 0 || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    const busy = (rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (busy) continue;
    deleteObject(sc.ctx.store, "replicasets", rs.metadata.namespace ?? "", rs.metadata.name);
  }
}
function calculateStatus(sc, allRSs, newRS) {
  const d = sc.d;
  const available = statusCount(allRSs, "availableReplicas");
  const unavailable = Math.max(0, specReplicaCount(allRSs) - available);
  const status = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: statusCount(allRSs, "replicas"),
    updatedReplicas: newRS ? newRS.status?.replicas ?? 0 : 0,
    readyReplicas: statusCount(allRSs, "readyReplicas"),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: structuredClone(d.status?.conditions ?? [])
  };
  if (d.status?.collisionCount !== void 0) status.collisionCount = d.status.collisionCount;
  const at = isoTime(sc.ctx.now());
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", MIN_AVAILABLE_REASON, "Deployment has minimum availability.", at));
  } else {
    setCondition(status, newCondition("Available", "False", MIN_UNAVAILABLE_REASON, "Deployment does not have minimum availability.", at));
  }
  return status;
}
function storedStatus(status) {
  const out = {};
  for (const [k, v] of Object.entries(status)) {
    if (v === 0 && k !== "collisionCount") continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== void 0) out[k] = v;
  }
  return out;
}
function writeStatus(sc, status) {
  const next = storedStatus(status);
  if (JSON.stringify(next) === JSON.stringify(sc.d.status ?? {})) return false;
  sc.d.status = next;
  updateDeployment(sc);
  return true;
}
function syncScaleOnly(sc, rsList) {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  scale(sc, newRS, oldRSs);
  const fresh = listReplicaSets(sc);
  const split = splitFresh(fresh, newRS);
  if (sc.d.spec?.paused) cleanupDeployment(sc, split.oldRSs);
  writeStatus(sc, calculateStatus(sc, fresh, split.newRS));
}
function splitFresh(fresh, newRS) {
  const found = newRS ? fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid) : void 0;
  return { newRS: found, oldRSs: fresh.filter((rs) => rs !== found) };
}
function isScalingEvent(sc, rsList) {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  if (!newRS) return false;
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (desired !== void 0 && Number(desired) !== replicasOf(sc.d)) return true;
  }
  return false;
}

// src/controllers/deployment/progress.ts
function timedOut(d, now) {
  if (!hasProgressDeadline(d)) return false;
  const cond = conditionOf(d.status, "Progressing");
  if (!cond || cond.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === TIMED_OUT_REASON) return true;
  const from = Date.parse(cond.lastUpdateTime);
  return from + d.spec.progressDeadlineSeconds * 1e3 < now;
}
function subject(newRS, d) {
  return newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
}
function syncRolloutStatus(sc, allRSs, newRS) {
  const d = sc.d;
  const now = sc.ctx.now();
  const at = isoTime(now);
  const status = calculateStatus(sc, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const current = conditionOf(d.status, "Progressing");
  const complete = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition("Progressing", "True", NEW_RS_AVAILABLE_REASON, `${subject(newRS, d)} has successfully progressed.`, at));
    } else if (deploymentProgressing(d, status)) {
      const cond = newCondition("Progressing", "True", RS_UPDATED_REASON, `${subject(newRS, d)} is progressing.`, at);
      if (current?.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, "Progressing");
      setCondition(status, cond);
    } else if (timedOut(d, now)) {
      setCondition(status, newCondition("Progressing", "False", TIMED_OUT_REASON, `${subject(newRS, d)} has timed out progressing.`, at));
    }
  }
  writeStatus(sc, status);
  requeueStuckDeployment(sc);
}
function requeueStuckDeployment(sc) {
  const d = sc.d;
  const cond = conditionOf(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !cond) return;
  if (cond.reason === NEW_RS_AVAILABLE_REASON || cond.reason === TIMED_OUT_REASON) return;
  if (deploymentComplete(d, d.status ?? {})) return;
  const due = Date.parse(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1e3 + 1e3;
  sc.ctx.wakeAt(due, `${d.metadata.namespace}/${d.metadata.name}`);
}

// src/controllers/deployment/rolling.ts
function reconcileNewReplicaSet(sc, allRSs, newRS) {
  const want = replicasOf(sc.d);
  if (replicasOf(newRS) === want) return false;
  if (replicasOf(newRS) > want) return scaleReplicaSet(sc, newRS, want, "down").scaled;
  return scaleReplicaSet(sc, newRS, newRSNewReplicas(sc.d, allRSs, newRS), "up").scaled;
}
function reconcileOldReplicaSets(sc, allRSs, oldRSs, newRS) {
  if (specReplicaCount(oldRSs) === 0) return false;
  const minAvailable = replicasOf(sc.d) - maxUnavailable(sc.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { cleaned, olds } = cleanupUnhealthyReplicas(sc, oldRSs, maxScaledDown);
  const all = [...olds, newRS];
  const scaledDown = scaleDownOldReplicaSets(sc, all, olds);
  return cleaned + scaledDown > 0;
}
function cleanupUnhealthyReplicas(sc, oldRSs, maxCleanup) {
  let total = 0;
  const olds = [...oldRSs].sort(byCreation);
  for (let i = 0; i < olds.length && total < maxCleanup; i++) {
    const rs = olds[i];
    if (replicasOf(rs) === 0) continue;
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    olds[i] = scaleReplicaSet(sc, rs, replicasOf(rs) - count, "down").rs;
    total += count;
  }
  return { cleaned: total, olds };
}
function scaleDownOldReplicaSets(sc, allRSs, oldRSs) {
  const minAvailable = replicasOf(sc.d) - maxUnavailable(sc.d);
  const available = statusCount(allRSs, "availableReplicas");
  if (available <= minAvailable) return 0;
  const totalToScale = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= totalToScale) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), totalToScale - total);
    scaleReplicaSet(sc, rs, replicasOf(rs) - count, "down");
    total += count;
  }
  return total;
}
function rolloutRolling(sc, rsList) {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  const finish = () => {
    const fresh = splitFresh(listReplicaSets(sc), newRS);
    syncRolloutStatus(sc, [...fresh.oldRSs, ...fresh.newRS ? [fresh.newRS] : []], fresh.newRS);
  };
  if (reconcileNewReplicaSet(sc, allRSs, newRS)) return finish();
  if (reconcileOldReplicaSets(sc, allRSs, oldRSs, newRS)) return finish();
  if (deploymentComplete(sc.d, sc.d.status ?? {})) cleanupDeployment(sc, oldRSs);
  finish();
}

// src/controllers/deployment/recreate.ts
function oldPodsRunning(sc, oldRSs) {
  if (statusCount(oldRSs, "replicas") > 0) return true;
  for (const rs of oldRSs) {
    for (const pod of sc.ctx.store.list("pods", rs.metadata.namespace, { owner: rs.metadata.uid })) {
      const phase = pod.status?.phase;
      if (phase !== "Succeeded" && phase !== "Failed") return true;
    }
  }
  return false;
}
function rolloutRecreate(sc, rsList) {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  const finish = () => {
    const fresh = splitFresh(listReplicaSets(sc), newRS);
    syncRolloutStatus(sc, [...fresh.oldRSs, ...fresh.newRS ? [fresh.newRS] : []], fresh.newRS);
  };
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if (scaleReplicaSet(sc, rs, 0, "down").scaled) scaledDown = true;
  if (scaledDown) return finish();
  if (oldPodsRunning(sc, oldRSs)) return finish();
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, listReplicaSets(sc), true));
  if (newRS) scaleReplicaSet(sc, newRS, replicasOf(sc.d), "up");
  if (deploymentComplete(sc.d, sc.d.status ?? {})) cleanupDeployment(sc, oldRSs);
  finish();
}

// src/controllers/deployment/deployment.ts
var RS_PREFIX = "rs:";
var REASON_SELECTING_ALL = "SelectingAll";
function checkPausedConditions(sc) {
  const d = sc.d;
  if (!hasProgressDeadline(d)) return;
  const cond = conditionOf(d.status, "Progressing");
  if (cond?.reason === TIMED_OUT_REASON) return;
  const paused = !!d.spec?.paused;
  const pausedCond = cond?.reason === PAUSED_REASON;
  const at = isoTime(sc.ctx.now());
  let next;
  if (paused && !pausedCond) next = newCondition("Progressing", "Unknown", PAUSED_REASON, "Deployment is paused", at);
  else if (!paused && pausedCond) next = newCondition("Progressing", "Unknown", RESUMED_REASON, "Deployment is resumed", at);
  if (!next) return;
  d.status ??= {};
  setCondition(d.status, next);
  updateDeployment(sc);
}
function syncDeployment(ctx, key) {
  const [ns, name] = splitKey(key);
  const d = ctx.store.get("deployments", ns, name);
  if (!d) return;
  const sc = { ctx, d };
  const selector = fromLabelSelector(d.spec?.selector);
  if (!selector || selector.length === 0) {
    recordEvent(ctx.store, d, "Warning", REASON_SELECTING_ALL, "This deployment is selecting all pods. A non-empty selector is required.", { component: "deployment-controller" });
    if (d.status?.observedGeneration !== d.metadata.generation) {
      d.status = { ...d.status ?? {}, observedGeneration: d.metadata.generation };
      updateDeployment(sc);
    }
    return;
  }
  let rsList = listReplicaSets(sc);
  if (d.metadata.deletionTimestamp) {
    const { newRS } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
    writeStatus(sc, calculateStatus(sc, listReplicaSets(sc), newRS));
    return;
  }
  checkPausedConditions(sc);
  if (sc.d.spec?.paused) return syncScaleOnly(sc, rsList);
  const scaling = isScalingEvent(sc, rsList);
  rsList = listReplicaSets(sc);
  if (scaling) return syncScaleOnly(sc, rsList);
  if (sc.d.spec?.strategy?.type === "Recreate") rolloutRecreate(sc, rsList);
  else rolloutRolling(sc, rsList);
}
function wakeForReplicaSet(ctx, key) {
  const [ns, name] = splitKey(key.slice(RS_PREFIX.length));
  const rs = ctx.store.get("replicasets", ns, name);
  const ref = rs && controllerRef(rs);
  if (!ref || ref.kind !== "Deployment") return;
  const d = ctx.store.get("deployments", ns, ref.name);
  if (d?.spec?.strategy?.type === "Recreate") ctx.store.enqueue("deployment", `${ns}/${ref.name}`);
}
var podGone = (obj, old) => {
  if (obj || !old) return void 0;
  const ref = controllerRef(old);
  return ref?.kind === "ReplicaSet" ? `${RS_PREFIX}${old.metadata.namespace ?? ""}/${ref.name}` : void 0;
};
var deploymentController = {
  name: "deployment",
  watches: {
    deployments: selfMapper,
    replicasets: ownerKeyMapper("Deployment"),
    pods: podGone
  },
  reconcile(ctx, key) {
    if (key.startsWith(RS_PREFIX)) wakeForReplicaSet(ctx, key);
    else syncDeployment(ctx, key);
  }
};

// src/controllers/index.ts
var CONTROLLERS = [scheduler, kubelet, garbageCollector, replicaSetController, replicationControllerController, deploymentController];

// src/engine/bootstrap.ts
function kubeletVersion(settings) {
  const minor = settings.version % 100;
  const patch = minor === 32 ? 4 : minor === 15 ? 1 : 0;
  return `v1.${minor}.${patch}`;
}
function buildNode(opts, settings, nowIso) {
  const labels = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": opts.name,
    "kubernetes.io/os": "linux",
    ...opts.labels ?? {}
  };
  const taints = [...opts.taints ?? []];
  if (opts.controlPlane) {
    const role = settings.version >= 124 ? "control-plane" : "master";
    labels[`node-role.kubernetes.io/${role}`] = "";
    if (settings.version >= 120 && settings.version < 124) labels["node-role.kubernetes.io/control-plane"] = "";
    if (!taints.some((t) => t.key.startsWith("node-role.kubernetes.io/"))) taints.push({ key: `node-role.kubernetes.io/${role}`, effect: "NoSchedule" });
  }
  const cpu = opts.cpu ?? "4";
  const memory = opts.memory ?? "8008812Ki";
  const ip = `192.168.192.${129 + opts.index}`;
  const old = settings.version < 124;
  const spec2 = { podCIDR: `10.244.${opts.index}.0/24`, podCIDRs: [`10.244.${opts.index}.0/24`] };
  if (taints.length) spec2.taints = taints;
  const condition2 = (type, status, reason, message) => ({
    lastHeartbeatTime: nowIso,
    lastTransitionTime: nowIso,
    message,
    reason,
    status,
    type
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: opts.name,
      labels,
      annotations: { "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" }
    },
    spec: spec2,
    status: {
      addresses: [
        { address: ip, type: "InternalIP" },
        { address: opts.name, type: "Hostname" }
      ],
      allocatable: { cpu, "ephemeral-storage": "17878Mi", memory, pods: "110" },
      capacity: { cpu, "ephemeral-storage": "17878Mi", memory, pods: "110" },
      conditions: [
        condition2("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition2("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition2("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition2("Ready", "True", "KubeletReady", old ? "kubelet is posting ready status" : "kubelet is posting ready status")
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: old ? "docker://18.9.6" : "containerd://1.7.24",
        kernelVersion: old ? "3.10.0-957.el7.x86_64" : "5.15.0-126-generic",
        kubeProxyVersion: kubeletVersion(settings),
        kubeletVersion: kubeletVersion(settings),
        machineID: "",
        operatingSystem: "linux",
        osImage: old ? "CentOS Linux 7 (Core)" : "Ubuntu 22.04.5 LTS",
        systemUUID: ""
      }
    }
  };
}
function bootstrapCluster(store, settings, nowIso) {
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    store.create("namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: ns, labels: { "kubernetes.io/metadata.name": ns } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" }
    });
  }
  store.create("nodes", buildNode({ name: "k8s-master01", controlPlane: true, index: 0 }, settings, nowIso));
  for (let i = 1; i <= settings.workers; i++) {
    store.create("nodes", buildNode({ name: `k8s-node${String(i).padStart(2, "0")}`, index: i }, settings, nowIso));
  }
  store.create("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: {
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None",
      type: "ClusterIP"
    },
    status: { loadBalancer: {} }
  });
  store.setMeta("ipam:services", "2");
}

// src/engine/open.ts
function wire(cluster) {
  const store = cluster.store;
  store.admission = (resource, obj, old, op) => admit(
    { clusterVersion: cluster.settings.version, namespaceExists: (n) => store.get("namespaces", "", n) !== void 0 },
    resource,
    obj,
    old,
    op
  );
  store.hooks.unshift(trackNodeUsage(store));
  cluster.register(CONTROLLERS);
  return cluster;
}
function createCluster(name, opts = {}, file = clusterFile(name)) {
  const cluster = wire(new Cluster(name, file));
  const versionString = opts.kubernetesVersion?.replace(/^v/, "") ?? DEFAULT_SETTINGS.versionString;
  const settings = {
    ...DEFAULT_SETTINGS,
    clock: opts.clock ?? "wall",
    seed: opts.seed ?? Date.now() % 2147483647,
    workers: opts.workers ?? 2,
    version: versionNumber(versionString),
    versionString,
    strictVersions: opts.strictVersions ?? false,
    pullTimeout: opts.pullTimeout ?? []
  };
  cluster.settings = settings;
  const start = Math.floor((opts.startTime ?? Date.now()) / 1e3) * 1e3;
  const raced = cluster.store.tx(() => {
    if (cluster.store.getMeta("settings")) return true;
    cluster.store.setMeta("settings", JSON.stringify(settings));
    cluster.store.setMeta("manualNow", String(start));
    cluster.store.setMeta("simTime", String(start));
    cluster.store.setMeta("createdAt", String(start));
    return false;
  });
  if (raced) {
    cluster.loadSettings();
    return cluster;
  }
  cluster.settle(start);
  cluster.store.tx(() => bootstrapCluster(cluster.store, settings, isoTime(start)));
  cluster.settle();
  return cluster;
}
function openCluster(name, createIfMissing = false) {
  if (!clusterExists(name)) {
    if (!createIfMissing) return void 0;
    return createCluster(name);
  }
  const cluster = wire(new Cluster(name));
  if (!cluster.initialized) return createIfMissing ? createCluster(name) : void 0;
  return cluster;
}

export {
  clusterDir,
  clusterExists,
  listClusterNames,
  readConfig,
  writeConfig,
  isValidClusterName,
  createCluster,
  openCluster
};
