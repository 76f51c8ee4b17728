import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const START = '2022-05-31T07:00:00Z';
const WARNING = 'Warning: v1 ComponentStatus is deprecated in v1.19+\n';

describe('get componentstatuses', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('k', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'k', '--clock', 'manual', '--seed', '1', '--start-time', START]).code).toBe(0);
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15', '--start-time', START]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('get cs lists three components', () => {
    expect(k('get', 'cs')).toEqual({
      stdout: [
        'NAME                 STATUS    MESSAGE   ERROR',
        'controller-manager   Healthy   ok        ',
        'scheduler            Healthy   ok        ',
        'etcd-0               Healthy   ok        ',
        '',
      ].join('\n'),
      stderr: WARNING,
      code: 0,
    });
  });

  it('get cs NAME prints one', () => {
    expect(k('get', 'componentstatus', 'etcd-0')).toEqual({
      stdout: 'NAME     STATUS    MESSAGE   ERROR\netcd-0   Healthy   ok        \n',
      stderr: WARNING,
      code: 0,
    });
  });

  it('get cs -o name', () => {
    expect(k('get', 'cs', '-o', 'name').stdout).toBe('componentstatus/controller-manager\ncomponentstatus/scheduler\ncomponentstatus/etcd-0\n');
  });

  it('get cs NAME -o yaml', () => {
    expect(k('get', 'cs', 'scheduler', '-o', 'yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'conditions:',
        '- message: ok',
        '  status: "True"',
        '  type: Healthy',
        'kind: ComponentStatus',
        'metadata:',
        '  creationTimestamp: null',
        '  name: scheduler',
        '',
      ].join('\n'),
    );
  });

  it('get cs -o json', () => {
    const list = JSON.parse(k('get', 'cs', '-o', 'json').stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((o: any) => o.metadata.name)).toEqual(['controller-manager', 'scheduler', 'etcd-0']);
    expect(list.items[2]).toEqual({
      apiVersion: 'v1',
      conditions: [{ message: 'ok', status: 'True', type: 'Healthy' }],
      kind: 'ComponentStatus',
      metadata: { creationTimestamp: null, name: 'etcd-0' },
    });
  });

  it('get cs nosuch fails', () => {
    expect(k('get', 'cs', 'nosuch')).toEqual({
      stdout: '',
      stderr: WARNING + 'Error from server: Component not found: nosuch\n',
      code: 1,
    });
  });

  it('get cs filters by field selector', () => {
    expect(k('get', 'cs', '--field-selector', 'metadata.name=scheduler', '-o', 'name').stdout).toBe('componentstatus/scheduler\n');
  });

  it('create cs is not allowed', () => {
    const manifest = 'apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: etcd-1\nconditions: []\n';
    expect(sb.on('k', ['create', '-f', '-'], { input: manifest })).toEqual({
      stdout: '',
      stderr: 'Error from server (MethodNotAllowed): error when creating "STDIN": the server does not allow this method on the requested resource\n',
      code: 1,
    });
  });

  it('1.15 cluster prints no warning', () => {
    expect(sb.on('old', ['get', 'cs'])).toEqual({
      stdout: [
        'NAME                 STATUS    MESSAGE             ERROR',
        'controller-manager   Healthy   ok                  ',
        'scheduler            Healthy   ok                  ',
        'etcd-0               Healthy   {"health":"true"}   ',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });
});
