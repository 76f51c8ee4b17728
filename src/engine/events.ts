/**
 * Events as controllers and the kubelet record them (core/v1 Event), with
 * the client-side aggregation that turns repeats into `count` and
 * `lastTimestamp` (the `(x2 over 118s)` of describe).
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { isoTime } from '../store/store.js';

export interface EventSource {
  component: string;
  host?: string;
}

function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1234567;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Records an event about `obj`, aggregating identical ones. */
export function recordEvent(
  store: Store,
  obj: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): void {
  const namespace = obj.metadata.namespace || 'default';
  const key = [obj.metadata.uid, reason, message, source.component, source.host ?? '', fieldPath ?? ''].join('\u0000');
  const name = `${obj.metadata.name}.${hash(key)}`;
  const now = isoTime(store.now());
  const existing = store.get('events', namespace, name);
  if (existing) {
    existing.count = (existing.count ?? 1) + 1;
    existing.lastTimestamp = now;
    store.update('events', existing);
    return;
  }
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
  store.create('events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject,
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  });
}
