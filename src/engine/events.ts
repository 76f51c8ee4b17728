/**
 * Events as controllers, the scheduler and the kubelet record them (core/v1
 * Event). Each passes through the client-side logic of the recorder its
 * component uses in Kubernetes. kube-controller-manager and the kubelet use
 * client-go's legacy recorder with its EventCorrelator, and kube-scheduler
 * uses the events.k8s.io recorder with its event series. The recorders'
 * in-process caches are stored (event-state.ts), so they carry over between
 * CLI invocations. Stored events expire by --event-ttl (event-ttl.ts).
 */
import { eventOrderKey } from '../api/event-order.js';
import type { KObject } from '../api/types.js';
import { ApiError } from '../api/errors.js';
import type { Store } from '../store/store.js';
import { isoTime } from '../store/store.js';
import {
  COMBINED_MESSAGE_PREFIX,
  aggregateSimilar,
  copyRecord,
  correlationExpiry,
  countDropped,
  newCorrelationRecord,
  pruneSimilar,
  takeDropped,
  takeSpamToken,
  type CorrelationRecord,
} from './event-correlator.js';
import { EVENT_LIFETIME_MS, scheduleEventExpiry } from './event-ttl.js';
import { readEventState, writeEventState } from './event-state.js';

export interface EventSource {
  component: string;
  host?: string;
}

/** Components that record through the events.k8s.io recorder (k8s.io/client-go/tools/events). */
const EVENTS_API_COMPONENTS = new Set(['default-scheduler']);
/**
 * First version whose kube-scheduler records through the events.k8s.io
 * recorder. NOTE: the scheduler moved to the v1beta1 Event API in 2019; the
 * release (1.16 here) is not verified.
 */
const EVENTS_API_SCHEDULER_VERSION = 116;
/** How long (ms) the events.k8s.io recorder keeps an event to count repeats into its series (finishTime). */
const SERIES_FINISH_MS = 6 * 60_000;
/** Read option for events and records whose names hash the uid of an object created in this transaction. */
const ONLY_THIS_TX = { onlyThisTx: true };

/** An event about to be recorded, before correlation decides its name, message and count. */
interface EventDraft {
  namespace: string;
  objectName: string;
  involvedObject: Record<string, unknown>;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: EventSource;
}

/** Running state of `hash`: two 32-bit FNV-style lanes. */
interface HashState {
  h1: number;
  h2: number;
}

const HASH_SEED: HashState = { h1: 0x811c9dc5, h2: 0x1234567 };

/** Returns `state` continued over `text`, so keys that share a prefix hash it once. */
function hashMore(state: HashState, text: string): HashState {
  let { h1, h2 } = state;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return { h1, h2 };
}

/** Two hex digits per byte value. Formatting through it measured several times faster than toString(16). */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX_BYTE[n >>> 24] + HEX_BYTE[(n >>> 16) & 255] + HEX_BYTE[(n >>> 8) & 255] + HEX_BYTE[n & 255];
}

function hashHex(state: HashState): string {
  return hex32(state.h1) + hex32(state.h2);
}

function hash(text: string): string {
  return hashHex(hashMore(HASH_SEED, text));
}

/** The last formatted timestamp, which the events of one second share. */
let lastIso = { second: NaN, text: '' };

/** Formats `ms` as isoTime does, reusing the previous result within the same second. */
function apiTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastIso.second) lastIso = { second, text: isoTime(ms) };
  return lastIso.text;
}

/** Per store: the emulated version, read once per transaction. */
const versionCache = new WeakMap<Store, { tx: number; version: number }>();

function clusterVersion(store: Store): number {
  const cached = versionCache.get(store);
  if (cached && cached.tx === store.txSerial) return cached.version;
  const raw = store.getMeta('settings');
  const version = Number((raw ? JSON.parse(raw) : {}).version ?? 132);
  versionCache.set(store, { tx: store.txSerial, version });
  return version;
}

/**
 * Records an event about `obj` the way its source's recorder would: it may
 * create an event, count a repeat into an existing one, fold it into a
 * combined event, or drop it as spam.
 */
export function recordEvent(
  store: Store,
  obj: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): void {
  const involvedObject: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    resourceVersion: obj.metadata.resourceVersion,
    uid: obj.metadata.uid,
  };
  if (fieldPath) involvedObject.fieldPath = fieldPath;
  if (!obj.metadata.namespace) delete involvedObject.namespace;
  const draft: EventDraft = {
    namespace: obj.metadata.namespace || 'default',
    objectName: obj.metadata.name,
    involvedObject,
    type,
    reason,
    message,
    source,
  };
  store.tx(() => {
    if (EVENTS_API_COMPONENTS.has(source.component) && clusterVersion(store) >= EVENTS_API_SCHEDULER_VERSION) {
      recordSeriesEvent(store, draft, store.now());
    } else {
      recordCorrelatedEvent(store, draft, store.now());
    }
  });
}

/** Reports whether the involved object's uid belongs to an object created in the current transaction. */
function isCreatedInTx(store: Store, uid: unknown): boolean {
  return typeof uid === 'string' && store.createdInTx(uid);
}

function keyText(...parts: unknown[]): string {
  let text = '';
  for (const part of parts) text += (part ?? '') + '\u0000';
  return text;
}

/**
 * Records an event through the legacy recorder: aggregate, then count by
 * event key, then the spam filter. Dropped occurrences still count, because
 * client-go's cache counts them before the filter runs.
 */
function recordCorrelatedEvent(store: Store, e: EventDraft, now: number): void {
  const ref = e.involvedObject;
  const sourceAndObject = keyText(e.source.component, e.source.host, ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, e.type);
  const sourceAndObjectHash = hashMore(HASH_SEED, sourceAndObject);
  const recordKey = `record:${hashHex(sourceAndObjectHash)}`;
  // The event names hash keyText(sourceAndObject, ...), which starts with this key and a separator.
  const namePrefixHash = hashMore(sourceAndObjectHash, '\u0000');
  // The record key and the event names hash the object's uid: for an object created in this
  // transaction, only this transaction can have written them.
  const fresh = isCreatedInTx(store, ref.uid);
  const stored = readEventState<CorrelationRecord>(store, recordKey, now, fresh);
  const record = stored ? copyRecord(stored) : newCorrelationRecord(now);
  pruneSimilar(record, now);

  const combined = aggregateSimilar(record, e.reason, hash(e.message), now);
  // Simplified: client-go names an event after its first occurrence's time; kubesim hashes the
  // correlation key instead, so a later invocation finds the event by name.
  const name = combined
    ? `${e.objectName}.${hashHex(hashMore(namePrefixHash, keyText(e.reason)))}`
    : `${e.objectName}.${hashHex(hashMore(namePrefixHash, keyText(e.reason, ref.fieldPath, e.message)))}`;

  if (!takeSpamToken(record, now)) {
    countDropped(record, name, now);
    writeEventState(store, recordKey, record, correlationExpiry(record, EVENT_LIFETIME_MS));
    return;
  }
  const dropped = takeDropped(record, name);
  writeEventState(store, recordKey, record, correlationExpiry(record, EVENT_LIFETIME_MS));

  const existing = store.get('events', e.namespace, name, fresh ? ONLY_THIS_TX : undefined);
  const occurrences = 1 + (dropped?.count ?? 0);
  if (existing) {
    countRepeat(store, existing, now, occurrences, combined ? COMBINED_MESSAGE_PREFIX + e.message : undefined);
    return;
  }
  const event = newEvent(e, name, dropped?.first ?? now, now, occurrences);
  if (combined) {
    // The aggregator builds the combined event without the reporting fields.
    event.message = COMBINED_MESSAGE_PREFIX + e.message;
    event.reportingComponent = '';
    event.reportingInstance = '';
  }
  if (createEvent(store, event)) scheduleEventExpiry(store, now);
}

/**
 * Records an event through the events.k8s.io recorder. A repeat within six
 * minutes of the last one with the same type, reason, reporter and object
 * joins its series even when the message differs. This recorder neither
 * aggregates nor filters spam.
 */
function recordSeriesEvent(store: Store, e: EventDraft, now: number): void {
  const ref = e.involvedObject;
  const isomorphic = keyText(e.type, e.reason, e.source.component, e.source.host, ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, ref.resourceVersion, ref.fieldPath);
  // A series starts under a name derived from its key, so most events need no stored state.
  // Only a series that restarts after a finished one under that name stores where it went.
  const isomorphicHash = hash(isomorphic);
  const restartKey = `series:${isomorphicHash}`;
  // As in recordCorrelatedEvent, the key and the names hash the object's uid.
  const fresh = isCreatedInTx(store, ref.uid);
  const restarted = readEventState<{ name: string }>(store, restartKey, now, fresh);
  const name = restarted?.name ?? `${e.objectName}.${isomorphicHash}`;
  const existing = store.get('events', e.namespace, name, fresh ? ONLY_THIS_TX : undefined);

  if (existing && now - Date.parse(existing.lastTimestamp) <= SERIES_FINISH_MS) {
    // Simplified: the recorder writes a series at its second occurrence and then only every 6 or
    // 30 minutes; kubesim writes every occurrence. The stored form also keeps the legacy
    // count and timestamps, which kubesim's printers read, instead of eventTime and series.
    countRepeat(store, existing, now, 1, undefined);
    if (restarted) writeEventState(store, restartKey, restarted, now + SERIES_FINISH_MS);
    return;
  }
  if (!existing) {
    if (!createEvent(store, newEvent(e, name, now, now, 1))) return;
  } else {
    const restartName = `${e.objectName}.${hash(keyText(isomorphic, now))}`;
    if (!createEvent(store, newEvent(e, restartName, now, now, 1))) return;
    writeEventState(store, restartKey, { name: restartName }, now + SERIES_FINISH_MS);
  }
  scheduleEventExpiry(store, now);
}

/**
 * Creates an event, and returns false when the API server rejects it. A
 * namespace that is being terminated takes no new events, and a recorder
 * drops an event the server rejects without retrying.
 */
function createEvent(store: Store, event: KObject): boolean {
  try {
    store.create('events', event, { owned: true });
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.reason === 'Forbidden') return false;
    throw err;
  }
}

function newEvent(e: EventDraft, name: string, first: number, now: number, count: number): KObject {
  const { component, host } = e.source;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: e.namespace },
    involvedObject: e.involvedObject,
    reason: e.reason,
    message: e.message,
    source: host ? { component, host } : { component },
    firstTimestamp: apiTime(first),
    lastTimestamp: apiTime(now),
    count,
    type: e.type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? '',
    _sim: eventOrderKey(now),
  };
}

function countRepeat(store: Store, event: KObject, now: number, occurrences: number, message: string | undefined): void {
  event.count = (event.count ?? 1) + occurrences;
  event.lastTimestamp = apiTime(now);
  if (message !== undefined) event.message = message;
  store.update('events', event, { owned: true });
  scheduleEventExpiry(store, now);
}
