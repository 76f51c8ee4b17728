import { describe, expect, it } from 'vitest';
import { EMPTY_BINDINGS, matchOutput, type Bindings } from '../../src/replay/match';
import { boundValue } from '../../src/replay/bindings';

function bindingsOf(values: Record<string, string>): Bindings {
  return { values, groups: [] };
}

describe('matchOutput normalizations', () => {
  it('binds generated pod suffixes', () => {
    const result = matchOutput(['pod/frontend-gwqnq labeled'], ['pod/frontend-x7k2p labeled'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, 'gwqnq')).toBe('x7k2p');
  });

  it('binds an old pod-template-hash to a kubesim hash', () => {
    const result = matchOutput(
      ['NAME                         DESIRED   CURRENT   READY   AGE', 'nginx-deployment-5df65767f   3         3         3       97s'],
      ['NAME                          DESIRED   CURRENT   READY   AGE', 'nginx-deployment-7f8c9d4b66   3         3         3       4s'],
      EMPTY_BINDINGS,
    );
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, '5df65767f')).toBe('7f8c9d4b66');
  });

  it('binds a lone hash label value', () => {
    const result = matchOutput(
      ['app=nginx,pod-template-hash=5df65767f'], ['app=nginx,pod-template-hash=7f8c9d4b66'], bindingsOf({ '5df65767f': '7f8c9d4b66' }),
    );
    expect(result.verdict).toBe('match');
  });

  it('binds an all-digit hash', () => {
    const result = matchOutput(['nginx-deployment-5df65767f   3'], ['nginx-deployment-2456789245   3'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
  });

  it('rejects a word for a suffix', () => {
    expect(matchOutput(['pod/frontend-gwqnq labeled'], ['pod/frontend-abcde labeled'], EMPTY_BINDINGS).verdict).toBe('differ');
  });

  it('binds CronJob job suffixes', () => {
    const result = matchOutput(['hello-1653990600-9l64q   0/1     Completed   0          89s'],
      ['hello-29451120-b8xkt   0/1     Completed   0          61s'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, '1653990600')).toBe('29451120');
  });

  it('binds pod IP addresses', () => {
    const result = matchOutput(['IP:             10.244.1.63'], ['IP:             10.244.2.5'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, '10.244.1.63')).toBe('10.244.2.5');
  });

  it('binds controller uids', () => {
    const result = matchOutput(
      ['Labels:         controller-uid=631ae502-ca79-4c20-a4f3-f6ff836caf90'],
      ['Labels:         controller-uid=0b6c1d3e-1111-4222-8333-944455556666'], EMPTY_BINDINGS,
    );
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, '631ae502-ca79-4c20-a4f3-f6ff836caf90')).toBe('0b6c1d3e-1111-4222-8333-944455556666');
  });

  it('accepts any ages and durations', () => {
    const expected = ['NAME   COMPLETIONS   DURATION   AGE', 'pi     1/1           8s         <invalid>', 'x      0/1           5h4m       2m58s'];
    const actual = ['NAME   COMPLETIONS   DURATION   AGE', 'pi     1/1           1m2s       3s', 'x      0/1           20s        1d'];
    expect(matchOutput(expected, actual, EMPTY_BINDINGS).verdict).toBe('match');
  });

  it('accepts different describe timestamps', () => {
    const result = matchOutput(['Start Time:     Tue, 31 May 2022 15:21:18 +0800'],
      ['Start Time:     Fri, 04 Dec 2026 19:50:00 +0000'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
  });

  it('accepts different date(1) timestamps', () => {
    const result = matchOutput(['Tue May 31 10:03:24 UTC 2022', 'Hello from the Kubernetes cluster'],
      ['Fri Dec  4 19:50:00 UTC 2026', 'Hello from the Kubernetes cluster'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
  });

  it('ignores column widths and tabs', () => {
    const expected = ['NAME\tSCHEDULE\t\tSUSPEND', 'hello\t*/1 * * * *\t\tFalse'];
    const actual = ['NAME    SCHEDULE      SUSPEND', 'hello   */1 * * * *   False'];
    expect(matchOutput(expected, actual, EMPTY_BINDINGS).verdict).toBe('match');
  });

  it('keeps literal words literal', () => {
    const result = matchOutput(['Hello MyApp | Version: v1'], ['Hello MyApp | Version: v2'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
  });

  it('requires the same literal name base', () => {
    const result = matchOutput(['hell0-1202039034   1/1'], ['hello-29451120   1/1'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
  });
});

describe('matchOutput bindings', () => {
  it('rejects a name bound to another pod earlier', () => {
    const result = matchOutput(['pod "frontend-gwqnq" deleted'], ['pod "frontend-zzzzz" deleted'], bindingsOf({ gwqnq: 'x7k2p' }));
    expect(result.verdict).toBe('differ');
  });

  it('rejects two transcript names on one actual name', () => {
    const result = matchOutput(['pod "frontend-v8rhn" deleted'], ['pod "frontend-x7k2p" deleted'], bindingsOf({ gwqnq: 'x7k2p' }));
    expect(result.verdict).toBe('differ');
  });

  it('rejects two transcript IPs on one actual IP', () => {
    const result = matchOutput(['10.244.1.28', '10.244.1.29'], ['10.244.1.5', '10.244.1.5'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
  });

  it('keeps earlier bindings in the result', () => {
    const result = matchOutput(['pod/frontend-v8rhn labeled'], ['pod/frontend-m4p2z labeled'], bindingsOf({ gwqnq: 'x7k2p' }));
    expect(result.newBindings.values).toEqual({ gwqnq: 'x7k2p', v8rhn: 'm4p2z' });
  });
});

const podHeader = 'NAME                               READY   STATUS    RESTARTS   AGE';

describe('matchOutput table rows', () => {
  it('pairs rows whatever their order', () => {
    const expected = [
      'NAME           READY   STATUS    RESTARTS   AGE   IP            NODE',
      'web-2t7r8      1/1     Running   0          20s   10.244.1.28   k8s-node01',
      'web-7sm2w      1/1     Running   0          20s   10.244.2.8    k8s-node02',
    ];
    const actual = [
      'NAME        READY   STATUS    RESTARTS   AGE   IP           NODE',
      'web-b4x9z   1/1     Running   0          5s    10.244.2.3   k8s-node02',
      'web-q7w2k   1/1     Running   0          5s    10.244.1.4   k8s-node01',
    ];
    const result = matchOutput(expected, actual, EMPTY_BINDINGS);
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, '2t7r8')).toBe('q7w2k');
    expect(boundValue(result.newBindings, '10.244.2.8')).toBe('10.244.2.3');
  });

  it('keeps interchangeable rows open', () => {
    const plain = matchOutput(
      ['NAME                      READY   STATUS    RESTARTS   AGE', 'ds-example-5t9dg   1/1     Running   0          25s', 'ds-example-jkdh8   1/1     Running   0          25s'],
      ['NAME               READY   STATUS    RESTARTS   AGE', 'ds-example-b4x9z   1/1     Running   0          1s', 'ds-example-q7w2k   1/1     Running   0          1s'],
      EMPTY_BINDINGS,
    );
    expect(plain.verdict).toBe('match');
    expect(plain.newBindings.groups).toEqual([{ expected: ['5t9dg', 'jkdh8'], actual: ['b4x9z', 'q7w2k'] }]);

    const wide = matchOutput(
      ['NAME               READY   NODE', 'ds-example-5t9dg   1/1     k8s-node02', 'ds-example-jkdh8   1/1     k8s-node01'],
      ['NAME               READY   NODE', 'ds-example-b4x9z   1/1     k8s-node01', 'ds-example-q7w2k   1/1     k8s-node02'],
      plain.newBindings,
    );
    expect(wide.verdict).toBe('match');
    expect(wide.newBindings.values).toEqual({ '5t9dg': 'q7w2k', jkdh8: 'b4x9z' });
    expect(wide.newBindings.groups).toEqual([]);
  });

  it('points the diff at a changed READY count', () => {
    const expected = [podHeader, 'nginx-deployment-5df65767f-4wxdv   1/1     Running   0          2m'];
    const actual = [podHeader, 'nginx-deployment-7f8c9d4b66-b4x9z   0/1     Running   0          2m'];
    const result = matchOutput(expected, actual, EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
    expect(result.diff).toEqual([
      `  ${podHeader}`,
      '- nginx-deployment-5df65767f-4wxdv   1/1     Running   0          2m',
      '+ nginx-deployment-7f8c9d4b66-b4x9z   0/1     Running   0          2m',
      '                                      ^^^ READY',
    ]);
  });

  it('binds matching cells of differing rows', () => {
    const expected = ['NAME          READY   RESTARTS   IP', 'web-4wxdv     1/1     1          10.244.1.28'];
    const actual = ['NAME        READY   RESTARTS   IP', 'web-b4x9z   1/1     0          10.244.1.9'];
    const result = matchOutput(expected, actual, EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
    expect(result.newBindings.values).toEqual({ '4wxdv': 'b4x9z', '10.244.1.28': '10.244.1.9' });
  });

  it('lists missing and extra rows', () => {
    const expected = ['NAME             READY', 'frontend-2t7r8   1/1', 'lifecycle-demo   1/1'];
    const actual = ['NAME             READY', 'frontend-b4x9z   1/1', 'other-pod        1/1'];
    const result = matchOutput(expected, actual, EMPTY_BINDINGS);
    expect(result.diff).toEqual(['  NAME             READY', '- lifecycle-demo   1/1', '+ other-pod        1/1']);
  });

  it('points at a changed header cell', () => {
    const result = matchOutput(['NAME    LAST-SCHEDULE', 'hello   <none>'], ['NAME    LAST SCHEDULE', 'hello   <none>'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
    expect(result.diff).toEqual(['- NAME    LAST-SCHEDULE', '+ NAME    LAST SCHEDULE', '          ^^^^^^^^^^^^^ added LAST SCHEDULE, missing LAST-SCHEDULE', '  hello   <none>']);
  });
});

describe('matchOutput text', () => {
  it('shows missing lines of text output', () => {
    const result = matchOutput(['log is DEPRECATED', 'Hello'], ['Hello'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
    expect(result.diff).toEqual(['- log is DEPRECATED']);
  });

  it('matches empty output with empty output', () => {
    expect(matchOutput([], [''], EMPTY_BINDINGS).verdict).toBe('match');
  });
});

describe('matchOutput snapshots', () => {
  const expected = [
    'NAME                          DESIRED   CURRENT   READY   AGE',
    'nginx-deployment-5c478875d8   1         1         1       57s',
    'nginx-deployment-5df65767f    10        10        8       15h',
  ];
  const settled = [
    'NAME                          DESIRED   CURRENT   READY   AGE',
    'nginx-deployment-6b7c8d9f44   0         0         0       1m',
    'nginx-deployment-7f8c9d4b66   10        10        10      15h',
  ];
  const halfway = [
    'NAME                          DESIRED   CURRENT   READY   AGE',
    'nginx-deployment-6b7c8d9f44   1         1         1       58s',
    'nginx-deployment-7f8c9d4b66   10        10        8       15h',
  ];
  const bindings = bindingsOf({ '5c478875d8': '6b7c8d9f44', '5df65767f': '7f8c9d4b66' });

  it('reports transient when an observed snapshot matches', () => {
    const result = matchOutput(expected, settled, bindings, { snapshots: [settled, halfway, settled] });
    expect(result.verdict).toBe('transient');
    expect(result.snapshot).toBe(1);
    expect(result.diff).toBeUndefined();
  });

  it('reports differ when no snapshot matches', () => {
    const result = matchOutput(expected, settled, bindings, { snapshots: [settled] });
    expect(result.verdict).toBe('differ');
    expect(result.diff?.[1]).toBe('- nginx-deployment-5c478875d8   1         1         1       57s');
  });
});

describe('matchOutput line order', () => {
  it('accepts text lines reordered by actual names', () => {
    const bindings = bindingsOf({ '2t7r8': 'q7w2k', '7sm2w': 'b4x9z' });
    const result = matchOutput(['pod "frontend-2t7r8" deleted', 'pod "frontend-7sm2w" deleted'],
      ['pod "frontend-b4x9z" deleted', 'pod "frontend-q7w2k" deleted'], bindings);
    expect(result.verdict).toBe('match');
  });

  it('keeps the order of different text lines', () => {
    const result = matchOutput(['log is DEPRECATED', '3.14159'], ['3.14159', 'log is DEPRECATED'], EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
  });
});

describe('matchOutput on docker pull errors', () => {
  const url = (digest: string, verify: string) =>
    `Failed to pull image "perl": rpc error: code = Unknown desc = error pulling image configuration: Get https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/${digest.slice(0, 2)}/${digest}/data?verify=${verify}: dial tcp 104.18.121.25:443: i/o timeout`;
  const theirs = '1725f0319c998102f9e28ea08cf878479ea097631cbd71d4ae68084cb28ded58';
  const ours = 'c59dbb9a32717590d78ba897477d90d14781860aa78f5edc372c655fc52744ed';
  const other = 'f20839fdbe2ca8a650addd9e92e1a6a59e2817211ccca51e5e437e3a4ae79c45';

  it('matches another blob digest and another URL signature', () => {
    const result = matchOutput(
      [url(theirs, '1653984692-TOutVPGZjtgcYIlOBQ7odZ3Nai4%3D'), url(theirs, '1653984761-LKewdu223Tqu6Uz7rwgnTd%2FpjrY%3D')],
      [url(ours, '1654057074-3sJsGSmG7jD1%2FiBSZM6b3a3xH6U%3D'), url(ours, '1654057114-mK3qcgZ%2FSEQL9qHxi%2Beo7dKz3dY%3D')],
      EMPTY_BINDINGS,
    );
    expect(result.verdict).toBe('match');
    expect(boundValue(result.newBindings, theirs)).toBe(ours);
  });

  it('keeps one blob digest standing for one digest', () => {
    const result = matchOutput(
      [url(theirs, '1653984692-TOutVPGZjtgcYIlOBQ7odZ3Nai4%3D'), url(theirs, '1653984761-LKewdu223Tqu6Uz7rwgnTd%2FpjrY%3D')],
      [url(ours, '1654057074-3sJsGSmG7jD1%2FiBSZM6b3a3xH6U%3D'), url(other, '1654057114-mK3qcgZ%2FSEQL9qHxi%2Beo7dKz3dY%3D')],
      EMPTY_BINDINGS,
    );
    expect(result.verdict).toBe('differ');
  });
});
