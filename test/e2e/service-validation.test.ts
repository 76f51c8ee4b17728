/**
 * Bad Service ports through the commands users type: kubectl's own checks of
 * `create service --tcp`, and the API server's validation of what reaches
 * it. Each rejection prints the message kubectl v1.32 prints, exits 1 and
 * leaves the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

/** `create service clusterip x <flag>`: kubectl rejects these itself, before any request. */
const CLIENT_CASES: [tcp: string, stderr: string][] = [
  ['--tcp=80:99999', 'error: must be between 1 and 65535, inclusive\n'],
  ['--tcp=80:0', 'error: must be between 1 and 65535, inclusive\n'],
  ['--tcp=80:-0', 'error: must be between 1 and 65535, inclusive\n'],
  ['--tcp=99999:80', 'error: strconv.ParseUint: parsing "99999": value out of range\n'],
  ['--tcp=+80', 'error: strconv.ParseUint: parsing "+80": invalid syntax\n'],
  ['--tcp=:80', 'error: strconv.ParseUint: parsing "": invalid syntax\n'],
  ['--tcp=80:Http_x', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n'],
  ['--tcp=80:', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)\n'],
  ['--tcp=80:99999999999999999999', 'error: must be no more than 15 characters,must contain at least one letter (a-z)\n'],
  ['--tcp=80:a--b', 'error: must not contain consecutive hyphens\n'],
];

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const REPEATED_80 =
  'core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}';

function serviceManifest(ports: string, type = 'ClusterIP'): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  selector: {app: web}\n  ports:\n${ports}`;
}

describe('Service port validation', () => {
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
    expect(r.code).toBe(1);
    expect(sb.dump('s')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each(CLIENT_CASES)('rejects create service %s on the client', (tcp, stderr) => {
    rejected(['create', 'service', 'clusterip', 'x', tcp], stderr);
    expect(k('create', 'service', 'clusterip', 'x', tcp, '--dry-run=client').stderr).toBe(stderr);
  });

  it.skipIf(!hasKubectl)(`matches the real kubectl on every client case (${NO_KUBECTL})`, () => {
    for (const [tcp, stderr] of CLIENT_CASES) {
      const r = spawnSync('kubectl', ['create', 'service', 'clusterip', 'x', tcp, '--dry-run=client', '-o', 'yaml'], { encoding: 'utf8' });
      expect(r.stderr, tcp).toBe(stderr);
      expect(r.status, tcp).toBe(1);
    }
  });

  it('rejects port 0 on the server with both causes', () => {
    rejected(
      ['create', 'service', 'clusterip', 'x', '--tcp=0'],
      `error: failed to create ClusterIP service: Service "x" is invalid: [spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}, spec.ports[0].targetPort: Invalid value: 0: ${PORT_RANGE}]\n`,
    );
  });

  it('rejects a repeated --tcp port', () => {
    rejected(
      ['create', 'service', 'clusterip', 'x', '--tcp=80,80'],
      `error: failed to create ClusterIP service: Service "x" is invalid: [spec.ports[1].name: Duplicate value: "80", spec.ports[1]: Duplicate value: ${REPEATED_80}]\n`,
    );
  });

  it('rejects a Service name that starts with a digit', () => {
    rejected(
      ['create', 'service', 'clusterip', '1web', '--tcp=80'],
      `error: failed to create ClusterIP service: Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    );
  });

  it('rejects a --clusterip that is no IP address', () => {
    rejected(
      ['create', 'service', 'clusterip', 'x', '--tcp=80', '--clusterip=10.96.0'],
      'error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    );
    rejected(
      ['create', 'service', 'clusterip', 'x', '--tcp=80', '--clusterip=fd00::1'],
      'error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::1"}: IPv6 is not configured on this cluster\n',
    );
  });

  it('reports a bad clusterIP before the other causes', () => {
    const f = file('bad-ip.yaml', serviceManifest('  - port: 99999\n').replace('  type: ClusterIP\n', '  type: ClusterIP\n  clusterIP: 10.96.0.300\n'));
    rejected(
      ['apply', '-f', f],
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    );
  });

  it('rejects a cluster IP copied with its clusterIPs', () => {
    expect(k('create', 'service', 'clusterip', 'first', '--tcp=80', '--clusterip=10.96.0.80').code).toBe(0);
    const copy = serviceManifest('  - port: 80\n').replace('name: web', 'name: copy').replace('  type: ClusterIP\n', '  type: ClusterIP\n  clusterIP: 10.96.0.80\n  clusterIPs: [10.96.0.80]\n');
    rejected(
      ['apply', '-f', file('copy.yaml', copy)],
      'The Service "copy" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.80"}: failed to allocate IP 10.96.0.80: provided IP is already allocated\n',
    );
  });

  it('rejects an applied targetPort above 65535', () => {
    const f = file('target.yaml', serviceManifest('  - port: 80\n    targetPort: 99999\n'));
    rejected(['apply', '-f', f], `The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 99999: ${PORT_RANGE}\n`);
  });

  it('lists every cause of an applied Service in the API server order', () => {
    const ports = '  - port: 80\n  - port: 80\n    protocol: HTTP\n    targetPort: Https_port\n  - name: web\n    port: 81\n    nodePort: 30081\n';
    rejected(
      ['apply', '-f', file('many.yaml', serviceManifest(ports))],
      'The Service "web" is invalid: \n' +
        '* spec.ports[0].name: Required value\n' +
        '* spec.ports[1].name: Required value\n' +
        '* spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"\n' +
        '* spec.ports[1].targetPort: Invalid value: "Https_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n' +
        "* spec.ports[2].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n",
    );
  });

  it('rejects a repeated port name in a replace', () => {
    expect(k('apply', '-f', file('good.yaml', serviceManifest('  - name: http\n    port: 80\n'))).code).toBe(0);
    const f = file('names.yaml', serviceManifest('  - name: http\n    port: 80\n  - name: http\n    port: 8080\n'));
    rejected(['replace', '-f', f], 'The Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"\n');
  });

  it('takes targetPort 0 and an empty protocol as defaults', () => {
    const f = file('defaults.yaml', serviceManifest('  - port: 80\n    targetPort: 0\n    protocol: ""\n'));
    expect(k('apply', '-f', f).code).toBe(0);
    expect(k('get', 'service', 'web', '-o', 'jsonpath={.spec.ports}').stdout).toBe('[{"port":80,"protocol":"TCP","targetPort":80}]');
  });

  it('drops the node port of an applied move from NodePort to ClusterIP', () => {
    const nodePort = serviceManifest('  - port: 80\n    nodePort: 30080\n', 'NodePort').replace('name: web', 'name: edge');
    expect(k('apply', '-f', file('edge.yaml', nodePort)).code).toBe(0);
    const moved = k('apply', '-f', file('edge-cluster.yaml', nodePort.replace('type: NodePort', 'type: ClusterIP')));
    expect(moved.stdout).toBe('service/edge configured\n');
    expect(k('get', 'service', 'edge', '-o', 'jsonpath={.spec.ports}').stdout).toBe('[{"port":80,"protocol":"TCP","targetPort":80}]');
  });
});

describe('Service cluster IPs across versions', () => {
  const sb = new Sandbox();

  /** Runs a command on `cluster` that must be rejected with `stderr` and checks that the store did not change. */
  function rejected(cluster: string, args: string[], stderr: string): void {
    const before = sb.dump(cluster);
    const r = sb.on(cluster, args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump(cluster)).toBe(before);
  }

  beforeAll(() => {
    for (const [name, version] of [['old', '1.15'], ['new', '1.34'], ['now', '1.32']]) {
      expect(sb.run(['cluster', 'create', name, '--kubernetes-version', version, '--clock', 'manual', '--seed', '3']).code).toBe(0);
    }
  });
  afterAll(() => sb.cleanup());

  it('prints a cluster IP list as JSON from 1.34', () => {
    rejected(
      'new',
      ['create', 'service', 'clusterip', 'x', '--tcp=80', '--clusterip=fd00::1'],
      'error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs[0]: Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster\n',
    );
  });

  it('checks spec.clusterIP alone before 1.20', () => {
    rejected(
      'old',
      ['create', 'service', 'clusterip', 'x', '--tcp=80', '--clusterip=10.96.0'],
      "error: failed to create ClusterIP service: Service \"x\" is invalid: spec.clusterIP: Invalid value: \"10.96.0\": must be empty, 'None', or a valid IP address\n",
    );
    rejected(
      'old',
      ['create', 'service', 'clusterip', 'x', '--tcp=80', '--clusterip=fd00::1'],
      'error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIP: Invalid value: "fd00::1": provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
    );
  });

  it('takes an address with leading zeros as the same address', () => {
    expect(sb.on('now', ['create', 'service', 'clusterip', 'first', '--tcp=80', '--clusterip=010.96.0.9']).code).toBe(0);
    rejected(
      'now',
      ['create', 'service', 'clusterip', 'second', '--tcp=80', '--clusterip=10.96.0.9'],
      'error: failed to create ClusterIP service: Service "second" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.9"}: failed to allocate IP 10.96.0.9: provided IP is already allocated\n',
    );
  });
});
