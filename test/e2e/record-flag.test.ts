import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n';

describe('--record', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('c', args);
  const cause = (resource: string) => k('get', resource, '-o', "jsonpath={.metadata.annotations['kubernetes\\.io/change-cause']}").stdout;

  beforeAll(() => {
    sb.run(['cluster', 'create', 'c', '--clock', 'manual']);
    sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--kubernetes-version', '1.15']);
    k('create', 'deployment', 'web', '--image=nginx');
    k('clock', 'advance', '30s');
  });

  afterAll(() => sb.cleanup());

  it('warns first on every verb that takes it', () => {
    expect(k('scale', 'deployment/web', '--replicas=2', '--record')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: DEPRECATED, code: 0 });
    expect(k('label', 'deployment/web', 'tier=front', '--record').stderr).toBe(DEPRECATED);
    expect(k('annotate', 'deployment/web', 'note=x', '--record').stderr).toBe(DEPRECATED);
    expect(k('patch', 'deployment/web', '-p', '{"spec":{"minReadySeconds":1}}', '--record').stderr).toBe(DEPRECATED);
    expect(k('set', 'image', 'deployment/web', 'nginx=nginx:1.27', '--record').stderr).toBe(DEPRECATED);
  });

  it('warns before a missing file error', () => {
    expect(k('apply', '-f', 'missing.yaml', '--record').stderr).toBe(`${DEPRECATED}error: the path "missing.yaml" does not exist\n`);
  });

  it('stays quiet on clusters older than 1.22', () => {
    const r = sb.on('old', ['create', 'deployment', 'web', '--image=nginx']);
    expect(r.code).toBe(0);
    expect(sb.on('old', ['scale', 'deployment/web', '--replicas=2', '--record']).stderr).toBe('');
  });

  it('records scale, label and patch as the change cause', () => {
    k('scale', 'deployment/web', '--replicas=3', '--record');
    expect(cause('deployment/web')).toBe('kubectl scale deployment/web --record=true --replicas=3');
    k('label', 'deployment/web', 'tier=back', '--overwrite', '--record');
    expect(cause('deployment/web')).toBe('kubectl label deployment/web tier=back --overwrite=true --record=true');
    k('patch', 'deployment/web', '-p', '{"spec":{"minReadySeconds":2}}', '--record');
    expect(cause('deployment/web')).toBe('kubectl patch deployment/web --patch={"spec":{"minReadySeconds":2}} --record=true');
  });

  it('is unknown to set env, as in kubectl', () => {
    expect(k('set', 'env', 'deployment/web', 'A=1', '--record').stderr).toMatch(/unknown flag: --record/);
  });
});

describe('--record on generators', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('c', args);

  beforeAll(() => {
    sb.run(['cluster', 'create', 'c', '--clock', 'manual']);
  });

  afterAll(() => sb.cleanup());

  it('records run and expose on the objects they create', () => {
    expect(k('run', 'web', '--image=nginx', '--port=80', '--record')).toEqual({ stdout: 'pod/web created\n', stderr: DEPRECATED, code: 0 });
    expect(k('expose', 'pod', 'web', '--record').stdout).toBe('service/web exposed\n');
    const cause = (resource: string) => k('get', resource, '-o', "jsonpath={.metadata.annotations['kubernetes\\.io/change-cause']}").stdout;
    expect(cause('pod/web')).toBe('kubectl run web --image=nginx --port=80 --record=true');
    expect(cause('service/web')).toBe('kubectl expose pod web --record=true');
  });
});
