import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Returns a ReplicaSet of three myapp pods and a budget over them with the given spec lines. */
function manifest(budget: string): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: wangyanglinux/myapp:v1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
${budget}
  selector:
    matchLabels:
      app: web
`;
}

/** Names of the default namespace's pods per node, from `get pods -o wide`. */
function podsByNode(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of stdout.trim().split('\n').slice(1)) {
    const cols = line.split(/\s+/);
    (out[cols[6]] ??= []).push(cols[0]);
  }
  return out;
}

const RETRY = "Cannot evict pod as it would violate the pod's disruption budget.";

describe('PodDisruptionBudget status', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('pdb', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'pdb', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), manifest('  minAvailable: 2'));
  });
  afterAll(() => sb.cleanup());

  it('allows no disruption before pods are Ready', () => {
    expect(k('apply', '-f', 'web.yaml').stdout).toBe('replicaset.apps/web created\npoddisruptionbudget.policy/web-pdb created\n');
    expect(k('get', 'pdb').stdout).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   2               N/A               0                     0s\n',
    );
  });

  it('get pdb shows allowed disruptions once Ready', () => {
    k('clock', 'advance', '1m');
    expect(k('get', 'pdb').stdout).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   2               N/A               1                     60s\n',
    );
  });

  it('describe pdb prints the status counts', () => {
    expect(k('describe', 'pdb', 'web-pdb').stdout).toBe(
      [
        'Name:           web-pdb',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('status carries the DisruptionAllowed condition', () => {
    const jsonpath = '{.status.observedGeneration} {.status.conditions[0].type} {.status.conditions[0].status} {.status.conditions[0].reason}';
    expect(k('get', 'pdb', 'web-pdb', '-o', `jsonpath=${jsonpath}`).stdout).toBe('1 DisruptionAllowed True SufficientPods');
  });

  it('describe pdb shows NoPods for an empty selection', () => {
    expect(k('create', 'pdb', 'none', '--selector=app=none', '--max-unavailable=1').stdout).toBe('poddisruptionbudget.policy/none created\n');
    expect(k('describe', 'pdb', 'none').stdout).toBe(
      [
        'Name:             none',
        'Namespace:        default',
        'Max unavailable:  1',
        'Selector:         app=none',
        'Status:',
        '    Allowed disruptions:  0',
        '    Current:              0',
        '    Desired:              0',
        '    Total:                0',
        'Events:',
        '  Type    Reason  Age              From               Message',
        '  ----    ------  ----             ----               -------',
        '  Normal  NoPods  0s (x2 over 0s)  controllermanager  No matching pods found',
        '',
      ].join('\n'),
    );
  });
});

describe('drain blocked by a PodDisruptionBudget', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('blocked', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'blocked', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), manifest('  minAvailable: 3'));
    k('apply', '-f', 'web.yaml');
    k('clock', 'advance', '1m');
  });
  afterAll(() => sb.cleanup());

  it('retries every 5s until --timeout, then fails', () => {
    const [pod] = podsByNode(k('get', 'pods', '-o', 'wide').stdout)['k8s-node01'];
    const proxy = k('get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '-o', 'wide').stdout.split('\n').find((l) => l.includes('k8s-node01'))!.split(/\s+/)[0];
    const r = k('drain', 'k8s-node01', '--ignore-daemonsets', '--timeout=20s');
    expect(r.code).toBe(1);
    // Attempts at 0, 5, 10 and 15 s are rejected. The one due at 20 s finds the timeout reached.
    expect(r.stdout).toBe(`node/k8s-node01 cordoned\n${`evicting pod default/${pod}\n`.repeat(5)}`);
    const retry = `error when evicting pods/"${pod}" -n "default" (will retry after 5s): ${RETRY}\n`;
    const timeout = `error when evicting pods/"${pod}" -n "default": global timeout reached: 20s`;
    expect(r.stderr).toBe(
      `Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy}\n` +
        retry.repeat(4) +
        `There are pending pods in node "k8s-node01" when an error occurred: ${timeout}\n` +
        `pod/${pod}\n` +
        `error: unable to drain node "k8s-node01" due to error: ${timeout}, continuing command...\n` +
        'There are pending nodes to be drained:\n' +
        ' k8s-node01\n' +
        `${timeout}\n`,
    );
  });

  it('leaves the pod running and the clock 20s later', () => {
    const rows = k('get', 'pods').stdout;
    expect(rows.split('\n').filter((l) => l.includes('Running'))).toHaveLength(3);
    expect(rows).toContain('   80s\n');
  });

  it('deletes past the budget with --disable-eviction', () => {
    const [pod] = podsByNode(k('get', 'pods', '-o', 'wide').stdout)['k8s-node01'];
    const r = k('drain', 'k8s-node01', '--ignore-daemonsets', '--disable-eviction');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`node/k8s-node01 already cordoned\npod/${pod} deleted\nnode/k8s-node01 drained\n`);
  });
});

describe('drain within a PodDisruptionBudget', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('allowed', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'allowed', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), manifest('  maxUnavailable: 1'));
    k('apply', '-f', 'web.yaml');
    k('clock', 'advance', '1m');
  });
  afterAll(() => sb.cleanup());

  it('evicts one pod at a time as replacements become Ready', () => {
    const [first, second] = podsByNode(k('get', 'pods', '-o', 'wide').stdout)['k8s-node02'];
    const r = k('drain', 'k8s-node02', '--ignore-daemonsets');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'node/k8s-node02 cordoned',
        `evicting pod default/${first}`,
        `evicting pod default/${second}`,
        `pod/${first} evicted`,
        `evicting pod default/${second}`,
        `pod/${second} evicted`,
        'node/k8s-node02 drained',
        '',
      ].join('\n'),
    );
    expect(r.stderr.split('\n').slice(1)).toEqual([`error when evicting pods/"${second}" -n "default" (will retry after 5s): ${RETRY}`, '']);
  });

  it('recreates the pods on the other node', () => {
    const nodes = podsByNode(k('get', 'pods', '-o', 'wide').stdout);
    expect(Object.keys(nodes)).toEqual(['k8s-node01']);
    expect(nodes['k8s-node01']).toHaveLength(3);
  });
});
