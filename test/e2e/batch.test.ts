import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tutorial');
const PI_2000 = readFileSync(join(__dirname, '..', 'images', 'fixtures', 'pi-2000.txt'), 'utf8');

/** The first column of a table, without its header. */
function names(table: string): string[] {
  return table.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
}

describe('tutorial Job transcript', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('jobs', args);
  beforeAll(() => {
    const created = sb.run(['cluster', 'create', 'jobs', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15', '--pull-timeout', 'perl', '--start-time', '2022-05-31T07:21:11Z']);
    expect(created.code).toBe(0);
    copyFileSync(join(FIXTURES, 'job.yml'), join(sb.home, 'job.yml'));
    writeFileSync(join(sb.home, 'job-untagged.yml'), readFileSync(join(FIXTURES, 'job.yml'), 'utf8').replace('perl:5.36.0', 'perl'));
  });
  afterAll(() => sb.cleanup());

  it('creates the job and its pod from the untagged image', () => {
    expect(on('create', '-f', 'job-untagged.yml').stdout).toBe('job.batch/pi created\n');
    expect(on('get', 'pod').stdout).toBe('NAME       READY   STATUS              RESTARTS   AGE\npi-f795s   0/1     ContainerCreating   0          0s\n');
  });

  it('shows ErrImagePull, then ImagePullBackOff, when the pull times out', () => {
    on('clock', 'advance', '30s');
    // The sync that pulled wrote its status before the pull failed; the next one reports the error.
    expect(on('get', 'pod').stdout).toContain('pi-f795s   0/1     ContainerCreating   0          30s');
    on('clock', 'advance', '2s');
    expect(on('get', 'pod').stdout).toContain('pi-f795s   0/1     ErrImagePull   0          32s');
    on('clock', 'advance', '8s');
    expect(on('get', 'pod').stdout).toContain('pi-f795s   0/1     ImagePullBackOff   0          40s');
  });

  it('lists the pull failure events in describe pod', () => {
    const text = on('describe', 'pod', 'pi-f795s').stdout;
    expect(text).toContain('Controlled By:  Job/pi');
    expect(text).toContain('      Reason:       ImagePullBackOff');
    expect(text).toMatch(/Warning {2}Failed +10s +kubelet, k8s-node0\d {2}Failed to pull image "perl": rpc error: code = Unknown desc = .*i\/o timeout/);
    expect(text).toMatch(/Warning {2}Failed +10s +kubelet, k8s-node0\d {2}Error: ErrImagePull\n/);
    expect(text).toMatch(/Normal {3}BackOff +8s +kubelet, k8s-node0\d {2}Back-off pulling image "perl"\n/);
    expect(text).toMatch(/Warning {2}Failed +8s +kubelet, k8s-node0\d {2}Error: ImagePullBackOff\n/);
    expect(text).toMatch(/Normal {3}Pulling +0s \(x2 over 40s\) +kubelet, k8s-node0\d {2}Pulling image "perl"\n/);
  });

  it('keeps the job at 0/1 while the image cannot be pulled', () => {
    on('clock', 'advance', '5m');
    expect(on('get', 'job').stdout).toBe('NAME   COMPLETIONS   DURATION   AGE\npi     0/1           5m40s      5m40s\n');
  });

  it('deletes the job with its pod', () => {
    expect(on('delete', 'job', 'pi').stdout).toBe('job.batch "pi" deleted\n');
    expect(on('get', 'job').stderr).toBe('No resources found.\n');
    expect(on('get', 'pod').stderr).toBe('No resources found.\n');
  });

  it('completes the job with perl:5.36.0', () => {
    expect(on('create', '-f', 'job.yml').stdout).toBe('job.batch/pi created\n');
    on('clock', 'advance', '10s');
    const pods = on('get', 'pod').stdout;
    expect(pods).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npi-\w{5} +0\/1 +Completed +0 +10s\n$/);
    expect(on('get', 'job').stdout).toBe('NAME   COMPLETIONS   DURATION   AGE\npi     1/1           8s         10s\n');
  });

  it('prints pi to 2000 digits in the pod log', () => {
    const pod = names(on('get', 'pod').stdout)[0];
    const logs = on('logs', pod).stdout;
    expect(logs).toBe(PI_2000);
    expect(logs.trim()).toMatch(/^3\.\d{1999}$/);
    const old = on('log', pod);
    expect(old.stderr).toBe('log is DEPRECATED and will be removed in a future version. Use logs instead.\n');
    expect(old.stdout).toBe(PI_2000);
    expect(on('logs', 'job/pi').stdout).toBe(PI_2000);
  });
});

describe('tutorial CronJob transcript', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('cron', args);
  beforeAll(() => {
    const created = sb.run(['cluster', 'create', 'cron', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15', '--start-time', '2022-05-31T09:49:16Z']);
    expect(created.code).toBe(0);
    copyFileSync(join(FIXTURES, 'cronjob.yml'), join(sb.home, 'cronjob.yml'));
  });
  afterAll(() => sb.cleanup());

  it('creates the CronJob with no job yet', () => {
    expect(on('apply', '-f', 'cronjob.yml').stdout).toBe('cronjob.batch/hello created\n');
    on('clock', 'advance', '22s');
    expect(on('get', 'cronjob').stdout).toBe(
      'NAME    SCHEDULE      SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   False     0        <none>          22s\n',
    );
  });

  it('leaves the three latest completed jobs after five minutes', () => {
    on('clock', 'advance', '5m');
    expect(on('get', 'job').stdout).toBe(
      [
        'NAME               COMPLETIONS   DURATION   AGE',
        'hello-1653990720   1/1           5s         2m38s',
        'hello-1653990780   1/1           5s         98s',
        'hello-1653990840   1/1           5s         38s',
        '',
      ].join('\n'),
    );
  });

  it('logs the date and the greeting in each pod', () => {
    const pods = names(on('get', 'pod').stdout);
    expect(pods.map((p) => p.replace(/-\w{5}$/, ''))).toEqual(['hello-1653990720', 'hello-1653990780', 'hello-1653990840']);
    expect(pods.map((p) => on('logs', p).stdout)).toEqual([
      'Tue May 31 09:52:05 UTC 2022\nHello from the Kubernetes cluster\n',
      'Tue May 31 09:53:05 UTC 2022\nHello from the Kubernetes cluster\n',
      'Tue May 31 09:54:05 UTC 2022\nHello from the Kubernetes cluster\n',
    ]);
  });

  it('deletes the jobs along with the CronJob', () => {
    expect(on('delete', 'cronjob', '--all').stdout).toBe('cronjob.batch "hello" deleted\n');
    expect(on('get', 'job').stderr).toBe('No resources found.\n');
  });
});

describe('batch verbs', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('b', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'b', '--clock', 'manual', '--seed', '2', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('waits for a job to complete by advancing the manual clock', () => {
    expect(on('create', 'job', 'pi', '--image=perl:5.36.0', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(10)').stdout).toBe('job.batch/pi created\n');
    const r = on('wait', '--for=condition=complete', 'job/pi', '--timeout=60s');
    expect(r.stdout).toBe('job.batch/pi condition met\n');
    expect(r.code).toBe(0);
    expect(on('clock', 'show').stdout).toBe('2022-05-31T09:49:21Z (manual clock)\n');
  });

  it('reports a timeout when the condition never holds', () => {
    on('create', 'job', 'forever', '--image=busybox', '--', 'sleep', '3600');
    const r = on('wait', '--for=condition=failed', 'job/forever', '--timeout=30s');
    expect(r.stderr).toBe('error: timed out waiting for the condition on jobs/forever\n');
    expect(r.code).toBe(1);
  });

  it('waits for a deletion and a jsonpath value', () => {
    on('delete', 'job', 'forever');
    // delete waited until the job was gone, and wait ignores the NotFound of a named object under --for=delete.
    expect(on('wait', '--for=delete', 'job/forever', '--timeout=5s').stdout).toBe('');
    expect(on('wait', '--for=jsonpath={.status.succeeded}=1', 'job/pi').stdout).toBe('job.batch/pi condition met\n');
  });

  it('follows a container log until the container ends', () => {
    on('create', 'job', 'count', '--image=busybox', '--', 'sh', '-c', 'for i in 1 2 3; do echo $i; sleep 10; done');
    // As with kubectl, a container still being created has no log to follow yet.
    expect(on('logs', '-f', 'job/count').stderr).toMatch(/is waiting to start: ContainerCreating\n$/);
    on('wait', '--for=jsonpath={.status.ready}=1', 'job/count');
    const r = on('logs', '-f', 'job/count', '--timestamps');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/^\S+ /gm, '')).toBe('1\n2\n3\n');
    expect(r.stdout.split('\n')[2]).toMatch(/^2022-05-31T09:50:\d\d\.\d{3}000000Z 3$/);
  });

  it('creates a job from a CronJob', () => {
    expect(on('create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *', '--', 'echo', 'hi').stdout).toBe('cronjob.batch/hello created\n');
    expect(on('create', 'job', 'manual', '--from=cronjob/hello').stdout).toBe('job.batch/manual created\n');
    const yaml = on('get', 'job', 'manual', '-o', 'yaml').stdout;
    expect(yaml).toContain('cronjob.kubernetes.io/instantiate: manual');
    expect(yaml).toContain('kind: CronJob');
  });

  it('prints a created job through jsonpath and go-template', () => {
    expect(on('create', 'job', 'printed', '--image=busybox', '-o', 'jsonpath={.metadata.namespace}/{.metadata.name}').stdout).toBe('default/printed');
    expect(on('create', 'cronjob', 'printed', '--image=busybox', '--schedule=*/1 * * * *', '-o', 'go-template={{.spec.schedule}}').stdout).toBe('*/1 * * * *');
  });

  it('rejects table formats for create job with kubectl\'s list', () => {
    const r = on('create', 'job', 'table', '--image=busybox', '-o', 'custom-columns=NAME:.metadata.name');
    expect(r.stderr).toBe(
      'error: unable to match a printer suitable for the output format "custom-columns=NAME:.metadata.name", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
    expect(r.code).toBe(1);
    expect(on('get', 'job', 'table').code).toBe(1);
  });

  it('orders the metadata of a job from a CronJob as kubectl does', () => {
    const json = on('create', 'job', 'ordered', '--from=cronjob/hello', '-n', 'default', '--dry-run=client', '-o', 'json').stdout;
    expect(json.slice(0, json.indexOf('    "spec"')).replace(/"uid": "[^"]+"/, '"uid": "UID"')).toBe(
      [
        '{',
        '    "kind": "Job",',
        '    "apiVersion": "batch/v1",',
        '    "metadata": {',
        '        "name": "ordered",',
        '        "namespace": "default",',
        '        "creationTimestamp": null,',
        '        "annotations": {',
        '            "cronjob.kubernetes.io/instantiate": "manual"',
        '        },',
        '        "ownerReferences": [',
        '            {',
        '                "apiVersion": "batch/v1",',
        '                "kind": "CronJob",',
        '                "name": "hello",',
        '                "uid": "UID",',
        '                "controller": true',
        '            }',
        '        ]',
        '    },',
        '',
      ].join('\n'),
    );
  });

  it('reports a server rejection as a failed create', () => {
    const r = on('create', 'cronjob', 'bad', '--image=busybox', '--schedule=61 * * * *');
    expect(r.stderr).toBe('error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n');
    expect(on('create', 'job', 'pi', '--image=perl:5.36.0').stderr).toBe('error: failed to create job: jobs.batch "pi" already exists\n');
  });

  it('waits on a jsonpath filter expression', () => {
    const r = on('wait', '--for=jsonpath={.status.conditions[?(@.type=="Complete")].status}=True', 'job/pi');
    expect(r.stdout).toBe('job.batch/pi condition met\n');
  });

  it('limits how many log streams -f follows', () => {
    const manifest = ['apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: three', 'spec:', '  completions: 3', '  parallelism: 3', '  template:', '    spec:',
      '      restartPolicy: Never', '      containers:', '      - name: main', '        image: busybox:1.36', '        command: ["sh", "-c", "echo up; sleep 60"]'].join('\n');
    writeFileSync(join(sb.home, 'three.yml'), manifest);
    on('create', '-f', 'three.yml');
    on('wait', '--for=jsonpath={.status.ready}=3', 'job/three');
    const r = on('logs', '-f', '-l', 'job-name=three', '--max-log-requests=2');
    expect(r.stderr).toBe('error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n');
    expect(r.stdout).toBe('');
    expect(on('logs', '-f', '-l', 'job-name=three').stdout).toBe('up\nup\nup\n');
  });

  it('rejects create job without an image or a source', () => {
    const r = on('create', 'job', 'empty');
    expect(r.stderr).toBe('error: either --image or --from must be specified\n');
    expect(r.code).toBe(1);
  });
});

describe('logs of a job with several pods', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('p', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'p', '--clock', 'manual', '--seed', '4']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('names the pod it reads, preferring a running one', () => {
    const manifest = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: twice',
      'spec:',
      '  completions: 2',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '      - name: main',
      '        image: busybox:1.36',
      '        command: ["sh", "-c", "echo started; sleep 30"]',
    ].join('\n');
    writeFileSync(join(sb.home, 'twice.yml'), manifest);
    on('create', '-f', 'twice.yml');
    // The first pod runs 30 s; the second starts within 7 s after it (a pull, then its start offset).
    on('clock', 'advance', '42s');
    const running = names(on('get', 'pod', '--field-selector=status.phase=Running').stdout);
    expect(running).toHaveLength(1);
    const r = on('logs', 'job/twice');
    expect(r.stderr).toBe(`Found 2 pods, using pod/${running[0]}\n`);
    expect(r.stdout).toBe('started\n');
  });
});

describe('CronJob with an @every schedule', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('every', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'every', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:30Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('lists the schedule and its last start in get cronjob', () => {
    expect(on('create', 'cronjob', 'tick', '--image=busybox', '--schedule=@every 90s', '--', 'date').stdout).toBe('cronjob.batch/tick created\n');
    on('clock', 'advance', '2m');
    expect(on('get', 'cronjob').stdout).toBe(
      'NAME   SCHEDULE     TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   @every 90s   <none>     False     0        30s             2m\n',
    );
    expect(on('get', 'jobs', '-o', 'name').stdout).toBe('job.batch/tick-27566511\n');
  });

  it('rejects a duration Go cannot parse', () => {
    const r = on('create', 'cronjob', 'bad', '--image=busybox', '--schedule=@every 1d');
    expect(r.stderr).toBe('error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "@every 1d": failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"\n');
    expect(r.code).toBe(1);
  });
});
