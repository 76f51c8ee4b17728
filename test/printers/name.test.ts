import { describe, expect, it } from 'vitest';
import { generateCronJob, generateDeployment, generateRunPod } from '../../src/printers/generators';
import { formatResourceName, printNames } from '../../src/printers/name';
import { toKubectlList } from '../../src/printers/yaml';

describe('formatResourceName', () => {
  it('adds the group for named groups', () => {
    expect(formatResourceName(generateDeployment({ name: 'web', images: ['nginx'] }))).toBe('deployment.apps/web');
  });

  it('omits the core group', () => {
    expect(formatResourceName(generateRunPod({ name: 'web', image: 'nginx' }))).toBe('pod/web');
  });

  it('rejects an object without kind', () => {
    expect(() => formatResourceName({ apiVersion: 'v1', kind: '', metadata: { name: 'x' } })).toThrow(
      'missing apiVersion or kind',
    );
  });
});

describe('printNames', () => {
  const cj = generateCronJob({ name: 'hello', image: 'busybox', schedule: '*/1 * * * *' });

  it('prints names only for -o name', () => {
    expect(printNames([cj])).toBe('cronjob.batch/hello\n');
  });

  it('appends the operation', () => {
    expect(printNames([cj], 'created')).toBe('cronjob.batch/hello created\n');
  });

  it('marks client dry runs', () => {
    expect(printNames([cj], 'exposed', 'client')).toBe('cronjob.batch/hello exposed (dry run)\n');
  });

  it('marks server dry runs', () => {
    expect(printNames([cj], 'created', 'server')).toBe('cronjob.batch/hello created (server dry run)\n');
  });

  it('prints each item of a list', () => {
    const pods = [generateRunPod({ name: 'a', image: 'x' }), generateRunPod({ name: 'b', image: 'x' })];
    expect(printNames([toKubectlList(pods) as never], 'annotated')).toBe('pod/a annotated\npod/b annotated\n');
  });
});
