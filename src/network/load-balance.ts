/**
 * Choosing the pod a Service connection reaches, as kube-proxy would: one
 * of the ready endpoints, in turn (a per-Service counter kept in the store,
 * so repeated requests visit every pod and runs repeat), with the Service
 * port mapped to the endpoint's target port.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { resolveTargetPort } from '../controllers/endpoints/addresses.js';

export interface Backend {
  pod: KObject;
  port: number;
}

/** Picks the next ready backend of a Service for a connection to `port`; undefined when none answers. */
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
