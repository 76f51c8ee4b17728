import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  ALIASES,
  GROUPS,
  VERBS
} from "./chunk-GC4OGRRW.mjs";
import {
  openCluster
} from "./chunk-F2Z6TYG3.mjs";
import "./chunk-KP5HNRA6.mjs";
import {
  readConfig
} from "./chunk-MJMZ3C2B.mjs";
import "./chunk-HD4RLGLX.mjs";
import {
  GLOBAL_FLAGS,
  formatFlagHelp,
  parseArgs
} from "./chunk-SMSUD63N.mjs";
import "./chunk-DJ5PGMHB.mjs";
import "./chunk-BCHHFCIZ.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-OVYCYR4N.mjs";
import "./chunk-HU757UHR.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/context.ts
var CommandContext = class {
  constructor(path, parsed, io) {
    this.path = path;
    this.parsed = parsed;
    this.io = io;
  }
  path;
  parsed;
  io;
  opened;
  get flags() {
    return this.parsed.flags;
  }
  get clusterName() {
    return this.flags.cluster || this.flags.context || process.env.KUBESIM_CLUSTER || readConfig().currentCluster;
  }
  /** Opens the target cluster (creating `default` on first use) and settles it to now. */
  cluster() {
    if (this.opened) return this.opened;
    const name = this.clusterName;
    const cluster = openCluster(name, name === "default");
    if (!cluster) throw new UsageError(`context "${name}" does not exist; create it with 'kubesim cluster create ${name}'`);
    cluster.settle();
    this.opened = cluster;
    return cluster;
  }
  /** The namespace for this request: `-n`, else the cluster's configured namespace, else `default`. */
  get namespace() {
    return this.flags.namespace || readConfig().namespaces[this.clusterName] || "default";
  }
  /** kubectl's `Warning: ...` line on stderr. */
  warn(text) {
    this.io.err(`Warning: ${text}
`);
  }
  /** Settles again after a write so the command returns with the cluster caught up. */
  settle() {
    this.opened?.settle();
  }
};

// src/cli/main.ts
function stdio() {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY: !!process.stdout.isTTY,
    stdin: async () => {
      const chunks = [];
      for await (const c of process.stdin) chunks.push(c);
      return Buffer.concat(chunks).toString("utf8");
    }
  };
}
function findVerbIndex(argv) {
  const withValue = /* @__PURE__ */ new Set(["--cluster", "--context", "--namespace", "-n", "--kubeconfig", "--request-timeout", "-v", "--v"]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith("-")) continue;
    return i;
  }
  return -1;
}
function rootHelp() {
  const lines = ["kubesim controls a simulated Kubernetes cluster with kubectl's commands.", "", " Find more information at: https://kubernetes.io/docs/reference/kubectl/", ""];
  for (const group of GROUPS) {
    const verbs = Object.entries(VERBS).filter(([, v]) => v.group === group);
    if (verbs.length === 0) continue;
    lines.push(group);
    const width = Math.max(...verbs.map(([n]) => n.length)) + 3;
    for (const [name, v] of verbs) lines.push(`  ${name.padEnd(width)}${v.summary}`);
    lines.push("");
  }
  lines.push("Usage:", "  kubesim [flags] [options]", "", 'Use "kubesim <command> --help" for more information about a given command.', "");
  return lines.join("\n");
}
function commandHelp(path, def) {
  const parts = [def.long ?? def.short, ""];
  if (def.examples) parts.push("Examples:", def.examples, "");
  if (def.subcommands) {
    parts.push("Available Commands:");
    for (const name of Object.keys(def.subcommands)) parts.push(`  ${name}`);
    parts.push("");
  }
  const options = formatFlagHelp(def.flags);
  if (options) parts.push("Options:", options);
  parts.push("Usage:", `  kubesim ${def.use}`, "", 'Use "kubesim options" for a list of global command-line options (applies to all commands).', "");
  return parts.join("\n");
}
async function run(argv, io = stdio()) {
  const i = findVerbIndex(argv);
  if (i < 0) {
    io.out(rootHelp());
    return 0;
  }
  let verbName = argv[i];
  const rest = [...argv.slice(0, i), ...argv.slice(i + 1)];
  if (verbName === "help") {
    const target = rest.find((a) => !a.startsWith("-"));
    if (!target) {
      io.out(rootHelp());
      return 0;
    }
    return run([target, "--help"], io);
  }
  const alias = ALIASES[verbName];
  if (alias) {
    io.err(`${alias.warning}
`);
    verbName = alias.verb;
  }
  const verb = VERBS[verbName];
  const path = [verbName];
  if (!verb) {
    io.err(`error: unknown command "${verbName}" for "kubesim"
`);
    const close = Object.keys(VERBS).filter((v) => v.startsWith(verbName.slice(0, 3)));
    if (close.length) io.err(`
Did you mean this?
${close.map((c) => `	${c}`).join("\n")}
`);
    io.err(`Run 'kubesim --help' for usage.
`);
    return 1;
  }
  try {
    let def = (await verb.load()).command;
    let args = rest;
    if (def.subcommands) {
      const j = findVerbIndex(args);
      const sub = j >= 0 ? def.subcommands[args[j]] : void 0;
      if (sub) {
        path.push(args[j]);
        args = [...args.slice(0, j), ...args.slice(j + 1)];
        def = (await sub()).command;
      } else if (j >= 0 && !def.run) {
        throw new UsageError(`unknown command "${args[j]}" for "kubesim ${verbName}"`, true);
      }
    }
    const parsed = parseArgs(args, [...def.flags, ...GLOBAL_FLAGS]);
    if (parsed.flags.help || !def.run) {
      io.out(commandHelp(path, def));
      return 0;
    }
    const ctx = new CommandContext(path, parsed, io);
    const code = await def.run(ctx, parsed);
    return typeof code === "number" ? code : 0;
  } catch (err) {
    return reportError(err, io, path);
  }
}
async function main(argv) {
  const code = await run(argv);
  process.exitCode = code;
}
export {
  main,
  run
};
