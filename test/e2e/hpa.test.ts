import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** The tutorial's nginx-deployment at 10 replicas, with the CPU request an HPA needs. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 10
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: hub.atguigu.com/library/myapp:v1
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 100m
`;

/** Builds a ReplicaSet manifest with two hand-written pods, so the scenario does not depend on the ReplicaSet controller. */
function replicaSetWithPods(cpuRequest: string | null): string {
  const resources = cpuRequest ? `\n    resources:\n      requests:\n        cpu: ${cpuRequest}` : '';
  const pod = (name: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:
  containers:
  - name: myapp
    image: hub.atguigu.com/library/myapp:v1${resources}
`;
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: myapp
        image: hub.atguigu.com/library/myapp:v1
${pod('web-a')}${pod('web-b')}`;
}

/** Splits the one HPA row of `get hpa` into cells. */
function hpaRow(stdout: string): string[] {
  return stdout.trim().split('\n')[1].split(/\s{2,}/);
}

describe('autoscale with simulated load', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'h', '--clock', 'manual', '--seed', '5']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), replicaSetWithPods('100m'));
    expect(sb.on('h', ['apply', '-f', 'web.yaml']).code).toBe(0);
    sb.on('h', ['clock', 'advance', '20s']);
  });
  afterAll(() => sb.cleanup());

  it('prints autoscaled and shows unknown targets before the first sync', () => {
    const r = sb.on('h', ['autoscale', 'rs', 'web', '--min=2', '--max=4', '--cpu-percent=80']);
    expect(r.stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect(hpaRow(sb.on('h', ['get', 'hpa']).stdout)).toEqual(['web', 'ReplicaSet/web', 'cpu: <unknown>/80%', '2', '4', '0', '0s']);
  });

  it('shows the load in top pod', () => {
    expect(sb.on('h', ['load', 'rs/web', '--cpu', '400m']).stdout).toBe('replicaset.apps/web loaded: cpu 400m over 2 ready pods\n');
    expect(sb.on('h', ['top', 'pod']).stdout).toBe('NAME    CPU(cores)   MEMORY(bytes)   \nweb-a   201m         5Mi             \nweb-b   201m         5Mi             \n');
  });

  it('scales the ReplicaSet at the first sync', () => {
    sb.on('h', ['clock', 'advance', '15s']);
    expect(hpaRow(sb.on('h', ['get', 'hpa']).stdout)).toEqual(['web', 'ReplicaSet/web', 'cpu: 201%/80%', '2', '4', '2', '15s']);
    expect(JSON.parse(sb.on('h', ['get', 'rs', 'web', '-o', 'json']).stdout).spec.replicas).toBe(4);
    const out = sb.on('h', ['describe', 'hpa', 'web']).stdout;
    expect(out).toContain('  resource cpu on pods  (as a percentage of request):  201% (201m) / 80%\n');
    expect(out).toContain('ReplicaSet pods:                                       2 current / 4 desired\n');
    expect(out).toContain('  Normal  SuccessfulRescale  0s    horizontal-pod-autoscaler  New size: 4; reason: cpu resource utilization (percentage of request) above target\n');
  });

  it('rejects a kind without a scale subresource', () => {
    const r = sb.on('h', ['autoscale', 'pod/web-a', '--max=3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n');
  });

  it('autoscales the objects a manifest names', () => {
    // The manifest lists the ReplicaSet first, then pods, where kubectl stops.
    const r = sb.on('h', ['autoscale', '-f', 'web.yaml', '--max=3', '--name', 'from-file', '--dry-run=client']);
    expect(r.stdout).toBe('horizontalpodautoscaler.autoscaling/from-file created (dry run)\n');
    expect(r.stderr).toBe('error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n');
    expect(r.code).toBe(1);
    expect(sb.on('h', ['get', 'hpa', 'from-file']).stderr).toBe('Error from server (NotFound): horizontalpodautoscalers.autoscaling "from-file" not found\n');
  });

  it('checks --min and --max as kubectl does', () => {
    expect(sb.on('h', ['autoscale', 'rs', 'web', '--max=0']).stderr).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect(sb.on('h', ['autoscale', 'rs', 'web', '--max=2', '--min=5']).stderr).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5\n');
    expect(sb.on('h', ['autoscale', '--max=2']).stderr).toBe(
      "Error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it('requires --max', () => {
    const r = sb.on('h', ['autoscale', 'rs', 'web']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"max\\" not set"\n$/);
  });
});

const HPA_V2BETA2 = `apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata:
  name: b2
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: missing
  minReplicas: 2
  maxReplicas: 6
  metrics:
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 100Mi
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
`;

describe('HorizontalPodAutoscaler manifests', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    sb.run(['cluster', 'create', 'b', '--clock', 'manual', '--seed', '4']);
    writeFileSync(join(sb.home, 'hpa.yaml'), HPA_V2BETA2);
  });
  afterAll(() => sb.cleanup());

  it('converts autoscaling/v2beta2 with the deprecation warning', () => {
    const r = sb.on('b', ['apply', '-f', 'hpa.yaml']);
    expect(r.stdout).toBe('horizontalpodautoscaler.autoscaling/b2 created\n');
    expect(r.stderr).toBe('Warning: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler\n');
  });

  it('describes the defaulted behavior and a missing target', () => {
    sb.on('b', ['clock', 'advance', '15s']);
    const out = sb.on('b', ['describe', 'hpa', 'b2']).stdout;
    expect(out).toContain(
      [
        'Metrics:                    ( current / target )',
        '  resource memory on pods:  <unknown> / 100Mi',
        'Min replicas:               2',
        'Max replicas:               6',
        'Behavior:',
        '  Scale Up:',
        '    Stabilization Window: 0 seconds',
        '    Select Policy: Max',
        '    Policies:',
        '      - Type: Pods     Value: 4    Period: 15 seconds',
        '      - Type: Percent  Value: 100  Period: 15 seconds',
        '  Scale Down:',
        '    Stabilization Window: 60 seconds',
        '    Select Policy: Max',
        '    Policies:',
        '      - Type: Percent  Value: 100  Period: 15 seconds',
        '',
      ].join('\n'),
    );
    expect(out).toContain('  AbleToScale  False   FailedGetScale  the HPA controller was unable to get the target\'s current scale: deployments.apps "missing" not found\n');
    expect(out).toContain('  Warning  FailedGetScale  0s    horizontal-pod-autoscaler  deployments.apps "missing" not found\n');
  });
});

describe('top and load messages', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    sb.run(['cluster', 'create', 'm', '--clock', 'manual', '--seed', '3']);
    writeFileSync(join(sb.home, 'web.yaml'), replicaSetWithPods('100m'));
    // A tag the registry does not have, so the container never starts.
    writeFileSync(join(sb.home, 'stuck.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\n  labels:\n    run: stuck\nspec:\n  containers:\n  - name: stuck\n    image: nginx:1.91\n');
  });
  afterAll(() => sb.cleanup());

  it('says No resources found in an empty namespace', () => {
    const r = sb.on('m', ['top', 'pod']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });

  it('reports missing pod metrics', () => {
    sb.on('m', ['apply', '-f', 'stuck.yaml', '-f', 'web.yaml']);
    expect(sb.on('m', ['top', 'pod', '-l', 'run=stuck']).stderr).toBe('error: metrics not available yet\n');
    sb.on('m', ['clock', 'advance', '3m']);
    expect(sb.on('m', ['top', 'pod', '-l', 'run=stuck']).stderr).toBe('error: Metrics not available for pod default/stuck, age: 3m0s\n');
    expect(sb.on('m', ['top', 'pod', 'stuck']).stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/stuck" not found\n');
  });

  it('rejects a bad --sort-by', () => {
    expect(sb.on('m', ['top', 'node', '--sort-by', 'name']).stderr).toBe('error: --sort-by accepts only cpu or memory\n');
  });

  it('puts load for a while only', () => {
    expect(sb.on('m', ['load', 'rs', 'web', '--rps', '100', '--for', '1m']).stdout).toBe('replicaset.apps/web loaded: 100 requests/s over 2 ready pods for 1m\n');
    expect(sb.on('m', ['top', 'pod', '-l', 'app=web', '--no-headers']).stdout).toBe('web-a   51m   3Mi   \nweb-b   51m   3Mi   \n');
    sb.on('m', ['clock', 'advance', '1m']);
    expect(sb.on('m', ['top', 'pod', '-l', 'app=web', '--no-headers']).stdout).toBe('web-a   1m    2Mi   \nweb-b   1m    2Mi   \n');
  });

  it('rejects load without an amount or on a kind without pods', () => {
    expect(sb.on('m', ['load', 'rs/web']).stderr).toBe('error: exactly one of --cpu or --rps is required (or --stop)\n');
    expect(sb.on('m', ['load', 'node/k8s-node01', '--cpu', '1']).stderr).toBe(
      'error: cannot put load on a Node: use a Deployment, ReplicaSet, StatefulSet, ReplicationController, DaemonSet, Pod or Service\n',
    );
    expect(sb.on('m', ['load', 'deploy/none', '--cpu', '1']).stderr).toBe('Error from server (NotFound): deployments.apps "none" not found\n');
  });
});

describe('autoscale without CPU requests', () => {
  const sb = new Sandbox();
  beforeAll(() => writeFileSync(join(sb.home, 'web.yaml'), replicaSetWithPods(null)));
  afterAll(() => sb.cleanup());

  for (const [version, targets] of [
    ['1.32', 'cpu: <unknown>/80%'],
    ['1.15', '<unknown>/80%'],
  ]) {
    it(`shows ${targets} on a ${version} cluster and says why`, () => {
      const name = `v${version.replace('.', '')}`;
      sb.run(['cluster', 'create', name, '--kubernetes-version', version, '--clock', 'manual', '--seed', '2']);
      sb.on(name, ['apply', '-f', 'web.yaml']);
      sb.on(name, ['clock', 'advance', '20s']);
      sb.on(name, ['autoscale', 'rs', 'web', '--max=4']);
      sb.on(name, ['clock', 'advance', '30s']);
      expect(hpaRow(sb.on(name, ['get', 'hpa']).stdout)).toEqual(['web', 'ReplicaSet/web', targets, '1', '4', '2', '30s']);
      const out = sb.on(name, ['describe', 'hpa', 'web']).stdout;
      expect(out).toContain('  resource cpu on pods  (as a percentage of request):  <unknown> / 80%\n');
      expect(out).toContain(
        '  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container myapp of Pod web-a\n',
      );
      expect(out).toMatch(/Warning {2}FailedGetResourceMetric {7}0s \(x2 over 15s\) {2}horizontal-pod-autoscaler {2}failed to get cpu utilization: missing request for cpu in container myapp of Pod web-a\n/);
    });
  }
});

describe('autoscale the tutorial deployment', () => {
  const sb = new Sandbox();
  const get = () => hpaRow(sb.on('t', ['get', 'hpa']).stdout);
  const deploymentReplicas = () => JSON.parse(sb.on('t', ['get', 'deployment', 'nginx-deployment', '-o', 'json']).stdout).spec.replicas;
  beforeAll(() => {
    sb.run(['cluster', 'create', 't', '--clock', 'manual', '--seed', '7']);
    writeFileSync(join(sb.home, 'deployment.yaml'), DEPLOYMENT);
    sb.on('t', ['apply', '-f', 'deployment.yaml']);
    sb.on('t', ['clock', 'advance', '30s']);
  });
  afterAll(() => sb.cleanup());

  it('scales to the max at the first sync under twice the target', () => {
    expect(sb.on('t', ['autoscale', 'deployment', 'nginx-deployment', '--min=10', '--max=15', '--cpu-percent=80']).stdout).toBe(
      'horizontalpodautoscaler.autoscaling/nginx-deployment autoscaled\n',
    );
    // 10 pods at 160m of load each on 100m requests: twice the 80% target.
    sb.on('t', ['load', 'deployment/nginx-deployment', '--cpu', '1600m']);
    sb.on('t', ['clock', 'advance', '14s']);
    expect(deploymentReplicas()).toBe(10);
    sb.on('t', ['clock', 'advance', '1s']);
    expect(get().slice(1, 6)).toEqual(['Deployment/nginx-deployment', 'cpu: 161%/80%', '10', '15', '10']);
    expect(deploymentReplicas()).toBe(15);
  });

  it('holds 15 pods through the next syncs while loaded', () => {
    // The load now spreads over 15 ready pods: 1600m / 15 + 1m idle = 107m each, 107% of the request, which still asks for more than the max.
    for (const age of ['30s', '45s', '60s']) {
      sb.on('t', ['clock', 'advance', '15s']);
      expect(get().slice(2)).toEqual(['cpu: 107%/80%', '10', '15', '15', age]);
      expect(deploymentReplicas()).toBe(15);
    }
  });

  it('returns to 10 no sooner than five minutes after the load stops', () => {
    expect(sb.on('t', ['load', 'deployment/nginx-deployment', '--stop']).stdout).toBe('deployment.apps/nginx-deployment load stopped\n');
    // The recommendations made under load stay in the 300-second window, so four and a half minutes later nothing has moved.
    sb.on('t', ['clock', 'advance', '270s']);
    expect(get()[2]).toBe('cpu: 1%/80%');
    expect(deploymentReplicas()).toBe(15);
    let seconds = 270;
    while (deploymentReplicas() === 15 && seconds < 600) {
      sb.on('t', ['clock', 'advance', '15s']);
      seconds += 15;
    }
    expect(deploymentReplicas()).toBe(10);
    expect(seconds).toBeGreaterThanOrEqual(300);
    expect(seconds).toBeLessThanOrEqual(315);
    expect(sb.on('t', ['describe', 'hpa', 'nginx-deployment']).stdout).toContain('New size: 10; reason: All metrics below target\n');
  }, 120_000);
});
