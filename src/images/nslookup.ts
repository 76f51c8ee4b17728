/**
 * busybox `nslookup` against the cluster DNS, in busybox's two output
 * formats. Before 1.29 it calls the C library's resolver, which follows
 * resolv.conf's search list and `ndots` and stops at the first match.
 * From 1.29 on it sends its own A and AAAA queries, one per search domain,
 * and prints every reply. The formats follow networking/nslookup.c of
 * busybox 1.28.4 and 1.36.1.
 */
import type { ShellState } from './shell/run';
import { readFile } from './shell/commands';
import type { DnsView } from './exec-network';

/** The nslookup variant of an image's busybox: the C library's resolver, or busybox's own. */
export type NslookupFlavour = 'libc' | 'own-resolver';

/** The resolver settings nslookup reads from /etc/resolv.conf. */
interface ResolverConfig {
  nameserver: string;
  search: string[];
  ndots: number;
}

function readResolverConfig(state: ShellState): ResolverConfig {
  const config: ResolverConfig = { nameserver: '127.0.0.1', search: [], ndots: 1 };
  let nameserverSeen = false;
  for (const line of (readFile(state, '/etc/resolv.conf') ?? '').split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0] && !nameserverSeen) {
      config.nameserver = rest[0];
      nameserverSeen = true;
    } else if (key === 'search') config.search = rest;
    else if (key === 'options') {
      const ndots = rest.map((o) => /^ndots:(\d+)$/.exec(o)).find((m) => m);
      if (ndots) config.ndots = Number(ndots[1]);
    }
  }
  return config;
}

/** Returns the PTR query name of an IPv4 address (`5.1.244.10.in-addr.arpa`), or undefined for anything else. */
function reverseQueryName(text: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m || m.slice(1).some((part) => Number(part) > 255)) return undefined;
  return `${m.slice(1).reverse().map(Number).join('.')}.in-addr.arpa`;
}

/** Returns the PTR record of an `in-addr.arpa` name, or undefined (NXDOMAIN). */
function answerPointer(dns: DnsView, ptrName: string): string | undefined {
  const ip = ptrName.replace(/\.in-addr\.arpa$/, '').split('.').reverse().join('.');
  return dns.reverse(ip);
}

/**
 * busybox 1.29 and later: prints the server once, then one block per query
 * in the order they were sent (A for each search name, then AAAA), each
 * ended by an empty line. Any NXDOMAIN makes the exit status 1, even when
 * another query found the name.
 * Simplified: replies arrive in the order of the queries; on a live cluster
 * they arrive in whatever order CoreDNS answers. Names outside the cluster
 * domain get NXDOMAIN, as though the upstream servers knew none of them.
 */
function lookupWithOwnResolver(state: ShellState, dns: DnsView, config: ResolverConfig, host: string, server: string | undefined): number {
  if (server !== undefined && server !== config.nameserver) {
    state.write('stdout', ';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const nameserver = server ?? config.nameserver;
  state.write('stdout', `Server:\t\t${nameserver}\nAddress:\t${nameserver}:53\n\n`);

  let status = 0;
  const ptrName = reverseQueryName(host);
  if (ptrName) {
    const name = answerPointer(dns, ptrName);
    if (name === undefined) {
      state.write('stdout', `** server can't find ${ptrName}: NXDOMAIN\n\n`);
      return 1;
    }
    state.write('stdout', `${ptrName}\tname = ${name}\n\n`);
    return 0;
  }

  // A name with a dot goes out as it is; otherwise once per search domain (ndots is not consulted).
  const names = host.includes('.') || config.search.length === 0 || server !== undefined ? [host] : config.search.map((domain) => `${host}.${domain}`);
  for (const type of ['A', 'AAAA'] as const) {
    for (const name of names) {
      const addresses = dns.addresses(name);
      if (addresses === undefined) {
        state.write('stdout', `** server can't find ${name}: NXDOMAIN\n\n`);
        status = 1;
        continue;
      }
      // The cluster has IPv4 addresses only, so an AAAA reply has no records and its block is only the empty line.
      if (type === 'A') for (const address of addresses) state.write('stdout', `Name:\t${name}\nAddress: ${address}\n`);
      state.write('stdout', '\n');
    }
  }
  return status;
}

/** Resolves as the C library does: search domains first when the name has fewer dots than `ndots`, the name as given last. */
function resolveWithLibc(dns: DnsView, config: ResolverConfig, host: string): string[] | undefined {
  if (host.endsWith('.')) return dns.addresses(host);
  const dots = host.split('.').length - 1;
  const searched = config.search.map((domain) => `${host}.${domain}`);
  const order = dots >= config.ndots ? [host, ...searched] : [...searched, host];
  for (const name of order) {
    const addresses = dns.addresses(name);
    if (addresses !== undefined && addresses.length > 0) return addresses;
  }
  return undefined;
}

/** Prints one host as busybox 1.28's print_host does: a padded header, then numbered addresses with their reverse names. */
function printHost(state: ShellState, dns: DnsView, header: string, host: string, addresses: string[]): void {
  state.write('stdout', `${header.padEnd(10)} ${host}\n`);
  addresses.forEach((address, i) => {
    const name = dns.reverse(address);
    state.write('stdout', `Address ${i + 1}: ${address}${name ? ` ${name}` : ''}\n`);
  });
}

/** busybox before 1.29: the server and its reverse name, an empty line, then the host's addresses, or an error on stderr. */
function lookupWithLibc(state: ShellState, dns: DnsView, config: ResolverConfig, host: string, server: string | undefined): number {
  const nameserver = server ?? config.nameserver;
  printHost(state, dns, 'Server:', nameserver, [nameserver]);
  state.write('stdout', '\n');
  const literal = reverseQueryName(host) ? [host] : undefined;
  const addresses = server !== undefined && server !== config.nameserver ? undefined : literal ?? resolveWithLibc(dns, config, host);
  if (!addresses) {
    state.write('stderr', `nslookup: can't resolve '${host}'\n`);
    return 1;
  }
  printHost(state, dns, 'Name:', host, addresses);
  return 0;
}

/** Runs `nslookup HOST [SERVER]` over the pod's DNS view. */
export function nslookup(dns: DnsView, flavour: NslookupFlavour, state: ShellState, args: string[]): number {
  const operands = args.filter((a) => !a.startsWith('-'));
  if (operands.length === 0 || operands.length > 2 || (flavour === 'libc' && args.some((a) => a.startsWith('-')))) {
    // NOTE: busybox prints its full usage text here; kubesim prints only the usage line.
    const options = flavour === 'own-resolver' ? '[-type=QUERY_TYPE] [-debug] ' : '';
    state.write('stderr', `Usage: nslookup ${options}HOST [DNS_SERVER]\n`);
    return 1;
  }
  const [host, server] = operands;
  const config = readResolverConfig(state);
  return flavour === 'libc'
    ? lookupWithLibc(state, dns, config, host, server)
    : lookupWithOwnResolver(state, dns, config, host, server);
}
