import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';
import { startFakeDiscovery } from '../printers/fake-discovery.js';

const execFileAsync = promisify(execFile);

/** Generator command lines whose client dry-run output must equal kubectl's. */
const COMMANDS: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx'],
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--port=80', '-n', 'shop'],
  ['create', 'deployment', 'web', '--image=busybox', '--', 'sleep', '3600'],
  ['create', 'deployment', 'web', '--image=a/bc:1', '--image=redis@sha256:abc', '--image=redis'],
  ['create', 'deploy', 'y', '--image=y'],
  ['create', 'job', 'x', '--image=busybox'],
  ['create', 'job', 'pi', '--image=perl', '-n', 'shop', '--', 'perl', '-e', 'print 1'],
  ['create', 'cronjob', 'x', '--image=busybox', '--schedule=*/1 * * * *'],
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=0 * * * *', '--restart=Never', '--', 'date'],
  ['create', 'namespace', 'team-a'],
  ['create', 'ns', 'team-b', '-n', 'ignored'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443'],
  ['create', 'service', 'clusterip', 'headless', '--clusterip=None'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80:http', '--node-port=30080'],
  ['create', 'svc', 'nodeport', 'web', '--tcp=5678:8080', '-n', 'shop'],
  ['create', 'service', 'clusterip', 'odd', '--tcp=080:+81', '--tcp=0', '--tcp=1:a:b'],
  ['create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080', '--tcp=443'],
  ['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
  ['create', 'service', 'externalname', 'ext', '--external-name=db.example.com', '--tcp=5432', '-n', 'shop'],
  ['create', 'configmap', 'cfg', '--from-literal=b=two', '--from-literal=a=1', '--from-file={file}'],
  ['create', 'configmap', 'empty'],
  ['create', 'cm', 'cfg', '--from-file=custom={file}'],
  ['create', 'secret', 'generic', 'db', '--from-literal=password=s3cr3t', '--from-literal=user=admin'],
  ['create', 'secret', 'generic', 'tls', '--from-literal=a=b', '--type=kubernetes.io/basic-auth'],
  ['run', 'nginx', '--image=nginx'],
  ['run', 'web', '--image=nginx', '--port=80', '--labels=app=web,tier=front', '--env=A=1', '--env=B=two', '--restart=Never'],
  ['run', 'job', '--image=busybox', '--restart=OnFailure', '--command', '--', 'sh', '-c', 'echo hi'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--labels=app=web'],
  ['run', 'args', '--image=busybox', '-n', 'shop', '--image-pull-policy=IfNotPresent', '--annotations=a=b', '--', 'sleep', '10'],
  ['run', 'extra', '--image=busybox', 'one', 'two', '--', 'three'],
  ['run', 'zero', '--image=nginx', '--port=0'],
  ['run', 'ann', '--image=nginx', '--annotations=b=2', '--annotations=a=1'],
];

describe.skipIf(!hasKubectl)(`generator verbs against kubectl --dry-run=client (${NO_KUBECTL})`, () => {
  const sb = new Sandbox();
  let server: Server;
  let url: string;
  let serverArgs: string[];
  let file: string;

  beforeAll(async () => {
    ({ server, url, args: serverArgs } = await startFakeDiscovery());
    file = join(sb.home, 'settings.properties');
    writeFileSync(file, 'color=blue\nsize=10\n');
  });
  afterAll(() => {
    server?.close();
    sb.cleanup();
  });

  /** Splits at `--` so the dry-run flags go before the container command. */
  function withFlags(args: string[], output: string): string[] {
    const resolved = args.map((a) => a.replace('{file}', file));
    const dash = resolved.indexOf('--');
    const head = dash < 0 ? resolved : resolved.slice(0, dash);
    const tail = dash < 0 ? [] : resolved.slice(dash);
    return [...head, '--dry-run=client', '-o', output, ...tail];
  }

  for (const args of COMMANDS) {
    for (const output of ['yaml', 'json', 'name', 'jsonpath={.metadata.name} {.spec}', 'go-template={{.kind}}/{{.metadata.name}}']) {
      it(`${args.join(' ')} -o ${output}`, async () => {
        const want = (await execFileAsync('kubectl', [...serverArgs, ...withFlags(args, output)])).stdout;
        const got = sb.run(withFlags(args, output));
        expect(got.stderr).toBe('');
        expect(got.stdout).toBe(want);
      });
    }
  }

  it('suffixes a sanitized container name with five random characters, as kubectl does', () => {
    const got = sb.run(['create', 'deployment', 'web', '--image=a/b_c.d:1', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}']);
    expect(got.stdout).toMatch(/^b-c-d-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('finds the subcommand after flags that take values, as cobra does', () => {
    const got = sb.run(['create', '-n', 'shop', '-o', 'jsonpath={.metadata.namespace}', 'service', 'clusterip', 's', '--tcp=80', '--dry-run=client']);
    expect(got.stderr).toBe('');
    expect(got.stdout).toBe('shop');
  });

  it('prints the created line with the dry-run marker', async () => {
    const args = ['create', 'service', 'nodeport', 'web', '--tcp=80', '--dry-run=client'];
    const want = (await execFileAsync('kubectl', args)).stdout;
    expect(want).toBe('service/web created (dry run)\n');
    expect(sb.run(args).stdout).toBe(want);
  });
});
