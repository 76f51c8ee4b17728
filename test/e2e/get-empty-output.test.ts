import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('get -o json|yaml with nothing to print', () => {
  const sb = new Sandbox();
  const k = (args: string[]) => sb.on('e', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'e', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints an empty List when a selector matches nothing', () => {
    const json = k(['get', 'pods', '-l', 'app=none', '-o', 'json']);
    expect(json.stdout).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(k(['get', 'pods', '-l', 'app=none', '-o', 'yaml']).stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('prints nothing under --ignore-not-found', () => {
    for (const args of [['pod', 'ghost'], ['pods', '-l', 'app=none']]) {
      const r = k(['get', ...args, '--ignore-not-found', '-o', 'json']);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('prints only the error for a single name it does not find', () => {
    const r = k(['get', 'pod', 'ghost', '-o', 'yaml']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
    expect(r.code).toBe(1);
  });
});
