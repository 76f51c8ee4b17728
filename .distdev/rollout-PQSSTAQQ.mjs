import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/rollout/index.ts
var command = {
  use: "rollout SUBCOMMAND",
  short: "Manage the rollout of a resource.",
  long: "Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets",
  flags: [],
  subcommands: {
    history: () => import("./history-IJ3UE4YP.mjs"),
    pause: () => import("./pause-TP5S3DXA.mjs"),
    restart: () => import("./restart-J6JMXDW7.mjs"),
    resume: () => import("./resume-7ALR5JL2.mjs"),
    status: () => import("./status-2O7IW5TH.mjs"),
    undo: () => import("./undo-QCKMVIDP.mjs")
  }
};
export {
  command
};
