/**
 * Service IP families, external IPs and traffic fields through create and
 * apply. Each rejection prints the API server's message as
 * kubectl v1.32 shows it, exits 1 and leaves the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Builds a Service manifest named `name` whose spec has `spec` (YAML lines indented by two) besides a selector and port 80. */
function serviceManifest(name: string, spec: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}  selector:\n    app: web\n  ports:\n  - port: 80\n`;
}

describe('Service traffic validation', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('s', args);
  const file = (name: string, text: string) => {
    writeFileSync(join(sb.home, name), text);
    return name;
  };

  /** Runs a command that must be rejected with `stderr` and checks that the store did not change. */
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
  });
  afterAll(() => sb.cleanup());

  it('rejects a created loopback external IP', () => {
    const f = file('loopback.yaml', serviceManifest('web', '  externalIPs:\n  - 127.0.0.1\n'));
    rejected(['create', '-f', f], 'The Service "web" is invalid: spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)\n');
  });

  it('rejects an applied dual-stack requirement', () => {
    const f = file('dual.yaml', serviceManifest('web', '  ipFamilyPolicy: RequireDualStack\n'));
    rejected(['apply', '-f', f], 'The Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services\n');
  });

  it('rejects an applied IPv6 cluster IP', () => {
    const f = file('v6.yaml', serviceManifest('web', '  clusterIP: fd00::10\n'));
    rejected(['apply', '-f', f], 'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster\n');
  });

  it('rejects externalTrafficPolicy on a ClusterIP Service', () => {
    const f = file('etp.yaml', serviceManifest('web', '  externalTrafficPolicy: Local\n'));
    rejected(['apply', '-f', f], 'The Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n');
  });

  it('lists a bad appProtocol and source range together', () => {
    const text = serviceManifest('web', '  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - 10.0.0.0\n').replace('  - port: 80\n', '  - port: 80\n    appProtocol: a/b/c\n');
    rejected(
      ['apply', '-f', file('lb.yaml', text)],
      'The Service "web" is invalid: \n' +
        "* spec.ports[0].appProtocol: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')\n" +
        '* spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n',
    );
  });

  it('rejects a requested health check node port out of range', () => {
    const f = file('hc.yaml', serviceManifest('hc', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 99999\n'));
    rejected(
      ['apply', '-f', f],
      'Error from server (InternalError): error when creating "hc.yaml": Internal error occurred: failed to allocate requested HealthCheck NodePort 99999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('reports an address the allocator rejects before other fields', () => {
    const text = serviceManifest('web', '  type: NodePort\n  sessionAffinity: Sticky\n').replace('  - port: 80\n', '  - port: 80\n    nodePort: 99999\n');
    rejected(
      ['apply', '-f', file('order.yaml', text)],
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('rejects a moved cluster IP as a change, not an allocation', () => {
    const first = serviceManifest('first', '  clusterIP: 10.96.0.50\n');
    const second = serviceManifest('second', '  clusterIP: 10.96.0.51\n');
    expect(k('apply', '-f', file('first.yaml', first)).code).toBe(0);
    expect(k('apply', '-f', file('second.yaml', second)).code).toBe(0);
    rejected(
      ['apply', '-f', file('second-moved.yaml', second.replace('10.96.0.51', '10.96.0.50'))],
      'The Service "second" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: may not change once set\n',
    );
  });

  it('allocates a health check node port for policy Local', () => {
    expect(k('apply', '-f', file('local.yaml', serviceManifest('local', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n'))).code).toBe(0);
    const port = Number(k('get', 'service', 'local', '-o', 'jsonpath={.spec.healthCheckNodePort}').stdout);
    const nodePort = Number(k('get', 'service', 'local', '-o', 'jsonpath={.spec.ports[0].nodePort}').stdout);
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(port).not.toBe(nodePort);
  });

  it('rejects a changed loadBalancerClass', () => {
    const text = serviceManifest('cls', '  type: LoadBalancer\n  loadBalancerClass: example.com/a\n');
    expect(k('apply', '-f', file('cls.yaml', text)).code).toBe(0);
    rejected(
      ['apply', '-f', file('cls-b.yaml', text.replace('example.com/a', 'example.com/b'))],
      'The Service "cls" is invalid: spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set\n',
    );
  });

  it('allocates no node ports when a LoadBalancer opts out', () => {
    const text = serviceManifest('bare', '  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n');
    expect(k('apply', '-f', file('bare.yaml', text)).code).toBe(0);
    expect(k('get', 'service', 'bare', '-o', 'jsonpath={.spec.ports}').stdout).toBe('[{"port":80,"protocol":"TCP","targetPort":80}]');
  });

  it('drops LoadBalancer fields on a move to ClusterIP', () => {
    const text = serviceManifest('move', '  type: LoadBalancer\n');
    expect(k('apply', '-f', file('move.yaml', text)).code).toBe(0);
    const r = k('apply', '-f', file('move-cluster.yaml', text.replace('LoadBalancer', 'ClusterIP')));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('service/move configured\n');
    const spec = JSON.parse(k('get', 'service', 'move', '-o', 'jsonpath={.spec}').stdout);
    expect(Object.keys(spec).sort()).toEqual(['clusterIP', 'clusterIPs', 'internalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'ports', 'selector', 'sessionAffinity', 'type']);
  });

  it('gives a selectorless headless Service both families', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: peers\nspec:\n  clusterIP: None\n  ports:\n  - port: 80\n';
    expect(k('apply', '-f', file('peers.yaml', text)).code).toBe(0);
    expect(k('get', 'service', 'peers', '-o', 'jsonpath={.spec.ipFamilyPolicy} {.spec.ipFamilies}').stdout).toBe('RequireDualStack ["IPv4","IPv6"]');
  });

  it('sets no IP families on an ExternalName Service', () => {
    expect(k('create', 'service', 'externalname', 'ext', '--external-name=db.example.com').code).toBe(0);
    expect(k('get', 'service', 'ext', '-o', 'jsonpath={.spec}').stdout).toBe('{"externalName":"db.example.com","selector":{"app":"ext"},"sessionAffinity":"None","type":"ExternalName"}');
  });
});
