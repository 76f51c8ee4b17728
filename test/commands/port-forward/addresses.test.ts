import { describe, expect, it } from 'vitest';
import { checkLoopbackOnly, joinHostPort, parseAddresses, splitAddressFlag } from '../../../src/commands/port-forward/addresses.js';

describe('splitAddressFlag', () => {
  it('splits each occurrence at commas', () => {
    expect(splitAddressFlag(['localhost,127.0.0.1', '::1'])).toEqual(['localhost', '127.0.0.1', '::1']);
  });

  it('adds nothing for an empty occurrence', () => {
    expect(splitAddressFlag([''])).toEqual([]);
  });
});

describe('parseAddresses', () => {
  it('expands localhost to both loopback addresses', () => {
    expect(parseAddresses(['localhost'])).toEqual([
      { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' },
      { address: '::1', protocol: 'tcp6', failureMode: 'all' },
    ]);
  });

  it('sorts addresses by their text', () => {
    expect(parseAddresses(['::1', '127.0.0.1']).map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
  });

  it('lets an explicit address override localhost', () => {
    expect(parseAddresses(['localhost', '127.0.0.1'])[0]).toEqual({ address: '127.0.0.1', protocol: 'tcp4', failureMode: 'any' });
  });

  it('reads an IPv4-mapped address as tcp4', () => {
    expect(parseAddresses(['::ffff:127.0.0.1'])[0].protocol).toBe('tcp4');
  });

  it('rejects a value that is not an IP', () => {
    expect(() => parseAddresses(['127.0.0.1', 'example.com'])).toThrow('example.com is not a valid IP');
  });

  it('rejects an IPv6 zone', () => {
    expect(() => parseAddresses(['fe80::1%lo'])).toThrow('fe80::1%lo is not a valid IP');
  });

  it('requires an address', () => {
    expect(() => parseAddresses([])).toThrow('you must specify at least 1 address');
  });
});

describe('checkLoopbackOnly', () => {
  it('accepts 127.0.0.1 and ::1 in any spelling', () => {
    expect(() => checkLoopbackOnly(parseAddresses(['localhost', '0:0:0:0:0:0:0:1', '127.0.0.1']))).not.toThrow();
  });

  const rejected = ['0.0.0.0', '::', '10.19.21.23', '127.0.0.2', '::ffff:127.0.0.1'];
  for (const address of rejected) {
    it(`rejects ${address}`, () => {
      expect(() => checkLoopbackOnly(parseAddresses([address]))).toThrow(
        `--address ${address} is not allowed: kubesim port-forward listens only on localhost (127.0.0.1 and ::1)`,
      );
    });
  }
});

describe('joinHostPort', () => {
  it('brackets an IPv6 host', () => {
    expect(joinHostPort('::1', 8080)).toBe('[::1]:8080');
  });

  it('leaves an IPv4 host bare', () => {
    expect(joinHostPort('127.0.0.1', 8080)).toBe('127.0.0.1:8080');
  });
});
