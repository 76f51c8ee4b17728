/**
 * IP address parsing as Kubernetes 1.32 validation does it, with
 * k8s.io/utils/net ParseIPSloppy: Go 1.16's net.ParseIP, which still
 * accepts IPv4 octets with leading zeros ("010.0.0.1").
 */

/** Parses dotted-quad IPv4 text into its four bytes, or returns undefined. */
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
 * as IPv4-mapped IPv6), or returns undefined when the text is no address.
 * Whichever of '.' and ':' comes first picks the IPv4 or IPv6 syntax.
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

/** Returns the family of an address ParseIPSloppy reads: an IPv4-mapped IPv6 address counts as IPv4, as Go's To4 does. */
export function ipFamilyOf(text: string): 'IPv4' | 'IPv6' | undefined {
  const bytes = parseIPSloppy(text);
  if (!bytes) return undefined;
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? 'IPv4' : 'IPv6';
}
