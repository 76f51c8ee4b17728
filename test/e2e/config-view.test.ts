import { afterAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('config view', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('shows each cluster as a kubeconfig context, with its namespace', () => {
    expect(sb.run(['cluster', 'create', 'lab', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(sb.run(['config', 'use-context', 'lab']).code).toBe(0);
    expect(sb.run(['config', 'set-context', '--current', '--namespace=dev']).code).toBe(0);
    const r = sb.run(['config', 'view', '--minify']);
    expect(r.stdout).toBe(
      'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: kubesim://lab\n  name: lab\n' +
        'contexts:\n- context:\n    cluster: lab\n    namespace: dev\n    user: lab\n  name: lab\ncurrent-context: lab\nkind: Config\npreferences: {}\n' +
        'users:\n- name: lab\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n',
    );
    expect(sb.run(['config', 'view', '-o', 'jsonpath={.contexts[*].name}']).stdout).toBe('default lab');
    expect(JSON.parse(sb.run(['config', 'view', '-o', 'json']).stdout)['current-context']).toBe('lab');
  });
});
