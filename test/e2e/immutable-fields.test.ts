/**
 * Updates that change immutable fields, through the commands users type.
 * Each is rejected with the API server's message, exits 1 and leaves the
 * store as it was. The updates Kubernetes allows still go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, type Result } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.25
    ports:
    - containerPort: 80
`;

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
immutable: true
data:
  mode: blue
`;

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const POD_FORBIDDEN =
  'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

describe('immutable fields', () => {
  const sb = new Sandbox();
  const file = (name: string, text: string) => writeFileSync(join(sb.home, name), text);
  const k = (...args: string[]) => sb.on('i', args);

  /** Runs a command that must be rejected with `stderr`, and checks that the store did not change. */
  function rejected(args: string[], stderr: string, env?: Record<string, string>): Result {
    const before = sb.dump('i');
    const r = env ? sb.run(['--cluster', 'i', ...args], { env }) : k(...args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('i')).toBe(before);
    return r;
  }

  beforeAll(() => {
    sb.run(['cluster', 'create', 'i', '--clock', 'manual', '--seed', '1']);
    file('pod.yaml', POD);
    file('sts.yaml', STATEFULSET);
    file('job.yaml', JOB);
    file('cm.yaml', CONFIGMAP);
    file('pvc.yaml', CLAIM);
    for (const f of ['pod.yaml', 'sts.yaml', 'job.yaml', 'cm.yaml', 'pvc.yaml']) expect(k('apply', '-f', f).code).toBe(0);
    expect(k('create', 'service', 'clusterip', 'web', '--tcp=80:8080').code).toBe(0);
    expect(k('create', 'secret', 'generic', 'token', '--from-literal=a=b').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('rejects a pod patch that moves it to another node', () => {
    rejected(['patch', 'pod', 'p', '-p', '{"spec":{"nodeName":"k8s-node01"}}'], POD_FORBIDDEN);
  });

  it('rejects an apply that changes a pod container port', () => {
    file('pod-port.yaml', POD.replace('containerPort: 80', 'containerPort: 8080'));
    rejected(['apply', '-f', 'pod-port.yaml'], POD_FORBIDDEN);
  });

  it('rejects a replace that changes a pod restartPolicy', () => {
    const live = k('get', 'pod', 'p', '-o', 'yaml').stdout;
    file('pod-restart.yaml', live.replace('restartPolicy: Always', 'restartPolicy: Never'));
    rejected(['replace', '-f', 'pod-restart.yaml'], POD_FORBIDDEN);
  });

  it('reopens an edit that changes a pod command with the error', () => {
    const log = join(sb.home, 'reopened.txt');
    const editor = join(sb.home, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nif grep -q 'was not valid' "$1"; then cp "$1" ${log}; exit 0; fi\nsed -i 's/^  - image: nginx:1.25/  - command: [sleep, "1"]\\n    image: nginx:1.25/' "$1"\n`);
    chmodSync(editor, 0o755);
    const tmp = join(sb.home, 'edit-tmp');
    mkdirSync(tmp);
    const before = sb.dump('i');
    const r = sb.run(['--cluster', 'i', 'edit', 'pod/p'], { env: { KUBE_EDITOR: editor, TMPDIR: tmp } });
    const stored = /^A copy of your changes has been stored to "(.*)"$/m.exec(r.stderr)?.[1] ?? '';
    expect(stored.startsWith(`${tmp}/kubectl-edit-`)).toBe(true);
    expect(r.stderr).toBe(`error: pods "p" is invalid\nA copy of your changes has been stored to "${stored}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    expect(r.code).toBe(1);
    expect(sb.dump('i')).toBe(before);
    expect(readFileSync(log, 'utf8')).toContain(`# pods "p" was not valid:\n# * ${POD_FORBIDDEN.slice('The Pod "p" is invalid: '.length, -1)}\n`);
  });

  it('still takes a new pod image, labels and annotations', () => {
    expect(k('set', 'image', 'pod/p', 'c=nginx:1.26').stdout).toBe('pod/p image updated\n');
    expect(k('label', 'pod', 'p', 'tier=front').stdout).toBe('pod/p labeled\n');
    expect(k('annotate', 'pod', 'p', 'note=x').stdout).toBe('pod/p annotated\n');
    expect(k('get', 'pod', 'p', '-o', 'jsonpath={.spec.containers[0].image}').stdout).toBe('nginx:1.26');
  });

  it('rejects a StatefulSet apply that changes serviceName', () => {
    file('sts-service.yaml', STATEFULSET.replace('serviceName: web', 'serviceName: other'));
    rejected(
      ['apply', '-f', 'sts-service.yaml'],
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    );
  });

  it('still scales a StatefulSet and rolls its template', () => {
    expect(k('scale', 'sts', 'web', '--replicas=2').stdout).toBe('statefulset.apps/web scaled\n');
    expect(k('set', 'image', 'sts/web', 'nginx=nginx:1.26').stdout).toBe('statefulset.apps/web image updated\n');
    expect(k('get', 'sts', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}').stdout).toBe('2 nginx:1.26');
  });

  it('rejects a Job patch that changes completions', () => {
    rejected(['patch', 'job', 'pi', '-p', '{"spec":{"completions":3}}'], 'The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable\n');
  });

  it('rejects a Service patch that changes clusterIP', () => {
    rejected(
      ['patch', 'svc', 'web', '-p', '{"spec":{"clusterIP":"10.96.0.50"}}'],
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: may not change once set\n',
    );
  });

  it('rejects a PersistentVolumeClaim patch that changes accessModes', () => {
    rejected(
      ['patch', 'pvc', 'data', '-p', '{"spec":{"accessModes":["ReadWriteMany"]}}'],
      'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n',
    );
  });

  it('rejects a StorageClass patch that changes reclaimPolicy', () => {
    rejected(['patch', 'sc', 'standard', '-p', '{"reclaimPolicy":"Retain"}'], 'The StorageClass "standard" is invalid: reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.\n');
  });

  it('rejects an apply that changes an immutable ConfigMap', () => {
    file('cm-green.yaml', CONFIGMAP.replace('mode: blue', 'mode: green'));
    rejected(['apply', '-f', 'cm-green.yaml'], 'The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set\n');
  });

  it('rejects new data for a Secret made immutable', () => {
    expect(k('patch', 'secret', 'token', '-p', '{"immutable":true}').stdout).toBe('secret/token patched\n');
    rejected(['patch', 'secret', 'token', '-p', '{"data":{"a":"Yw=="}}'], 'The Secret "token" is invalid: data: Forbidden: field is immutable when `immutable` is set\n');
  });

  it('still deletes a pod gracefully', () => {
    expect(k('delete', 'pod', 'p', '--wait=false').stdout).toBe('pod "p" deleted\n');
  });
});
