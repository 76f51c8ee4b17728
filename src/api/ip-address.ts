/**
 * IP address and CIDR checks with the messages of Kubernetes 1.32
 * (k8s.io/apimachinery/pkg/util/validation/ip.go and ValidateNonSpecialIP in
 * pkg/apis/core/validation). Parsing follows the "sloppy" parser of
 * k8s.io/utils/net, which is Go 1.16's net.ParseIP: IPv4 parts may have
 * leading zeros, and IPv6 may end in an IPv4 address but has no zone.
 */
import { invalidValue, type FieldCause } from './errors.js';

/** The message of IsValidIP in Kubernetes 1.32. Kubernetes 1.33 also rejects leading zeros and non-canonical forms. */
export const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const INVALID_CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** Parses the decimal digits at the start of `s` as Go's dtoi does, and returns the value and the count of digits. */
function leadingDecimal(s: string): [value: number, length: number] | undefined {
  const digits = /^[0-9]+/.exec(s)?.[0];
  if (!digits) return undefined;
  const value = digits.length > 8 ? Infinity : Number(digits);
  return [value, digits.length];
}

/** Parses dotted-quad IPv4 into 4 bytes. Each part may have leading zeros. */
function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    const parsed = leadingDecimal(part);
    if (!parsed || parsed[1] !== part.length || parsed[0] > 255) return undefined;
    bytes.push(parsed[0]);
  }
  return bytes;
}

/** Parses IPv6 text into 16 bytes: hex groups, at most one `::`, and an optional trailing IPv4 address. */
function parseIPv6(text: string): number[] | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = text;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ip;
  }

  let i = 0;
  while (i < 16) {
    const hex = /^[0-9a-fA-F]+/.exec(s)?.[0];
    if (!hex || parseInt(hex, 16) > 0xffff) return undefined;

    if (s[hex.length] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const ip4 = parseIPv4(s);
      if (!ip4) return undefined;
      ip.splice(i, 4, ...ip4);
      s = '';
      i += 4;
      break;
    }

    const group = parseInt(hex, 16);
    ip[i] = group >> 8;
    ip[i + 1] = group & 0xff;
    i += 2;
    s = s.slice(hex.length);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return undefined;

  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const shift = 16 - i;
    const tail = ip.slice(ellipsis, i);
    ip.fill(0, ellipsis);
    ip.splice(ellipsis + shift, tail.length, ...tail);
    ip.length = 16;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** A parsed address: 4 bytes for IPv4 (also an IPv4-mapped IPv6 address), else 16. */
export type IPBytes = number[];

/** Parses an IP address as netutils.ParseIPSloppy does, or returns undefined for any other text. */
export function parseIPSloppy(s: string): IPBytes | undefined {
  const firstSeparator = /[.:]/.exec(s)?.[0];
  if (firstSeparator === '.') return parseIPv4(s);
  if (firstSeparator !== ':') return undefined;
  const ip = parseIPv6(s);
  if (!ip) return undefined;
  const mapped = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  return mapped ? ip.slice(12) : ip;
}

/** Reports whether `s` is an IPv6 address that is not IPv4-mapped, as netutils.IsIPv6String does. */
export function isIPv6String(s: string): boolean {
  return parseIPSloppy(s)?.length === 16;
}

/** Returns IsValidIP's cause for `value` at `field` when it is no IP address. */
export function ipAddressErrors(field: string, value: string): FieldCause[] {
  return parseIPSloppy(value) ? [] : [invalidValue(field, value, INVALID_IP_MESSAGE)];
}

/** Returns IsValidCIDR's cause for `value` at `field` when it is no `address/prefix-length` pair. */
export function cidrErrors(field: string, value: string): FieldCause[] {
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const address = value.slice(0, slash);
    const mask = value.slice(slash + 1);
    const bits = parseIPv4(address) ? 32 : parseIPv6(address) ? 128 : 0;
    const parsed = leadingDecimal(mask);
    if (bits > 0 && parsed && parsed[1] === mask.length && parsed[0] <= bits) return [];
  }
  return [invalidValue(field, value, INVALID_CIDR_MESSAGE)];
}

function isLoopback(ip: IPBytes): boolean {
  return ip.length === 4 ? ip[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

function isLinkLocalUnicast(ip: IPBytes): boolean {
  return ip.length === 4 ? ip[0] === 169 && ip[1] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80;
}

function isLinkLocalMulticast(ip: IPBytes): boolean {
  return ip.length === 4 ? ip[0] === 224 && ip[1] === 0 && ip[2] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02;
}

/**
 * Returns ValidateNonSpecialIP's causes, which reject the unspecified
 * address and loopback and link-local addresses as a Service's external IPs.
 */
export function nonSpecialIPErrors(field: string, value: string): FieldCause[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalidValue(field, value, 'must be a valid IP address')];
  const causes: FieldCause[] = [];
  if (ip.every((b) => b === 0)) causes.push(invalidValue(field, value, `may not be unspecified (${value})`));
  if (isLoopback(ip)) causes.push(invalidValue(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (isLinkLocalUnicast(ip)) causes.push(invalidValue(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (isLinkLocalMulticast(ip)) causes.push(invalidValue(field, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return causes;
}

/**
 * Renders a string list as Go's `%#v` prints a `[]string` or a named string
 * slice such as `[]core.IPFamily`, the way the API server shows list values
 * in field errors before Kubernetes 1.34.
 */
export function goStringSliceText(values: readonly unknown[] | undefined, type = '[]string'): string {
  if (values === undefined || values === null) return `${type}(nil)`;
  return `${type}{${values.map((v) => JSON.stringify(String(v))).join(', ')}}`;
}
