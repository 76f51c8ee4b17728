import { describe, expect, it } from 'vitest';
import { formatGoFloat, quoteGoJsonString, toKubectlJson } from '../../src/printers/json';
import { hasKubectl, NO_KUBECTL, printWithKubectl, withGoldenAnnotation } from './kubectl-golden';

describe('toKubectlJson', () => {
  it('indents with four spaces and sorts keys', () => {
    expect(toKubectlJson({ b: [1, 'x'], a: {}, c: [] })).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        "x"\n    ],\n    "c": []\n}\n',
    );
  });

  it('keeps insertion order without sorting', () => {
    expect(toKubectlJson({ kind: 'K', apiVersion: 'v1' }, { sortKeys: false })).toBe(
      '{\n    "kind": "K",\n    "apiVersion": "v1"\n}\n',
    );
  });

  it('escapes HTML characters as Go', () => {
    expect(quoteGoJsonString('<none> & "x"\t\u0001\u2028')).toBe('"\\u003cnone\\u003e \\u0026 \\"x\\"\\t\\u0001\\u2028"');
  });
});

describe('formatGoFloat', () => {
  const cases: [number, string][] = [
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [-2.25, '-2.25'],
    [1e21, '1e+21'],
  ];
  for (const [f, want] of cases) {
    it(`formats ${f} as ${want}`, () => expect(formatGoFloat(f)).toBe(want));
  }
});

describe.skipIf(!hasKubectl)(`toKubectlJson against kubectl (${NO_KUBECTL})`, () => {
  it('prints a pod as kubectl', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { 'a<b': 'x&y' } },
      spec: { containers: [{ name: 'c', image: 'nginx', args: ['\b\f\n', 'é😀'], ports: [] }], x: 1.5, y: 0.0000001 },
      status: {},
    };
    expect(toKubectlJson(withGoldenAnnotation(pod))).toBe(printWithKubectl(pod, 'json'));
  });
});
