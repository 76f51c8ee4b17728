/**
 * The EventCorrelator of client-go's legacy recorder
 * (k8s.io/client-go/tools/record/events_cache.go), which kube-controller-manager
 * and the kubelet run before they write a core/v1 Event. These are its pure
 * decisions over one stored record per source, involved object and type:
 * the aggregator folds similar events (same reason, different message) into
 * one combined event, and the spam filter drops events beyond a token bucket.
 * Identical events are counted by the caller, which finds them by name.
 */

/** Distinct messages of similar events that make the latest one the combined event (defaultAggregateMaxEvents). */
export const AGGREGATE_MAX_EVENTS = 10;
/** Similar events further apart than this (ms) start a new aggregation window (defaultAggregateIntervalInSeconds). */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** Events a source may send about one object at once (defaultSpamBurst). */
export const SPAM_BURST = 25;
/** Milliseconds the spam filter takes to refill one token (defaultSpamQPS is 1/300). */
export const SPAM_REFILL_MS = 300_000;
/** Message prefix of a combined event (EventAggregatorByReasonMessageFunc). */
export const COMBINED_MESSAGE_PREFIX = '(combined from similar events): ';

/** Recent similar events of one reason: hashes of their distinct messages and the time of the latest. */
export interface SimilarEvents {
  messages: string[];
  last: number;
}

/**
 * Correlation state of one source, involved object and event type: the spam
 * filter's token bucket, the aggregator's records per reason, and
 * occurrences the spam filter dropped per event name. client-go counts those
 * in its cache, so the next accepted write of that event includes them in
 * `count`. The functions below change only a record's own fields and
 * replace the objects and arrays inside it, never change them: a record
 * read from the store shares them with the stored one (see copyRecord).
 */
export interface CorrelationRecord {
  tokens: number;
  /** Time (ms) `tokens` was computed at. */
  at: number;
  similar: Record<string, SimilarEvents>;
  dropped: Record<string, { count: number; first: number }>;
}

/** Returns a record the caller may change, sharing the objects inside it with `stored`. */
export function copyRecord(stored: CorrelationRecord): CorrelationRecord {
  return { tokens: stored.tokens, at: stored.at, similar: stored.similar, dropped: stored.dropped };
}

/** Returns the state of a source and object that has sent no events yet: a full bucket. */
export function newCorrelationRecord(now: number): CorrelationRecord {
  return { tokens: SPAM_BURST, at: now, similar: {}, dropped: {} };
}

/**
 * Records an event of `reason` with message hash `messageKey` in the
 * aggregator and returns whether it becomes the combined event. As in
 * client-go, the 10th distinct message within the window is the first to
 * be combined, and the set then stays at 9 messages.
 */
export function aggregateSimilar(record: CorrelationRecord, reason: string, messageKey: string, now: number): boolean {
  const previous = record.similar[reason];
  let messages = previous && now - previous.last <= AGGREGATE_INTERVAL_MS ? previous.messages : [];
  if (!messages.includes(messageKey)) messages = [...messages, messageKey];
  const combined = messages.length >= AGGREGATE_MAX_EVENTS;
  // Simplified: client-go drops an arbitrary message from the set; kubesim drops the oldest so runs repeat.
  if (combined) messages = messages.slice(1);
  record.similar = { ...record.similar, [reason]: { messages, last: now } };
  return combined;
}

/**
 * Takes one token from the record's bucket, refilled continuously since the
 * last call and capped at the burst. Returns false when the event is spam.
 */
export function takeSpamToken(record: CorrelationRecord, now: number): boolean {
  const refilled = (Math.max(0, now - record.at)) / SPAM_REFILL_MS;
  const tokens = Math.min(SPAM_BURST, record.tokens + refilled);
  record.at = now;
  if (tokens < 1) {
    record.tokens = tokens;
    return false;
  }
  record.tokens = tokens - 1;
  return true;
}

/**
 * Returns when the record stops mattering (ms): its bucket is full again,
 * no aggregation window is open, and dropped counts stay while the events
 * they belong to can still be in the store (`eventLifetimeMs`).
 */
export function correlationExpiry(record: CorrelationRecord, eventLifetimeMs: number): number {
  let expires = record.at + Math.ceil((SPAM_BURST - record.tokens) * SPAM_REFILL_MS);
  for (const reason in record.similar) expires = Math.max(expires, record.similar[reason].last + AGGREGATE_INTERVAL_MS);
  if (hasKeys(record.dropped)) expires = Math.max(expires, record.at + eventLifetimeMs);
  return expires;
}

/** Reports whether `obj` has an own key, without building the key list as Object.keys does. */
function hasKeys(obj: object): boolean {
  for (const key in obj) if (Object.hasOwn(obj, key)) return true;
  return false;
}

/** Drops aggregation windows that have closed, so a stored record stays small. */
export function pruneSimilar(record: CorrelationRecord, now: number): void {
  let open: Record<string, SimilarEvents> | undefined;
  for (const reason in record.similar) {
    if (now - record.similar[reason].last <= AGGREGATE_INTERVAL_MS) continue;
    open ??= { ...record.similar };
    delete open[reason];
  }
  if (open !== undefined) record.similar = open;
}

/** Adds one dropped occurrence of the event `name` at `now`. */
export function countDropped(record: CorrelationRecord, name: string, now: number): void {
  const dropped = record.dropped[name];
  record.dropped = { ...record.dropped, [name]: { count: (dropped?.count ?? 0) + 1, first: dropped?.first ?? now } };
}

/** Removes and returns the dropped occurrences of the event `name`, which its accepted write now counts. */
export function takeDropped(record: CorrelationRecord, name: string): { count: number; first: number } | undefined {
  // Most records have no dropped events. Checking that first skips looking up `name`, a new
  // string that V8 must hash before it can look it up as a property.
  if (!hasKeys(record.dropped)) return undefined;
  const dropped = record.dropped[name];
  // Most events were never dropped, and then the record keeps its object.
  if (dropped === undefined) return undefined;
  const rest = { ...record.dropped };
  delete rest[name];
  record.dropped = rest;
  return dropped;
}
