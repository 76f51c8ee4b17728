/**
 * Container ports as kubectl v1.32 and the API server handle them. `kubectl
 * run` puts any non-empty --port in the Pod, even 0. The API server's
 * validateContainerPorts reports a zero or unset containerPort as a Required
 * value, and any other port outside 1-65535 as an Invalid value. Each
 * rejection exits 1 and leaves the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const PORT_RANGE = 'must be between 1 and 65535, inclusive';

describe('container port validation', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('c', args);

  function rejected(args: string[], stderr: string): void {
    const before = sb.dump('c');
    const r = k(...args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('c')).toBe(before);
  }

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints run --port=0 in the Pod', () => {
    const r = k('run', 'p', '--image=nginx', '--port=0', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].ports}');
    expect(r.stdout).toBe('[{"containerPort":0}]');
  });

  it('rejects run --port=0 on the server', () => {
    rejected(['run', 'p', '--image=nginx', '--port=0'], 'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Required value\n');
  });

  it('rejects run --port=-3 as out of range', () => {
    rejected(['run', 'p', '--image=nginx', '--port=-3'], `The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: -3: ${PORT_RANGE}\n`);
  });

  it('rejects zero and missing template ports', () => {
    const manifest =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n' +
      '    metadata: {labels: {app: d}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        ports:\n' +
      '        - containerPort: 0\n        - name: http\n        - containerPort: 70000\n';
    writeFileSync(join(sb.home, 'd.yaml'), manifest);
    rejected(
      ['apply', '-f', 'd.yaml'],
      'The Deployment "d" is invalid: \n' +
        '* spec.template.spec.containers[0].ports[0].containerPort: Required value\n' +
        '* spec.template.spec.containers[0].ports[1].containerPort: Required value\n' +
        `* spec.template.spec.containers[0].ports[2].containerPort: Invalid value: 70000: ${PORT_RANGE}\n`,
    );
  });
});
