/**
 * The errors the kubelet and the container runtime return for an exec, as
 * kubectl prints them. From 1.30 kubectl talks WebSockets to the API server,
 * which relays the kubelet's SPDY stream and wraps relayed errors in an
 * InternalError of its own, so those messages gain a second
 * `Internal error occurred: ` prefix.
 */
import type { KObject } from '../../api/types.js';
import { standInDigest } from '../../images/catalog.js';
import { quoteGoString } from '../../printers/go-value.js';

/** The first version whose API server relays exec streams over WebSockets (feature gate on by default). */
const WEBSOCKET_SINCE = 130;

function relayPrefix(version: number): string {
  return version >= WEBSOCKET_SINCE ? 'Internal error occurred: ' : '';
}

/** Returns the kubelet's error for a container that is not running, because it looks exec targets up among running containers only. */
export function describeContainerNotFound(container: string, version: number): string {
  return `${relayPrefix(version)}unable to upgrade connection: container not found ("${container}")`;
}

/**
 * containerd's error for an exec whose executable runc cannot start, with
 * the exec ID containerd generated (a stand-in derived from the pod, the
 * container and the time, so the same command gives the same ID).
 */
export function describeStartFailure(reason: string, pod: KObject, container: string, now: number, version: number): string {
  const execID = standInDigest(`exec ${pod.metadata.uid}/${container}@${now}`);
  return `${relayPrefix(version)}Internal error occurred: error executing command in container: failed to exec in container: `
    + `failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown`;
}

/** Docker 18.09's text for the same failure, which it writes on the exec's output stream. */
export function formatLegacyStartFailure(reason: string): string {
  return `OCI runtime exec failed: exec failed: container_linux.go:348: starting container process caused ${quoteGoString(reason)}: unknown\n`;
}

/**
 * Returns the error for a pod whose node's kubelet stopped reporting
 * (`kubesim node fail`), or undefined for a reachable node. The API server
 * cannot dial that kubelet, and kubesim takes the node to be down, so the
 * dial times out. Before 1.30 the API server responds with a Status that has
 * no reason, which kubectl prints as `Error from server: …`.
 * NOTE: the 1.30+ text assumes the WebSocket relay wraps the dial error like
 * its other errors; it was not seen in a real cluster's output.
 */
export function describeUnreachableKubelet(node: KObject, version: number): string | undefined {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  if (ready?.status !== 'Unknown') return undefined;
  const address = (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? node.metadata.name;
  const cause = `error dialing backend: dial tcp ${address}:10250: i/o timeout`;
  return version >= WEBSOCKET_SINCE ? `error: Internal error occurred: ${cause}` : `Error from server: ${cause}`;
}
