import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  displayName,
  resolveObjects
} from "./chunk-FN4A3ZEF.mjs";
import {
  CHANGE_CAUSE,
  changeCause
} from "./chunk-7SA2M2QX.mjs";
import "./chunk-OULENHR4.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-25GV3KET.mjs";
import "./chunk-5ZUNRU74.mjs";
import "./chunk-SS4MT4K6.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-DGKIULUN.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/set/pod-template.ts
function podSpecOf(resource, obj) {
  switch (resource) {
    case "pods":
      return obj.spec;
    case "cronjobs":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case "deployments":
    case "replicasets":
    case "replicationcontrollers":
    case "daemonsets":
    case "statefulsets":
    case "jobs":
      return obj.spec?.template?.spec;
    default:
      return void 0;
  }
}

// src/commands/set/image.ts
function setImage(containers, name, image) {
  let found = false;
  for (const c of containers ?? []) {
    if (name === "*" || c.name === name) {
      c.image = image;
      found = true;
    }
  }
  return found;
}
function splitArgs(args) {
  const resources = [];
  const images = [];
  for (const a of args) {
    const i = a.indexOf("=");
    if (i > 0) images.push([a.slice(0, i), a.slice(i + 1)]);
    else resources.push(a);
  }
  return { resources, images };
}
var command = {
  use: "set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  short: "Update the image of a pod template.",
  examples: "  # Set a deployment's nginx container image to 'nginx:1.9.1'\n  kubesim set image deployment/nginx nginx=nginx:1.9.1\n\n  # Update image of all containers of deployment frontend to 'nginx:1.9.1'\n  kubesim set image deployment frontend *=nginx:1.9.1",
  flags: [
    { name: "all", type: "bool", default: false, help: "Select all resources, in the namespace of the specified resource types" },
    { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." },
    { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "recursive", short: "R", type: "bool", default: false, help: "Process the directory used in -f, --filename recursively." },
    { name: "record", type: "bool", default: false, help: "Record current kubectl command in the resource annotation." },
    { name: "local", type: "bool", default: false, help: "If true, set image will NOT contact api-server but run locally." },
    { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", help: 'Must be "none", "server", or "client".' },
    { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (name)." }
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    const { resources, images } = splitArgs(parsed.args);
    const problems = [];
    if (flags.all && flags.selector) problems.push("cannot set --all and --selector at the same time");
    if (resources.length === 0 && flags.filename.length === 0) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (images.length === 0) problems.push("at least one image update is required");
    if (images.some(([n]) => n === "*") && images.length > 1) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
    if (problems.length === 1) throw new UsageError(problems[0], true);
    if (problems.length > 1) throw new UsageError(`[${problems.join(", ")}]`, true);
    const { items, errors } = await resolveObjects(ctx, resources, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: flags.all });
    const store = ctx.cluster().store;
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const dryRun = flags["dry-run"] === "client" || flags["dry-run"] === "server" || flags.local;
    for (const item of items) {
      try {
        const obj = item.obj;
        const spec = podSpecOf(item.info.resource, obj);
        if (!spec) throw new Error(`${displayName(item)} has no pod template, so its image cannot be set`);
        const before = JSON.stringify(obj);
        for (const [name, image] of images) {
          const inInit = setImage(spec.initContainers, name, image);
          const found = setImage(spec.containers, name, image) || inInit;
          if (!found) code = reportError(new Error(`unable to find container named "${name}"`), ctx.io, ctx.path);
        }
        if (flags.record) obj.metadata.annotations = { ...obj.metadata.annotations ?? {}, [CHANGE_CAUSE]: changeCause(ctx.path, parsed) };
        if (JSON.stringify(obj) === before) continue;
        if (!dryRun) store.update(item.info.resource, obj);
        const suffix = flags["dry-run"] === "client" ? " (dry run)" : flags["dry-run"] === "server" ? " (server dry run)" : "";
        ctx.io.out(flags.output === "name" ? `${displayName(item)}
` : `${displayName(item)} image updated${suffix}
`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  }
};
export {
  command
};
