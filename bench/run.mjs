// kubesim benchmark: `npm run bench` (full sizes, writes bench/RESULTS.md) or
// `npm run bench -- --quick` (small sizes, meant to take about a minute; writes
// bench/out/RESULTS-quick.md). Every figure is a ratio measured in this run
// or a per-item cost, so results compare across machines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { badInputCases } from './bad-input.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'kubesim');
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.mjs');
const quick = process.argv.includes('--quick');
const SIZE = quick ? { scale: 1000, idle: 10000, runs: 7, cronDays: 0.25 } : { scale: 10000, idle: 100000, runs: 21, cronDays: 7 };

mkdirSync(OUT, { recursive: true });
const home = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
const env = { ...process.env, KUBESIM_HOME: home };
delete env.KUBESIM_CLUSTER;

function log(text) {
  process.stderr.write(`[bench] ${text}\n`);
}

/** Runs argv under node; returns wall ms, exit status, output and (with rss) peak RSS in MB. */
function exec(argv, { input, rss = false } = {}) {
  const rssFile = join(OUT, `rss-${process.pid}.txt`);
  const pre = rss ? ['--import', RSS_HOOK] : [];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...pre, ...argv], {
    env: rss ? { ...env, BENCH_RSS_FILE: rssFile } : env,
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let peakMb;
  let cpuMs;
  if (rss) {
    try {
      const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      peakMb = usage.maxRSS / 1024;
      cpuMs = usage.cpu / 1000;
    } catch {
      peakMb = undefined;
    }
  }
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr, peakMb, cpuMs };
}

function kubesim(args, opts) {
  const r = exec([BIN, ...args], opts);
  if (r.status !== 0 && !opts?.allowFail) throw new Error(`kubesim ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r;
}

function lib(args) {
  const r = exec([join(OUT, 'lib.mjs'), ...args]);
  if (r.status !== 0) throw new Error(`lib ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeMedian(fn, runs = SIZE.runs) {
  fn(); // warm the file cache
  const times = [];
  for (let i = 0; i < runs; i++) times.push(fn());
  return median(times);
}

function deployment(name, replicas, image) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 80
`;
}

const rows = [];
/** Records one table row; `ok` undefined means not measurable yet. */
function row(id, what, value, unit, target, ok, note = '') {
  rows.push({ id, what, value, unit, target, ok, note });
  log(`${id} ${what}: ${value === undefined ? 'n/a' : value.toFixed(unit === 'x' ? 2 : 3)} ${unit} ${note}`);
}

async function prepare() {
  log('building');
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
  await build({
    entryPoints: [join(ROOT, 'bench', 'lib.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: join(OUT, 'lib.mjs'),
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'warning',
  });
}

function benchLatency() {
  kubesim(['cluster', 'create', 'default', '--clock', 'manual', '--seed', '1']);
  const pods = Array.from({ length: 10 }, (_, i) => `apiVersion: v1
kind: Pod
metadata: {name: pod-${i}, labels: {app: small}}
spec:
  containers: [{name: web, image: nginx:1.27}]
`).join('---\n');
  kubesim(['apply', '-f', '-'], { input: pods });
  kubesim(['clock', 'advance', '1m']);
  const file = join(OUT, 'deploy-one.yaml');
  writeFileSync(file, deployment('bench-web', 1, 'nginx:1.27'));
  // Interleaved rounds, so drift in machine load hits every command alike.
  const t = { floor: [], get: [], yaml: [], apply: [] };
  for (let i = 0; i <= SIZE.runs; i++) {
    const floorMs = exec(['-e', '0']).ms;
    const getMs = kubesim(['get', 'pods']).ms;
    const yamlMs = kubesim(['get', 'pods', '-o', 'yaml']).ms;
    const applyMs = kubesim(['apply', '-f', file]).ms;
    kubesim(['delete', 'deployment', 'bench-web']);
    if (i === 0) continue; // warm-up round
    t.floor.push(floorMs);
    t.get.push(getMs);
    t.yaml.push(yamlMs);
    t.apply.push(applyMs);
  }
  const [floor, get, yaml, apply] = [t.floor, t.get, t.yaml, t.apply].map(median);
  row('a', '`get pods` (10 pods) / `node -e 0`', get / floor, 'x', 1.5, get / floor <= 1.5, `floor ${floor.toFixed(1)} ms`);
  row('a', '`apply -f` one deployment / `node -e 0`', apply / floor, 'x', 1.5, apply / floor <= 1.5);
  row('a', '`get pods -o yaml` / `node -e 0`', yaml / floor, 'x', 1.5, yaml / floor <= 1.5);
}

/** Formats the CPU time behind a wall-clock figure, which a loaded machine inflates less than wall time. */
function cpuNote(cpuMs) {
  return cpuMs === undefined ? '' : `CPU ${cpuMs.toFixed(3)} ms`;
}

function benchScale() {
  const n = SIZE.scale;
  const workers = Math.ceil(n / 110) + 2;
  const c = ['--cluster', 'scale'];
  kubesim(['cluster', 'create', 'scale', '--clock', 'manual', '--seed', '1', '--workers', String(workers)]);
  const file = join(OUT, 'deploy-scale.yaml');
  writeFileSync(file, deployment('web', n, 'nginx:1.27'));
  const applied = kubesim([...c, 'apply', '-f', file], { rss: true });
  let createMs = applied.ms;
  let peak = applied.peakMb;
  const hasDeployments = lib(['stats', 'scale']).replicasets > 0;
  let note = '';
  if (!hasDeployments) {
    kubesim([...c, 'delete', 'deployment', 'web']);
    createMs = lib(['create-pods', 'scale', String(n)]).ms;
    note = 'pods bulk-created in-process: no Deployment controller on main yet';
  }
  const settled = kubesim([...c, 'clock', 'advance', '1m'], { rss: true });
  peak = Math.max(peak, settled.peakMb);
  const s = lib(['stats', 'scale']);
  if (s.phases.Running !== n) throw new Error(`scale: expected ${n} Running pods, got ${JSON.stringify(s.phases)}`);
  const perPod = (createMs + settled.ms) / n;
  const cpuPerPod = hasDeployments ? (applied.cpuMs + settled.cpuMs) / n : undefined;
  row('b', `Deployment 0 -> ${n} Running, per pod`, perPod, 'ms', 0.3, perPod < 0.3, [note, cpuNote(cpuPerPod)].filter(Boolean).join('; '));

  if (hasDeployments) {
    writeFileSync(file, deployment('web', n, 'nginx:1.28'));
    const rolled = kubesim([...c, 'apply', '-f', file], { rss: true });
    const done = kubesim([...c, 'clock', 'advance', '2h'], { rss: true });
    peak = Math.max(peak, rolled.peakMb, done.peakMb);
    const r = lib(['stats', 'scale']);
    if (r.images['nginx:1.28'] !== n || r.phases.Running !== n) throw new Error(`rollout incomplete: ${JSON.stringify(r)}`);
    const perRolled = (rolled.ms + done.ms) / n;
    row('b', `rolling update of ${n} pods, per pod`, perRolled, 'ms', 0.3, perRolled < 0.3, cpuNote((rolled.cpuMs + done.cpuMs) / n));
  } else {
    row('b', `rolling update of ${n} pods, per pod`, undefined, 'ms', 0.3, undefined, 'needs the Deployment controller');
  }

  const listed = [];
  for (let i = 0; i < 3; i++) listed.push(kubesim([...c, 'get', 'pods'], { rss: true }));
  const lines = listed[0].stdout.trim().split('\n').length - 1;
  if (lines !== n) throw new Error(`get pods printed ${lines} rows`);
  const perListed = median(listed.map((l) => l.ms)) / n;
  const cpuListed = median(listed.map((l) => l.cpuMs)) / n;
  peak = Math.max(peak, ...listed.map((l) => l.peakMb));
  row('c', `\`get pods\` over ${n} pods, per pod`, perListed, 'ms', 0.1, perListed < 0.1, cpuNote(cpuListed));
  row('f', 'peak RSS of (b) and (c)', peak, 'MB', 300, peak < 300);
  kubesim(['cluster', 'delete', 'scale']);
}

function benchIdle() {
  const n = SIZE.idle;
  kubesim(['cluster', 'create', 'idle-big', '--clock', 'manual', '--seed', '1']);
  kubesim(['cluster', 'create', 'idle-empty', '--clock', 'manual', '--seed', '1']);
  const seeded = lib(['seed-running', 'idle-big', String(n)]);
  log(`seeded ${n} pods in ${(seeded.ms / 1000).toFixed(1)} s`);
  const big = timeMedian(() => kubesim(['--cluster', 'idle-big', 'get', 'nodes']).ms);
  const empty = timeMedian(() => kubesim(['--cluster', 'idle-empty', 'get', 'nodes']).ms);
  row('d', `\`get nodes\` with ${n} pods / empty cluster`, big / empty, 'x', 1.2, big / empty <= 1.2);
  // Deleting the seeded cluster drops its unwritten pages, which the kernel would otherwise
  // write back to disk during the next measurement.
  kubesim(['cluster', 'delete', 'idle-big']);
  kubesim(['cluster', 'delete', 'idle-empty']);
}

function benchCron() {
  const c = ['--cluster', 'cron'];
  kubesim(['cluster', 'create', 'cron', '--clock', 'manual', '--seed', '1']);
  kubesim([...c, 'apply', '-f', '-'], {
    input: `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
            args: [/bin/sh, -c, date; echo Hello from the Kubernetes cluster]
`,
  });
  const days = SIZE.cronDays;
  const r = kubesim([...c, 'clock', 'advance', `${days}d`], { rss: true });
  const s = lib(['stats', 'cron']);
  // The quick mode advances a quarter day and scales the time to seven days.
  const sec = ((r.ms / 1000) * 7) / days;
  const note = `${days === 7 ? '' : `measured over ${days} d, scaled to 7 d; `}CPU ${((r.cpuMs / 1000) * 7 / days).toFixed(1)} s; ${s.jobs} jobs kept`;
  if (s.jobs === 0) row('e', 'advance 7 d over a `*/1` CronJob', sec, 's', 5, undefined, 'no CronJob controller: nothing ran');
  else row('e', 'advance 7 d over a `*/1` CronJob', sec, 's', 5, sec < 5, note);
}

/** Times every bad-input case (the test suite checks outcomes, not time). */
function benchBadInput() {
  const dir = join(ROOT, 'test', 'fixtures', 'bad-input');
  let cases;
  try {
    readdirSync(dir);
    cases = badInputCases(dir, OUT);
  } catch {
    return;
  }
  kubesim(['cluster', 'create', 'bad', '--clock', 'manual', '--seed', '1']);
  let worst = 0;
  let worstName = '';
  for (const bc of cases) {
    const r = exec([BIN, '--cluster', 'bad', ...bc.args], { input: bc.input });
    if (r.ms > worst) {
      worst = r.ms;
      worstName = bc.name;
    }
  }
  row('g', `slowest of ${cases.length} bad inputs`, worst / 1000, 's', 1, worst < 1000, worstName);
}

function table() {
  const header = '| item | measure | value | target | status | note |\n|---|---|---|---|---|---|';
  const fmt = (r) => (r.value === undefined ? 'n/a' : `${r.value.toFixed(r.unit === 'x' ? 2 : 3)} ${r.unit}`);
  const status = (r) => (r.ok === undefined ? 'not measurable yet' : r.ok ? 'met' : 'MISSED');
  const op = (r) => (r.unit === 'x' ? '<=' : '<');
  const lines = rows.map((r) => `| ${r.id} | ${r.what} | ${fmt(r)} | ${op(r)} ${r.target} ${r.unit} | ${status(r)} | ${r.note} |`);
  return [header, ...lines].join('\n');
}

await prepare();
const started = Date.now();
try {
  benchLatency();
  benchScale();
  benchIdle();
  benchCron();
  benchBadInput();
} finally {
  rmSync(home, { recursive: true, force: true });
}
const machine = `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; ${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}`;
const text = `# kubesim benchmark results

Mode: ${quick ? 'quick (reduced sizes)' : 'full'}; run ${new Date().toISOString()}; took ${((Date.now() - started) / 1000).toFixed(0)} s.
Machine: ${machine}.

${table()}
`;
process.stdout.write(`\n${table()}\n\nMachine: ${machine}\n`);
writeFileSync(quick ? join(OUT, 'RESULTS-quick.md') : join(ROOT, 'bench', 'RESULTS.md'), text);
