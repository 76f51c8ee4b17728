import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('reports every server-side apply as serverside-applied and keeps no last-applied annotation', () => {
    const manifest = k(['create', 'configmap', 'ssa', '--from-literal=a=1', '--dry-run=client', '-o', 'yaml']).stdout;
    expect(k(['apply', '--server-side', '-f', '-'], manifest).stdout).toBe('configmap/ssa serverside-applied\n');
    expect(k(['apply', '--server-side', '-f', '-'], manifest).stdout).toBe('configmap/ssa serverside-applied\n');
    expect(k(['get', 'configmap', 'ssa', '-o', 'jsonpath={.metadata.annotations}']).stdout).toBe('');
  });
});
