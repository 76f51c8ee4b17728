import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/cluster-info/index.ts
var command = {
  use: "cluster-info",
  short: "Display cluster information.",
  flags: [],
  run(ctx) {
    const cluster = ctx.cluster();
    const colour = ctx.io.isTTY && !process.env.NO_COLOR;
    const g = (s) => colour ? `\x1B[0;32m${s}\x1B[0m` : s;
    const y = (s) => colour ? `\x1B[0;33m${s}\x1B[0m` : s;
    ctx.io.out(`${g("Kubernetes control plane")} is running at ${y(`kubesim://${cluster.name}`)}

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
`);
  }
};
export {
  command
};
