// Writes dist/main.cjs.cache, the V8 code cache bin/kubesim compiles the
// bundle with. A cache saved by a user's first command contains only the
// functions that command ran, so every other verb would compile its code
// (the controllers' above all) again on each run. This script runs the common
// commands once, in one process, over a throwaway cluster, and then saves the
// cache with all of their functions compiled.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'main.cjs');
const cacheFile = `${file}.cache`;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm
spec:
  replicas: 2
  selector:
    matchLabels: {app: warm}
  template:
    metadata:
      labels: {app: warm}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata: {name: warm-pod, labels: {app: single}}
spec:
  containers: [{name: web, image: nginx:1.27}]
`;

/** The commands whose code is cached, in the order a tutorial reaches them. */
const COMMANDS = [
  ['cluster', 'create', 'warm', '--clock', 'manual', '--seed', '1'],
  ['apply', '-f', '{manifest}'],
  ['get', 'pods'],
  ['clock', 'advance', '1m'],
  ['get', 'pods', '-o', 'wide'],
  ['get', 'pods', '-o', 'yaml'],
  ['get', 'deployments,replicasets', '-o', 'json'],
  ['describe', 'pod', 'warm-pod'],
  ['scale', 'deployment', 'warm', '--replicas', '3'],
  ['set', 'image', 'deployment/warm', 'web=nginx:1.28'],
  ['clock', 'advance', '1m'],
  ['get', 'events'],
  ['logs', 'warm-pod'],
  ['delete', '-f', '{manifest}'],
];

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-warm-'));
  const manifest = path.join(home, 'warm.yaml');
  fs.writeFileSync(manifest, MANIFEST);
  process.env.KUBESIM_HOME = home;
  process.env.KUBESIM_CLUSTER = 'warm';
  try {
    const source = fs.readFileSync(file, 'utf8');
    // The same source and file name as bin/kubesim's Script, or V8 rejects the cache.
    const script = new vm.Script(Module.wrap(source), { filename: file });
    const mod = new Module(file, module);
    mod.filename = file;
    mod.paths = Module._nodeModulePaths(path.dirname(file));
    const requireFromBundle = (id) => mod.require(id);
    requireFromBundle.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    script.runInThisContext()(mod.exports, requireFromBundle, mod, file, path.dirname(file));
    let errors = '';
    const io = { out: () => {}, err: (text) => void (errors += text), isTTY: false, stdin: async () => '' };
    for (const argv of COMMANDS) {
      errors = '';
      const code = await mod.exports.run(argv.map((a) => (a === '{manifest}' ? manifest : a)), io);
      if (code !== 0) throw new Error(`kubesim ${argv.join(' ')} exited ${code}: ${errors.trim()}`);
    }
    fs.writeFileSync(cacheFile, script.createCachedData());
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((err) => {
  // The cache only saves time: without it bin/kubesim writes its own on first run.
  process.stderr.write(`warm-cache: failed: ${err.message}. bin/kubesim writes its own cache on its first run.\n`);
  fs.rmSync(cacheFile, { force: true });
});
