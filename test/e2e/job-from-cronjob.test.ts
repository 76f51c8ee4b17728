/**
 * `create job --from=cronjob/NAME -o json` prints the Job in Go struct field
 * order, as kubectl v1.32 does, whatever order the CronJob's manifest used.
 * The expected text was printed by kubectl v1.32 for the same CronJob served
 * from a loopback server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: small
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: busybox
            env:
            - value: "1"
              name: A
            args: [a]
            command: [sh, -c]
`;

const sb = new Sandbox();

beforeAll(() => {
  expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  writeFileSync(join(sb.home, 'cronjob.yaml'), CRONJOB);
  expect(sb.on('c', ['apply', '-f', 'cronjob.yaml']).code).toBe(0);
});

afterAll(() => sb.cleanup());

describe('create job --from=cronjob', () => {
  it('rejects --image with --from', () => {
    // kubectl 1.32 offline printed this for the same flags.
    const r = sb.on('c', ['create', 'job', 'both', '--from=cronjob/small', '--image=busybox']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: either --image or --from must be specified\n');
    expect(sb.on('c', ['get', 'jobs', '--no-headers']).stdout).toBe('');
  });

  it('prints the spec in Go struct order', () => {
    const r = sb.on('c', ['create', 'job', 'ordered', '--from=cronjob/small', '-n', 'default', '--dry-run=client', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.slice(r.stdout.indexOf('    "spec": {'))).toBe(
      [
        '    "spec": {',
        '        "parallelism": 1,',
        '        "completions": 1,',
        '        "backoffLimit": 2,',
        '        "template": {',
        '            "metadata": {',
        '                "creationTimestamp": null',
        '            },',
        '            "spec": {',
        '                "containers": [',
        '                    {',
        '                        "name": "main",',
        '                        "image": "busybox",',
        '                        "command": [',
        '                            "sh",',
        '                            "-c"',
        '                        ],',
        '                        "args": [',
        '                            "a"',
        '                        ],',
        '                        "env": [',
        '                            {',
        '                                "name": "A",',
        '                                "value": "1"',
        '                            }',
        '                        ],',
        '                        "resources": {},',
        '                        "terminationMessagePath": "/dev/termination-log",',
        '                        "terminationMessagePolicy": "File",',
        '                        "imagePullPolicy": "Always"',
        '                    }',
        '                ],',
        '                "restartPolicy": "OnFailure",',
        '                "terminationGracePeriodSeconds": 30,',
        '                "dnsPolicy": "ClusterFirst",',
        '                "securityContext": {},',
        '                "schedulerName": "default-scheduler"',
        '            }',
        '        },',
        '        "completionMode": "NonIndexed",',
        '        "suspend": false,',
        '        "podReplacementPolicy": "TerminatingOrFailed"',
        '    },',
        '    "status": {}',
        '}',
        '',
      ].join('\n'),
    );
  });
});
