import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main.js';
import type { IO } from '../../../src/commands/context.js';
import { applyOverrides } from '../../../src/commands/shared/overrides.js';
import type { KObject } from '../../../src/api/types.js';

async function kubesim(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: IO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTTY: false, stdinIsTTY: false, stdin: async () => '' };
  const code = await run(argv, io);
  return { stdout, stderr, code };
}

const generated = (): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { creationTimestamp: null, labels: { run: 'x' }, name: 'x' } as unknown as KObject['metadata'],
  spec: { containers: [{ image: 'nginx', name: 'x', resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  status: {},
});

describe('applyOverrides', () => {
  it('merges by default and replaces lists', () => {
    const out = applyOverrides(generated(), '{"spec":{"containers":[{"name":"x","image":"busybox"}],"nodeName":"k8s-node01"}}', 'merge');
    expect(out.spec.containers).toEqual([{ name: 'x', image: 'busybox', resources: {} }]);
    expect(out.spec.nodeName).toBe('k8s-node01');
  });

  it('merges containers by name with the strategic patch', () => {
    const out = applyOverrides(generated(), '{"spec":{"containers":[{"name":"x","env":[{"name":"A","value":"1"}]}]}}', 'strategic');
    expect(out.spec.containers).toEqual([{ image: 'nginx', name: 'x', resources: {}, env: [{ name: 'A', value: '1' }] }]);
  });

  it('applies JSON patch operations', () => {
    const out = applyOverrides(generated(), '[{"op":"replace","path":"/spec/restartPolicy","value":"Never"}]', 'json');
    expect(out.spec.restartPolicy).toBe('Never');
  });

  it('drops fields a Pod does not have', () => {
    const out = applyOverrides(generated(), '{"spec":{"bogus":1,"hostname":"h"}}', 'merge');
    expect(out.spec.bogus).toBeUndefined();
    expect(out.spec.hostname).toBe('h');
  });

  it('leaves the generated object unchanged', () => {
    const pod = generated();
    applyOverrides(pod, '{"spec":{"restartPolicy":"Never"}}', 'merge');
    expect(pod.spec.restartPolicy).toBe('Always');
  });

  it('rejects malformed overrides with each patch library message', () => {
    expect(() => applyOverrides(generated(), '{"spec":', 'merge')).toThrow('Invalid JSON Patch');
    expect(() => applyOverrides(generated(), 'null', 'merge')).toThrow('Invalid JSON Patch');
    expect(() => applyOverrides(generated(), '{"spec":', 'strategic')).toThrow('invalid JSON document');
    expect(() => applyOverrides(generated(), '[{"op":"replace","path":"/spec/nosuch","value":1}]', 'json')).toThrow(
      'jsonpatch replace operation does not apply: doc is missing key: /spec/nosuch: missing value',
    );
    expect(() => applyOverrides(generated(), '{}', 'yaml')).toThrow('invalid override type: yaml');
  });

  it('reports a removed kind with the patched JSON', () => {
    expect(() => applyOverrides(generated(), '{"kind":null,"spec":null,"status":null}', 'merge')).toThrow(
      `Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"creationTimestamp":null,"labels":{"run":"x"},"name":"x"}}'`,
    );
  });
});

describe('kubectl run --overrides', () => {
  const home = mkdtempSync(join(tmpdir(), 'kubesim-overrides-'));
  const saved = process.env.KUBESIM_HOME;
  beforeAll(async () => {
    process.env.KUBESIM_HOME = home;
    expect((await kubesim('cluster', 'create', 'ov', '--clock', 'manual', '--seed', '1')).code).toBe(0);
    expect((await kubesim('cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15')).code).toBe(0);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.KUBESIM_HOME;
    else process.env.KUBESIM_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the overridden pod with --dry-run=client', async () => {
    const r = await kubesim('--cluster', 'ov', 'run', 'x', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--overrides={"spec":{"nodeName":"k8s-node02"}}');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: x\n  name: x\nspec:\n  containers:\n  - image: nginx\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  nodeName: k8s-node02\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('creates the overridden pod', async () => {
    const r = await kubesim('--cluster', 'ov', 'run', 'web', '--image=nginx', '--overrides={"metadata":{"labels":{"tier":"front"}}}');
    expect(r).toEqual({ stdout: 'pod/web created\n', stderr: '', code: 0 });
    const labels = await kubesim('--cluster', 'ov', 'get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels}');
    expect(labels.stdout).toBe('{"run":"web","tier":"front"}');
  });

  it('fails on malformed overrides and creates nothing', async () => {
    const db = join(home, 'clusters', 'ov', 'state.db');
    const before = readFileSync(db);
    const r = await kubesim('--cluster', 'ov', 'run', 'bad', '--image=nginx', '--overrides={"spec":');
    expect(r).toEqual({ stdout: '', stderr: 'error: Invalid JSON Patch\n', code: 1 });
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('overrides the Deployment of the old generator', async () => {
    const r = await kubesim('--cluster', 'old', 'run', 'y', '--image=nginx', '--overrides={"spec":{"replicas":3}}');
    expect(r.stdout).toBe('deployment.apps/y created\n');
    const replicas = await kubesim('--cluster', 'old', 'get', 'deploy', 'y', '-o', 'jsonpath={.spec.replicas}');
    expect(replicas.stdout).toBe('3');
  });

  it('rejects --override-type before 1.23', async () => {
    const r = await kubesim('--cluster', 'old', 'run', 'z', '--image=nginx', '--override-type=json', '--overrides=[]');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("Error: unknown flag: --override-type\nSee 'kubectl run --help' for usage.\n");
  });
});

describe('kubectl expose service flags and overrides', () => {
  const home = mkdtempSync(join(tmpdir(), 'kubesim-expose-'));
  const saved = process.env.KUBESIM_HOME;
  beforeAll(async () => {
    process.env.KUBESIM_HOME = home;
    expect((await kubesim('cluster', 'create', 'ex', '--clock', 'manual', '--seed', '1')).code).toBe(0);
    expect((await kubesim('--cluster', 'ex', 'create', 'deployment', 'web', '--image=nginx', '--port=80')).code).toBe(0);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.KUBESIM_HOME;
    else process.env.KUBESIM_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  it('sets the external IP, load balancer IP and session affinity', async () => {
    const r = await kubesim('--cluster', 'ex', 'expose', 'deploy', 'web', '--external-ip=1.2.3.4', '--type=LoadBalancer', '--load-balancer-ip=5.6.7.8', '--session-affinity=ClientIP', '--dry-run=client', '-o', 'json');
    const spec = JSON.parse(r.stdout).spec;
    expect(spec.externalIPs).toEqual(['1.2.3.4']);
    expect(spec.loadBalancerIP).toBe('5.6.7.8');
    expect(spec.sessionAffinity).toBe('ClientIP');
  });

  it('leaves the load balancer IP off other types', async () => {
    const r = await kubesim('--cluster', 'ex', 'expose', 'deploy', 'web', '--load-balancer-ip=5.6.7.8', '--dry-run=client', '-o', 'json');
    expect(JSON.parse(r.stdout).spec.loadBalancerIP).toBeUndefined();
  });

  it('rejects an unknown session affinity', async () => {
    const r = await kubesim('--cluster', 'ex', 'expose', 'deploy', 'web', '--session-affinity=Sticky');
    expect(r).toEqual({ stdout: '', stderr: 'error: unknown session affinity: Sticky\n', code: 1 });
  });

  it('creates the overridden Service with its external IP', async () => {
    const r = await kubesim('--cluster', 'ex', 'expose', 'deploy', 'web', '--external-ip=1.2.3.4', '--overrides={"spec":{"ports":[{"port":8080,"targetPort":80}]}}');
    expect(r.stdout).toBe('service/web exposed\n');
    const svc = await kubesim('--cluster', 'ex', 'get', 'svc', 'web', '-o', 'jsonpath={.spec.externalIPs} {.spec.ports[0].port}');
    expect(svc.stdout).toBe('["1.2.3.4"] 8080');
  });
});

describe('applyOverrides field types', () => {
  it('reports a field of the wrong type as the decoder does', () => {
    expect(() => applyOverrides(generated(), '{"spec":{"containers":"notalist"}}', 'merge')).toThrow(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(() => applyOverrides(generated(), '{"metadata":{"labels":"x"}}', 'merge')).toThrow(
      'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    );
  });
});
