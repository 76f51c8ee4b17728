/**
 * `kubesim cluster create|list|delete|use`: the simulator's own verbs for
 * managing clusters (each one SQLite file under $KUBESIM_HOME).
 */
import { rmSync } from 'node:fs';
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { clusterDir, clusterExists, isValidClusterName, listClusterNames, readConfig, writeConfig } from '../../engine/home.js';
import { createCluster, openCluster } from '../../engine/open.js';
import { formatTable } from '../../printers/table.js';
import { versionNumber } from '../../api/registry.js';

function requireName(args: string[]): string {
  const name = args[0];
  if (!name) throw new UsageError('a cluster name is required', true);
  if (!isValidClusterName(name)) throw new UsageError(`invalid cluster name "${name}": must be a lowercase RFC 1123 label (for example 'my-cluster')`);
  return name;
}

const create: CommandDef = {
  use: 'cluster create NAME [--clock wall|manual] [--seed N] [--workers N] [--kubernetes-version V]',
  short: 'Create a simulated cluster.',
  flags: [
    { name: 'clock', type: 'string', default: 'wall', help: 'Clock mode: "wall" follows real time, "manual" moves only with `kubesim clock advance`.' },
    { name: 'seed', type: 'int', default: -1, help: 'Seed for generated names and random choices (default: random).' },
    { name: 'workers', type: 'int', default: 2, help: 'Number of worker nodes besides the control-plane node.' },
    { name: 'kubernetes-version', type: 'string', default: '1.32', help: 'Kubernetes version to emulate (for example 1.15 or 1.32).' },
    { name: 'strict-versions', type: 'bool', default: false, help: 'Reject apiVersions the emulated version no longer serves, as a real cluster does.' },
    { name: 'start-time', type: 'string', default: '', help: 'Initial cluster time of a manual clock, in RFC 3339 (for example 2022-05-31T09:49:38Z; default: now).' },
    { name: 'pull-timeout', type: 'stringArray', default: [], help: 'Image reference whose pulls time out, as on a cluster without internet access (repeatable; "perl" means perl:latest, "perl:*" every tag).' },
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const f = ctx.flags;
    if (f.clock !== 'wall' && f.clock !== 'manual') throw new UsageError(`invalid clock "${f.clock}": must be "wall" or "manual"`);
    if (f.workers < 0 || f.workers > 250) throw new UsageError(`invalid --workers ${f.workers}: must be between 0 and 250`);
    const v = versionNumber(f['kubernetes-version']);
    if (!/^v?1\.\d+$/.test(f['kubernetes-version']) || v < 110 || v > 135) throw new UsageError(`unsupported Kubernetes version "${f['kubernetes-version']}": use 1.10 to 1.35`);
    let startTime: number | undefined;
    if (f['start-time']) {
      if (f.clock !== 'manual') throw new UsageError('--start-time needs --clock manual (a wall clock starts now)');
      startTime = Date.parse(f['start-time']);
      if (!/^\d{4}-\d\d-\d\dT/.test(f['start-time']) || Number.isNaN(startTime)) throw new UsageError(`invalid --start-time "${f['start-time']}": use RFC 3339, for example 2022-05-31T09:49:38Z`);
    }
    if (clusterExists(name)) throw new UsageError(`cluster "${name}" already exists`);
    createCluster(name, {
      clock: f.clock,
      seed: f.seed >= 0 ? f.seed : undefined,
      workers: f.workers,
      kubernetesVersion: f['kubernetes-version'],
      strictVersions: f['strict-versions'],
      pullTimeout: f['pull-timeout'],
      startTime,
    });
    ctx.io.out(`cluster "${name}" created\n`);
  },
};

const list: CommandDef = {
  use: 'cluster list',
  short: 'List simulated clusters.',
  flags: [],
  run(ctx) {
    const current = readConfig().currentCluster;
    const rows = listClusterNames().map((n) => {
      const c = openCluster(n)!;
      const s = c.settings;
      const nodes = c.store.count('nodes');
      const pods = c.store.count('pods');
      c.store.db.close();
      return [n === current ? '*' : '', n, s.versionString, s.clock, String(nodes), String(pods)];
    });
    if (rows.length === 0) {
      ctx.io.err('No clusters found.\n');
      return;
    }
    ctx.io.out(formatTable(['CURRENT', 'NAME', 'VERSION', 'CLOCK', 'NODES', 'PODS'], rows));
  },
};

const del: CommandDef = {
  use: 'cluster delete NAME',
  short: 'Delete a simulated cluster and its state.',
  flags: [],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    if (!clusterExists(name)) throw new UsageError(`cluster "${name}" not found`);
    rmSync(clusterDir(name), { recursive: true, force: true });
    const config = readConfig();
    delete config.namespaces[name];
    writeConfig(config);
    ctx.io.out(`cluster "${name}" deleted\n`);
  },
};

const use: CommandDef = {
  use: 'cluster use NAME',
  short: 'Make a cluster the current one.',
  flags: [],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    if (!clusterExists(name) && name !== 'default') throw new UsageError(`cluster "${name}" not found`);
    const config = readConfig();
    config.currentCluster = name;
    writeConfig(config);
    ctx.io.out(`Switched to cluster "${name}".\n`);
  },
};

export const command: CommandDef = {
  use: 'cluster (create|list|delete|use)',
  short: 'Create, list, select and delete simulated clusters.',
  flags: [],
  subcommands: {
    create: async () => ({ command: create }),
    list: async () => ({ command: list }),
    ls: async () => ({ command: list }),
    delete: async () => ({ command: del }),
    use: async () => ({ command: use }),
  },
};
