/**
 * `create secret tls`, `create secret docker-registry`, `--from-env-file`
 * and `--append-hash`: output, messages and exit codes as kubectl v1.32
 * prints them, checked against the real kubectl when it is on PATH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

const FIXTURES = join(__dirname, '..', 'fixtures', 'tls');
const base64 = (file: string) => readFileSync(join(FIXTURES, file)).toString('base64');

const ENV_FILE = '# comment\nA=1\n\n  B= two words \nC=\nE="quoted"\nF=a=b\r\n\tG=tab\n';
const BAD_KEY =
  "error: \"BAD LINE\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n";

/** Command lines whose output needs no server, compared with kubectl in the golden test. */
const GOLDEN_CASES: string[][] = [
  ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key', '-o', 'yaml'],
  ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key', '--append-hash', '-o', 'json'],
  ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=other.key'],
  ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=ec.key'],
  ['create', 'secret', 'tls', 't', '--cert=tls.key', '--key=tls.crt'],
  ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.crt'],
  ['create', 'secret', 'tls', 't', '--cert=env.txt', '--key=tls.key'],
  ['create', 'secret', 'tls', 't', '--cert=missing.crt', '--key=tls.key'],
  ['create', 'secret', 'tls', 't', '--cert=tls.crt'],
  ['create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p<&>', '-o', 'yaml'],
  ['create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p', '--docker-email=e@x.io', '--docker-server=reg.io:5000', '--append-hash', '-o', 'yaml'],
  ['create', 'secret', 'docker-registry', 'r', '--from-file=config.json', '-o', 'yaml'],
  ['create', 'secret', 'docker-registry', 'r', '--from-file=other=config.json', '-o', 'yaml'],
  ['create', 'secret', 'docker-registry', 'r', '--docker-username=u'],
  ['create', 'configmap', 'c', '--from-env-file=app.env', '-o', 'yaml'],
  ['create', 'configmap', 'c', '--from-env-file=app.env', '--append-hash', '-o', 'name'],
  ['create', 'configmap', 'c', '--from-env-file=bad.env'],
  ['create', 'configmap', 'c', '--from-env-file=app.env', '--from-literal=x=y'],
  ['create', 'configmap', 'c', '--from-env-file=dup.env'],
  ['create', 'configmap', 'c', '--from-env-file=dir'],
  ['create', 'configmap', 'c', '--from-env-file=missing.env'],
  ['create', 'secret', 'generic', 's', '--from-env-file=app.env', '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-env-file=app.env', '--type=foo', '--append-hash', '-o', 'name'],
  ['create', 'secret', 'generic', 's', '--from-env-file=dup.env'],
  ['create', 'secret', 'generic', 's', '--from-env-file=dir'],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--append-hash', '-o', 'name'],
];

describe('create secret tls, docker-registry and env files', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('s', args);
  const dryRun = (...args: string[]) => k(...args, '--dry-run=client');

  /** Runs a command that must fail with `stderr`, exit 1 and leave the store unchanged. */
  function rejected(args: string[], stderr: string): void {
    const before = sb.dump('s');
    const r = k(...args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('s')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    for (const file of ['tls.crt', 'tls.key', 'other.key', 'ec.key']) copyFileSync(join(FIXTURES, file), join(sb.home, file));
    writeFileSync(join(sb.home, 'env.txt'), 'not a certificate\n');
    writeFileSync(join(sb.home, 'config.json'), '{"auths":{}}\n');
    writeFileSync(join(sb.home, 'app.env'), ENV_FILE);
    writeFileSync(join(sb.home, 'bad.env'), 'GOOD=1\nBAD LINE\n');
    writeFileSync(join(sb.home, 'dup.env'), 'A=1\nA=2\n');
    mkdirSync(join(sb.home, 'dir'));
  });
  afterAll(() => sb.cleanup());

  it('prints a TLS secret from a matching pair', () => {
    const r = dryRun('create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key', '-o', 'yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `apiVersion: v1\ndata:\n  tls.crt: ${base64('tls.crt')}\n  tls.key: ${base64('tls.key')}\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: t\ntype: kubernetes.io/tls\n`,
    );
    expect(r.code).toBe(0);
  });

  it('appends the content hash to a TLS secret', () => {
    expect(dryRun('create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key', '--append-hash', '-o', 'name').stdout).toBe('secret/t-7kgc6h8954\n');
  });

  it('creates a TLS secret in the cluster', () => {
    expect(k('create', 'secret', 'tls', 'site', '--cert=tls.crt', '--key=tls.key').stdout).toBe('secret/site created\n');
    expect(k('get', 'secret', 'site', '-o', 'jsonpath={.type} {.data.tls\\.key}').stdout).toBe(`kubernetes.io/tls ${base64('tls.key')}`);
  });

  it.each([
    [['--cert=tls.crt', '--key=other.key'], 'error: tls: private key does not match public key\n'],
    [['--cert=tls.crt', '--key=ec.key'], 'error: tls: private key type does not match public key type\n'],
    [['--cert=tls.key', '--key=tls.crt'], 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n'],
    [['--cert=tls.crt', '--key=tls.crt'], 'error: tls: found a certificate rather than a key in the PEM for the private key\n'],
    [['--cert=env.txt', '--key=tls.key'], 'error: tls: failed to find any PEM data in certificate input\n'],
    [['--cert=tls.crt', '--key=env.txt'], 'error: tls: failed to find any PEM data in key input\n'],
    [['--cert=missing.crt', '--key=tls.key'], 'error: Cannot read file missing.crt, open missing.crt: no such file or directory\n'],
    [['--cert=dir', '--key=tls.key'], 'error: Cannot read file dir, read dir: is a directory\n'],
    [['--cert=tls.crt'], 'error: key and cert must be specified\n'],
  ])('rejects tls %j', (flags, stderr) => {
    rejected(['create', 'secret', 'tls', 't', ...flags], stderr);
  });

  it('prints a docker-registry secret', () => {
    const r = dryRun('create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p', '-o', 'yaml');
    const config = Buffer.from('{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","auth":"dTpw"}}}').toString('base64');
    expect(r.stdout).toBe(`apiVersion: v1\ndata:\n  .dockerconfigjson: ${config}\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: r\ntype: kubernetes.io/dockerconfigjson\n`);
    expect(r.code).toBe(0);
  });

  it('escapes and includes the email in the docker config', () => {
    const r = dryRun('create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p<&>', '--docker-email=e@x.io', '--docker-server=reg.io:5000', '-o', 'jsonpath={.data.\\.dockerconfigjson}');
    expect(Buffer.from(r.stdout, 'base64').toString('utf8')).toBe('{"auths":{"reg.io:5000":{"username":"u","password":"p\\u003c\\u0026\\u003e","email":"e@x.io","auth":"dTpwPCY+"}}}');
  });

  it('stores a config file under .dockerconfigjson', () => {
    const r = dryRun('create', 'secret', 'docker-registry', 'r', '--from-file=config.json', '-o', 'jsonpath={.data}');
    expect(r.stdout).toBe(`{".dockerconfigjson":"${Buffer.from('{"auths":{}}\n').toString('base64')}"}`);
  });

  it('appends the content hash to a docker-registry secret', () => {
    expect(dryRun('create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p', '--append-hash', '-o', 'name').stdout).toBe('secret/r-mmbmthh8k5\n');
  });

  it.each([
    [['--docker-username=u'], 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n'],
    [['--docker-username=u', '--docker-password=p', '--docker-server='], 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n'],
    [['--from-file=dir'], 'error: cannot give a key name for a directory path\n'],
    [['--from-file=missing.json'], 'error: error reading missing.json: no such file or directory\n'],
  ])('rejects docker-registry %j', (flags, stderr) => {
    rejected(['create', 'secret', 'docker-registry', 'r', ...flags], stderr);
  });

  it('reads an env file into a configmap', () => {
    const r = dryRun('create', 'configmap', 'c', '--from-env-file=app.env', '-o', 'yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\ndata:\n  A: "1"\n  B: \' two words \'\n  C: ""\n  E: \'"quoted"\'\n  F: a=b\n  G: tab\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
    );
  });

  it('reads a bare key from the environment', () => {
    writeFileSync(join(sb.home, 'bare.env'), 'FROM_ENV\n');
    const r = sb.run(['--cluster', 's', 'create', 'configmap', 'c', '--from-env-file=bare.env', '--dry-run=client', '-o', 'jsonpath={.data}'], { env: { FROM_ENV: 'host value' } });
    expect(r.stdout).toBe('{"FROM_ENV":"host value"}');
  });

  it('reads several env files into a secret', () => {
    writeFileSync(join(sb.home, 'more.env'), 'X=9\n');
    const r = dryRun('create', 'secret', 'generic', 's', '--from-env-file=dup.env,more.env');
    expect(r.stderr).toBe('error: cannot add key A, another key by that name already exists\n');
    const ok = dryRun('create', 'secret', 'generic', 's', '--from-env-file=more.env', '--from-env-file=bare.env', '-o', 'jsonpath={.data}');
    expect(ok.stdout).toBe('{"FROM_ENV":"","X":"OQ=="}');
  });

  it('appends content hashes to configmaps and generic secrets', () => {
    writeFileSync(join(sb.home, 'x.env'), 'X=9\n');
    expect(dryRun('create', 'configmap', 'c', '--from-env-file=x.env', '--append-hash', '-o', 'name').stdout).toBe('configmap/c-6929d9g5kc\n');
    expect(dryRun('create', 'secret', 'generic', 's', '--from-env-file=x.env', '--type=foo', '--append-hash', '-o', 'name').stdout).toBe('secret/s-5k24g428g6\n');
    expect(dryRun('create', 'secret', 'generic', 's', '--from-literal=a=1', '--append-hash', '-o', 'name').stdout).toBe('secret/s-gtkfk5m49d\n');
    expect(dryRun('create', 'configmap', 'c', '--append-hash', '-o', 'name').stdout).toBe('configmap/c-94b26g54cg\n');
  });

  it('creates a hashed configmap in the cluster', () => {
    expect(k('create', 'configmap', 'settings', '--from-env-file=x.env', '--append-hash').stdout).toBe('configmap/settings-8kk486gmf2 created\n');
  });

  it.each([
    [['configmap', 'c', '--from-env-file=bad.env'], BAD_KEY],
    [['configmap', 'c', '--from-env-file=app.env', '--from-literal=x=y'], 'error: from-env-file cannot be combined with from-file or from-literal\n'],
    [['secret', 'generic', 's', '--from-env-file=app.env', '--from-file=config.json'], 'error: from-env-file cannot be combined with from-file or from-literal\n'],
    [['configmap', 'c', '--from-env-file=dup.env'], 'error: cannot add key "A", another key by that name already exists in Data for ConfigMap "c"\n'],
    [['configmap', 'c', '--from-env-file=dir'], 'error: env config file cannot be a directory\n'],
    [['secret', 'generic', 's', '--from-env-file=dir'], 'error: env secret file cannot be a directory\n'],
    [['configmap', 'c', '--from-env-file=missing.env'], 'error: error reading missing.env: no such file or directory\n'],
  ])('rejects create %j', (args, stderr) => {
    rejected(['create', ...args], stderr);
  });

  it('rejects an env file with invalid UTF-8', () => {
    writeFileSync(join(sb.home, 'latin1.env'), Buffer.from([0x41, 0x3d, 0xff, 0x0a]));
    rejected(['create', 'configmap', 'c', '--from-env-file=latin1.env'], 'error: env file latin1.env contains invalid utf8 bytes at line 1: [65 61 255]\n');
  });

  it.skipIf(!hasKubectl)(`matches the real kubectl on every offline case (${NO_KUBECTL})`, () => {
    const kubeconfig = join(sb.home, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://127.0.0.1:1\n  name: c\ncontexts:\n- context:\n    cluster: c\n    user: u\n  name: c\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: x\n',
    );
    for (const args of GOLDEN_CASES) {
      const real = spawnSync('kubectl', [...args, '--dry-run=client'], { encoding: 'utf8', cwd: sb.home, env: { ...process.env, KUBECONFIG: kubeconfig } });
      const ours = dryRun(...args);
      expect(ours.stdout, args.join(' ')).toBe(real.stdout);
      expect(ours.stderr, args.join(' ')).toBe(real.stderr);
      expect(ours.code, args.join(' ')).toBe(real.status);
    }
  });
});
