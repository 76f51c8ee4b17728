/**
 * Backend selection for Service connections, as kube-proxy does it: the
 * ready endpoints take turns, and the Service port maps to the endpoint's
 * target port. The turn counter lives in the store, so repeated requests
 * visit every pod and runs repeat.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { resolveTargetPort } from '../controllers/endpoints/addresses.js';

export interface Backend {
  pod: KObject;
  port: number;
}

/** Picks the next ready backend of a Service for a connection to `port`, or undefined when there is none. */
export function pickBackend(store: Store, svc: KObject, port: number): Backend | undefined {
  const ns = svc.metadata.namespace ?? 'default';
  const headless = svc.spec?.clusterIP === 'None';
  const servicePort = (svc.spec?.ports ?? []).find((p: any) => p.port === port);
  if (!servicePort && !headless) return undefined;
  const ep = store.get('endpoints', ns, svc.metadata.name);
  const addresses: any[] = (ep?.subsets ?? []).flatMap((s: any) => s.addresses ?? []);
  if (addresses.length === 0) return undefined;
  return store.tx(() => {
    const key = `lb:${ns}/${svc.metadata.name}`;
    const turn = Number(store.getMeta(key) ?? '0');
    store.setMeta(key, String(turn + 1));
    const addr = addresses[turn % addresses.length];
    const pod = store.get('pods', ns, addr.targetRef?.name ?? '');
    if (!pod) return undefined;
    return { pod, port: servicePort && !headless ? resolveTargetPort(servicePort, pod) : port };
  });
}
