import { describe, expect, it } from 'vitest';
import { compileGoTemplate, GoTemplateExecuteError, printGoTemplate } from '../../src/printers/go-template';
import { hasKubectl, NO_KUBECTL, printWithKubectl, withGoldenAnnotation } from './kubectl-golden';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { metadata: { name: 'web-0', labels: { app: 'web' } }, status: { phase: 'Running', restarts: 3 } },
    { metadata: { name: 'web-1' }, status: { phase: 'Pending', restarts: 0 } },
  ],
  spec: { replicas: 3, ratio: 1.5, empty: '' },
};

describe('printGoTemplate', () => {
  const cases: [string, string, string][] = [
    ['fields', '{{.kind}}', 'List'],
    ['missing keys', '{{.nope}} {{.spec.nope.deeper}}', '<no value> <no value>'],
    ['range over items', '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', 'web-0\nweb-1\n'],
    ['range with variables', '{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}};{{end}}', '0=web-0;1=web-1;'],
    ['if and else', '{{range .items}}{{if eq .status.phase "Running"}}up{{else}}down{{end}} {{end}}', 'up down '],
    ['else if', '{{if ne .kind "List"}}a{{else if .spec.replicas}}b{{else}}c{{end}}', 'b'],
    ['and or not', '{{and .spec.replicas .spec.empty}}|{{or .spec.empty "x"}}|{{not .spec.empty}}', '|x|true'],
    ['index and len', '{{index .items 1 | len}} {{(index .items 0).metadata.name}} {{len .items}}', '2 web-0 2'],
    ['printf', '{{printf "%s has %d, %.1f" .kind .spec.replicas .spec.ratio}}', 'List has 3, 1.5'],
    ['printf wrong verb', '{{printf "%d" .kind}}', '%!d(string=List)'],
    ['pipelines', '{{.kind | printf "%q"}}', '"List"'],
    ['with', '{{with .items}}{{len .}}{{end}}{{with .spec.empty}}x{{else}}none{{end}}', '2none'],
    ['trim markers', '{{- .kind -}}  \n  {{ .kind }}', 'ListList'],
    ['maps in Go form', '{{(index .items 0).metadata}}', 'map[labels:map[app:web] name:web-0]'],
    ['variables', '{{$n := .kind}}{{$n}}-{{$n = "x"}}{{$n}}', 'List-x'],
    ['comparing numbers', '{{range .items}}{{if gt .status.restarts 1}}{{.metadata.name}}{{end}}{{end}}', 'web-0'],
  ];
  for (const [name, template, want] of cases) {
    it(name, () => expect(printGoTemplate(template, list)).toBe(want));
  }

  it('rejects unknown functions', () => {
    expect(() => compileGoTemplate('{{foo}}')).toThrow(
      'error parsing template {{foo}}, template: output:1: function "foo" not defined\n',
    );
  });

  it('rejects an unclosed action', () => {
    expect(() => compileGoTemplate('{{.a')).toThrow('error parsing template {{.a, template: output:1: unclosed action\n');
  });

  it('rejects a stray end', () => {
    expect(() => compileGoTemplate('{{end}}')).toThrow('template: output:1: unexpected {{end}}');
  });

  it('fails on int and float comparison', () => {
    let error: GoTemplateExecuteError | undefined;
    try {
      printGoTemplate('x{{eq 1 1.0}}', { a: 1 });
    } catch (err) {
      error = err as GoTemplateExecuteError;
    }
    expect(error).toBeInstanceOf(GoTemplateExecuteError);
    expect(error!.message).toBe(
      'error executing template "x{{eq 1 1.0}}": template: output:1:3: executing "output" at <eq 1 1.0>: ' +
        'error calling eq: incompatible types for comparison',
    );
    expect(error!.stdout).toBe(
      'xError executing template: template: output:1:3: executing "output" at <eq 1 1.0>: error calling eq: ' +
        'incompatible types for comparison. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\tx{{eq 1 1.0}}\n\traw data was:\n\t\t{"a":1}\n' +
        '\tobject given to template engine was:\n\t\tmap[a:1]\n\n',
    );
  });

  it('fails on a missing key when not allowed', () => {
    expect(() => printGoTemplate('{{.x}}', { a: 1 }, { allowMissingKeys: false })).toThrow(
      'template: output:1:2: executing "output" at <.x>: map has no entry for key "x"',
    );
  });
});

const goldenTemplates = [
  '{{.metadata.name}}', '{{.nope}} {{.metadata.nope.x}} {{.metadata.creationTimestamp}}',
  '{{range .elems}}{{.metadata.name}}{{"\\n"}}{{end}}', '{{range $i, $e := .elems}}{{$i}}:{{$e.metadata.name}} {{end}}',
  '{{if ne .kind "Thing"}}yes{{else if .spec.flag}}flag{{else}}no{{end}}',
  '{{if and .spec.flag .spec.empty}}a{{else}}b{{end}} {{or .spec.empty "dflt"}} {{not .spec.flag}}',
  '{{printf "%s-%d-%v-%5.1f|%-6s|%03d" .metadata.name 7 .spec.replicas .spec.ratio "ab" 5}}',
  '{{.spec.replicas}} {{.spec.big}} {{.spec.ratio}} {{.spec.flag}}', '{{.spec}}', '{{.elems}}',
  '{{range .spec.none}}x{{else}}empty{{end}}', '{{print 1 2 "x" 3}}|{{println "a" 1}}',
  '{{exists . "spec" "replicas"}} {{base64decode "aGVsbG8="}}', '{{printf "%s %s" "a"}}', '{{printf "%s" "a" 1}}',
];

describe.skipIf(!hasKubectl)(`printGoTemplate against kubectl (${NO_KUBECTL})`, () => {
  const thing = {
    apiVersion: 'v1',
    kind: 'Thing',
    metadata: { name: 'thing', creationTimestamp: null },
    spec: { replicas: 3, big: 1000000, ratio: 1.5, flag: true, empty: '', none: [] },
    elems: [
      { metadata: { name: 'a', labels: { app: 'x' } }, status: { phase: 'Running', restarts: 3 } },
      { metadata: { name: 'b' }, status: { phase: 'Pending', restarts: 0 } },
    ],
  };
  for (const template of goldenTemplates) {
    it(`runs ${template}`, () => {
      expect(printGoTemplate(template, withGoldenAnnotation(thing))).toBe(printWithKubectl(thing, `go-template=${template}`));
    });
  }
});
