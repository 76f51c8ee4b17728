import { describe, expect, it } from 'vitest';
import { EMPTY_BINDINGS, type Bindings } from '../../src/replay/bindings';
import { rewriteCommand } from '../../src/replay/rewrite';

const bindings: Bindings = {
  values: { gwqnq: 'x7k2p', '5df65767f': '7f8c9d4b66', '4wxdv': 'b4x9z', '10.244.1.28': '10.244.2.5' },
  groups: [],
};

describe('rewriteCommand', () => {
  it('substitutes a bound pod name', () => {
    expect(rewriteCommand('kubectl label pod frontend-gwqnq tier=frontend1', bindings).command)
      .toBe('kubectl label pod frontend-x7k2p tier=frontend1');
  });

  it('substitutes hash and suffix of a Deployment pod', () => {
    expect(rewriteCommand('kubectl logs nginx-deployment-5df65767f-4wxdv', bindings).command)
      .toBe('kubectl logs nginx-deployment-7f8c9d4b66-b4x9z');
  });

  it('substitutes a bound IP address', () => {
    expect(rewriteCommand('curl 10.244.1.28', bindings).command).toBe('curl 10.244.2.5');
  });

  it('leaves an IP that only shares a prefix', () => {
    expect(rewriteCommand('curl 10.244.1.2', bindings).command).toBe('curl 10.244.1.2');
  });

  it('leaves unbound names as written', () => {
    const command = 'kubectl get pods --selector=job-name=hello-1202039034 --output=jsonpath={.items..metadata.name}';
    expect(rewriteCommand(command, bindings).command).toBe(command);
  });

  it('returns the input bindings when nothing was open', () => {
    expect(rewriteCommand('kubectl get pods', EMPTY_BINDINGS).bindings).toBe(EMPTY_BINDINGS);
  });

  it('pins an open group member it names', () => {
    const open: Bindings = { values: {}, groups: [{ expected: ['5t9dg', 'jkdh8'], actual: ['b4x9z', 'q7w2k'] }] };
    const result = rewriteCommand('kubectl delete pod deamonset-example-5t9dg', open);
    expect(result.command).toBe('kubectl delete pod deamonset-example-b4x9z');
    expect(result.bindings).toEqual({ values: { '5t9dg': 'b4x9z', jkdh8: 'q7w2k' }, groups: [] });
  });
});
