import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

/**
 * A script as people write them against a real cluster: the kubectl binary
 * comes from $KUBECTL (no alias, no function), and it reads state only
 * through -o jsonpath, -o custom-columns and --sort-by.
 */
const SCRIPT = String.raw`set -euo pipefail
"$KUBECTL" create deployment web --image=nginx:1.25 --replicas=3
"$KUBECTL" create deployment api --image=redis --replicas=1
"$KUBECTL" wait --for=condition=available deployment/web deployment/api --timeout=180s
echo "ready: $("$KUBECTL" get deployment web -o jsonpath='{.status.readyReplicas}/{.spec.replicas}')"
echo "--- pods by name"
"$KUBECTL" get pods -l app=web --sort-by=.metadata.name -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,IMAGE:.spec.containers[0].image
echo "--- phases"
"$KUBECTL" get pods -l app=web -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'
echo "--- deployments by replicas"
"$KUBECTL" get deployments --sort-by=.spec.replicas -o custom-columns=NAME:.metadata.name,WANT:.spec.replicas,READY:.status.readyReplicas --no-headers
echo "--- running"
"$KUBECTL" get pods --field-selector=status.phase=Running -o jsonpath='{.items[*].metadata.labels.app}'
echo
`;

describe('a kubectl shell script against kubesim', () => {
  const sb = new Sandbox();
  let file: string;
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'script', '--clock', 'manual', '--seed', '8']).code).toBe(0);
    file = join(sb.home, 'check.sh');
    writeFileSync(file, SCRIPT);
  });
  afterAll(() => sb.cleanup());

  it('runs unchanged and prints the shapes a real cluster prints', () => {
    const r = spawnSync('bash', [file], {
      env: { ...process.env, KUBECTL: BIN, KUBESIM_HOME: sb.home, KUBESIM_CLUSTER: 'script', KUBESIM_DEBUG: '' },
      encoding: 'utf8',
      cwd: sb.home,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pod = 'web-[a-z0-9]{8,10}-[a-z0-9]{5}';
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'deployment.apps/web created',
      'deployment.apps/api created',
      'deployment.apps/web condition met',
      'deployment.apps/api condition met',
      'ready: 3/3',
    ]);
    expect(lines[5]).toBe('--- pods by name');
    expect(lines[6]).toMatch(/^NAME +PHASE +IMAGE$/);
    const rows = lines.slice(7, 10);
    for (const row of rows) expect(row).toMatch(new RegExp(`^${pod} +Running +nginx:1\\.25$`));
    const names = rows.map((row) => row.split(/ +/)[0]);
    expect(names).toEqual([...names].sort());
    expect(lines[10]).toBe('--- phases');
    for (const row of lines.slice(11, 14)) expect(row).toMatch(new RegExp(`^${pod}\\tRunning$`));
    expect(lines.slice(14, 17).map((l) => l.replace(/ +/g, ' '))).toEqual(['--- deployments by replicas', 'api 1 1', 'web 3 3']);
    expect(lines[17]).toBe('--- running');
    expect(lines[18].split(' ').sort()).toEqual(['api', 'web', 'web', 'web']);
  });
});
