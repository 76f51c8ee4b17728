/**
 * Init containers through the CLI, with the Kubernetes documentation's
 * example: two init containers that loop on nslookup until their Services
 * exist. `get pods` shows Init:0/2 while the first one waits, Init:1/2 and
 * PodInitializing once the Services are created, then Running. describe
 * shows the Init Containers section, and logs reads init containers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
`;

describe('init containers waiting for their Services', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('ic', args);
  const row = () => on('get', 'pod', 'myapp-pod', '--no-headers').stdout;

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'ic', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
    writeFileSync(join(sb.home, 'myapp.yaml'), POD);
    writeFileSync(join(sb.home, 'services.yaml'), SERVICES);
    expect(on('apply', '-f', 'myapp.yaml').stdout).toBe('pod/myapp-pod created\n');
  });
  afterAll(() => sb.cleanup());

  it('shows Init:0/2 while the first waits', () => {
    expect(on('get', 'pod').stdout).toBe('NAME        READY   STATUS     RESTARTS   AGE\nmyapp-pod   0/1     Init:0/2   0          0s\n');
    on('clock', 'advance', '20s');
    expect(row()).toBe('myapp-pod   0/1   Init:0/2   0     20s\n');
  });

  it('reports init container statuses', () => {
    const jsonpath = '{.status.phase} {.status.conditions[?(@.type=="Initialized")]}{"\\n"}{range .status.initContainerStatuses[*]}{.name} {.ready} {.started} {.state}{"\\n"}{end}{.status.containerStatuses[0].state}';
    expect(on('get', 'pod', 'myapp-pod', '-o', `jsonpath=${jsonpath}`).stdout).toBe(
      'Pending {"lastProbeTime":null,"lastTransitionTime":"2022-05-31T09:49:16Z","message":"containers with incomplete status: [init-myservice init-mydb]","reason":"ContainersNotInitialized","status":"False","type":"Initialized"}\n' +
        'init-myservice false true {"running":{"startedAt":"2022-05-31T09:49:21Z"}}\n' +
        'init-mydb false false {"waiting":{"reason":"PodInitializing"}}\n' +
        '{"waiting":{"reason":"PodInitializing"}}',
    );
  });

  it('describes the Init Containers section', () => {
    const text = on('describe', 'pod', 'myapp-pod').stdout;
    const section = text.slice(text.indexOf('Init Containers:'), text.indexOf('Containers:\n  myapp-container'));
    expect(section.replace(/kube-api-access-\w+/g, 'kube-api-access-xxxxx').replace(/containerd:\/\/\w+/, 'containerd://ID')).toBe(
      [
        'Init Containers:',
        '  init-myservice:',
        '    Container ID:  containerd://ID',
        '    Image:         busybox:1.28',
        '    Image ID:      docker.io/library/busybox@sha256:6e0a9cd6847a88cd3f2b1fa09d40b337eca4083a26d4bf11a81cd63487a363fb',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
        '    State:          Running',
        '      Started:      Tue, 31 May 2022 09:49:21 +0000',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-xxxxx (ro)',
        '  init-mydb:',
        '    Container ID:  ',
        '    Image:         busybox:1.28',
        '    Image ID:      ',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done',
        '    State:          Waiting',
        '      Reason:       PodInitializing',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-xxxxx (ro)',
        '',
      ].join('\n'),
    );
    expect(text).toContain('    State:          Waiting\n      Reason:       PodInitializing\n    Ready:          False\n');
    expect(text).toContain('  Initialized                 False \n');
    expect(text).toContain(
      '  Normal  Pulled     16s   kubelet            Successfully pulled image "busybox:1.28" in 4s (4s including waiting). Image size: 4269034 bytes.\n' +
        '  Normal  Created    15s   kubelet            Created container: init-myservice\n' +
        '  Normal  Started    15s   kubelet            Started container init-myservice\n',
    );
  });

  it('reads logs of a waiting init container', () => {
    expect(on('logs', 'myapp-pod', '-c', 'init-myservice', '--tail', '2').stdout).toBe("nslookup: can't resolve 'myservice.default.svc.cluster.local'\nwaiting for myservice\n");
    const mydb = on('logs', 'myapp-pod', '-c', 'init-mydb');
    expect(mydb.stderr).toBe('Error from server (BadRequest): container "init-mydb" in pod "myapp-pod" is waiting to start: PodInitializing\n');
    expect(mydb.code).toBe(1);
    const app = on('logs', 'myapp-pod');
    expect(app.stderr).toBe(
      'Defaulted container "myapp-container" out of: myapp-container, init-myservice (init), init-mydb (init)\n' +
        'Error from server (BadRequest): container "myapp-container" in pod "myapp-pod" is waiting to start: PodInitializing\n',
    );
    expect(app.code).toBe(1);
  });

  it('continues once the Services exist', () => {
    expect(on('apply', '-f', 'services.yaml').stdout).toBe('service/myservice created\nservice/mydb created\n');
    // The loop looks myservice up again at 21s and ends; the next pod sync (22s) starts init-mydb.
    const rows: string[] = [];
    for (let i = 0; i < 6; i++) {
      rows.push(row());
      on('clock', 'advance', '1s');
    }
    expect(rows.join('')).toBe(
      [
        'myapp-pod   0/1   Init:0/2   0     20s',
        'myapp-pod   0/1   Init:0/2   0     21s',
        'myapp-pod   0/1   Init:1/2   0     22s',
        'myapp-pod   0/1   Init:1/2   0     23s',
        'myapp-pod   0/1   PodInitializing   0     24s',
        'myapp-pod   0/1   PodInitializing   0     25s',
        '',
      ].join('\n'),
    );
    expect(row()).toBe('myapp-pod   1/1   Running   0     26s\n');
    expect(on('logs', 'myapp-pod', '-c', 'init-myservice', '--tail', '2').stdout).toBe('Name:      myservice.default.svc.cluster.local\nAddress 1: 10.105.174.204 myservice.default.svc.cluster.local\n');
    expect(on('logs', 'myapp-pod').stdout).toBe('The app is running!\n');
  });

  it('prints init containers first with --all-containers', () => {
    expect(on('logs', 'myapp-pod', '--all-containers', '--tail', '1', '--prefix').stdout).toBe(
      '[pod/myapp-pod/init-myservice] Address 1: 10.105.174.204 myservice.default.svc.cluster.local\n' +
        '[pod/myapp-pod/init-mydb] Address 1: 10.110.246.24 mydb.default.svc.cluster.local\n' +
        '[pod/myapp-pod/myapp-container] The app is running!\n',
    );
  });

  it('names init containers in event paths', () => {
    const out = on('get', 'events', '--field-selector', 'involvedObject.name=myapp-pod', '-o', 'custom-columns=REASON:.reason,PATH:.involvedObject.fieldPath').stdout;
    expect(out).toBe(
      [
        'REASON      PATH',
        'Scheduled   <none>',
        'Pulling     spec.initContainers{init-myservice}',
        'Pulled      spec.initContainers{init-myservice}',
        'Created     spec.initContainers{init-myservice}',
        'Started     spec.initContainers{init-myservice}',
        'Pulled      spec.initContainers{init-mydb}',
        'Created     spec.initContainers{init-mydb}',
        'Started     spec.initContainers{init-mydb}',
        'Pulled      spec.containers{myapp-container}',
        'Created     spec.containers{myapp-container}',
        'Started     spec.containers{myapp-container}',
        '',
      ].join('\n'),
    );
  });
});

describe('logs container choice with init containers', () => {
  const sb = new Sandbox();
  const manifest = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: two}',
    'spec:',
    '  initContainers:',
    "  - {name: prepare, image: 'busybox:1.36', command: [sh, -c, 'echo prepared']}",
    '  containers:',
    "  - {name: web, image: 'busybox:1.36', command: [sh, -c, 'echo web; sleep 3600']}",
    "  - {name: sidecar, image: 'busybox:1.36', command: [sh, -c, 'echo sidecar; sleep 3600']}",
    '',
  ].join('\n');

  beforeAll(() => {
    writeFileSync(join(sb.home, 'two.yaml'), manifest);
    for (const [cluster, version] of [['new', '1.32'], ['old', '1.23']]) {
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
      expect(sb.on(cluster, ['apply', '-f', 'two.yaml']).code).toBe(0);
      sb.on(cluster, ['clock', 'advance', '1m']);
    }
  });
  afterAll(() => sb.cleanup());

  it('lists init containers last on 1.32', () => {
    const r = sb.on('new', ['logs', 'two']);
    expect(r.stdout).toBe('web\n');
    expect(r.stderr).toBe('Defaulted container "web" out of: web, sidecar, prepare (init)\n');
  });

  it('names the init containers when asking on 1.23', () => {
    const r = sb.on('old', ['logs', 'two']);
    expect(r.stderr).toBe('error: a container name must be specified for pod two, choose one of: [web sidecar] or one of the init containers: [prepare]\n');
    expect(r.code).toBe(1);
  });

  it('reads an init container on 1.23', () => {
    expect(sb.on('old', ['logs', 'two', '-c', 'prepare']).stdout).toBe('prepared\n');
  });
});
