import { describe, expect, it } from 'vitest';
import { cidrErrors, ipAddressErrors, ipFamilyOf, nonSpecialIPErrors, parseIPSloppy } from '../../src/api/ip-address.js';
import { formatCause } from '../../src/api/errors.js';

/** The 16-byte form Go's net.IP gives an IPv4 address. */
const v4 = (...bytes: number[]) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes];

describe('parseIPSloppy', () => {
  it.each<[string, number[] | undefined]>([
    ['10.96.0.1', v4(10, 96, 0, 1)],
    ['010.096.000.001', v4(10, 96, 0, 1)],
    ['000000000010.0.0.1', v4(10, 0, 0, 1)],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.', undefined],
    ['', undefined],
    ['example.com', undefined],
    ['::1', [...new Array(15).fill(0), 1]],
    ['::', new Array(16).fill(0)],
    ['2001:db8::ffff', [0x20, 0x01, 0x0d, 0xb8, ...new Array(10).fill(0), 0xff, 0xff]],
    ['fd00::2:1', [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1]],
    ['::ffff:10.1.2.3', v4(10, 1, 2, 3)],
    ['1::2::3', undefined],
    ['fe80::1%eth0', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['12345::1', undefined],
  ])('parses %j', (text, bytes) => {
    expect(parseIPSloppy(text)).toEqual(bytes);
  });
});

describe('ipFamilyOf', () => {
  it.each([
    ['10.96.0.1', 'IPv4'],
    ['010.096.000.001', 'IPv4'],
    ['0000000010.96.0.1', 'IPv4'],
    ['::ffff:10.96.0.1', 'IPv4'],
    ['2001:db8::ffff', 'IPv6'],
    ['fd00::10', 'IPv6'],
    ['::', 'IPv6'],
    ['::1', 'IPv6'],
    ['1:2:3:4:5:6:7:8', 'IPv6'],
    ['1:2:3:4:5:6:7::', 'IPv6'],
    ['1:2:3:4:5:6:1.2.3.4', 'IPv6'],
    ['fd00::1.2.3.4', 'IPv6'],
    ['00000fd00::1', 'IPv6'],
  ])('reads %s as %s', (text, family) => {
    expect(ipFamilyOf(text)).toBe(family);
  });

  it.each([
    '',
    'abc',
    'None',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1.2.3.4:80',
    '1.2.3.-4',
    ' 1.2.3.4',
    ':1::',
    '1:',
    '1::2::3',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:1.2.3.4',
    '10000::1',
    'fe80::1%eth0',
    '1.2.3.4::',
  ])('rejects %j', (text) => {
    expect(ipFamilyOf(text)).toBeUndefined();
  });
});

describe('ipAddressErrors', () => {
  it('gives the IPv6 example from 1.20', () => {
    expect(ipAddressErrors('f', 'x', 132).map(formatCause)).toEqual(['f: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(ipAddressErrors('f', 'x', 119).map(formatCause)).toEqual(['f: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7)']);
  });

  it('accepts an address', () => {
    expect(ipAddressErrors('f', '010.0.0.1', 132)).toEqual([]);
  });
});

describe('cidrErrors', () => {
  it.each(['10.0.0.0/8', '10.1.2.3/32', '0.0.0.0/0', '2001:db8::/64', '10.0.0.0/008', '10.0.0.0/0000000008'])('accepts %s', (cidr) => {
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
    ['::ffff:0.0.0.0', 'may not be unspecified (::ffff:0.0.0.0)'],
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
