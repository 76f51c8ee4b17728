import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Two containers that each print one line and keep running. */
function twoContainerPod(name: string, annotation?: string): string {
  const annotations = annotation ? `\n  annotations: {kubectl.kubernetes.io/default-container: ${annotation}}` : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}${annotations}
spec:
  containers:
  - {name: short, image: busybox, command: [sh, -c, 'echo from short; sleep 3600']}
  - {name: long, image: busybox, command: [sh, -c, 'echo from long; sleep 3600']}
`;
}

/** Which container `logs POD` reads when -c is not given, by cluster version. */
describe('logs default container', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    for (const [cluster, version] of [['new', '1.32'], ['old', '1.23']]) {
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
      const file = join(sb.home, `${cluster}.yaml`);
      writeFileSync(file, twoContainerPod('mc') + '---\n' + twoContainerPod('marked', 'long'));
      expect(sb.on(cluster, ['apply', '-f', file]).code).toBe(0);
      sb.on(cluster, ['clock', 'advance', '1m']);
    }
  });
  afterAll(() => sb.cleanup());

  it('defaults to the first container on 1.32', () => {
    const r = sb.on('new', ['logs', 'mc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('from short\n');
    expect(r.stderr).toBe('Defaulted container "short" out of: short, long\n');
  });

  it('follows the default-container annotation', () => {
    const r = sb.on('new', ['logs', 'marked']);
    expect(r.stdout).toBe('from long\n');
    expect(r.stderr).toBe('');
  });

  it('asks for a container on 1.23', () => {
    const r = sb.on('old', ['logs', 'mc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: a container name must be specified for pod mc, choose one of: [short long]\n');
  });

  it('uses the annotation on 1.23', () => {
    expect(sb.on('old', ['logs', 'marked']).stdout).toBe('from long\n');
  });
});
