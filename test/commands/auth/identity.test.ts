import { describe, expect, it } from 'vitest';
import { adminUser } from '../../../src/commands/auth/identity.js';
import { whoamiTable } from '../../../src/commands/auth/whoami.js';

describe('adminUser', () => {
  it('is in kubeadm:cluster-admins from 1.29', () => {
    expect(adminUser(129, 'c', 1)).toEqual({ username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] });
  });

  it('is in system:masters before 1.29', () => {
    expect(adminUser(128, 'c', 1).groups).toEqual(['system:masters', 'system:authenticated']);
  });

  it('has a per-cluster credential ID from 1.32', () => {
    const id = adminUser(132, 'c', 1).extra?.['authentication.kubernetes.io/credential-id'];
    expect(id?.[0]).toMatch(/^X509SHA256=[0-9a-f]{64}$/);
    expect(adminUser(132, 'c', 1).extra).toEqual(adminUser(132, 'c', 1).extra);
    expect(adminUser(132, 'd', 1).extra).not.toEqual(adminUser(132, 'c', 1).extra);
  });
});

describe('whoamiTable', () => {
  it('pads the attribute column to the widest attribute', () => {
    expect(whoamiTable({ username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] })).toBe(
      'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n',
    );
  });

  it('prints each extra key as a row of its own', () => {
    expect(whoamiTable({ username: 'u', groups: [], extra: { k: ['a', 'b'] } })).toBe('ATTRIBUTE   VALUE\nUsername    u\nExtra: k    [a b]\n');
  });
});
