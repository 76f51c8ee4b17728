import { describe, expect, it } from 'vitest';
import { joinYamlDocuments, toKubectlList, toKubectlYaml } from '../../src/printers/yaml';
import { compareYamlKeys } from '../../src/printers/yaml-sort';
import { hasKubectl, NO_KUBECTL, printWithKubectl, withGoldenAnnotation } from './kubectl-golden';

describe('toKubectlYaml', () => {
  it('prints a deployment as kubectl', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', creationTimestamp: null, labels: { app: 'x' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'x' } },
        strategy: {},
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'x' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] },
        },
      },
      status: {},
    };
    expect(toKubectlYaml(d)).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    app: x',
        '  name: x',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: x',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: x',
        '    spec:',
        '      containers:',
        '      - image: nginx',
        '        name: nginx',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  const quoting: [string, string][] = [
    ['true', '"true"'],
    ['yes', '"yes"'],
    ['1', '"1"'],
    ['', '""'],
    ['1:20', '"1:20"'],
    ['2024-01-01T00:00:00Z', '"2024-01-01T00:00:00Z"'],
    ['*/1 * * * *', "'*/1 * * * *'"],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    [' lead', "' lead'"],
    ["it's", "it's"],
    ["'x'", "'''x'''"],
    ['tab\there', '"tab\\there"'],
    ['emoji 😀', '"emoji \\U0001F600"'],
    ['a:b', 'a:b'],
  ];
  for (const [value, want] of quoting) {
    it(`quotes ${JSON.stringify(value)} as ${want}`, () => {
      expect(toKubectlYaml({ v: value })).toBe(`v: ${want}\n`);
    });
  }

  it('prints multi-line strings as literal blocks', () => {
    expect(toKubectlYaml({ a: 'x\ny\n', b: 'x\ny', c: { d: '\nlead' } })).toBe(
      'a: |\n  x\n  y\nb: |-\n  x\n  y\nc:\n  d: |2-\n\n    lead\n',
    );
  });

  it('folds long plain strings at 80 columns', () => {
    const message = 'ReplicaSet "nginx-deployment-5df65767f" has successfully progressed and this is long';
    expect(toKubectlYaml({ status: { message } })).toBe(
      'status:\n  message: ReplicaSet "nginx-deployment-5df65767f" has successfully progressed and\n    this is long\n',
    );
  });

  it('nests sequences in sequences', () => {
    expect(toKubectlYaml({ a: [['x', 'y'], [], {}] })).toBe('a:\n- - x\n  - "y"\n- []\n- {}\n');
  });

  it('prints a top-level list and scalars', () => {
    expect(toKubectlYaml([1, 1.5, true, null])).toBe('- 1\n- 1.5\n- true\n- null\n');
  });

  it('prints floats as Go does', () => {
    expect(toKubectlYaml({ a: 1234567.5, b: 0.00001 })).toBe('a: 1.2345675e+06\nb: 1e-05\n');
  });

  it('wraps several objects in a List', () => {
    const list = toKubectlList([{ kind: 'A' }, { kind: 'B' }]);
    expect(toKubectlYaml(list)).toBe(
      'apiVersion: v1\nitems:\n- kind: A\n- kind: B\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('joins documents with separators', () => {
    expect(joinYamlDocuments(['a: 1\n', 'b: 2\n'])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('compareYamlKeys', () => {
  it('orders digit runs numerically and symbols first', () => {
    const keys = ['a10', 'a2', 'B', 'b', '_x', 'a1', 'Z', '-x', '10', '2'];
    expect(keys.sort(compareYamlKeys)).toEqual(['-x', '_x', '2', '10', 'B', 'Z', 'a1', 'a2', 'a10', 'b']);
  });
});

const tricky = [
  'true', 'True', 'yes', 'y', 'n', 'on', 'off', 'NO', 'null', '~', '', '1', '-1', '+1', '0x1F', '0o17', '017', '08',
  '1_000', '1.5', '.5', '1e3', '1E3', '.inf', '-.inf', '.nan', '1:20', '10:30:00', '2024-01-01', '2024-01-01T00:00:00Z',
  '2024-1-1', '2024-13-01', '2001-12-14 21:59:43.10', '2001-12-14t21:59:43.10-05:00', '*/1 * * * *', 'a: b', 'a:b',
  'a #b', 'a#b', '#a', '- a', '-a', '-', '--- x', '...', '? x', '?x', ':x', ': x', '@x', '`x', '%x', '!x', '&x', '|x',
  '>x', '"x', "'x", "x'y", 'x"y', '[x', 'x]', '{x', 'x,y', ' lead', 'trail ', 'a  b', 'tab\there', 'nl\nnext',
  'nl\nnext\n', 'nl\n\n', '\n', '\nlead', 'sp \nx', 'x\n y', 'é', '😀', '\u00a0x', 'bell\u0007', 'esc\u001b',
  'back\\slash', '<none>', 'a&b', 'Y2', '0.0.0.0', '1.2.3', '+', '+x', '0b101', '-0b1', '1__0', '_1', '1e', '0x', '12:60',
  'ReplicaSet "nginx-deployment-5df65767f" has successfully progressed and this is long enough to wrap around',
  '*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  bbb ccc ddd',
  'tab\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  bbb ccc ddd',
  'x aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa   bbb ccc ddd',
];

describe.skipIf(!hasKubectl)(`toKubectlYaml against kubectl (${NO_KUBECTL})`, () => {
  it('quotes tricky strings as kubectl', () => {
    const data = Object.fromEntries(tricky.map((s, i) => [`k${i}`, s]));
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'strings' }, data };
    expect(toKubectlYaml(withGoldenAnnotation(cm))).toBe(printWithKubectl(cm, 'yaml'));
  });

  it('sorts tricky keys as kubectl', () => {
    const keys = ['a10', 'a2', 'a1', 'B', 'b', '_x', '-x', '.x', '1', '10', '2', 'x01', 'x1', 'x001', 'x10', 'A_b', 'a.b',
      'a-b', 'aB', 'ab', 'é', 'Z', 'z', '0', '00', 'a0b', 'a00b', 'a 1', 'true', 'x: y', '*k', ''];
    const labels = Object.fromEntries(keys.map((k, i) => [k, `v${i}`]));
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keys', labels }, data: {} };
    expect(toKubectlYaml(withGoldenAnnotation(cm))).toBe(printWithKubectl(cm, 'yaml'));
  });

  it('writes long and multi-line keys in explicit form as kubectl', () => {
    const long = 'k'.repeat(130);
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'long-keys' },
      data: { [long]: 'v', z: { [long]: [1], [`${long} with spaces that go past the eighty column limit`]: { a: 1 } }, 'two\nlines': 'x' },
    };
    expect(toKubectlYaml(withGoldenAnnotation(cm))).toBe(printWithKubectl(cm, 'yaml'));
  });

  it('prints random strings as kubectl', () => {
    // Keys carry no digits: with digits go-yaml's key order can be
    // non-transitive and kubectl's own output varies between runs.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [...'abZ019   :#-?"\'\n\n.*&!|>%@`,[]{}é\teE+_/\\xynotru~=<'];
    const randomString = (max: number) => {
      let text = '';
      const length = 1 + Math.floor(random() * max);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      return text;
    };
    const data: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      const key = randomString(12).replace(/[0-9]/g, '');
      data[key] = i % 3 === 0 ? [randomString(120), { [randomString(8).replace(/[0-9]/g, '')]: randomString(30) }] : randomString(i % 7 === 0 ? 140 : 12);
    }
    const thing = { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'random' }, data };
    expect(toKubectlYaml(withGoldenAnnotation(thing))).toBe(printWithKubectl(thing, 'yaml'));
  });

  it('prints a pod with status as kubectl', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', args: ['a', 'b c', '-x'], command: [], ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '500m', memory: 1.5 } } }],
        tolerations: [],
        activeDeadlineSeconds: 1234567,
      },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z',
        message: 'ReplicaSet "nginx-deployment-5df65767f" has successfully progressed. and this is long enough to wrap' }] },
    };
    expect(toKubectlYaml(withGoldenAnnotation(pod))).toBe(printWithKubectl(pod, 'yaml'));
  });
});
