/**
 * IP address parsing and checks as Kubernetes validation does them.
 * Parsing follows k8s.io/utils/net ParseIPSloppy, which is Go 1.16's
 * net.ParseIP: IPv4 octets may have leading zeros ("010.0.0.1"), and IPv6
 * may end in an IPv4 address but has no zone. The messages are those of
 * k8s.io/apimachinery/pkg/util/validation (IsValidIP, IsValidCIDR) and of
 * ValidateNonSpecialIP in pkg/apis/core/validation.
 */
import { invalidValue, type FieldCause } from './errors.js';

const INVALID_CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/**
 * Returns IsValidIP's message, which gained the IPv6 example in Kubernetes
 * 1.20 (apimachinery v0.20.0).
 */
// NOTE: apimachinery 1.33 adds a strict mode for these fields (no leading
// zeros, canonical forms only) behind the StrictIPCIDRValidation gate. This
// file follows the 1.32 rules at every version.
export function invalidIPMessage(clusterVersion: number): string {
  return clusterVersion >= 120 ? 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' : 'must be a valid IP address, (e.g. 10.9.8.7)';
}

/** Parses dotted-quad IPv4 text into its four bytes, or returns undefined. Go's dtoi allows any number of leading zeros. */
function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

/** Parses IPv6 text with at most one `::` and an optional IPv4 tail into 16 bytes, or returns undefined. */
function parseIPv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const readGroups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const bytes: number[] = [];
    const groups = half.split(':');
    for (const [i, group] of groups.entries()) {
      if (i === groups.length - 1 && group.includes('.')) {
        const v4 = parseIPv4(group);
        if (!v4) return undefined;
        bytes.push(...v4);
        continue;
      }
      // Go's xtoi takes any number of hex digits, so leading zeros may pad a group.
      if (!/^[0-9a-fA-F]+$/.test(group)) return undefined;
      const n = parseInt(group, 16);
      if (n > 0xffff) return undefined;
      bytes.push(n >> 8, n & 0xff);
    }
    return bytes;
  };
  const head = readGroups(halves[0]);
  const tail = halves.length === 2 ? readGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An IPv4 tail must end the address, so it may not appear in the part before `::`.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  // `::` stands for at least one zero group.
  const missing = 16 - head.length - tail.length;
  if (missing < 2) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/**
 * Parses an IP address as ParseIPSloppy does into its 16-byte form (IPv4
 * as IPv4-mapped IPv6, as Go's net.IP holds it), or returns undefined when
 * the text is no address. Whichever of '.' and ':' comes first picks the
 * IPv4 or IPv6 syntax.
 */
export function parseIPSloppy(text: string): number[] | undefined {
  const dot = text.indexOf('.');
  const colon = text.indexOf(':');
  if (dot < 0 && colon < 0) return undefined;
  if (colon < 0 || (dot >= 0 && dot < colon)) {
    const v4 = parseIPv4(text);
    return v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] : undefined;
  }
  return parseIPv6(text);
}

/** Returns the four IPv4 bytes of a parsed address, as Go's To4 does, or undefined for an IPv6 address. */
function to4(bytes: number[]): number[] | undefined {
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : undefined;
}

/** Returns the family of an address ParseIPSloppy reads: an IPv4-mapped IPv6 address counts as IPv4, as Go's To4 does. */
export function ipFamilyOf(text: string): 'IPv4' | 'IPv6' | undefined {
  const bytes = parseIPSloppy(text);
  if (!bytes) return undefined;
  return to4(bytes) ? 'IPv4' : 'IPv6';
}

/** Returns IsValidIP's cause for `value` at `field` when it is no IP address. */
export function ipAddressErrors(field: string, value: string, clusterVersion: number): FieldCause[] {
  return parseIPSloppy(value) ? [] : [invalidValue(field, value, invalidIPMessage(clusterVersion))];
}

/** Returns IsValidCIDR's cause for `value` at `field` when it is no `address/prefix-length` pair, read as ParseCIDRSloppy does. */
export function cidrErrors(field: string, value: string): FieldCause[] {
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const address = value.slice(0, slash);
    const mask = value.slice(slash + 1);
    const bits = parseIPv4(address) ? 32 : parseIPv6(address) ? 128 : 0;
    if (bits > 0 && /^[0-9]+$/.test(mask) && Number(mask) <= bits) return [];
  }
  return [invalidValue(field, value, INVALID_CIDR_MESSAGE)];
}

function isLoopback(ip: number[]): boolean {
  const v4 = to4(ip);
  return v4 ? v4[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

function isLinkLocalUnicast(ip: number[]): boolean {
  const v4 = to4(ip);
  return v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80;
}

function isLinkLocalMulticast(ip: number[]): boolean {
  const v4 = to4(ip);
  return v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02;
}

/**
 * Returns ValidateNonSpecialIP's causes, which reject the unspecified
 * address and loopback and link-local addresses as a Service's external IPs.
 */
export function nonSpecialIPErrors(field: string, value: string): FieldCause[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalidValue(field, value, 'must be a valid IP address')];
  const causes: FieldCause[] = [];
  const unspecified = (to4(ip) ?? ip).every((b) => b === 0);
  if (unspecified) causes.push(invalidValue(field, value, `may not be unspecified (${value})`));
  if (isLoopback(ip)) causes.push(invalidValue(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (isLinkLocalUnicast(ip)) causes.push(invalidValue(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (isLinkLocalMulticast(ip)) causes.push(invalidValue(field, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return causes;
}
