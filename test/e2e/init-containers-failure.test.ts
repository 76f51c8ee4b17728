/**
 * A failing init container through the CLI: under the default restartPolicy
 * (Always) it restarts with back-off, so `get pods` shows Init:Error and
 * then Init:CrashLoopBackOff, and `logs --previous` reads its last run.
 * Under restartPolicy Never the pod fails and its app container never starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Returns a pod manifest whose init container `setup` prints the time, then fails after 2 s. */
function manifest(name: string, restartPolicy?: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...(restartPolicy ? [`  restartPolicy: ${restartPolicy}`] : []),
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    "    command: ['sh', '-c', 'sleep 3600']",
    '  initContainers:',
    '  - name: setup',
    '    image: busybox:1.36',
    "    command: ['sh', '-c', 'date; sleep 2; exit 3']",
    '',
  ].join('\n');
}

describe('a failing init container', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('icf', args);
  const row = (name: string) => on('get', 'pod', name, '--no-headers').stdout;

  /** Returns the pod's rows, one a second, for `seconds` seconds. */
  function rows(name: string, seconds: number): string {
    const out: string[] = [];
    for (let i = 0; i < seconds; i++) {
      out.push(row(name));
      on('clock', 'advance', '1s');
    }
    return out.join('');
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'icf', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('shows Init:Error, then Init:CrashLoopBackOff', () => {
    writeFileSync(join(sb.home, 'crash.yaml'), manifest('crash'));
    expect(on('apply', '-f', 'crash.yaml').stdout).toBe('pod/crash created\n');
    // Pull 4 s, start 1 s and the pod's start offset, run 2 s; the restart comes at the sync after the relist.
    expect(rows('crash', 16)).toBe(
      [
        'crash   0/1   Init:0/1   0     0s',
        'crash   0/1   Init:0/1   0     1s',
        'crash   0/1   Init:0/1   0     2s',
        'crash   0/1   Init:0/1   0     3s',
        'crash   0/1   Init:0/1   0     4s',
        'crash   0/1   Init:0/1   0     5s',
        'crash   0/1   Init:0/1   0     6s',
        'crash   0/1   Init:0/1   0     7s',
        'crash   0/1   Init:Error   0     8s',
        'crash   0/1   Init:Error   0     9s',
        'crash   0/1   Init:0/1   1 (3s ago)   10s',
        'crash   0/1   Init:0/1   1 (4s ago)   11s',
        'crash   0/1   Init:Error   1 (5s ago)   12s',
        'crash   0/1   Init:CrashLoopBackOff   1 (2s ago)   13s',
        'crash   0/1   Init:CrashLoopBackOff   1 (3s ago)   14s',
        'crash   0/1   Init:CrashLoopBackOff   1 (4s ago)   15s',
        '',
      ].join('\n'),
    );
  });

  it('reads current and previous init logs', () => {
    on('clock', 'advance', '10s');
    expect(row('crash')).toBe('crash   0/1   Init:0/1   2 (15s ago)   26s\n');
    expect(on('logs', 'crash', '-c', 'setup').stdout).toBe('Tue May 31 09:49:40 UTC 2022\n');
    expect(on('logs', 'crash', '-c', 'setup', '--previous').stdout).toBe('Tue May 31 09:49:25 UTC 2022\n');
  });

  it('describes the init container in back-off', () => {
    on('clock', 'advance', '2s');
    const text = on('describe', 'pod', 'crash').stdout;
    const init = text.slice(text.indexOf('Init Containers:'), text.indexOf('Containers:\n  app'));
    expect(init.slice(init.indexOf('    State:'), init.indexOf('    Environment:'))).toBe(
      [
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    3',
        '      Started:      Tue, 31 May 2022 09:49:40 +0000',
        '      Finished:     Tue, 31 May 2022 09:49:42 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '',
      ].join('\n'),
    );
    expect(text).toContain('  Normal   Created    4s (x3 over 23s)  kubelet            Created container: setup\n');
    expect(text).toMatch(/ {2}Warning {2}BackOff {4}1s \(x2 over 16s\) {2}kubelet {12}Back-off restarting failed container setup in pod crash_default\(/);
  });

  it('rejects an invalid init container', () => {
    const bad = manifest('bad').replace("  - name: setup\n", "  - name: app\n    restartPolicy: OnFailure\n    readinessProbe: {exec: {command: ['true']}}\n");
    writeFileSync(join(sb.home, 'bad.yaml'), bad);
    const before = sb.dump('icf');
    const r = on('apply', '-f', 'bad.yaml');
    expect(r.stderr).toBe(
      [
        'The Pod "bad" is invalid: ',
        '* spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
        '* spec.initContainers[0].name: Duplicate value: "app"',
        '* spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(sb.dump('icf')).toBe(before);
  });

  it('fails the pod under restartPolicy Never', () => {
    writeFileSync(join(sb.home, 'never.yaml'), manifest('never', 'Never'));
    expect(on('apply', '-f', 'never.yaml').stdout).toBe('pod/never created\n');
    on('clock', 'advance', '7s');
    expect(rows('never', 3)).toBe('never   0/1   Init:0/1   0     7s\nnever   0/1   Init:Error   0     8s\nnever   0/1   Init:Error   0     9s\n');
    on('clock', 'advance', '1m');
    expect(row('never')).toBe('never   0/1   Init:Error   0     70s\n');
    const jsonpath =
      '{.status.phase} {.status.initContainerStatuses[0].restartCount} {.status.containerStatuses[0].state}{"\\n"}' +
      '{range .status.conditions[?(@.type!="Ready")]}{.type}={.status} {.message}{"\\n"}{end}';
    // The Ready conditions are left out: they follow the rules of any failed pod.
    expect(on('get', 'pod', 'never', '-o', `jsonpath=${jsonpath}`).stdout).toContain(
      [
        'Failed 0 {"waiting":{"reason":"PodInitializing"}}',
        'PodReadyToStartContainers=False ',
        'Initialized=False containers with incomplete status: [setup]',
        '',
      ].join('\n'),
    );
  });
});
