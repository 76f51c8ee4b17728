import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  writeDocs
} from "./chunk-4PCKHPMC.mjs";
import {
  toKubectlJson,
  toKubectlYaml
} from "./chunk-OUAFUQHJ.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/create/batch-write.ts
var GENERATOR_FLAGS = [
  { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", help: 'Must be "none", "server", or "client".' },
  { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (json, yaml, name)." },
  { name: "save-config", type: "bool", default: false, help: "If true, the configuration of current object will be saved in its annotation." },
  { name: "validate", type: "string", default: "strict", noOptDefault: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)." },
  { name: "field-manager", type: "string", default: "kubectl-create", help: "Name of the manager used to track field ownership." }
];
function dryRunMode(value) {
  if (value === "unchanged") return "client";
  if (value === "none" || value === "client" || value === "server") return value;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}
function writeQuietly(ctx, obj, dryRun) {
  const out = ctx.io.out;
  ctx.io.out = () => {
  };
  try {
    return writeDocs(ctx, [{ doc: obj, source: "" }], { mode: "create", dryRun });
  } finally {
    ctx.io.out = out;
  }
}
function writeGenerated(ctx, obj, kindLabel) {
  const dryRun = dryRunMode(ctx.flags["dry-run"]);
  const output = ctx.flags.output;
  if (!["", "yaml", "json", "name"].includes(output)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  }
  if (ctx.flags.namespace && dryRun !== "client") obj.metadata.namespace = ctx.flags.namespace;
  if (dryRun === "client" || output === "yaml" || output === "json") {
    if (dryRun !== "client") {
      const code = writeQuietly(ctx, structuredClone(obj), dryRun);
      if (code !== 0) return code;
    }
    if (output === "yaml") ctx.io.out(toKubectlYaml(obj).replace(/\n?$/, "\n"));
    else if (output === "json") ctx.io.out(toKubectlJson(obj));
    else if (output === "name") ctx.io.out(`${kindLabel}/${obj.metadata.name}
`);
    else ctx.io.out(`${kindLabel}/${obj.metadata.name} created (dry run)
`);
    return 0;
  }
  if (output === "name") {
    const code = writeQuietly(ctx, obj, dryRun);
    if (code === 0) ctx.io.out(`${kindLabel}/${obj.metadata.name}
`);
    return code;
  }
  return writeDocs(ctx, [{ doc: obj, source: "" }], { mode: "create", dryRun });
}

// src/commands/create/batch-generators.ts
function generateJob(name, image, command) {
  const container = { name, image, resources: {} };
  if (command.length > 0) container.command = command;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, creationTimestamp: null },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: "Never" } } },
    status: {}
  };
}
function generateCronJob(name, image, schedule, command, restartPolicy = "OnFailure") {
  const container = { name, image, resources: {} };
  if (command.length > 0) container.command = command;
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, creationTimestamp: null },
    spec: {
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } } }
      },
      schedule
    },
    status: {}
  };
}
function generateJobFromCronJob(name, cj) {
  const template = cj.spec?.jobTemplate ?? {};
  const annotations = { "cronjob.kubernetes.io/instantiate": "manual", ...template.metadata?.annotations ?? {} };
  const metadata = {
    name,
    creationTimestamp: null,
    annotations,
    ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: cj.metadata.name, uid: cj.metadata.uid, controller: true }]
  };
  if (template.metadata?.labels) metadata.labels = { ...template.metadata.labels };
  return { apiVersion: "batch/v1", kind: "Job", metadata, spec: structuredClone(template.spec ?? {}), status: {} };
}

export {
  GENERATOR_FLAGS,
  writeGenerated,
  generateJob,
  generateCronJob,
  generateJobFromCronJob
};
