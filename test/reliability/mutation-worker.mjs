// One concurrent client for the concurrency suite: runs COUNT mixed mutations
// (scale, label, set image, apply, delete and recreate) against one cluster
// and prints a JSON log of every command with its start and end times.
// Usage: node mutation-worker.mjs BIN CLUSTER WORKER_ID COUNT SEED
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin, cluster, id, countText, seedText] = process.argv.slice(2);
const count = Number(countText);
let state = Number(seedText) * 7919 + Number(id) * 104729;

/** Returns the next value of a small linear congruential generator, so each run repeats. */
function rand(n) {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
}

const own = `w${id}`;
const manifestFile = join(tmpdir(), `kubesim-worker-${process.pid}.yaml`);

function manifest(replicas, image) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${own}
  labels: {app: ${own}}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${own}}
  template:
    metadata:
      labels: {app: ${own}}
    spec:
      containers:
      - name: web
        image: ${image}
`;
}

const log = [];
function run(op, args, extra = {}) {
  const start = Date.now();
  const r = spawnSync(process.execPath, [bin, '--cluster', cluster, ...args], { encoding: 'utf8', env: process.env });
  log.push({ op, args, code: r.status, stderr: r.stderr, start, end: Date.now(), ...extra });
  return r.status;
}

// The worker's own Deployment: what it expects the spec to be at the end.
const expected = { replicas: 1, image: 'nginx:1.20', tier: '' };
writeFileSync(manifestFile, manifest(expected.replicas, expected.image));
run('apply', ['apply', '-f', manifestFile]);

for (let i = 0; i < count; i++) {
  switch (rand(6)) {
    case 0: {
      const replicas = rand(4);
      run('scale-shared', ['scale', 'deployment', 'shared', `--replicas=${replicas}`], { replicas });
      break;
    }
    case 1: {
      expected.replicas = rand(4);
      run('scale', ['scale', 'deployment', own, `--replicas=${expected.replicas}`]);
      break;
    }
    case 2: {
      expected.tier = `t${i}`;
      run('label', ['label', 'deployment', own, `tier=${expected.tier}`, '--overwrite']);
      break;
    }
    case 3: {
      expected.image = `nginx:1.${20 + rand(8)}`;
      run('set-image', ['set', 'image', `deployment/${own}`, `web=${expected.image}`]);
      break;
    }
    case 4: {
      expected.replicas = rand(4);
      writeFileSync(manifestFile, manifest(expected.replicas, expected.image));
      run('apply', ['apply', '-f', manifestFile]);
      break;
    }
    default: {
      run('delete', ['delete', 'deployment', own]);
      expected.tier = '';
      writeFileSync(manifestFile, manifest(expected.replicas, expected.image));
      run('recreate', ['apply', '-f', manifestFile]);
    }
  }
}
process.stdout.write(JSON.stringify({ id, own, expected, log }));
