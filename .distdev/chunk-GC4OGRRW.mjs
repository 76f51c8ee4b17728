import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/cli/verbs.ts
var GROUPS = [
  "Basic Commands (Beginner):",
  "Basic Commands (Intermediate):",
  "Deploy Commands:",
  "Cluster Management Commands:",
  "Troubleshooting and Debugging Commands:",
  "Advanced Commands:",
  "Settings Commands:",
  "Other Commands:",
  "Simulator Commands:"
];
var VERBS = {
  create: { group: GROUPS[0], summary: "Create a resource from a file or from stdin", load: () => import("./create-WL63ULWP.mjs") },
  get: { group: GROUPS[1], summary: "Display one or many resources", load: () => import("./get-QPO6QUIU.mjs") },
  delete: { group: GROUPS[1], summary: "Delete resources by file names, stdin, resources and names, or by resources and label selector", load: () => import("./delete-BRPSVORP.mjs") },
  describe: { group: GROUPS[4], summary: "Show details of a specific resource or group of resources", load: () => import("./describe-WBZ7JY2F.mjs") },
  logs: { group: GROUPS[4], summary: "Print the logs for a container in a pod", load: () => import("./logs-LOCMQUTW.mjs") },
  apply: { group: GROUPS[5], summary: "Apply a configuration to a resource by file name or stdin", load: () => import("./apply-YETYLMS4.mjs") },
  label: { group: GROUPS[6], summary: "Update the labels on a resource", load: () => import("./label-BIYMOLDZ.mjs") },
  annotate: { group: GROUPS[6], summary: "Update the annotations on a resource", load: () => import("./annotate-IUD7DORQ.mjs") },
  cluster: { group: GROUPS[8], summary: "Create, list, select and delete simulated clusters", load: () => import("./cluster-UKWDT5L2.mjs") },
  clock: { group: GROUPS[8], summary: "Show or advance the cluster's simulated clock", load: () => import("./clock-WXMSWEZ6.mjs") },
  version: { group: GROUPS[7], summary: "Print the client and server version information", load: () => import("./version-25FYM7GG.mjs") },
  "api-resources": { group: GROUPS[7], summary: "Print the supported API resources on the server", load: () => import("./api-resources-SCNU4M3O.mjs") },
  "api-versions": { group: GROUPS[7], summary: 'Print the supported API versions on the server, in the form of "group/version"', load: () => import("./api-versions-VXHBX5T4.mjs") },
  "cluster-info": { group: GROUPS[3], summary: "Display cluster information", load: () => import("./cluster-info-6V5O3K6C.mjs") },
  config: { group: GROUPS[7], summary: "Modify kubeconfig files", load: () => import("./config-CDES6ARJ.mjs") },
  patch: { group: GROUPS[5], summary: "Update fields of a resource", load: () => import("./patch-NVBYNIGT.mjs") },
  replace: { group: GROUPS[5], summary: "Replace a resource by file name or stdin", load: () => import("./replace-VOBFYUT4.mjs") },
  edit: { group: GROUPS[1], summary: "Edit a resource on the server", load: () => import("./edit-YELX3K7D.mjs") },
  completion: { group: GROUPS[6], summary: "Output shell completion code for the specified shell (bash, zsh, fish)", load: () => import("./completion-FGMJXD5V.mjs") },
  __complete: { group: "hidden", summary: "Print completion candidates", load: () => import("./__complete-OL65V4NY.mjs") },
  events: { group: GROUPS[4], summary: "List events", load: () => import("./events-6DRXXNPG.mjs") },
  convert: { group: GROUPS[5], summary: "Convert config files between different API versions", load: () => import("./convert-M2QYUB4E.mjs") },
  curl: { group: GROUPS[8], summary: "Send an HTTP request to a pod or Service inside the simulated network", load: () => import("./curl-OP4YJ36Y.mjs") },
  scale: { group: GROUPS[2], summary: "Set a new size for a deployment, replica set, or replication controller", load: () => import("./scale-GAPZNSHS.mjs") },
  set: { group: GROUPS[1], summary: "Set specific features on objects", load: () => import("./set-KN6XYVOL.mjs") },
  rollout: { group: GROUPS[2], summary: "Manage the rollout of a resource", load: () => import("./rollout-PQSSTAQQ.mjs") },
  wait: { group: GROUPS[5], summary: "Experimental: Wait for a specific condition on one or many resources", load: () => import("./wait-ZGWTOA3D.mjs") },
  daemon: { group: GROUPS[8], summary: "Start, stop or inspect the background process that keeps a cluster ticking", load: () => import("./daemon-MZCNQAJ5.mjs") }
};
var ALIASES = {
  log: { verb: "logs", warning: "log is DEPRECATED and will be removed in a future version. Use logs instead." }
};

export {
  GROUPS,
  VERBS,
  ALIASES
};
