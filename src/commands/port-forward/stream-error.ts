/**
 * The lines kubectl prints when the pod side of a forwarded connection
 * fails, such as nothing listening on the remote port, and when the session
 * loses its pod. client-go (tools/portforward) passes these errors to
 * runtime.HandleError, which klog prints as one error line; the form and
 * the consequences changed between releases (see forwardingErrorStyle).
 * The error text comes from the container runtime; kubesim words it as
 * containerd does.
 */
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import { quoteGoString } from '../../printers/go-value.js';

/** The forwarding-error behaviour of one kubectl release, read from client-go's tools/portforward of that release. */
export interface ForwardingErrorStyle {
  /** The source line of handleConnection's runtime.HandleError call, which klog prints. */
  connectionErrorLine: number;
  /** apimachinery 1.31 and later log `"Unhandled Error" err="..."` where older ones logged the bare message. */
  structured: boolean;
  /** From 1.23 a failed connection closes the whole session; before, only that connection ended. */
  connectionErrorEndsSession: boolean;
  /**
   * The source line that logs `lost connection to pod` before the command
   * exits 0, or undefined from 1.27, whose forward() returns the error, so
   * kubectl prints `error: lost connection to pod` and exits 1.
   */
  lostConnectionLine?: number;
}

/** Returns the error style of the kubectl that `version` (1.32 is 132) stands for. */
export function forwardingErrorStyle(version: number): ForwardingErrorStyle {
  if (version >= 132) return { connectionErrorLine: 424, structured: true, connectionErrorEndsSession: true };
  if (version >= 131) return { connectionErrorLine: 413, structured: true, connectionErrorEndsSession: true };
  if (version >= 130) return { connectionErrorLine: 413, structured: false, connectionErrorEndsSession: true };
  if (version >= 127) return { connectionErrorLine: 409, structured: false, connectionErrorEndsSession: true };
  if (version >= 126) return { connectionErrorLine: 407, structured: false, connectionErrorEndsSession: true, lostConnectionLine: 233 };
  if (version >= 123) return { connectionErrorLine: 406, structured: false, connectionErrorEndsSession: true, lostConnectionLine: 234 };
  return { connectionErrorLine: 400, structured: false, connectionErrorEndsSession: false, lostConnectionLine: 233 };
}

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

/** Formats runtime.HandleError's klog line for `message`, logged at `portforward.go:<line>`. */
function formatHandledError(now: Date, style: ForwardingErrorStyle, line: number, message: string): string {
  const text = style.structured ? `"Unhandled Error" err=${quoteGoString(message)}` : message;
  return `${klogErrorHeader(now)}portforward.go:${line}] ${text}\n`;
}

/** Returns the line kubectl prints for a failed forwarded connection. */
export function formatConnectionErrorLine(now: Date, style: ForwardingErrorStyle, localPort: number, remotePort: number, message: string): string {
  return formatHandledError(now, style, style.connectionErrorLine, `an error occurred forwarding ${localPort} -> ${remotePort}: ${message}`);
}

/** Returns the line kubectl before 1.27 prints when the session loses its pod; later ones return the error instead. */
export function formatLostConnectionLine(now: Date, style: ForwardingErrorStyle): string {
  return formatHandledError(now, style, style.lostConnectionLine ?? 0, 'lost connection to pod');
}
