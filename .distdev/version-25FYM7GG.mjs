import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  kubeletVersion
} from "./chunk-HD4RLGLX.mjs";
import {
  toKubectlJson,
  toKubectlYaml
} from "./chunk-OUAFUQHJ.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/version/index.ts
var CLIENT = { major: "1", minor: "32", gitVersion: "v1.32.4", platform: "linux/amd64" };
var command = {
  use: "version",
  short: "Print the client and server version information.",
  flags: [
    { name: "client", type: "bool", default: false, help: "If true, shows client version only (no server required)." },
    { name: "output", short: "o", type: "string", default: "", help: "One of 'yaml' or 'json'." }
  ],
  run(ctx) {
    const client = { ...CLIENT, goVersion: "go1.23.8", compiler: "gc", gitTreeState: "clean" };
    let server;
    if (!ctx.flags.client) {
      const s = ctx.cluster().settings;
      const v = kubeletVersion(s);
      server = { major: "1", minor: String(s.version % 100), gitVersion: v, platform: "linux/amd64", goVersion: "go1.23.8", compiler: "gc", gitTreeState: "clean" };
    }
    const out = ctx.flags.output;
    if (out === "yaml" || out === "json") {
      const value = { clientVersion: client };
      if (server) value.serverVersion = server;
      ctx.io.out(out === "yaml" ? toKubectlYaml(value) : toKubectlJson(value));
      return;
    }
    if (out) throw new UsageError(`--output must be 'yaml' or 'json'`);
    ctx.io.out(`Client Version: ${client.gitVersion}
Kustomize Version: v5.5.0
`);
    if (server) ctx.io.out(`Server Version: ${server.gitVersion}
`);
  }
};
export {
  command
};
