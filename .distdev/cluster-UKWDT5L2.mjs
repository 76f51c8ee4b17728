import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  createCluster,
  openCluster
} from "./chunk-F2Z6TYG3.mjs";
import "./chunk-KP5HNRA6.mjs";
import {
  clusterDir,
  clusterExists,
  isValidClusterName,
  listClusterNames,
  readConfig,
  writeConfig
} from "./chunk-MJMZ3C2B.mjs";
import "./chunk-HD4RLGLX.mjs";
import "./chunk-DJ5PGMHB.mjs";
import "./chunk-BCHHFCIZ.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-OVYCYR4N.mjs";
import "./chunk-HU757UHR.mjs";
import {
  formatTable
} from "./chunk-QGLCBEXV.mjs";
import "./chunk-5SB2OD6E.mjs";
import {
  versionNumber
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/cluster/index.ts
import { rmSync } from "node:fs";
function requireName(args) {
  const name = args[0];
  if (!name) throw new UsageError("a cluster name is required", true);
  if (!isValidClusterName(name)) throw new UsageError(`invalid cluster name "${name}": must be a lowercase RFC 1123 label (for example 'my-cluster')`);
  return name;
}
var create = {
  use: "cluster create NAME [--clock wall|manual] [--seed N] [--workers N] [--kubernetes-version V]",
  short: "Create a simulated cluster.",
  flags: [
    { name: "clock", type: "string", default: "wall", help: 'Clock mode: "wall" follows real time, "manual" moves only with `kubesim clock advance`.' },
    { name: "seed", type: "int", default: -1, help: "Seed for generated names and random choices (default: random)." },
    { name: "workers", type: "int", default: 2, help: "Number of worker nodes besides the control-plane node." },
    { name: "kubernetes-version", type: "string", default: "1.32", help: "Kubernetes version to emulate (for example 1.15 or 1.32)." },
    { name: "strict-versions", type: "bool", default: false, help: "Reject apiVersions the emulated version no longer serves, as a real cluster does." },
    { name: "pull-timeout", type: "stringArray", default: [], help: 'Image reference whose pulls time out, as on a cluster without internet access (repeatable; "perl" means perl:latest, "perl:*" every tag).' }
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const f = ctx.flags;
    if (f.clock !== "wall" && f.clock !== "manual") throw new UsageError(`invalid clock "${f.clock}": must be "wall" or "manual"`);
    if (f.workers < 0 || f.workers > 250) throw new UsageError(`invalid --workers ${f.workers}: must be between 0 and 250`);
    const v = versionNumber(f["kubernetes-version"]);
    if (!/^v?1\.\d+$/.test(f["kubernetes-version"]) || v < 110 || v > 135) throw new UsageError(`unsupported Kubernetes version "${f["kubernetes-version"]}": use 1.10 to 1.35`);
    if (clusterExists(name)) throw new UsageError(`cluster "${name}" already exists`);
    createCluster(name, {
      clock: f.clock,
      seed: f.seed >= 0 ? f.seed : void 0,
      workers: f.workers,
      kubernetesVersion: f["kubernetes-version"],
      strictVersions: f["strict-versions"],
      pullTimeout: f["pull-timeout"]
    });
    ctx.io.out(`cluster "${name}" created
`);
  }
};
var list = {
  use: "cluster list",
  short: "List simulated clusters.",
  flags: [],
  run(ctx) {
    const current = readConfig().currentCluster;
    const rows = listClusterNames().map((n) => {
      const c = openCluster(n);
      const s = c.settings;
      const nodes = c.store.count("nodes");
      const pods = c.store.count("pods");
      c.store.db.close();
      return [n === current ? "*" : "", n, s.versionString, s.clock, String(nodes), String(pods)];
    });
    if (rows.length === 0) {
      ctx.io.err("No clusters found.\n");
      return;
    }
    ctx.io.out(formatTable(["CURRENT", "NAME", "VERSION", "CLOCK", "NODES", "PODS"], rows));
  }
};
var del = {
  use: "cluster delete NAME",
  short: "Delete a simulated cluster and its state.",
  flags: [],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    if (!clusterExists(name)) throw new UsageError(`cluster "${name}" not found`);
    rmSync(clusterDir(name), { recursive: true, force: true });
    const config = readConfig();
    delete config.namespaces[name];
    writeConfig(config);
    ctx.io.out(`cluster "${name}" deleted
`);
  }
};
var use = {
  use: "cluster use NAME",
  short: "Make a cluster the current one.",
  flags: [],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    if (!clusterExists(name) && name !== "default") throw new UsageError(`cluster "${name}" not found`);
    const config = readConfig();
    config.currentCluster = name;
    writeConfig(config);
    ctx.io.out(`Switched to cluster "${name}".
`);
  }
};
var command = {
  use: "cluster (create|list|delete|use)",
  short: "Create, list, select and delete simulated clusters.",
  flags: [],
  subcommands: {
    create: async () => ({ command: create }),
    list: async () => ({ command: list }),
    ls: async () => ({ command: list }),
    delete: async () => ({ command: del }),
    use: async () => ({ command: use })
  }
};
export {
  command
};
