import { describe, expect, it } from 'vitest';
import { ipFamilyOf, parseIPSloppy } from '../../src/api/ip-address.js';

describe('ipFamilyOf', () => {
  it.each([
    ['10.96.0.1', 'IPv4'],
    ['010.096.000.001', 'IPv4'],
    ['0000000010.96.0.1', 'IPv4'],
    ['::ffff:10.96.0.1', 'IPv4'],
    ['2001:db8::ffff', 'IPv6'],
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

describe('parseIPSloppy', () => {
  it('maps IPv4 into IPv6 form', () => {
    expect(parseIPSloppy('10.96.0.1')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 96, 0, 1]);
  });

  it('fills the ellipsis with zero groups', () => {
    expect(parseIPSloppy('fd00::2:1')).toEqual([0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1]);
  });
});
