import { describe, expect, it } from 'vitest';
import { forwardingErrorStyle, formatConnectionErrorLine, formatLostConnectionLine, formatRefusedMessage } from '../../../src/commands/port-forward/stream-error.js';

const NOW = new Date(2026, 11, 5, 9, 8, 7, 654);
const PID = String(process.pid).padStart(7);

describe('formatConnectionErrorLine', () => {
  it('logs a structured klog line on 1.32', () => {
    expect(formatConnectionErrorLine(NOW, forwardingErrorStyle(132), 8080, 80, 'failed in "ns"')).toBe(
      `E1205 09:08:07.654000 ${PID} portforward.go:424] "Unhandled Error" err="an error occurred forwarding 8080 -> 80: failed in \\"ns\\""\n`,
    );
  });

  it('logs the bare message before 1.31', () => {
    expect(formatConnectionErrorLine(NOW, forwardingErrorStyle(130), 8080, 80, 'failed in "ns"')).toBe(
      `E1205 09:08:07.654000 ${PID} portforward.go:413] an error occurred forwarding 8080 -> 80: failed in "ns"\n`,
    );
  });
});

describe('forwardingErrorStyle', () => {
  const cases: [number, number, boolean, number | undefined][] = [
    [132, 424, true, undefined],
    [131, 413, true, undefined],
    [127, 409, true, undefined],
    [126, 407, true, 233],
    [123, 406, true, 234],
    [115, 400, false, 233],
  ];
  for (const [version, line, endsSession, lostLine] of cases) {
    it(`follows client-go of 1.${version - 100}`, () => {
      const style = forwardingErrorStyle(version);
      expect(style.connectionErrorLine).toBe(line);
      expect(style.connectionErrorEndsSession).toBe(endsSession);
      expect(style.lostConnectionLine).toBe(lostLine);
    });
  }
});

describe('formatLostConnectionLine', () => {
  it('logs the lost pod before 1.27', () => {
    expect(formatLostConnectionLine(NOW, forwardingErrorStyle(125))).toBe(`E1205 09:08:07.654000 ${PID} portforward.go:234] lost connection to pod\n`);
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
