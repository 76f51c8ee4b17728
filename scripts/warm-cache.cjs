// Writes dist/main.cjs.cache, the V8 code cache bin/kubesim compiles the
// bundle with. A cache saved by a user's first command contains only the
// functions that command ran, so every other verb would compile its code
// (the controllers' above all) again on each run. This script runs the common
// commands once, in one process, over a throwaway cluster, and then saves the
// cache with all of their functions compiled.
//
// A larger code cache takes longer to load (measured: about
// 2 ms less for a cache 70% the size), so a command also pays for the
// functions of verbs it never runs. More caches therefore hold only what
// reading commands, `apply` and the other writing commands compile, each made
// in its own process: dist/main.cjs.read.cache, dist/main.cjs.apply.cache and
// dist/main.cjs.write.cache. bin/kubesim picks one by the verb and falls back
// to the full cache for the other verbs.
const { spawnSync } = require('node:child_process');
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

/**
 * Verb groups that get caches of their own (bin/kubesim maps verbs to them).
 * `setup` runs in the parent process, so its functions stay out of the
 * group's cache, and then the group's own process runs `commands`. A read
 * first settles whatever fell due, so the read commands start with a settle.
 */
const GROUPS = {
  read: {
    setup: [COMMANDS[0], ['apply', '-f', '{manifest}']],
    commands: [
      ['clock', 'advance', '1m'],
      ['get', 'pods'],
      ['get', 'pods', '-o', 'wide'],
      ['get', 'pods', '-o', 'yaml'],
      ['get', 'deployments,replicasets', '-o', 'json'],
      ['describe', 'pod', 'warm-pod'],
      ['get', 'events'],
      ['logs', 'warm-pod'],
    ],
  },
  // apply, the most common writing verb, gets a cache of its own without the code of scale, set and delete.
  apply: {
    setup: [COMMANDS[0]],
    commands: [['apply', '-f', '{manifest}']],
  },
  write: {
    setup: [COMMANDS[0]],
    commands: [
      ['apply', '-f', '{manifest}'],
      ['scale', 'deployment', 'warm', '--replicas', '3'],
      ['set', 'image', 'deployment/warm', 'web=nginx:1.28'],
      ['delete', '-f', '{manifest}'],
    ],
  },
};

/** Compiles the bundle as bin/kubesim does and returns the Script and the module's exports. */
function compile() {
  const source = fs.readFileSync(file, 'utf8');
  // The same source and file name as bin/kubesim's Script, or V8 rejects the cache.
  const script = new vm.Script(Module.wrap(source), { filename: file });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const requireFromBundle = (id) => mod.require(id);
  requireFromBundle.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  script.runInThisContext()(mod.exports, requireFromBundle, mod, file, path.dirname(file));
  return { script, exports: mod.exports };
}

/** Runs commands in this process against $KUBESIM_HOME and throws on the first that fails. */
async function runAll(exports, commands, manifest) {
  let errors = '';
  const io = { out: () => {}, err: (text) => void (errors += text), isTTY: false, stdin: async () => '' };
  for (const argv of commands) {
    errors = '';
    const code = await exports.run(argv.map((a) => (a === '{manifest}' ? manifest : a)), io);
    if (code !== 0) throw new Error(`kubesim ${argv.join(' ')} exited ${code}: ${errors.trim()}`);
  }
}

/** Makes a throwaway home with the warm-up manifest, for this process and its children. */
function useNewHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-warm-'));
  const manifest = path.join(home, 'warm.yaml');
  fs.writeFileSync(manifest, MANIFEST);
  process.env.KUBESIM_HOME = home;
  process.env.KUBESIM_CLUSTER = 'warm';
  return { home, manifest };
}

async function main() {
  const group = process.argv[2] === '--group' ? process.argv[3] : undefined;
  if (group !== undefined) {
    // A group's own process, whose home and setup come from the parent.
    if (!Object.hasOwn(GROUPS, group)) throw new Error(`unknown cache group '${group}' (expected one of: ${Object.keys(GROUPS).join(', ')})`);
    const { script, exports } = compile();
    await runAll(exports, GROUPS[group].commands, path.join(process.env.KUBESIM_HOME, 'warm.yaml'));
    fs.writeFileSync(`${file}.${group}.cache`, script.createCachedData());
    return;
  }
  const { script, exports } = compile();
  const { home, manifest } = useNewHome();
  try {
    await runAll(exports, COMMANDS, manifest);
    fs.writeFileSync(cacheFile, script.createCachedData());
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  for (const [name, { setup }] of Object.entries(GROUPS)) {
    const groupCache = `${file}.${name}.cache`;
    let groupHome;
    try {
      // Inside the try, so a failure here costs only this group's cache, not the full one.
      groupHome = useNewHome();
      await runAll(exports, setup, groupHome.manifest);
      const child = spawnSync(process.execPath, [__filename, '--group', name], { stdio: 'inherit' });
      if (child.status !== 0) {
        const reason = child.error ? child.error.message : child.signal ? `killed by ${child.signal}` : `exit status ${child.status}`;
        throw new Error(`failed to write the ${name} cache (${reason})`);
      }
    } catch (err) {
      fs.rmSync(groupCache, { force: true });
      process.stderr.write(`warm-cache: ${err.message}. bin/kubesim uses the full cache for these verbs.\n`);
    } finally {
      if (groupHome) fs.rmSync(groupHome.home, { recursive: true, force: true });
    }
  }
}

main().catch((err) => {
  if (process.argv[2] === '--group') {
    // The parent removes this group's cache and reports that its verbs use the full cache.
    process.stderr.write(`warm-cache: failed: ${err.message}\n`);
    process.exit(1);
  }
  // The cache only saves time: without it bin/kubesim writes its own on first run.
  process.stderr.write(`warm-cache: failed: ${err.message}. bin/kubesim writes its own cache on its first run.\n`);
  fs.rmSync(cacheFile, { force: true });
});
