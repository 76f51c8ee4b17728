/**
 * The stderr line kubectl 1.32 prints when the pod side of a forwarded
 * connection fails, such as nothing listening on the remote port. client-go
 * (tools/portforward, handleConnection) passes the error to
 * runtime.HandleError, which klog prints as one error line. The error text
 * comes from the container runtime; kubesim words it as containerd does.
 */
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import { quoteGoString } from '../../printers/go-value.js';

/** Returns `n` hex digits derived from the pod's uid, so the same pod always shows the same ids. */
function hexFromUid(pod: KObject, salt: string, n: number): string {
  return createHash('sha256').update(`${pod.metadata.uid ?? pod.metadata.name}/${salt}`).digest('hex').slice(0, n);
}

/**
 * Returns containerd's message for a connection to a pod port that nothing
 * listens on, with the pod sandbox's id and network namespace.
 * Simplified: a real runtime names the sandbox and namespace it created;
 * kubesim derives stable ones from the pod's uid.
 */
export function formatRefusedMessage(pod: KObject, remotePort: number): string {
  const sandbox = hexFromUid(pod, 'sandbox', 64);
  const n = hexFromUid(pod, 'netns', 32);
  const netns = `/var/run/netns/cni-${n.slice(0, 8)}-${n.slice(8, 12)}-${n.slice(12, 16)}-${n.slice(16, 20)}-${n.slice(20, 32)}`;
  return (
    `error forwarding port ${remotePort} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${netns}": ` +
    `failed to connect to localhost:${remotePort} inside namespace "${sandbox}", ` +
    `IPv4: dial tcp4 127.0.0.1:${remotePort}: connect: connection refused IPv6 dial tcp6 [::1]:${remotePort}: connect: connection refused `
  );
}

/** klog's header for an error line: `E1205 16:58:02.414852   31348 ` (month, day, local time with microseconds, pid). */
function klogErrorHeader(d: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}000`;
  return `E${pad(d.getMonth() + 1)}${pad(d.getDate())} ${time} ${String(process.pid).padStart(7)} `;
}

/**
 * Returns the line kubectl prints for a failed forwarded connection
 * (client-go v0.32 calls runtime.HandleError at portforward.go line 424).
 */
export function formatStreamErrorLine(now: Date, localPort: number, remotePort: number, message: string): string {
  const err = `an error occurred forwarding ${localPort} -> ${remotePort}: ${message}`;
  return `${klogErrorHeader(now)}portforward.go:424] "Unhandled Error" err=${quoteGoString(err)}\n`;
}
