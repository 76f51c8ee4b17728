import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types';
import {
  generateConfigMap,
  generateCronJob,
  generateDeployment,
  generateExposeService,
  generateJob,
  generateNamespace,
  generateRunPod,
  generateSecretGeneric,
  generateService,
} from '../../src/printers/generators';
import { printGoTemplate } from '../../src/printers/go-template';
import { toKubectlJson } from '../../src/printers/json';
import { printJsonPath } from '../../src/printers/jsonpath';
import { toKubectlYaml } from '../../src/printers/yaml';
import { startFakeDiscovery } from './fake-discovery';
import { hasKubectl, NO_KUBECTL } from './kubectl-golden';

const execFileAsync = promisify(execFile);

describe('generateDeployment', () => {
  it('names containers after their images, suffixing names it had to sanitize', () => {
    const d = generateDeployment({ name: 'web', images: ['registry.io/team/my_app.v2:1.0', 'nginx@sha256:abc'], randomSuffix: () => 'abcde' });
    expect(d.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['my-app-v2-abcde', 'nginx']);
  });

  it('keeps a repeated container name, as kubectl does', () => {
    const d = generateDeployment({ name: 'web', images: ['nginx', 'nginx:2'], randomSuffix: () => 'abcde' });
    expect(d.spec.template.spec.containers[1].name).toBe('nginx');
  });
});

describe('generateDeployment flags', () => {
  it('rejects a command with several images', () => {
    expect(() => generateDeployment({ name: 'web', images: ['a', 'b'], command: ['sh'] })).toThrow(
      'cannot specify multiple --image options and command',
    );
  });
});

describe('generateExposeService', () => {
  it('fails without a port to expose', () => {
    const source = generateDeployment({ name: 'web', images: ['nginx'] });
    expect(() => generateExposeService({ source })).toThrow("couldn't find port via --port flag or introspection");
  });
});

const deployment = generateDeployment({ name: 'web', images: ['nginx'], port: 80 });
const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web', tier: 'fe' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 443, name: 'https' }] },
      { name: 'b', image: 'dns', ports: [{ containerPort: 53, protocol: 'UDP' }] },
    ],
  },
};
const rc: KObject = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'rc' },
  spec: { replicas: 1, selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 8080 }] }] } } },
};

/** A DNS server pod template: port 53 over UDP and TCP, and a metrics port over TCP. */
const dns: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'dns', labels: { app: 'dns' } },
  spec: {
    selector: { matchLabels: { app: 'dns' } },
    template: {
      metadata: { labels: { app: 'dns' } },
      spec: {
        containers: [
          { name: 'dns', image: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }] },
          { name: 'metrics', image: 'coredns', ports: [{ containerPort: 9153 }] },
        ],
      },
    },
  },
};
const udpService: KObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'syslog' },
  spec: { selector: { app: 'syslog' }, ports: [{ port: 514, protocol: 'UDP' }] },
};
const portless: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', labels: { app: 'bare' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };

/** Golden cases: kubectl arguments before `--`, the arguments after it, and the generated object. */
const cases: { name: string; args: string[]; tail?: string[]; files?: Record<string, KObject>; object: () => KObject }[] = [
  { name: 'create deployment', args: ['create', 'deployment', 'web', '--image=nginx'], object: () => generateDeployment({ name: 'web', images: ['nginx'] }) },
  {
    name: 'create deployment with replicas, port and command',
    args: ['create', 'deployment', 'nginx-deployment', '--image=nginx:1.7.9', '--replicas=3', '--port=80', '-n', 'dev'],
    tail: ['sleep', '10'],
    object: () => generateDeployment({ name: 'nginx-deployment', images: ['nginx:1.7.9'], replicas: 3, port: 80, command: ['sleep', '10'], namespace: 'dev' }),
  },
  {
    name: 'create deployment with several images',
    args: ['create', 'deployment', 'multi', '--image=nginx', '--image=docker.io/library/redis:7', '--port=80'],
    object: () => generateDeployment({ name: 'multi', images: ['nginx', 'docker.io/library/redis:7'], port: 80 }),
  },
  {
    name: 'create job',
    args: ['create', 'job', 'pi', '--image=perl'],
    tail: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
    object: () => generateJob({ name: 'pi', image: 'perl', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }),
  },
  {
    name: 'create cronjob',
    args: ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/1 * * * *'],
    tail: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
    object: () => generateCronJob({ name: 'hello', image: 'busybox', schedule: '*/1 * * * *', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }),
  },
  {
    name: 'create cronjob with restart Never',
    args: ['create', 'cronjob', 'h2', '--image=busybox', '--schedule=0 * * * *', '--restart=Never', '-n', 'ops'],
    object: () => generateCronJob({ name: 'h2', image: 'busybox', schedule: '0 * * * *', restart: 'Never', namespace: 'ops' }),
  },
  { name: 'create namespace', args: ['create', 'namespace', 'dev'], object: () => generateNamespace('dev') },
  {
    name: 'create service clusterip',
    args: ['create', 'service', 'clusterip', 'my-svc', '--tcp=5678:8080', '--tcp=80', '--tcp=443:https'],
    object: () => generateService({ type: 'ClusterIP', name: 'my-svc', tcp: ['5678:8080', '80', '443:https'] }),
  },
  {
    name: 'create headless service',
    args: ['create', 'service', 'clusterip', 'headless', '--tcp=80', '--clusterip=None'],
    object: () => generateService({ type: 'ClusterIP', name: 'headless', tcp: ['80'], clusterIP: 'None' }),
  },
  {
    name: 'create service nodeport',
    args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080', '-n', 'web'],
    object: () => generateService({ type: 'NodePort', name: 'np', tcp: ['80:8080'], nodePort: 30080, namespace: 'web' }),
  },
  {
    name: 'create configmap',
    args: ['create', 'configmap', 'cm', '--from-literal=b=2', '--from-literal=a=x=y', '--from-literal=c='],
    object: () => generateConfigMap('cm', ['b=2', 'a=x=y', 'c=']),
  },
  {
    name: 'create secret generic',
    args: ['create', 'secret', 'generic', 's', '--from-literal=pw=secret', '--from-literal=user=admin', '-n', 'dev'],
    object: () => generateSecretGeneric('s', ['pw=secret', 'user=admin'], 'dev'),
  },
  {
    name: 'run with flags and args',
    args: ['run', 'nginx', '--image=nginx', '--port=80', '--labels=app=web,tier=fe', '--env=A=1', '--env=B=two', '--restart=Never'],
    tail: ['sleep', '100'],
    object: () => generateRunPod({ name: 'nginx', image: 'nginx', port: '80', labels: 'app=web,tier=fe', env: ['A=1', 'B=two'], restart: 'Never', args: ['sleep', '100'] }),
  },
  {
    name: 'run with command',
    args: ['run', 'bb', '--image=busybox', '--command', '-n', 'dev'],
    tail: ['sh', '-c', 'echo hi'],
    object: () => generateRunPod({ name: 'bb', image: 'busybox', command: true, args: ['sh', '-c', 'echo hi'], namespace: 'dev' }),
  },
  {
    name: 'expose deployment',
    args: ['expose', '-f', '{deployment}', '--port=80', '--target-port=8000'],
    files: { deployment },
    object: () => generateExposeService({ source: deployment, port: '80', targetPort: '8000' }),
  },
  {
    name: 'expose deployment as NodePort',
    args: ['expose', '-f', '{deployment}', '--type=NodePort', '--name=web-svc'],
    files: { deployment },
    object: () => generateExposeService({ source: deployment, type: 'NodePort', name: 'web-svc' }),
  },
  {
    name: 'expose pod with several ports',
    args: ['expose', '-f', '{pod}'],
    files: { pod },
    object: () => generateExposeService({ source: pod }),
  },
  {
    name: 'expose replication controller',
    args: ['expose', '-f', '{rc}', '--port=80'],
    files: { rc },
    object: () => generateExposeService({ source: rc, port: '80' }),
  },
  {
    name: 'expose keeps each port protocol',
    args: ['expose', '-f', '{dns}'],
    files: { dns },
    object: () => generateExposeService({ source: dns }),
  },
  {
    name: 'expose a --port served over two protocols',
    args: ['expose', '-f', '{dns}', '--port=53'],
    files: { dns },
    object: () => generateExposeService({ source: dns, port: '53' }),
  },
  {
    name: 'expose a --port list against the object protocols',
    args: ['expose', '-f', '{dns}', '--port=9153,53,80', '--target-port=dns'],
    files: { dns },
    object: () => generateExposeService({ source: dns, port: '9153,53,80', targetPort: 'dns' }),
  },
  {
    name: 'expose with --protocol over a multi-protocol port',
    args: ['expose', '-f', '{dns}', '--port=53', '--protocol=SCTP'],
    files: { dns },
    object: () => generateExposeService({ source: dns, port: '53', protocol: 'SCTP' }),
  },
  {
    name: 'expose a UDP service',
    args: ['expose', '-f', '{udpService}', '--name=syslog2'],
    files: { udpService },
    object: () => generateExposeService({ source: udpService, name: 'syslog2' }),
  },
  {
    name: 'expose a pod without ports as headless',
    args: ['expose', '-f', '{portless}', '--cluster-ip=None'],
    files: { portless },
    object: () => generateExposeService({ source: portless, clusterIP: 'None' }),
  },
  {
    name: 'expose with selector, labels and protocol',
    args: ['expose', '-f', '{deployment}', '--port=80', '--protocol=UDP', '--selector=x=y', '--labels=l=1'],
    files: { deployment },
    object: () => generateExposeService({ source: deployment, port: '80', protocol: 'UDP', selector: 'x=y', labels: 'l=1' }),
  },
];

describe.skipIf(!hasKubectl)(`generators against kubectl --dry-run=client (${NO_KUBECTL})`, () => {
  let server: Server;
  let url: string;
  let serverArgs: string[];
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-generators-'));

  beforeAll(async () => {
    ({ server, url, args: serverArgs } = await startFakeDiscovery());
  });
  afterAll(() => server?.close());

  async function kubectlOutput(c: (typeof cases)[number], output: string): Promise<string> {
    const args = c.args.map((a) => {
      const file = /^\{(\w+)\}$/.exec(a)?.[1];
      if (!file) return a;
      const path = join(dir, `${file}.json`);
      writeFileSync(path, JSON.stringify(c.files![file]));
      return path;
    });
    const full = [...serverArgs, ...args, '--dry-run=client', '-o', output, ...(c.tail ? ['--', ...c.tail] : [])];
    return (await execFileAsync('kubectl', full)).stdout;
  }

  it('prints dry-run numbers as float64 through jsonpath', async () => {
    const d = generateDeployment({ name: 'x', images: ['nginx'], replicas: 1000000 });
    const template = '{.spec.replicas} {.spec.template.spec.containers[0]}';
    const want = (await execFileAsync('kubectl', ['create', 'deployment', 'x', '--image=nginx', '--replicas=1000000', '--dry-run=client', '-o', `jsonpath=${template}`])).stdout;
    expect(printJsonPath(template, d, { numbersAsFloat: true })).toBe(want);
  });

  it('prints dry-run numbers as int64 through go-template', async () => {
    const d = generateDeployment({ name: 'x', images: ['nginx'], replicas: 1000000 });
    const template = '{{.spec.replicas}} {{printf "%T" .spec.replicas}}';
    const want = (await execFileAsync('kubectl', ['create', 'deployment', 'x', '--image=nginx', '--replicas=1000000', '--dry-run=client', '-o', `go-template=${template}`])).stdout;
    expect(printGoTemplate(template, d)).toBe(want);
  });

  for (const c of cases) {
    it(`${c.name} as yaml`, async () => {
      expect(toKubectlYaml(c.object())).toBe(await kubectlOutput(c, 'yaml'));
    });
    it(`${c.name} as json`, async () => {
      expect(toKubectlJson(c.object(), { sortKeys: false })).toBe(await kubectlOutput(c, 'json'));
    });
  }
});

describe('generator flag errors', () => {
  it('rejects a duplicate configmap key', () => {
    expect(() => generateConfigMap('cm', ['a=1', 'a=2'])).toThrow(
      'cannot add key "a", another key by that name already exists in Data for ConfigMap "cm"',
    );
  });

  it('rejects a duplicate secret key', () => {
    expect(() => generateSecretGeneric('s', ['a=1', 'a=2'])).toThrow('cannot add key a, another key by that name already exists');
  });

  it('rejects a literal without a value', () => {
    expect(() => generateConfigMap('cm', ['novalue'])).toThrow('invalid literal source novalue, expected key=value');
  });

  it('rejects a non-numeric service port', () => {
    expect(() => generateService({ type: 'ClusterIP', name: 'x', tcp: ['abc'] })).toThrow(
      'strconv.ParseUint: parsing "abc": invalid syntax',
    );
  });

  it('rejects a label without a value', () => {
    expect(() => generateRunPod({ name: 'x', image: 'nginx', labels: 'bad' })).toThrow('unexpected label spec: bad');
  });
});
