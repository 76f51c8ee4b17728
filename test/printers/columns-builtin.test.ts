import { describe, expect, it } from 'vitest';
import { tableFor } from '../../src/printers/columns.js';

const pc = { now: Date.parse('2026-01-01T01:00:00Z'), version: 132 };
const meta = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('built-in kind tables', () => {
  it('shows three ingress hosts and counts the rest', () => {
    const rules = ['a', 'b', 'c', 'd', 'e'].map((h) => ({ host: `${h}.com` }));
    expect(tableFor('ingresses', 132).row({ kind: 'Ingress', metadata: meta, spec: { rules } } as any, pc)).toEqual(['x', '<none>', 'a.com,b.com,c.com + 2 more...', '', '80', '60m']);
  });

  it('clips a long ingress address to 16 characters', () => {
    const status = { loadBalancer: { ingress: [{ ip: '192.168.100.200' }, { ip: '10.0.0.1' }] } };
    expect(tableFor('ingresses', 132).row({ kind: 'Ingress', metadata: meta, spec: {}, status } as any, pc)[3]).toBe('10.0.0.1,192....');
  });

  it('names an ingress class parameter with its group', () => {
    const spec = { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } };
    expect(tableFor('ingressclasses', 132).row({ kind: 'IngressClass', metadata: meta, spec } as any, pc)).toEqual(['x', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/p', '60m']);
  });

  it('words a certificate signing request condition in precedence order', () => {
    const status = { conditions: [{ type: 'Approved' }, { type: 'Failed' }], certificate: 'abc' };
    const spec = { signerName: 'kubernetes.io/kube-apiserver-client', username: 'jane', expirationSeconds: 86400 };
    expect(tableFor('certificatesigningrequests', 132).row({ kind: 'CertificateSigningRequest', metadata: meta, spec, status } as any, pc)).toEqual([
      'x',
      '60m',
      'kubernetes.io/kube-apiserver-client',
      'jane',
      '24h',
      'Approved,Failed,Issued',
    ]);
  });

  it('shows the pod labels of a pod template', () => {
    const template = { metadata: { labels: { b: '2', a: '1' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect(tableFor('podtemplates', 132).row({ kind: 'PodTemplate', metadata: meta, template } as any, pc)).toEqual(['x', 'c', 'nginx', 'a=1,b=2']);
  });
});
