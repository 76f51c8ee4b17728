/**
 * The `--address` values of `kubectl port-forward`, parsed as client-go's
 * tools/portforward parseAddresses does (v0.32), and kubesim's rule that
 * it listens on the loopback interface only.
 */
import { isIPv6 } from 'node:net';
import { UsageError } from '../../api/errors.js';

/** One address to listen on. */
export interface ListenAddress {
  /** The address as given, which the `Forwarding from` line prints. */
  address: string;
  /** Go's network name, which listen errors print. */
  protocol: 'tcp4' | 'tcp6';
  /**
   * `all` for the two addresses `localhost` stands for: the port fails only
   * when neither can listen. `any` for an address given as an IP: the port
   * fails when it cannot listen.
   */
  failureMode: 'all' | 'any';
}

/** Parses dotted IPv4 as Go's sloppy parser does, which allows leading zeros. */
function parseIPv4(text: string): number[] | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

/** Returns the canonical form of an IPv6 address (`::1`), or undefined when `text` is not one. */
function canonicalIPv6(text: string): string | undefined {
  // Go's parser rejects zone suffixes (`fe80::1%eth0`), which Node's accepts.
  if (text.includes('%') || !isIPv6(text)) return undefined;
  return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

/** Reports whether an IPv6 address is IPv4-mapped (`::ffff:1.2.3.4`), which Go listens on as tcp4. */
function isIPv4Mapped(canonical: string): boolean {
  return /^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(canonical);
}

/**
 * Splits the `--address` occurrences into addresses as pflag's StringSlice
 * does: each occurrence is comma-separated, and an empty one adds nothing.
 */
export function splitAddressFlag(values: string[]): string[] {
  return values.flatMap((v) => (v === '' ? [] : v.split(',')));
}

/**
 * Parses the addresses, sorted by their text. `localhost` stands for
 * 127.0.0.1 and ::1. A value that is not an IP is an error.
 */
export function parseAddresses(values: string[]): ListenAddress[] {
  if (values.length === 0) throw new UsageError('you must specify at least 1 address');
  const parsed = new Map<string, ListenAddress>();
  for (const address of values) {
    if (address === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', failureMode: 'all' });
      continue;
    }
    const v6 = canonicalIPv6(address);
    if (parseIPv4(address) || (v6 !== undefined && isIPv4Mapped(v6))) parsed.set(address, { address, protocol: 'tcp4', failureMode: 'any' });
    else if (v6 !== undefined) parsed.set(address, { address, protocol: 'tcp6', failureMode: 'any' });
    else throw new UsageError(`${address} is not a valid IP`);
  }
  return [...parsed.values()].sort((a, b) => {
    if (a.address < b.address) return -1;
    if (a.address > b.address) return 1;
    return 0;
  });
}

/** Returns the address Node listens on for a parsed address: the loopback address it names. */
export function loopbackHost(a: ListenAddress): string | undefined {
  if (a.protocol === 'tcp4') {
    const parts = parseIPv4(a.address);
    return parts?.join('.') === '127.0.0.1' ? '127.0.0.1' : undefined;
  }
  return canonicalIPv6(a.address) === '::1' ? '::1' : undefined;
}

/**
 * Rejects every address other than 127.0.0.1 and ::1 (in any spelling),
 * where kubectl would listen on any address of the host. kubesim
 * forwards into a simulated cluster, and a listener on another interface
 * would expose it to the network.
 */
export function checkLoopbackOnly(addresses: ListenAddress[]): void {
  for (const a of addresses) {
    if (loopbackHost(a) === undefined) {
      throw new UsageError(`--address ${a.address} is not allowed: kubesim port-forward listens only on localhost (127.0.0.1 and ::1)`);
    }
  }
}

/** Formats `host:port` as Go's net.JoinHostPort does, with brackets around an IPv6 host. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
