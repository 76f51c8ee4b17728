import { describe, expect, it } from 'vitest';
import { cidrErrors, goStringSliceText, isIPv6String, nonSpecialIPErrors, parseIPSloppy } from '../../src/api/ip-address.js';
import { formatCause } from '../../src/api/errors.js';

describe('parseIPSloppy', () => {
  it.each<[string, number[] | undefined]>([
    ['10.96.0.1', [10, 96, 0, 1]],
    ['010.096.000.001', [10, 96, 0, 1]],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.', undefined],
    ['', undefined],
    ['example.com', undefined],
    ['::1', [...new Array(15).fill(0), 1]],
    ['::', new Array(16).fill(0)],
    ['2001:db8::ffff', [0x20, 0x01, 0x0d, 0xb8, ...new Array(10).fill(0), 0xff, 0xff]],
    ['::ffff:10.1.2.3', [10, 1, 2, 3]],
    ['1::2::3', undefined],
    ['fe80::1%eth0', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['12345::1', undefined],
  ])('parses %j', (text, bytes) => {
    expect(parseIPSloppy(text)).toEqual(bytes);
  });

  it('tells IPv6 from IPv4-mapped addresses', () => {
    expect(isIPv6String('fd00::10')).toBe(true);
    expect(isIPv6String('::ffff:10.1.2.3')).toBe(false);
    expect(isIPv6String('10.1.2.3')).toBe(false);
  });
});

describe('cidrErrors', () => {
  it.each(['10.0.0.0/8', '10.1.2.3/32', '0.0.0.0/0', '2001:db8::/64', '10.0.0.0/008'])('accepts %s', (cidr) => {
    expect(cidrErrors('f', cidr)).toEqual([]);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/+8', 'nope/8'])('rejects %s', (cidr) => {
    expect(cidrErrors('f', cidr).map(formatCause)).toEqual([`f: Invalid value: "${cidr}": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`]);
  });
});

describe('nonSpecialIPErrors', () => {
  it.each<[string, string]>([
    ['0.0.0.0', 'may not be unspecified (0.0.0.0)'],
    ['::', 'may not be unspecified (::)'],
    ['127.0.0.5', 'may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['::1', 'may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['169.254.169.254', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['fe80::1', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['224.0.0.251', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
    ['ff02::1', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
  ])('rejects %s', (ip, message) => {
    expect(nonSpecialIPErrors('f', ip).map(formatCause)).toEqual([`f: Invalid value: "${ip}": ${message}`]);
  });

  it('accepts an ordinary address', () => {
    expect(nonSpecialIPErrors('f', '192.168.10.5')).toEqual([]);
  });
});

describe('goStringSliceText', () => {
  it('prints a list as Go syntax', () => {
    expect(goStringSliceText(['10.96.0.5', 'fd00::5'])).toBe('[]string{"10.96.0.5", "fd00::5"}');
    expect(goStringSliceText(undefined)).toBe('[]string(nil)');
  });
});
