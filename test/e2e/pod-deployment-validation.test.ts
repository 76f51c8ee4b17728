/**
 * The API server's checks of containers, Deployment strategies and null
 * manifest values, through the commands users type. Each rejection prints
 * the messages of the 1.32 API server's validation code
 * (pkg/apis/core/validation, pkg/apis/apps/validation), exits 1 and leaves
 * the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n';
const SERVICE_HEAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

describe('pod and deployment validation', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('v', args);
  const file = (name: string, text: string) => {
    writeFileSync(join(sb.home, name), text);
    return name;
  };

  /** Runs a command that must be rejected with `stderr` and checks that the store did not change. */
  function rejected(args: string[], stderr: string): void {
    const before = sb.dump('v');
    const r = k(...args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('v')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'v', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k('create', 'deployment', 'web', '--image=nginx').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('rejects a pod with container mistakes in order', () => {
    const pod =
      POD_HEAD +
      [
        '  securityContext:',
        '    runAsUser: -1',
        '  containers:',
        '  - name: app',
        '    image: nginx',
        '    imagePullPolicy: Sometimes',
        '    ports:',
        '    - containerPort: 80',
        '      protocol: HTTP',
        '    volumeMounts:',
        '    - name: nope',
        '      mountPath: /data',
        '    resources:',
        '      requests:',
        '        memory: 2Gi',
        '      limits:',
        '        memory: 1Gi',
        '',
      ].join('\n');
    rejected(
      ['apply', '-f', file('pod.yaml', pod)],
      [
        'The Pod "p" is invalid: ',
        '* spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        '* spec.containers[0].volumeMounts[0].name: Not found: "nope"',
        '* spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
        '* spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
        '* spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
        '',
      ].join('\n'),
    );
  });

  it('rejects run with a request above its limit', () => {
    rejected(
      ['run', 'big', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"2"},"limits":{"cpu":"1"}}}]}}'],
      'The Pod "big" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1\n',
    );
  });

  it('rejects patching a RollingUpdate deployment to Recreate', () => {
    rejected(
      ['patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"type":"Recreate"}}}'],
      "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'\n",
    );
  });

  it('switches to Recreate when the patch removes rollingUpdate', () => {
    const r = k('patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web patched\n');
    expect(k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.strategy}').stdout).toBe('{"type":"Recreate"}');
    expect(k('patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"type":"RollingUpdate"}}}').code).toBe(0);
  });

  it('switches to Recreate with $retainKeys', () => {
    const r = k('patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web patched\n');
    expect(k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.strategy}').stdout).toBe('{"type":"Recreate"}');
    expect(k('patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"type":"RollingUpdate"}}}').code).toBe(0);
  });

  it('applies a manifest that switches to Recreate', () => {
    const manifest = (strategy: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: site\nspec:\n${strategy}  selector: {matchLabels: {app: site}}\n  template:\n    metadata: {labels: {app: site}}\n    spec:\n      containers: [{name: web, image: nginx}]\n`;
    expect(k('apply', '-f', file('site.yaml', manifest(''))).stdout).toBe('deployment.apps/site created\n');
    const r = k('apply', '-f', file('site.yaml', manifest('  strategy: {type: Recreate}\n')));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/site configured\n');
    expect(k('get', 'deploy', 'site', '-o', 'jsonpath={.spec.strategy}').stdout).toBe('{"type":"Recreate"}');
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    rejected(
      ['patch', 'deploy', 'web', '-p', '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}'],
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0\n',
    );
  });

  it('rejects an unknown strategy type', () => {
    rejected(
      ['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/strategy","value":{"type":"Blue"}}]'],
      'The Deployment "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"\n',
    );
  });

  it('rejects negative counts and a short deadline', () => {
    rejected(
      ['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":-1,"revisionHistoryLimit":-1}}'],
      'The Deployment "web" is invalid: \n* spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0\n* spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0\n',
    );
    rejected(
      ['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":600}}'],
      'The Deployment "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds\n',
    );
  });

  it.each([
    ['an empty spec', `${SERVICE_HEAD}spec:\n`],
    ['no spec', SERVICE_HEAD],
  ])('rejects a Service with %s', (_name, manifest) => {
    rejected(['apply', '-f', file('svc.yaml', manifest)], 'The Service "web" is invalid: spec.ports: Required value\n');
    rejected(['create', '-f', 'svc.yaml'], 'The Service "web" is invalid: spec.ports: Required value\n');
  });

  it('rejects a null Service port', () => {
    rejected(
      ['apply', '-f', file('svc-null.yaml', `${SERVICE_HEAD}spec:\n  ports:\n  -\n`)],
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    );
  });

  it('rejects a null container', () => {
    rejected(
      ['apply', '-f', file('pod-null.yaml', `${POD_HEAD}  containers:\n  -\n`)],
      'The Pod "p" is invalid: \n* spec.containers[0].name: Required value\n* spec.containers[0].image: Required value\n',
    );
  });

  it('rejects a null container port', () => {
    rejected(
      ['apply', '-f', file('port-null.yaml', `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    ports:\n    -\n`)],
      'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Required value\n',
    );
  });
});
