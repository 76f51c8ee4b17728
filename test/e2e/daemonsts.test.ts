import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { startOffsetMs } from '../../src/kubelet/kubelet.js';
import type { KObject } from '../../src/api/types.js';

const STATEFUL = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: wangyanglinux/myapp:v1
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: data
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

/** `name node status` for each pod row of `get pod -o wide`. */
function podRows(stdout: string): { name: string; status: string; node: string }[] {
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/))
    .map((c) => ({ name: c[0], status: c[2], node: c[6] }));
}

function names(stdout: string): string[] {
  return podRows(stdout).map((r) => r.name);
}

describe('DaemonSet transcript and node operations', () => {
  const sb = new Sandbox();
  const on = (args: string[]) => sb.on('ds', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'ds', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    copyFileSync(join(__dirname, '..', '..', 'fixtures', 'tutorial', 'daemonset.yml'), join(sb.home, 'daemonset.yml'));
  });
  afterAll(() => sb.cleanup());

  it('creates one running pod on each worker', () => {
    expect(on(['create', '-f', 'daemonset.yml']).stdout).toBe('daemonset.apps/deamonset-example created\n');
    on(['clock', 'advance', '25s']);
    const rows = podRows(on(['get', 'pod', '-o', 'wide']).stdout);
    expect(rows.map((r) => `${r.status} ${r.node}`).sort()).toEqual(['Running k8s-node01', 'Running k8s-node02']);
    for (const r of rows) expect(r.name).toMatch(/^deamonset-example-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('brings a replacement back on the same node after a delete', () => {
    const victim = podRows(on(['get', 'pod', '-o', 'wide']).stdout).find((r) => r.node === 'k8s-node02')!;
    expect(on(['delete', 'pod', victim.name]).stdout).toBe(`pod "${victim.name}" deleted\n`);
    on(['clock', 'advance', '40s']);
    const rows = podRows(on(['get', 'pod', '-o', 'wide']).stdout);
    expect(rows.map((r) => `${r.status} ${r.node}`).sort()).toEqual(['Running k8s-node01', 'Running k8s-node02']);
    expect(rows.map((r) => r.name)).not.toContain(victim.name);
  });

  it('adds a daemon pod to a node that joins', () => {
    expect(on(['node', 'add', 'k8s-node03']).stdout).toBe('node/k8s-node03 added\n');
    on(['clock', 'advance', '10s']);
    const rows = podRows(on(['get', 'pod', '-o', 'wide']).stdout);
    expect(rows.map((r) => r.node).sort()).toEqual(['k8s-node01', 'k8s-node02', 'k8s-node03']);
    expect(on(['get', 'ds']).stdout.split('\n')[1]).toMatch(/^deamonset-example\s+3\s+3\s+3\s+3\s+3\s+<none>\s+/);
  });

  it('refuses to drain past a daemon pod without --ignore-daemonsets', () => {
    const pod = podRows(on(['get', 'pod', '-o', 'wide']).stdout).find((r) => r.node === 'k8s-node03')!.name;
    const r = on(['drain', 'k8s-node03']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('node/k8s-node03 cordoned\n');
    const proxy = podRows(on(['get', 'pod', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '-o', 'wide']).stdout).find((r) => r.node === 'k8s-node03')!.name;
    // The node's kube-proxy pod is a DaemonSet pod too.
    const reason = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/${pod}, kube-system/${proxy}`;
    expect(r.stderr).toBe(`error: unable to drain node "k8s-node03" due to error: ${reason}, continuing command...\nThere are pending nodes to be drained:\n k8s-node03\n${reason}\n`);
  });

  it('drains with --ignore-daemonsets, leaving the daemon pod', () => {
    const pod = podRows(on(['get', 'pod', '-o', 'wide']).stdout).find((r) => r.node === 'k8s-node03')!.name;
    const r = on(['drain', 'k8s-node03', '--ignore-daemonsets']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('node/k8s-node03 already cordoned\nnode/k8s-node03 drained\n');
    const proxy = podRows(on(['get', 'pod', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '-o', 'wide']).stdout).find((r) => r.node === 'k8s-node03')!.name;
    expect(r.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: default/${pod}, kube-system/${proxy}\n`);
    expect(on(['get', 'nodes']).stdout).toMatch(/k8s-node03\s+Ready,SchedulingDisabled\s+<none>/);
  });

  it('takes the node and its pod away on node remove', () => {
    expect(on(['node', 'remove', 'k8s-node03']).stdout).toBe('node/k8s-node03 removed\n');
    const rows = podRows(on(['get', 'pod', '-o', 'wide']).stdout);
    expect(rows.map((r) => r.node).sort()).toEqual(['k8s-node01', 'k8s-node02']);
    expect(on(['get', 'ds']).stdout.split('\n')[1]).toMatch(/^deamonset-example\s+2\s+2\s+2\s+2\s+2\s+/);
  });
});

describe('StatefulSet behind a headless Service', () => {
  const sb = new Sandbox();
  const on = (args: string[]) => sb.on('sts', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'sts', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), STATEFUL);
  });
  afterAll(() => sb.cleanup());

  it('starts web-0, web-1 and web-2 strictly in order', () => {
    expect(on(['apply', '-f', 'web.yaml']).stdout).toBe('service/nginx created\nstatefulset.apps/web created\n');
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0']);
    // Each pod pulls for 4 s and starts in 1 s plus its own start offset.
    const start = (pod: string) => {
      const uid = on(['get', 'pod', pod, '-o', 'jsonpath={.metadata.uid}']).stdout;
      return 5_000 + startOffsetMs({ metadata: { name: pod, uid } } as KObject);
    };
    const first = start('web-0');
    on(['clock', 'advance', `${first - 1}ms`]);
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0']);
    on(['clock', 'advance', '1ms']);
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0', 'web-1']);
    const second = start('web-1');
    on(['clock', 'advance', `${second}ms`]);
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0', 'web-1', 'web-2']);
    const third = start('web-2');
    on(['clock', 'advance', `${third}ms`]);
    const age = Math.floor((first + second + third) / 1000);
    expect(on(['get', 'sts']).stdout).toBe(`NAME   READY   AGE\nweb    3/3     ${age}s\n`);
  });

  it('reaches web-0 by its DNS name', () => {
    const r = on(['curl', 'web-0.nginx/hostname.html']);
    expect(r.stdout).toBe('web-0\n');
    expect(on(['curl', 'web-2.nginx.default.svc.cluster.local/hostname.html']).stdout).toBe('web-2\n');
  });

  it('balances over the ready pods behind the Service name', () => {
    const seen = new Set([1, 2, 3].map(() => on(['curl', 'nginx/hostname.html']).stdout));
    expect([...seen].sort()).toEqual(['web-0\n', 'web-1\n', 'web-2\n']);
  });

  it('keeps data-web-2 after scaling to 2 and reattaches it at 3', () => {
    const claims = () => on(['get', 'pvc', '-o', 'name']).stdout;
    const volume = () => on(['get', 'pvc', 'data-web-2']).stdout.split('\n')[1].split(/\s+/)[2];
    const before = volume();
    expect(on(['scale', 'sts', 'web', '--replicas=2']).stdout).toBe('statefulset.apps/web scaled\n');
    on(['clock', 'advance', '60s']);
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0', 'web-1']);
    expect(claims()).toBe('persistentvolumeclaim/data-web-0\npersistentvolumeclaim/data-web-1\npersistentvolumeclaim/data-web-2\n');
    on(['scale', 'sts', 'web', '--replicas=3']);
    on(['clock', 'advance', '5s']);
    expect(names(on(['get', 'pods']).stdout)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(volume()).toBe(before);
    expect(on(['describe', 'pvc', 'data-web-2']).stdout).toMatch(/\nUsed By:\s+web-2\n/);
  });
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

describe('a node that fails and recovers', () => {
  const sb = new Sandbox();
  const on = (args: string[]) => sb.on('nf', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'nf', '--clock', 'manual', '--seed', '7']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), DEPLOYMENT);
    on(['apply', '-f', 'web.yaml']);
    on(['clock', 'advance', '30s']);
  });
  afterAll(() => sb.cleanup());

  const onNode = (node: string) => podRows(on(['get', 'pod', '-o', 'wide']).stdout).filter((r) => r.node === node);

  it('shows the node NotReady and keeps its pods until the toleration runs out', () => {
    expect(on(['node', 'fail', 'k8s-node01']).stdout).toBe('node/k8s-node01 failed\n');
    expect(on(['get', 'nodes']).stdout).toMatch(/\nk8s-node01\s+NotReady\s+<none>/);
    on(['clock', 'advance', '299s']);
    expect(onNode('k8s-node01').map((r) => r.status)).toEqual(['Running', 'Running']);
  });

  it('marks the pods for deletion after 300 s and replaces them elsewhere', () => {
    on(['clock', 'advance', '1s']);
    expect(onNode('k8s-node01').map((r) => r.status)).toEqual(['Terminating', 'Terminating']);
    on(['clock', 'advance', '10s']);
    expect(onNode('k8s-node02').map((r) => r.status)).toEqual(['Running', 'Running', 'Running', 'Running']);
  });

  it('finishes the terminating pods once the node recovers', () => {
    expect(on(['node', 'recover', 'k8s-node01']).stdout).toBe('node/k8s-node01 recovered\n');
    on(['clock', 'advance', '31s']);
    expect(onNode('k8s-node01')).toEqual([]);
    expect(on(['get', 'nodes']).stdout).toMatch(/\nk8s-node01\s+Ready\s+<none>/);
  });
});
