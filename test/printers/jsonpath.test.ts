import { describe, expect, it } from 'vitest';
import { compileJsonPath, JsonPathExecuteError, JsonPathParseError, printJsonPath } from '../../src/printers/jsonpath';
import { hasKubectl, NO_KUBECTL, printWithKubectl, withGoldenAnnotation } from './kubectl-golden';

const pod = (name: string, phase: string, restarts: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...extra },
  spec: { containers: [{ name: `${name}-c`, image: 'nginx' }] },
  status: { phase, restarts },
});

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    pod('hello-1-a', 'Succeeded', 0, { labels: { app: 'hello' } }),
    pod('web-0', 'Running', 3),
    pod('web-1', 'Pending', 0),
  ],
  metadata: { resourceVersion: '' },
};

describe('printJsonPath', () => {
  const cases: [string, string, string][] = [
    ['fields', '{.kind}', 'List'],
    ['wildcard joined by spaces', '{.items[*].metadata.name}', 'hello-1-a web-0 web-1'],
    ['recursive descent as in the tutorial', '{.items..metadata.name}', 'hello-1-a web-0 web-1'],
    ['index', '{.items[0].metadata.name}', 'hello-1-a'],
    ['negative index', '{.items[-1].metadata.name}', 'web-1'],
    ['slice', '{.items[1:3].metadata.name}', 'web-0 web-1'],
    ['slice with step', '{.items[0:3:2].metadata.name}', 'hello-1-a web-1'],
    ['union', '{.items[0,2].metadata.name}', 'hello-1-a web-1'],
    ['filter ==', '{.items[?(@.status.phase=="Running")].metadata.name}', 'web-0'],
    ['filter !=', '{.items[?(@.status.phase!="Running")].metadata.name}', 'hello-1-a web-1'],
    ['filter >', '{.items[?(@.status.restarts>1)].metadata.name}', 'web-0'],
    ['filter <', '{.items[?(@.status.restarts<1)].metadata.name}', 'hello-1-a web-1'],
    ['filter exists', '{.items[?(@.metadata.labels)].metadata.name}', 'hello-1-a'],
    ['range with literals', '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
      'hello-1-a\tSucceeded\nweb-0\tRunning\nweb-1\tPending\n'],
    ['text outside actions', 'kind={.kind} rv={.metadata.resourceVersion}.', 'kind=List rv=.'],
    ['maps as compact JSON', '{.items[0].metadata.labels}', '{"app":"hello"}'],
    ['numbers', '{.items[1].status.restarts}', '3'],
    ['missing keys print nothing', '{.nope}|{.items[*].nope}', '|'],
    ['dict key in brackets', "{.items[0]['metadata']['name']}", 'hello-1-a'],
    ['empty slice', '{.items[5:5]}', ''],
  ];
  for (const [name, template, want] of cases) {
    it(name, () => expect(printJsonPath(template, list)).toBe(want));
  }

  it('prints null values as null', () => {
    expect(printJsonPath('{.metadata.creationTimestamp}', { metadata: { creationTimestamp: null } })).toBe('null');
  });

  it('prints floats as Go', () => {
    expect(printJsonPath('{.a} {.b}', { a: 1.5, b: 1234567.5 })).toBe('1.5 1.2345675e+06');
  });

  it('prints each action as JSON for jsonpath-as-json', () => {
    expect(printJsonPath('{.items[0:2].metadata.name}', list, { outputJson: true })).toBe(
      '[\n    "hello-1-a",\n    "web-0"\n]\n',
    );
  });

  it('rejects an unclosed action', () => {
    expect(() => compileJsonPath('{.foo')).toThrow(new JsonPathParseError('error parsing jsonpath {.foo, unclosed action\n'));
  });

  it('rejects an unknown character', () => {
    expect(() => compileJsonPath('{#}')).toThrow("error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'\n");
  });

  it('fails on a missing key when not allowed', () => {
    const run = () => printJsonPath('{.nope}', { kind: 'Pod' }, { allowMissingKeys: false });
    expect(run).toThrow(JsonPathExecuteError);
    expect(run).toThrow(
      'error executing jsonpath "{.nope}": Error executing template: nope is not found. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.nope}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"kind":"Pod"}\n\n\n',
    );
  });

  it('fails on an index out of range', () => {
    expect(() => printJsonPath('{.items[9]}', list)).toThrow('array index out of bounds: index 9, length 3');
  });

  it('fails on an end outside a range', () => {
    expect(() => printJsonPath('{end}', list)).toThrow('not in range, nothing to end');
  });
});

const goldenTemplates = [
  '{.elems[*].metadata.name}', '{.elems..metadata.name}', '{..image}', '{.elems[0]}', '{.elems[-1].metadata.name}',
  '{.elems[1:3].metadata.name}', '{.elems[?(@.status.phase=="Running")].metadata.name}',
  '{.elems[?(@.status.restarts>1)].metadata.name}', '{.elems[?(@.metadata.labels)].metadata.name}',
  '{range .elems[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  '{range .elems[*]}[{range .spec.containers[*]}{.name},{end}]{end}', 'name: {.metadata.name} x',
  "{.elems[*]['metadata.name']}", '{.elems[0,2].metadata.name}', '{$.kind}', "{'quoted'}",
  '{range .elems[*]}{.metadata.name}', '{.elems[?(@.status.phase=="Running")]}', '{.}',
];

describe.skipIf(!hasKubectl)(`printJsonPath against kubectl (${NO_KUBECTL})`, () => {
  // kubectl splits any object with an `items` field into its items, so the
  // golden object keeps its pods under another name.
  const thing = { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'thing' }, elems: list.items };
  for (const template of goldenTemplates) {
    it(`evaluates ${template}`, () => {
      expect(printJsonPath(template, withGoldenAnnotation(thing))).toBe(printWithKubectl(thing, `jsonpath=${template}`));
    });
  }
});
