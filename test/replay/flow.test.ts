import { describe, expect, it } from 'vitest';
import { EMPTY_BINDINGS, matchOutput } from '../../src/replay/match';
import { rewriteCommand } from '../../src/replay/rewrite';

const header = 'NAME                               READY   STATUS    RESTARTS   AGE';
const wideHeader = 'NAME                               READY   STATUS    RESTARTS   AGE   IP            NODE         NOMINATED NODE   READINESS GATES';

describe('replaying a Deployment section', () => {
  it('carries names and IPs into commands', () => {
    const plain = matchOutput(
      [header,
        'nginx-deployment-5df65767f-4wxdv   1/1     Running   0          2m',
        'nginx-deployment-5df65767f-5hh5v   1/1     Running   0          2m',
        'nginx-deployment-5df65767f-g2w66   1/1     Running   0          2m'],
      [header,
        'nginx-deployment-7f8c9d4b66-b4x9z   1/1     Running   0          9s',
        'nginx-deployment-7f8c9d4b66-m2k7q   1/1     Running   0          9s',
        'nginx-deployment-7f8c9d4b66-w8rtz   1/1     Running   0          9s'],
      EMPTY_BINDINGS,
    );
    expect(plain.verdict).toBe('match');

    // The transcript's pods restarted once overnight; the replayed ones did not.
    const wide = matchOutput(
      [wideHeader,
        'nginx-deployment-5df65767f-4wxdv   1/1     Running   1          15h   10.244.1.28   k8s-node01   <none>           <none>',
        'nginx-deployment-5df65767f-5hh5v   1/1     Running   1          15h   10.244.1.29   k8s-node01   <none>           <none>',
        'nginx-deployment-5df65767f-g2w66   1/1     Running   1          15h   10.244.2.8    k8s-node02   <none>           <none>'],
      [wideHeader,
        'nginx-deployment-7f8c9d4b66-b4x9z   1/1     Running   0          20s   10.244.2.4    k8s-node02   <none>           <none>',
        'nginx-deployment-7f8c9d4b66-m2k7q   1/1     Running   0          20s   10.244.1.5    k8s-node01   <none>           <none>',
        'nginx-deployment-7f8c9d4b66-w8rtz   1/1     Running   0          20s   10.244.1.6    k8s-node01   <none>           <none>'],
      plain.newBindings,
    );
    expect(wide.verdict).toBe('differ');
    expect(wide.diff?.[3]).toBe('                                                        ^ RESTARTS');

    const curl = rewriteCommand('curl 10.244.2.8', wide.newBindings);
    expect(curl.command).toBe('curl 10.244.2.4');
    const logs = rewriteCommand('kubectl logs nginx-deployment-5df65767f-g2w66', curl.bindings);
    expect(logs.command).toBe('kubectl logs nginx-deployment-7f8c9d4b66-b4x9z');
  });

  it('keeps rows of a partly differing table interchangeable', () => {
    const result = matchOutput(
      ['NAME             READY', 'frontend-2t7r8   1/1', 'frontend-7sm2w   1/1', 'lifecycle-demo   1/1'],
      ['NAME             READY', 'frontend-b4x9z   1/1', 'frontend-m2k7q   1/1'],
      EMPTY_BINDINGS,
    );
    expect(result.verdict).toBe('differ');
    expect(result.newBindings.groups).toEqual([{ expected: ['2t7r8', '7sm2w'], actual: ['b4x9z', 'm2k7q'] }]);
  });
});
