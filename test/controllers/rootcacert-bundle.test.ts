import { describe, expect, it } from 'vitest';
import { clusterCABundle } from '../../src/controllers/rootcacert/ca-bundle.js';

describe('clusterCABundle', () => {
  it('has a kubeadm CA PEM size', () => {
    const pem = clusterCABundle(1);
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -3).every((l) => l.length === 64)).toBe(true);
    expect(pem).toHaveLength(1107);
    expect(Buffer.from(lines.slice(1, -2).join(''), 'base64')).toHaveLength(777);
  });

  it('opens like a kubeadm CA', () => {
    expect(clusterCABundle(1).split('\n')[1]).toMatch(/^MIIDBTCCAe2gAwIBAgII/);
  });

  it('depends on the seed only', () => {
    const first = clusterCABundle(5);
    expect(clusterCABundle(6)).not.toBe(first);
    expect(clusterCABundle(5)).toBe(first);
  });
});
