/**
 * The objects kube-controller-manager keeps in every namespace: the
 * ServiceAccount `default` and the ConfigMap `kube-root-ca.crt`. They exist
 * in the initial namespaces and in each new one, come back when deleted,
 * are not recreated in a namespace being terminated, and take no draws from
 * the cluster's seeded generator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const START = '2022-05-31T07:00:00Z';

/** Replaces the CA bundle's base64 lines in YAML output by one placeholder line. */
function maskCertificate(yaml: string): string {
  return yaml.replace(/(-----BEGIN CERTIFICATE-----\n)(?: {4}[A-Za-z0-9+/=]+\n)+/, '$1    <base64>\n');
}

describe('objects every namespace gets', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('k', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'k', '--clock', 'manual', '--seed', '1', '--start-time', START]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('lists default accounts everywhere', () => {
    expect(k('get', 'sa', '-A')).toEqual({
      stdout: [
        'NAMESPACE         NAME         SECRETS   AGE',
        'default           default      0         0s',
        'kube-node-lease   default      0         0s',
        'kube-public       default      0         0s',
        'kube-system       coredns      0         0s',
        'kube-system       default      0         0s',
        'kube-system       kube-proxy   0         0s',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('lists kube-root-ca.crt everywhere', () => {
    expect(k('get', 'cm', '-A').stdout).toBe(
      [
        'NAMESPACE         NAME               DATA   AGE',
        'default           kube-root-ca.crt   1      0s',
        'kube-node-lease   kube-root-ca.crt   1      0s',
        'kube-public       kube-root-ca.crt   1      0s',
        'kube-system       coredns            1      0s',
        'kube-system       kube-proxy         2      0s',
        'kube-system       kube-root-ca.crt   1      0s',
        '',
      ].join('\n'),
    );
  });

  it('publishes the described CA bundle', () => {
    const yaml = k('get', 'cm', 'kube-root-ca.crt', '-o', 'yaml').stdout;
    expect(maskCertificate(yaml).replace(/uid: \S+/, 'uid: <uid>')).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  ca.crt: |',
        '    -----BEGIN CERTIFICATE-----',
        '    <base64>',
        '    -----END CERTIFICATE-----',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    kubernetes.io/description: Contains a CA bundle that can be used to verify the',
        '      kube-apiserver when using internal endpoints such as the internal service IP',
        '      or kubernetes.default.svc. No other usage is guaranteed across distributions',
        '      of Kubernetes clusters.',
        '  creationTimestamp: "2022-05-31T07:00:00Z"',
        '  name: kube-root-ca.crt',
        '  namespace: default',
        '  resourceVersion: "26"',
        '  uid: <uid>',
        '',
      ].join('\n'),
    );
  });

  it('shares one PEM bundle', () => {
    const bundles = k('get', 'cm', '-A', '--field-selector', 'metadata.name=kube-root-ca.crt', '-o', 'jsonpath={range .items[*]}{.data.ca\\.crt}{"|"}{end}').stdout.split('|').slice(0, -1);
    expect(bundles).toHaveLength(4);
    expect(new Set(bundles).size).toBe(1);
    expect(bundles[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/]{64}\n){16}[A-Za-z0-9+/]{12}\n-----END CERTIFICATE-----\n$/);
    expect(bundles[0]).toHaveLength(1107);
  });

  it('describes the default account', () => {
    expect(k('describe', 'sa', 'default').stdout).toBe(
      [
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('fills a new namespace', () => {
    expect(k('create', 'ns', 'team').code).toBe(0);
    expect(k('-n', 'team', 'get', 'sa,cm').stdout).toBe(
      [
        'NAME                     SECRETS   AGE',
        'serviceaccount/default   0         0s',
        '',
        'NAME                         DATA   AGE',
        'configmap/kube-root-ca.crt   1      0s',
        '',
      ].join('\n'),
    );
  });

  it('recreates deleted objects with new uids', () => {
    k('create', 'ns', 'again');
    const uids = () => k('-n', 'again', 'get', 'sa/default', 'cm/kube-root-ca.crt', '-o', 'jsonpath={.items[*].metadata.uid}').stdout.split(' ');
    const before = uids();
    expect(k('-n', 'again', 'delete', 'sa', 'default').stdout).toBe('serviceaccount "default" deleted\n');
    expect(k('-n', 'again', 'delete', 'cm', '--all').stdout).toBe('configmap "kube-root-ca.crt" deleted\n');
    const after = uids();
    expect(after).toHaveLength(2);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('restores an edited ConfigMap', () => {
    k('create', 'ns', 'edited');
    const original = k('-n', 'edited', 'get', 'cm', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}').stdout;
    const patch = '{"metadata":{"annotations":{"kubernetes.io/description":null}},"data":{"ca.crt":"x","extra":"y"}}';
    expect(k('-n', 'edited', 'patch', 'cm', 'kube-root-ca.crt', '-p', patch).code).toBe(0);
    const tpl = '{.data.ca\\.crt}{"|"}{.data.extra}{"|"}{.metadata.annotations.kubernetes\\.io/description}';
    const [data, extra, description] = k('-n', 'edited', 'get', 'cm', 'kube-root-ca.crt', '-o', `jsonpath=${tpl}`).stdout.split('|');
    expect(data).toBe(original);
    expect(extra).toBe('');
    expect(description).toMatch(/^Contains a CA bundle /);
  });

  it('skips a terminating namespace', () => {
    k('create', 'ns', 'leaving');
    k('-n', 'leaving', 'run', 'sleeper', '--image=busybox:1.36', '--', 'sleep', '3600');
    k('clock', 'advance', '1m');
    expect(k('delete', 'ns', 'leaving', '--wait=false').code).toBe(0);
    expect(k('get', 'ns', 'leaving', '-o', 'jsonpath={.status.phase}').stdout).toBe('Terminating');
    expect(k('-n', 'leaving', 'get', 'sa,cm')).toMatchObject({ stdout: '', stderr: 'No resources found in leaving namespace.\n' });
    k('clock', 'advance', '30s');
    expect(k('get', 'ns', 'leaving').stderr).toBe('Error from server (NotFound): namespaces "leaving" not found\n');
    expect(k('create', 'ns', 'leaving').code).toBe(0);
    expect(k('-n', 'leaving', 'get', 'sa,cm', '-o', 'name').stdout).toBe('serviceaccount/default\nconfigmap/kube-root-ca.crt\n');
  });
});

describe('seeded names with the per-namespace objects', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('s', args);
  afterAll(() => sb.cleanup());

  // The names and uids a cluster without these objects gave for the same commands.
  it('stay put after create ns', () => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '7', '--start-time', START]).code).toBe(0);
    k('create', 'ns', 'foo');
    k('-n', 'foo', 'create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    k('clock', 'advance', '1m');
    k('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    k('run', 'p', '--image=busybox', '--', 'sleep', '3600');
    const columns = 'custom-columns=NS:.metadata.namespace,NAME:.metadata.name,UID:.metadata.uid,VOL:.spec.volumes[0].name';
    expect(k('get', 'pods', '-n', 'default', '-o', columns).stdout + k('get', 'pods', '-n', 'foo', '-o', columns, '--no-headers').stdout).toBe(
      [
        'NS        NAME                   UID                                    VOL',
        'default   p                      20ee46eb-da76-4560-9c97-476de861c671   kube-api-access-j6kfc',
        'default   web-6dc5cd68db-7mwvk   113f920a-3100-429c-81ec-3487ee08d6cd   kube-api-access-6r8rn',
        'default   web-6dc5cd68db-mddj5   7614382b-2dfb-4d9a-b2cf-1b3da3a5e535   kube-api-access-7xzj5',
        'foo   web-6dc5cd68db-5wr5h   071e3f8c-a26a-4c1b-af58-8c0a971c67c7   kube-api-access-wlgbg',
        'foo   web-6dc5cd68db-clsw7   8211b3b8-e16c-4250-b13c-6851ba9d696e   kube-api-access-5qgl4',
        '',
      ].join('\n'),
    );
    expect(k('get', 'rs', '-n', 'foo', 'web-6dc5cd68db', '-o', 'jsonpath={.metadata.uid}').stdout).toBe('82652b9b-3882-40f9-968a-49764dafdff6');
  });
});

describe('per-namespace objects of older versions', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('publishes nothing before 1.20', () => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.19']).code).toBe(0);
    expect(sb.on('old', ['get', 'sa,cm', '-o', 'name']).stdout).toBe('serviceaccount/default\n');
  });

  it('omits the description before 1.22', () => {
    expect(sb.run(['cluster', 'create', 'mid', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.21']).code).toBe(0);
    expect(sb.on('mid', ['get', 'cm', 'kube-root-ca.crt', '-o', 'jsonpath={.metadata.annotations}|{.data.ca\\.crt}']).stdout).toMatch(/^\|-----BEGIN CERTIFICATE-----\n/);
  });
});
