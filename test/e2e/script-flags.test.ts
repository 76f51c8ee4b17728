import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { Sandbox } from '../helpers/cli.js';

describe('flags scripts rely on', () => {
  const sb = new Sandbox();
  const k = (args: string[], input?: string) => sb.on('f', args, input === undefined ? {} : { input });
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'f', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('rejects --sort-by a field no object has', () => {
    const r = k(['get', 'pods', '--sort-by=.metadata.nme']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: couldn\'t find any field with path "{.metadata.nme}" in the list of objects\n');
    expect(r.code).toBe(1);
    expect(k(['get', 'pods', '--sort-by=.metadata.name', '--no-headers']).code).toBe(0);
  });

  it('prints a --template given without -o as a go-template', () => {
    const r = k(['get', 'pods', '--template={{len .items}}']);
    expect(r.stdout).toBe('2');
    expect(r.code).toBe(0);
  });

  it("checks a label's form and value before the server, and leaves the key to the server", () => {
    const pod = k(['get', 'pods', '-o', 'name']).stdout.trim().split('\n')[0];
    const long = k(['label', pod, `k=${'v'.repeat(70)}`]);
    expect(long.stderr).toBe(`error: invalid label value: "k=${'v'.repeat(70)}": must be no more than 63 characters\n`);
    expect(long.code).toBe(1);
    expect(k(['label', pod, 'k=a=b']).stderr).toBe('error: invalid label spec: k=a=b\n');
    const key = k(['label', pod, 'bad key!=v']);
    expect(key.stderr).toMatch(/^The Pod "web-[a-z0-9-]+" is invalid: metadata\.labels: Invalid value: "bad key!": name part must consist of /);
    expect(key.code).toBe(1);
  });

  it('prints version -o json in version.Info order with two-space indentation, as kubectl does', () => {
    const r = k(['version', '--client', '-o', 'json']);
    expect(r.stdout).toBe(
      '{\n  "clientVersion": {\n    "major": "1",\n    "minor": "32",\n    "gitVersion": "v1.32.4",\n    "gitTreeState": "clean",\n' +
        '    "goVersion": "go1.23.8",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  },\n  "kustomizeVersion": "v5.5.0"\n}\n',
    );
  });

  it("names the file in replace's error about a missing object", () => {
    const manifest = k(['run', 'ghost', '--image=nginx', '--dry-run=client', '-o', 'yaml']).stdout;
    const r = k(['replace', '-f', '-'], manifest);
    expect(r.stderr).toBe('Error from server (NotFound): error when replacing "STDIN": pods "ghost" not found\n');
    expect(r.code).toBe(1);
  });

  it('lists labels and annotations with --list, one object bare and several under headings', () => {
    expect(k(['run', 'listed', '--image=nginx', '--labels=tier=front,app=listed']).code).toBe(0);
    expect(k(['label', 'pod', 'listed', '--list']).stdout).toBe('app=listed\ntier=front\n');
    // Changes given with --list are shown, not written.
    expect(k(['label', 'pod', 'listed', '--list', 'extra=1']).stdout).toBe('app=listed\nextra=1\ntier=front\n');
    expect(k(['get', 'pod', 'listed', '-o', 'jsonpath={.metadata.labels.extra}']).stdout).toBe('');
    expect(k(['label', 'pods', '-l', 'app=listed', '--list']).stdout).toBe('Listing labels for Pod./listed:\n app=listed\n tier=front\n');
    expect(k(['annotate', 'deployment', 'web', '--list']).stdout).toBe('deployment.kubernetes.io/revision=1\n');
    const both = k(['label', 'pod', 'listed', '--list', '-o', 'name']);
    expect(both.stderr).toBe('error: --list and --output may not be specified together\n');
    expect(both.code).toBe(1);
  });

  it('prints nothing for wait --for=delete on an object that does not exist', () => {
    const r = k(['wait', '--for=delete', 'pod/never-was']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints kubectl events as the typed EventList under -o', () => {
    const json = JSON.parse(k(['events', '-o', 'json', '--for', 'deployment/web']).stdout);
    expect(Object.keys(json)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(json.kind).toBe('EventList');
    expect(Object.keys(json.items[0]).slice(0, 4)).toEqual(['kind', 'apiVersion', 'metadata', 'involvedObject']);
    expect(json.items[0].involvedObject).toMatchObject({ kind: 'Deployment', name: 'web' });
    expect(k(['events', '--for', 'deployment/web', '-o', 'name']).stdout).toMatch(/^event\/web\.[0-9a-f]+\n/);
    const template = `${sb.home}/reasons.tmpl`;
    writeFileSync(template, '{{range .items}}{{.reason}} {{end}}');
    expect(k(['events', '--for', 'deployment/web', '-o', `go-template-file=${template}`]).stdout).toMatch(/^ScalingReplicaSet /);
    const bad = k(['events', '-o', 'bogus']);
    expect(bad.stderr).toBe('error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
    expect(bad.code).toBe(1);
  });

  it('describes an ExternalName Service without IP fields', () => {
    expect(k(['create', 'service', 'externalname', 'ext', '--external-name=example.com']).code).toBe(0);
    const out = k(['describe', 'svc', 'ext']).stdout;
    expect(out).not.toContain('IP Family Policy');
    expect(out).toContain('\nIP Families:       <none>\n');
    expect(out).toContain('\nIPs:               <none>\n');
  });

  it('reads wait without --for as an empty condition', () => {
    const r = k(['wait', 'pod/anything']);
    expect(r.stderr).toBe('error: unrecognized condition: ""\n');
    expect(r.code).toBe(1);
  });

  it('reports every server-side apply as serverside-applied and keeps no last-applied annotation', () => {
    const manifest = k(['create', 'configmap', 'ssa', '--from-literal=a=1', '--dry-run=client', '-o', 'yaml']).stdout;
    expect(k(['apply', '--server-side', '-f', '-'], manifest).stdout).toBe('configmap/ssa serverside-applied\n');
    expect(k(['apply', '--server-side', '-f', '-'], manifest).stdout).toBe('configmap/ssa serverside-applied\n');
    expect(k(['get', 'configmap', 'ssa', '-o', 'jsonpath={.metadata.annotations}']).stdout).toBe('');
  });
});
