import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/rollout/index.ts
var command = {
  use: "rollout SUBCOMMAND",
  short: "Manage the rollout of a resource.",
  long: "Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets",
  flags: [],
  subcommands: {
    history: () => import("./history-5MP4EPMS.mjs"),
    pause: () => import("./pause-DHKAERBY.mjs"),
    restart: () => import("./restart-BUNWT6JC.mjs"),
    resume: () => import("./resume-WBVDBL6I.mjs"),
    status: () => import("./status-IOJOPYLB.mjs"),
    undo: () => import("./undo-ICX5O4HA.mjs")
  }
};
export {
  command
};
