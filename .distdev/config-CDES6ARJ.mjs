import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  clusterExists,
  listClusterNames,
  readConfig,
  writeConfig
} from "./chunk-MJMZ3C2B.mjs";
import {
  formatTable
} from "./chunk-QGLCBEXV.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/config/index.ts
var getContexts = {
  use: "config get-contexts [(-o|--output=)name)]",
  short: "Describe one or many contexts.",
  flags: [
    { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (name)." },
    { name: "no-headers", type: "bool", default: false, help: "When using the default or custom-column output format, don't print headers." }
  ],
  run(ctx, parsed) {
    const config = readConfig();
    let names = listClusterNames();
    if (!names.includes("default")) names = ["default", ...names];
    if (parsed.args.length) {
      for (const n of parsed.args) if (!names.includes(n)) throw new UsageError(`context ${n} not found`);
      names = names.filter((n) => parsed.args.includes(n));
    }
    if (ctx.flags.output === "name") {
      ctx.io.out(names.map((n) => n + "\n").join(""));
      return;
    }
    const rows = names.map((n) => [n === config.currentCluster ? "*" : "", n, n, n, config.namespaces[n] ?? ""]);
    ctx.io.out(formatTable(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"], rows, { noHeaders: ctx.flags["no-headers"] }));
  }
};
var currentContext = {
  use: "config current-context",
  short: "Display the current-context.",
  flags: [],
  run(ctx) {
    ctx.io.out(`${readConfig().currentCluster}
`);
  }
};
var useContext = {
  use: "config use-context CONTEXT_NAME",
  short: "Set the current-context in a kubeconfig file.",
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError("Unexpected args: []", true);
    if (!clusterExists(name) && name !== "default") throw new UsageError(`no context exists with the name: "${name}"`);
    const config = readConfig();
    config.currentCluster = name;
    writeConfig(config);
    ctx.io.out(`Switched to context "${name}".
`);
  }
};
var setContext = {
  use: "config set-context [NAME | --current] [--namespace=namespace]",
  short: "Set a context entry in kubeconfig.",
  flags: [{ name: "current", type: "bool", default: false, help: "Modify the current context." }],
  run(ctx, parsed) {
    const config = readConfig();
    const name = ctx.flags.current ? config.currentCluster : parsed.args[0];
    if (!name) throw new UsageError("you must specify a non-empty context name or --current", true);
    if (!clusterExists(name) && name !== "default") throw new UsageError(`no context exists with the name: "${name}"; create it with 'kubesim cluster create ${name}'`);
    const existed = name in config.namespaces;
    if (ctx.flags.namespace) config.namespaces[name] = ctx.flags.namespace;
    writeConfig(config);
    ctx.io.out(`Context "${name}" ${existed || ctx.flags.current ? "modified" : "modified"}.
`);
  }
};
var command = {
  use: "config SUBCOMMAND",
  short: "Modify kubeconfig files.",
  flags: [],
  subcommands: {
    "get-contexts": async () => ({ command: getContexts }),
    "current-context": async () => ({ command: currentContext }),
    "use-context": async () => ({ command: useContext }),
    use: async () => ({ command: useContext }),
    "set-context": async () => ({ command: setContext })
  }
};
export {
  command
};
