import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../../src/commands/diff/program.js';
import { diffFileName, maskSecretData } from '../../../src/commands/diff/objects.js';

describe('diffCommand', () => {
  it('runs diff -u -N by default', () => {
    expect(diffCommand('/t/LIVE-1', '/t/MERGED-2', '')).toEqual(['diff', ['-u', '-N', '/t/LIVE-1', '/t/MERGED-2']]);
  });

  it('puts KUBECTL_EXTERNAL_DIFF words after the directories', () => {
    expect(diffCommand('/a', '/b', 'colordiff -N -u')).toEqual(['colordiff', ['/a', '/b', '-N', '-u']]);
  });

  it('drops words with other characters than letters, digits, - and =', () => {
    expect(diffCommand('/a', '/b', 'meld  --x=1 $(rm) a;b --label="x"')).toEqual(['meld', ['/a', '/b', '--x=1']]);
  });
});

describe('diffFileName', () => {
  it.each([
    ['apps/v1', 'Deployment', 'default', 'web', 'apps.v1.Deployment.default.web'],
    ['v1', 'ConfigMap', 'dev', 'cfg', 'v1.ConfigMap.dev.cfg'],
    ['v1', 'Namespace', '', 'team', 'v1.Namespace..team'],
  ])('names %s %s', (apiVersion, kind, ns, name, expected) => {
    expect(diffFileName(apiVersion, kind, ns, name)).toBe(expected);
  });
});

describe('maskSecretData', () => {
  const secret = (data?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...(data ? { data } : {}) });

  it('masks unchanged, changed, added and removed keys', () => {
    const [from, to] = maskSecretData(secret({ same: 'eA==', changed: 'YQ==', removed: 'cg==' }), secret({ same: 'eA==', changed: 'Yg==', added: 'bg==' }));
    expect(from?.data).toEqual({ same: '***', changed: '*** (before)', removed: '***' });
    expect(to.data).toEqual({ same: '***', changed: '*** (after)', added: '***' });
  });

  it('masks a new Secret with no live object', () => {
    const [from, to] = maskSecretData(undefined, secret({ a: 'eA==' }));
    expect(from).toBeUndefined();
    expect(to.data).toEqual({ a: '***' });
  });

  it('leaves a Secret without data as it is', () => {
    const [, to] = maskSecretData(secret({ a: 'eA==' }), secret());
    expect(to).toEqual(secret());
  });
});
