import { describe, expect, it } from 'vitest';
import { execInImage, type ExecRequest } from '../../src/images/exec';
import type { DnsView } from '../../src/images/exec-network';

/** A cluster DNS with `web` (10.96.0.20), headless `db` (two pods) and `kubernetes` (10.96.0.1) in `default`. */
const dns: DnsView = {
  addresses(fqdn) {
    const records: Record<string, string[]> = {
      'web.default.svc.cluster.local': ['10.96.0.20'],
      'db.default.svc.cluster.local': ['10.244.1.7', '10.244.2.9'],
      'kubernetes.default.svc.cluster.local': ['10.96.0.1'],
    };
    return records[fqdn.replace(/\.$/, '')];
  },
  reverse(ip) {
    const names: Record<string, string> = {
      '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local',
      '10.96.0.1': 'kubernetes.default.svc.cluster.local',
      '10.96.0.20': 'web.default.svc.cluster.local',
      '10.244.1.7': 'db-0.db.default.svc.cluster.local',
    };
    return names[ip];
  },
};

function run(argv: string[], image = 'busybox:1.36'): ReturnType<typeof execInImage> {
  const request: ExecRequest = { image, argv, env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default', now: 0, tty: false, dns };
  return execInImage(request);
}

const SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('nslookup in busybox 1.29 and later', () => {
  it('exits 1 on any search-domain NXDOMAIN', () => {
    expect(run(['nslookup', 'web'])).toEqual({
      type: 'ran',
      stdout: `${SERVER}Name:\tweb.default.svc.cluster.local\nAddress: 10.96.0.20\n\n`
        + "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n"
        + "\n** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
      stderr: '', exitCode: 1, finished: true,
    });
  });

  it('lists every ready pod of a headless Service', () => {
    expect(run(['nslookup', 'db.default.svc.cluster.local'])).toMatchObject({
      stdout: `${SERVER}Name:\tdb.default.svc.cluster.local\nAddress: 10.244.1.7\nName:\tdb.default.svc.cluster.local\nAddress: 10.244.2.9\n\n\n`,
      exitCode: 0,
    });
  });

  it('skips search domains for dotted names', () => {
    expect(run(['nslookup', 'kubernetes.default'])).toMatchObject({
      stdout: `${SERVER}** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n`,
      exitCode: 1,
    });
  });

  it('reports a missing name for each query', () => {
    const outcome = run(['nslookup', 'nosuch']);
    expect(outcome).toMatchObject({ exitCode: 1 });
    expect(outcome.type === 'ran' && outcome.stdout.split('\n').filter((l) => l.startsWith('**'))).toEqual([
      "** server can't find nosuch.default.svc.cluster.local: NXDOMAIN",
      "** server can't find nosuch.svc.cluster.local: NXDOMAIN",
      "** server can't find nosuch.cluster.local: NXDOMAIN",
      "** server can't find nosuch.default.svc.cluster.local: NXDOMAIN",
      "** server can't find nosuch.svc.cluster.local: NXDOMAIN",
      "** server can't find nosuch.cluster.local: NXDOMAIN",
    ]);
  });

  it('looks an address up by its PTR record', () => {
    expect(run(['nslookup', '10.96.0.20'])).toMatchObject({
      stdout: `${SERVER}20.0.96.10.in-addr.arpa\tname = web.default.svc.cluster.local\n\n`, exitCode: 0,
    });
  });

  it('times out on a server other than the cluster DNS', () => {
    expect(run(['nslookup', 'web', '8.8.8.8'])).toMatchObject({ stdout: ';; connection timed out; no servers could be reached\n\n', exitCode: 1 });
  });

  it('prints its usage without a host', () => {
    expect(run(['nslookup'])).toMatchObject({ stdout: '', stderr: 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', exitCode: 1 });
  });
});

describe('nslookup in busybox 1.28', () => {
  it('resolves through the search list and shows reverse names', () => {
    expect(run(['nslookup', 'kubernetes.default'], 'busybox:1.28')).toEqual({
      type: 'ran',
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n'
        + 'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '', exitCode: 0, finished: true,
    });
  });

  it('numbers the pods of a headless Service', () => {
    expect(run(['nslookup', 'db'], 'busybox:1.28')).toMatchObject({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n'
        + 'Name:      db\nAddress 1: 10.244.1.7 db-0.db.default.svc.cluster.local\nAddress 2: 10.244.2.9\n',
    });
  });

  it('reports a missing name on stderr', () => {
    expect(run(['nslookup', 'nosuch'], 'busybox:1.28')).toMatchObject({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'nosuch'\n", exitCode: 1,
    });
  });
});

describe('nslookup availability', () => {
  it('is absent from the Debian images', () => {
    expect(run(['nslookup', 'web'], 'nginx')).toEqual({ type: 'start-failed', reason: 'exec: "nslookup": executable file not found in $PATH' });
  });

  it('is in the Alpine images', () => {
    expect(run(['nslookup', 'web'], 'nginx:alpine')).toMatchObject({ exitCode: 1 });
  });
});
