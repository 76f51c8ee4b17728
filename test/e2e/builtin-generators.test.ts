import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';
import { startFakeDiscovery } from '../printers/fake-discovery.js';

const execFileAsync = promisify(execFile);

const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const resource = (name: string, kind: string, namespaced = true, shortNames: string[] = []) => ({ name, singularName: '', namespaced, kind, verbs, shortNames });
const groupList = (groups: Record<string, ReturnType<typeof resource>[]>) => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: Object.keys(groups).map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })),
});

/** Discovery with the groups `kubectl create role` resolves resources against, short names included. */
const GROUPS = {
  apps: [resource('deployments', 'Deployment', true, ['deploy']), resource('replicasets', 'ReplicaSet', true, ['rs'])],
  'rbac.authorization.k8s.io': [resource('roles', 'Role'), resource('clusterroles', 'ClusterRole', false)],
};
const DISCOVERY = {
  '/apis': { list: groupList(GROUPS) },
  '/api/v1': { list: { kind: 'APIResourceList', groupVersion: 'v1', resources: [resource('pods', 'Pod', true, ['po']), resource('nodes', 'Node', false, ['no'])] } },
  ...Object.fromEntries(Object.entries(GROUPS).map(([g, resources]) => [`/apis/${g}/v1`, { list: { kind: 'APIResourceList', groupVersion: `${g}/v1`, resources } }])),
};

/** Command lines whose client dry-run output (stdout, stderr, exit code) must equal kubectl's. */
const COMMANDS: string[][] = [
  ['create', 'serviceaccount', 'build-robot'],
  ['create', 'sa', 'robot', '-n', 'kube-system'],
  ['create', 'role', 'pod-reader', '--verb=get,list', '--verb=watch', '--resource=pods,deployments.apps'],
  ['create', 'role', 'r', '--verb=get', '--resource=po,rs.apps,deploy,pods/log', '--resource-name=a', '--resource-name=b', '--resource-name=a'],
  ['create', 'role', 'r', '--verb=bogus', '--resource=pods'],
  ['create', 'role', 'r', '--verb=get,*', '--resource=pods', '-n', 'shop'],
  ['create', 'role', 'r', '--verb=get', '--resource=*'],
  ['create', 'role', 'r', '--verb=get', '--resource=foos'],
  ['create', 'role', 'r', '--verb=get', '--resource=foos.apps'],
  ['create', 'role', 'r', '--verb=bind', '--resource=pods'],
  ['create', 'role', 'r', '--verb=get', '--resource=.apps'],
  ['create', 'role', 'r'],
  ['create', 'role', 'r', '--verb=get'],
  ['create', 'clusterrole', 'c', '--verb=get', '--resource=nodes', '--non-resource-url=/logs'],
  ['create', 'clusterrole', 'c', '--verb=get,post', '--non-resource-url=/logs,/healthz,/logs'],
  ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=logs'],
  ['create', 'clusterrole', 'c', '--verb=list', '--non-resource-url=/logs'],
  ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=/a*b'],
  ['create', 'clusterrole', 'monitoring', '--aggregation-rule=b=2,a=1'],
  ['create', 'clusterrole', 'c', '--verb=get', '--resource=pods', '--aggregation-rule=a=b'],
  ['create', 'clusterrole', 'c'],
  ['create', 'clusterrole', 'c', '--verb=get'],
  ['create', 'rolebinding', 'rb', '--role=pod-reader', '--user=jane', '--group=g1', '--serviceaccount=default:sa1'],
  ['create', 'rolebinding', 'rb', '--clusterrole=view', '--user=a', '--user=b', '-n', 'shop'],
  ['create', 'rolebinding', 'rb'],
  ['create', 'rolebinding', 'rb', '--role=a', '--clusterrole=b'],
  ['create', 'rolebinding', 'rb', '--role=a', '--serviceaccount=bad'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--serviceaccount=kube-system:x', '--group=devs'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--serviceaccount=:x'],
  ['create', 'ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert'],
  ['create', 'ingress', 'i', '--rule=/path=svc:port', '--class=otheringress'],
  ['create', 'ing', 'i', '--rule=foo.com/path*=svc:8080', '--rule=bar.com/admin*=svc2:http', '--annotation=b=2', '--annotation=a=b', '--default-backend=defaultsvc:http'],
  ['create', 'ingress', 'i', '--rule=foo.com/=svc:https,tls', '--rule=foo.com/path/subpath*=othersvc:8080'],
  ['create', 'ingress', 'i', '--rule=a.com/=s:80,tls=x', '--rule=b.com/=s:80,tls=x', '--rule=c.com/=s:80,tls', '-n', 'shop'],
  ['create', 'ingress', 'i'],
  ['create', 'ingress', 'i', '--rule=bad'],
  ['create', 'ingress', 'i', '--default-backend=bad'],
  ['create', 'ingress', 'i', '--rule=foo.com/=svc:80', '--annotation=bad'],
  ['create', 'poddisruptionbudget', 'my-pdb', '--selector=app=rails', '--min-available=1'],
  ['create', 'pdb', 'p', '--selector=z=1,app=x,env in (b,a),k,!j', '--max-unavailable=50%'],
  ['create', 'pdb', 'p', '--selector=app=x,tier!=db', '--min-available=1'],
  ['create', 'pdb', 'p'],
  ['create', 'pdb', 'p', '--selector=app=x'],
  ['create', 'pdb', 'p', '--selector=app=x', '--min-available=1', '--max-unavailable=2'],
  ['create', 'pdb', 'p', '--selector=app=x', '--min-available=1Gb'],
  ['create', 'quota', 'my-quota', '--hard=cpu=1,memory=1G,pods=2,services=3'],
  ['create', 'quota', 'q', '--hard=a=1000,b=2000000,c=1.0,d=0.1,e=100m,f=1k,g=1Ki,h=0,i=010,j=+5'],
  ['create', 'quota', 'q', '--scopes=BestEffort,NotTerminating', '--hard=pods=3'],
  ['create', 'resourcequota', 'q', '-n', 'shop'],
  ['create', 'quota', 'q', '--hard=pods=2,bad'],
  ['create', 'quota', 'q', '--hard=pods=x'],
  ['create', 'quota', 'q', '--scopes=a,,b'],
  ['create', 'priorityclass', 'high-priority', '--value=1000', '--description=high priority'],
  ['create', 'pc', 'pc', '--value=5', '--global-default', '--description=d', '--preemption-policy=Never'],
  ['create', 'priorityclass', 'zero'],
];

describe.skipIf(!hasKubectl)(`built-in generators against kubectl --dry-run=client (${NO_KUBECTL})`, () => {
  const sb = new Sandbox();
  let server: Server;
  let url: string;
  let serverArgs: string[];

  beforeAll(async () => {
    ({ server, url, args: serverArgs } = await startFakeDiscovery(DISCOVERY));
  });
  afterAll(() => {
    server?.close();
    sb.cleanup();
  });

  async function kubectl(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
    try {
      const r = await execFileAsync('kubectl', [...serverArgs, ...args]);
      return { stdout: r.stdout, stderr: r.stderr, status: 0 };
    } catch (err: any) {
      return { stdout: err.stdout, stderr: err.stderr, status: err.code };
    }
  }

  for (const args of COMMANDS) {
    for (const output of ['yaml', 'json']) {
      it(`${args.join(' ')} -o ${output}`, async () => {
        const full = [...args, '--dry-run=client', '-o', output];
        const want = await kubectl(full);
        const got = sb.run(full);
        expect(got.stdout).toBe(want.stdout);
        expect(got.stderr).toBe(want.stderr);
        expect(got.code).toBe(want.status);
      });
    }
  }
});
