import { describe, expect, it } from 'vitest';
import { formatRefusedMessage, formatStreamErrorLine } from '../../../src/commands/port-forward/stream-error.js';

describe('formatStreamErrorLine', () => {
  it('prints a klog error line with the quoted error', () => {
    const now = new Date(2026, 11, 5, 9, 8, 7, 654);
    const pid = String(process.pid).padStart(7);
    expect(formatStreamErrorLine(now, 8080, 80, 'failed in "ns"')).toBe(
      `E1205 09:08:07.654000 ${pid} portforward.go:424] "Unhandled Error" err="an error occurred forwarding 8080 -> 80: failed in \\"ns\\""\n`,
    );
  });
});

describe('formatRefusedMessage', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', uid: '0b1c2d3e-0000-4000-8000-000000000001' } };

  it('names the refused port for both loopback addresses', () => {
    const message = formatRefusedMessage(pod, 8080);
    expect(message).toMatch(/^error forwarding port 8080 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace "\/var\/run\/netns\/cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}": /);
    expect(message.endsWith('IPv4: dial tcp4 127.0.0.1:8080: connect: connection refused IPv6 dial tcp6 [::1]:8080: connect: connection refused ')).toBe(true);
  });

  it('gives the same pod the same sandbox id', () => {
    expect(formatRefusedMessage(pod, 80)).toBe(formatRefusedMessage(pod, 80));
  });
});
