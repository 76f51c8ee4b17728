/**
 * `kubectl create service loadbalancer` and `externalname` as kubectl v1.32
 * generates them: the clusterip generator's ports, selector and labels with
 * their own type, --external-name required and checked as a DNS-1123
 * subdomain, and ports optional for ExternalName only. Rejections exit 1
 * and leave the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

/** Replaces klog's date, time and process id, which differ between runs. */
function withoutKlogHeader(text: string): string {
  return text.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'E0000 00:00:00.000000 1 ');
}

describe('create service loadbalancer and externalname', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('s', args);

  function rejected(args: string[], stderr: string): void {
    const before = sb.dump('s');
    const r = k(...args);
    expect(withoutKlogHeader(r.stderr)).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('s')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints a LoadBalancer Service', () => {
    const r = k('create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080', '--tcp=443', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: lb\n  name: lb\nspec:\n  ports:\n' +
        '  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n' +
        '  - name: "443"\n    port: 443\n    protocol: TCP\n    targetPort: 443\n' +
        '  selector:\n    app: lb\n  type: LoadBalancer\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('prints an ExternalName Service without ports', () => {
    const r = k('create', 'service', 'externalname', 'ext', '--external-name=example.com', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: ext\n  name: ext\nspec:\n' +
        '  externalName: example.com\n  selector:\n    app: ext\n  type: ExternalName\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('writes externalName after type in JSON', () => {
    const r = k('create', 'service', 'externalname', 'ext', '--external-name=example.com', '--dry-run=client', '-o', 'jsonpath={.spec}');
    expect(r.stdout).toBe('{"externalName":"example.com","selector":{"app":"ext"},"type":"ExternalName"}');
    const json = k('create', 'service', 'externalname', 'ext', '--external-name=example.com', '--dry-run=client', '-o', 'json');
    expect(json.stdout).toContain('"type": "ExternalName",\n        "externalName": "example.com"\n');
  });

  it('creates both types', () => {
    expect(k('create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080').stdout).toBe('service/lb created\n');
    expect(k('create', 'service', 'externalname', 'ext', '--external-name=example.com').stdout).toBe('service/ext created\n');
    expect(k('get', 'service', 'lb', 'ext', '-o', 'jsonpath={.items[*].spec.type}').stdout).toBe('LoadBalancer ExternalName');
  });

  it.each([
    [['loadbalancer', 'lb2'], 'error: at least one tcp port specifier must be provided\n'],
    [['loadbalancer', 'lb2', '--tcp=80:0'], 'error: must be between 1 and 65535, inclusive\n'],
    [['loadbalancer', '--tcp=80'], "error: exactly one NAME is required, got 0\nSee 'kubectl create service loadbalancer -h' for help and examples\n"],
    [['externalname', 'ext2', '--external-name=Bad_Name'], 'error: invalid service external name Bad_Name\n'],
    [['externalname', 'ext2', '--external-name='], 'error: invalid service external name \n'],
    [['externalname', 'ext2'], 'E0000 00:00:00.000000 1 run.go:72] "command failed" err="required flag(s) \\"external-name\\" not set"\n'],
    [['externalname'], 'E0000 00:00:00.000000 1 run.go:72] "command failed" err="required flag(s) \\"external-name\\" not set"\n'],
  ])('rejects %j', (args, stderr) => {
    rejected(['create', 'service', ...args], stderr);
  });

  it('prefixes server errors with the type', () => {
    rejected(['create', 'service', 'loadbalancer', 'lb', '--tcp=80'], 'error: failed to create LoadBalancer service: services "lb" already exists\n');
  });
});
