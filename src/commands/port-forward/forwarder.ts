/**
 * The forwarding session of `port-forward`: HTTP listeners on loopback
 * addresses whose requests the forwarded pod's simulated program serves,
 * with the response `kubesim curl` gets from that pod and port. Messages
 * follow client-go's tools/portforward: a `Forwarding from` line per
 * listener, a `Handling connection for` line per connection, and
 * `lost connection to pod` when the pod goes away or a connection to it fails.
 *
 * Simplified: kubectl forwards raw TCP to the pod. kubesim's pods serve
 * only HTTP, so each listener is an HTTP server, and every request method
 * gets the response to a GET.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { UsageError } from '../../api/errors.js';
import { podGet } from '../../network/http.js';
import { joinHostPort, loopbackHost, type ListenAddress } from './addresses.js';
import type { ForwardedPort } from './ports.js';
import { formatConnectionErrorLine, formatLostConnectionLine, formatRefusedMessage, type ForwardingErrorStyle } from './stream-error.js';

/** How often an idle session checks that its pod still exists. */
const POD_CHECK_MS = 1000;

/** The pod, ports and addresses of one session, and its output streams. */
export interface ForwardSession {
  cluster: Cluster;
  /** The pod as it was when forwarding started; a pod with another uid is another pod. */
  pod: KObject;
  ports: ForwardedPort[];
  addresses: ListenAddress[];
  /** The emulated kubectl release's reporting of failed connections and a lost pod. */
  style: ForwardingErrorStyle;
  out(text: string): void;
  err(text: string): void;
}

/** Go's text for the errno values a listen can fail with. */
const ERRNO_TEXT: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'cannot assign requested address',
  EACCES: 'permission denied',
  EAFNOSUPPORT: 'address family not supported by protocol',
};

/** Starts `server` listening and resolves once it listens, or rejects with the listen error. */
function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port });
  });
}

/**
 * Listens on every address for one port and prints a `Forwarding from`
 * line for each listener. Returns the listen errors that fail the port,
 * following the failure modes of the addresses. A random local port (0)
 * becomes the first listener's port, which the later addresses reuse.
 */
async function listenOnPort(s: ForwardSession, port: ForwardedPort, handler: (req: IncomingMessage, res: ServerResponse, port: ForwardedPort) => void, servers: Server[]): Promise<string[]> {
  const errors: string[] = [];
  const failed = { all: 0, any: 0 };
  const succeeded = { all: 0, any: 0 };
  for (const a of s.addresses) {
    // checkLoopbackOnly has rejected every other address before the session starts.
    const host = loopbackHost(a)!;
    const server = createServer((req, res) => handler(req, res, port));
    try {
      await listen(server, host, port.local);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      errors.push(`unable to create listener: Error listen ${a.protocol} ${joinHostPort(host, port.local)}: bind: ${ERRNO_TEXT[code] ?? (err as Error).message}`);
      failed[a.failureMode]++;
      continue;
    }
    succeeded[a.failureMode]++;
    servers.push(server);
    const bound = server.address();
    if (bound && typeof bound === 'object') port.local = bound.port;
    server.on('connection', () => s.out(`Handling connection for ${port.local}\n`));
    s.out(`Forwarding from ${joinHostPort(a.address, port.local)} -> ${port.remote}\n`);
  }
  const portFails = (succeeded.all === 0 && failed.all > 0) || failed.any > 0;
  return portFails ? errors : [];
}

/** Returns the pod after settling the cluster to now, or undefined when it is gone. */
function findCurrentPod(s: ForwardSession): KObject | undefined {
  try {
    s.cluster.settle();
  } catch {
    // A busy database is settled by the next check or command, so the stored pod serves this request.
  }
  const pod = s.cluster.store.get('pods', s.pod.metadata.namespace ?? 'default', s.pod.metadata.name);
  return pod && pod.metadata.uid === s.pod.metadata.uid ? pod : undefined;
}

/**
 * Forwards until SIGINT or SIGTERM (resolves) or until the session loses
 * its pod: the pod is gone, or from 1.23 a forwarded connection fails.
 * Then kubectl 1.27 and later fail with `lost connection to pod` (this
 * rejects), and older ones log it and exit 0 (this resolves).
 * Throws kubectl's error when no port could listen.
 * Simplified: kubectl handles only SIGINT and dies of SIGTERM; kubesim
 * ends cleanly on both, so its listeners and database close.
 */
export async function forwardPorts(s: ForwardSession): Promise<void> {
  const servers: Server[] = [];
  let settleSession: (err?: Error) => void = () => {};
  const session = new Promise<void>((resolve, reject) => {
    settleSession = (err) => (err ? reject(err) : resolve());
  });
  let ended = false;
  const onSignal = () => end();
  let podCheck: NodeJS.Timeout | undefined;

  function end(err?: Error): void {
    if (ended) return;
    ended = true;
    clearInterval(podCheck);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
    settleSession(err);
  }

  /** Ends the session as client-go's forward() does when its stream connection closes. */
  function loseConnection(): void {
    if (s.style.lostConnectionLine === undefined) return end(new UsageError('lost connection to pod'));
    s.err(formatLostConnectionLine(new Date(), s.style));
    end();
  }

  function respond(req: IncomingMessage, res: ServerResponse, port: ForwardedPort): void {
    if (ended) return void req.socket.destroy();
    const pod = findCurrentPod(s);
    if (!pod) {
      req.socket.destroy();
      return loseConnection();
    }
    const result = podGet(s.cluster, pod, { host: pod.status?.podIP ?? '', port: port.remote, path: req.url ?? '/' });
    if (result.error || result.status === undefined) {
      s.err(formatConnectionErrorLine(new Date(), s.style, port.local, port.remote, formatRefusedMessage(pod, port.remote)));
      req.socket.destroy();
      if (s.style.connectionErrorEndsSession) loseConnection();
      return;
    }
    res.writeHead(result.status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(result.body) });
    res.end(result.body);
  }

  let listened = false;
  for (const port of s.ports) {
    const errors = await listenOnPort(s, port, respond, servers);
    if (errors.length === 0) listened = true;
    else s.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
  }
  if (!listened) {
    end();
    throw new UsageError(`unable to listen on any of the requested ports: [${s.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  podCheck = setInterval(() => {
    if (!findCurrentPod(s)) loseConnection();
  }, POD_CHECK_MS);
  return session;
}
