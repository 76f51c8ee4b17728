import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCluster } from '../../../src/engine/open';
import { REPLAY_START, runReplay, parseStepRange } from '../../../src/replay/run/runner';
import type { StepOutcome } from '../../../src/replay/report';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: wangyanglinux/myapp:v1
`;

function transcript(...parts: string[]): string {
  return parts.join('\n') + '\n';
}

function summary(outcomes: StepOutcome[]): string[] {
  return outcomes.map((o) => `${o.status} ${o.step.command}${o.reason ? ` | ${o.reason}` : ''}`);
}

describe('runReplay', () => {
  let dir: string;
  let home: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'replay-runner-'));
    home = mkdtempSync(join(tmpdir(), 'replay-home-'));
    process.env.KUBESIM_HOME = home;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
    delete process.env.KUBESIM_HOME;
  });

  function write(text: string): string {
    const file = join(dir, 'tutorial.txt');
    writeFileSync(file, text);
    return file;
  }

  it('replays editor, kubectl, curl and echo steps', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          20s',
      '$ kubectl get pod -o wide',
      'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE         NOMINATED NODE   READINESS GATES',
      'web    1/1     Running   0          25s   10.244.1.7   k8s-node02   <none>           <none>',
      '$ curl 10.244.1.7', 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>',
      '$ echo $?', '0',
      '$ kubectl get pod nope', 'Error from server (NotFound): pods "nope" not found',
      '$ echo $?', '1',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes)).toEqual([
      'match vi pod.yml | wrote pod.yml',
      'match kubectl create -f pod.yml',
      'match kubectl get pod',
      'match kubectl get pod -o wide',
      'match curl 10.244.1.7',
      'match echo $?',
      'match kubectl get pod nope',
      'match echo $?',
    ]);
    expect(outcomes[4].ranCommand).toMatch(/^kubesim curl 10\.244\.\d\.\d+$/);
  });

  it('reports a wrong READY count with a diff', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    0/1     Running   0          20s',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes[2].status).toBe('differ');
    expect(outcomes[2].diff).toEqual([
      '  NAME   READY   STATUS    RESTARTS   AGE',
      '- web    0/1     Running   0          20s',
      '+ web    1/1     Running   0          20s',
      '         ^^^ READY',
    ]);
  });

  it('moves the clock to the ages the transcript shows', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          3h',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes)[2]).toBe('match kubectl get pod | clock moved 3h');
  });

  it('skips what it cannot run, with reasons', async () => {
    const file = write(transcript(
      '$ ls -l', 'total 4',
      '$ kubectl create -f https://example.com/pod.yaml', 'pod/web created',
      "$ kubectl get pods | awk '{print $1}'",
      '$ docker pull perl',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(outcomes[0].reason).toBe("`ls` runs on the author's machine, outside the cluster; kubesim does not run it");
    expect(outcomes[1].reason).toMatch(/^reads its manifest from https:\/\/example\.com\/pod\.yaml; kubesim runs offline, so it failed \(error: unable to read URL/);
    expect(outcomes[2].reason).toBe('`awk` is not a filter replay runs');
    expect(outcomes[3].reason).toBe('kubesim does not simulate `docker pull`');
  });

  it('loads an image with docker tag so a pull is not needed', async () => {
    const file = write(transcript('$ docker tag f9596eddf06f perl:5.36.0'));
    const { outcomes } = await runReplay({ input: file, cluster: 'kept' });
    expect(summary(outcomes)).toEqual(['match docker tag f9596eddf06f perl:5.36.0 | loaded perl:5.36.0 onto every node']);
    expect(outcomes[0].ranCommand).toBe('kubesim node load-image perl:5.36.0');
    const cluster = openCluster('kept')!;
    // Leave out the images kube-system's pods run.
    const images = cluster.store.list('nodes').map((n) => n.status.images.map((i: any) => i.names[0]).filter((name: string) => !name.startsWith('registry.k8s.io/')));
    cluster.store.db.close();
    expect(images).toEqual([['perl:5.36.0'], ['perl:5.36.0'], ['perl:5.36.0']]);
  });

  it('reboots nodes whose pods restarted over a gap', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod -o wide',
      'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE         NOMINATED NODE   READINESS GATES',
      'web    1/1     Running   0          25s   10.244.1.7   k8s-node02   <none>           <none>',
      '$ kubectl get pod -o wide',
      'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE         NOMINATED NODE   READINESS GATES',
      'web    1/1     Running   1          15h   10.244.1.9   k8s-node02   <none>           <none>',
    ));
    const { outcomes } = await runReplay({ input: file, kubernetesVersion: '1.15' });
    expect(summary(outcomes)[3]).toBe('match kubectl get pod -o wide | clock moved 14h59m; restart counts rose after a 14h59m gap: rebooted k8s-node02');
  });

  it('skips rows of pods from before the transcript', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME             READY   STATUS    RESTARTS   AGE',
      'lifecycle-demo   1/1     Running   0          123m', 'web              1/1     Running   0          20s',
      '$ kubectl delete pod --all', 'pod "lifecycle-demo" deleted', 'pod "web" deleted',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes).slice(2)).toEqual([
      'skipped kubectl get pod | output includes pods created before this transcript: lifecycle-demo; the other lines match',
      'skipped kubectl delete pod --all | output includes pods created before this transcript: lifecycle-demo; the other lines match',
    ]);
  });

  it('shows set-aside rows in a diff', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME             READY   STATUS    RESTARTS   AGE',
      'lifecycle-demo   1/1     Running   0          123m',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes[2].status).toBe('differ');
    expect(outcomes[2].diff).toEqual([
      '  NAME             READY   STATUS    RESTARTS   AGE',
      '- lifecycle-demo   1/1     Running   0          123m',
      '+ web    1/1     Running   0          123m',
    ]);
  });

  it('skips a command whose output the transcript leaves out', async () => {
    const file = write(transcript('$ kubectl get nodes', '', 'Then we look at the pods.'));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes)).toEqual(['skipped kubectl get nodes | the transcript shows no output for this command; kubesim printed 4 lines']);
  });

  it('runs shell variables set from kubectl', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ pods=$(kubectl get pods --output=jsonpath={.items..metadata.name})',
      '$ kubectl get pod $pods -o name', 'pod/web',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes.map((o) => o.status)).toEqual(['match', 'match', 'match', 'match']);
  });

  it('reports only the steps of --only', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod web -o name', 'pod/web',
    ));
    const { outcomes } = await runReplay({ input: file, only: { from: 3, to: 3 } });
    expect(summary(outcomes)).toEqual(['match kubectl get pod web -o name']);
  });

  it('emulates the version the transcript shows', async () => {
    const file = write(transcript('$ kubectl get pods', 'No resources found.'));
    const { outcomes, notes } = await runReplay({ input: file });
    expect(notes[0]).toBe('Kubernetes 1.15, because the transcript shows "No resources found." without a namespace (line 2)');
    expect(outcomes[0].status).toBe('match');
  });

  it('notes commands written in the prose', async () => {
    const file = write(transcript('First create it:', 'kubectl create -f https://example.com/web.yaml', '', '$ kubectl get pods', 'No resources found.'));
    const { notes } = await runReplay({ input: file });
    expect(notes[1]).toBe('1 command appears in the prose without a prompt and is not run (line 2)');
  });

  it('feeds a piped heredoc to kubectl and watches without hanging', async () => {
    const file = write(transcript(
      '$ cat <<EOF | kubectl apply -f -', POD.trimEnd(), 'EOF', 'pod/web created',
      '$ kubectl get pods -w',
      'NAME   READY   STATUS              RESTARTS   AGE',
      'web    0/1     ContainerCreating   0          1s',
      'web    1/1     Running             0          5s',
      '$ kubectl edit pod web',
      '$ kubectl port-forward pod/web 8080:80',
      'Forwarding from 127.0.0.1:8080 -> 80',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes)).toEqual([
      'match cat <<EOF | kubectl apply -f -',
      "match kubectl get pods -w | watched by moving the clock until the output was as long as the transcript's",
      'skipped kubectl edit pod web | kubectl edit opens an editor; replay does not run interactive commands',
      'skipped kubectl port-forward pod/web 8080:80 | kubectl port-forward serves until it is interrupted; replay does not open local ports',
    ]);
    expect(outcomes[0].ranCommand).toBe('kubectl apply -f -');
  });

  it('leaves the clock alone when looking ahead finds nothing', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    0/1     Running   0          20s',
    ));
    const { outcomes } = await runReplay({ input: file, cluster: 'kept' });
    expect(outcomes[2].status).toBe('differ');
    const cluster = openCluster('kept')!;
    const elapsed = cluster.clockNow() - REPLAY_START;
    cluster.store.db.close();
    expect(elapsed).toBe(20_000);
    expect(existsSync(join(home, 'clusters', 'kept-probe'))).toBe(false);
  });

  it('pipes kubectl into grep, wc and head', async () => {
    const file = write(transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pods -o name | grep -v nothing', 'pod/web',
      '$ kubectl get pods --no-headers | wc -l', '1',
      '$ kubectl get pods | head -n 1', 'NAME   READY   STATUS    RESTARTS   AGE',
      '$ kubectl get pods | grep nothing',
      '$ echo $?', '1',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes.map((o) => o.status)).toEqual(['match', 'match', 'match', 'match', 'match', 'match', 'match']);
  });

  it('leaves no cluster behind', async () => {
    const file = write(transcript('$ kubectl get pods', 'No resources found in default namespace.'));
    await runReplay({ input: file });
    expect(process.env.KUBESIM_HOME).toBe(home);
    expect(process.cwd()).not.toContain('kubesim-replay-files-');
  });
});

describe('runReplay placement and time', () => {
  let dir: string;
  let home: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'replay-runner-'));
    home = mkdtempSync(join(tmpdir(), 'replay-home-'));
    process.env.KUBESIM_HOME = home;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
    delete process.env.KUBESIM_HOME;
  });

  const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: wangyanglinux/myapp:v1
`;

  it("puts pods on the transcript's nodes", async () => {
    const file = join(dir, 'rs.txt');
    writeFileSync(file, transcript(
      'vi rs.yml', '', RS,
      '$ kubectl create -f rs.yml', 'replicaset.apps/web created',
      '$ kubectl get pod -o wide',
      'NAME        READY   STATUS    RESTARTS   AGE   IP           NODE         NOMINATED NODE   READINESS GATES',
      'web-2t7r8   1/1     Running   0          20s   10.244.1.2   k8s-node01   <none>           <none>',
      'web-7sm2w   1/1     Running   0          20s   10.244.1.3   k8s-node01   <none>           <none>',
      'web-j6fsq   1/1     Running   0          20s   10.244.1.4   k8s-node01   <none>           <none>',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(outcomes.map((o) => o.status)).toEqual(['match', 'match', 'match']);
  });

  it('moves the clock before a change by the time that passed', async () => {
    const file = join(dir, 'gap.txt');
    writeFileSync(file, transcript(
      'vi pod.yml', '', POD,
      '$ kubectl create -f pod.yml', 'pod/web created',
      '$ kubectl get pod', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          20s',
      '$ kubectl label pod web tier=web', 'pod/web labeled',
      '$ kubectl get pod web', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          10m',
    ));
    const { outcomes } = await runReplay({ input: file });
    expect(summary(outcomes).slice(3)).toEqual([
      'match kubectl label pod web tier=web | clock moved 9m40s before this step',
      'match kubectl get pod web',
    ]);
  });
});

describe('parseStepRange', () => {
  it('reads the range forms', () => {
    expect(parseStepRange('3')).toEqual({ from: 3, to: 3 });
    expect(parseStepRange('3..9')).toEqual({ from: 3, to: 9 });
    expect(parseStepRange('3..')).toEqual({ from: 3, to: Infinity });
    expect(parseStepRange('..9')).toEqual({ from: 1, to: 9 });
    expect(parseStepRange('9..3')).toBeUndefined();
    expect(parseStepRange('x')).toBeUndefined();
  });
});
