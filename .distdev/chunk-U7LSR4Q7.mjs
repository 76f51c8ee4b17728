import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  errorName,
  resolveObjects
} from "./chunk-FN4A3ZEF.mjs";
import {
  isoTime
} from "./chunk-BCHHFCIZ.mjs";
import {
  DescribeWriter,
  tabwrite,
  writePodTemplate
} from "./chunk-6IGW6BS7.mjs";
import {
  POD_TEMPLATE_HASH_LABEL,
  SKIPPED_ANNOTATIONS,
  TIMED_OUT_REASON,
  conditionOf,
  equalIgnoreHash,
  revisionOf
} from "./chunk-HU757UHR.mjs";
import {
  CHANGE_CAUSE
} from "./chunk-7SA2M2QX.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/rollout/registry.ts
var ROLLOUT_KINDS = {};
function registerRolloutKind(resource, kind) {
  ROLLOUT_KINDS[resource] = kind;
}

// src/commands/rollout/deployment.ts
function ownedReplicaSets(cluster, d) {
  return cluster.store.list("replicasets", d.metadata.namespace, { owner: d.metadata.uid }).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}
function templateText(template, version) {
  const w = new DescribeWriter();
  writePodTemplate(w, template, version);
  return w.text();
}
function status(d, revision) {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d);
    if (revision !== current) throw new Error(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: "Waiting for deployment spec update to be observed...\n", done: false };
  if (conditionOf(s, "Progressing")?.reason === TIMED_OUT_REASON) throw new Error(`deployment "${name}" exceeded its progress deadline`);
  const replicas = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const waiting = (text) => ({ message: `Waiting for deployment "${name}" rollout to finish: ${text}
`, done: false });
  if (updated < replicas) return waiting(`${updated} out of ${replicas} new replicas have been updated...`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available...`);
  return { message: `deployment "${name}" successfully rolled out
`, done: true };
}
function history(cluster, d, revision) {
  const byRevision = /* @__PURE__ */ new Map();
  for (const rs of ownedReplicaSets(cluster, d)) {
    const v = revisionOf(rs);
    if (v > 0) byRevision.set(v, rs);
  }
  if (byRevision.size === 0) return "No rollout history found.";
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new Error("unable to find the specified revision");
    const template = structuredClone(rs.spec.template);
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (cause) template.metadata = { ...template.metadata ?? {}, annotations: { ...template.metadata?.annotations ?? {}, [CHANGE_CAUSE]: cause } };
    return templateText(template, cluster.settings.version);
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((v) => `${v}	${byRevision.get(v).metadata.annotations?.[CHANGE_CAUSE] || "<none>"}
`);
  return tabwrite(`REVISION	CHANGE-CAUSE
${rows.join("")}`, { padding: 2 });
}
function findRevision(cluster, d, toRevision) {
  let latest;
  let previous;
  for (const rs of ownedReplicaSets(cluster, d)) {
    const v = revisionOf(rs);
    if (v <= 0) continue;
    if (toRevision > 0) {
      if (v === toRevision) return rs;
      continue;
    }
    if (!latest || revisionOf(latest) < v) {
      previous = latest;
      latest = rs;
    } else if (!previous || revisionOf(previous) < v) previous = rs;
  }
  if (toRevision > 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new Error(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}
function rollback(cluster, d, toRevision, dryRun) {
  if (toRevision < 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  const rs = findRevision(cluster, d, toRevision);
  if (dryRun) return templateText(rs.spec.template, cluster.settings.version);
  if (d.spec?.paused) throw new Error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = structuredClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations = {};
  for (const k of SKIPPED_ANNOTATIONS) {
    const v = d.metadata.annotations?.[k];
    if (v !== void 0) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  d.spec.template = template;
  d.metadata.annotations = annotations;
  cluster.store.update("deployments", d);
  return "rolled back";
}
var deploymentRollout = {
  status,
  history,
  rollback,
  pause(d) {
    if (d.spec?.paused) throw new Error("is already paused");
    return { ...d, spec: { ...d.spec, paused: true } };
  },
  resume(d) {
    if (!d.spec?.paused) throw new Error("is not paused");
    const spec = { ...d.spec };
    delete spec.paused;
    return { ...d, spec };
  },
  restart(d, now) {
    if (d.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    const copy = structuredClone(d);
    copy.spec.template.metadata ??= {};
    copy.spec.template.metadata.annotations = { ...copy.spec.template.metadata.annotations ?? {}, "kubectl.kubernetes.io/restartedAt": isoTime(now) };
    return copy;
  }
};
registerRolloutKind("deployments", deploymentRollout);

// src/commands/rollout/common.ts
var RESOURCE_FLAGS = [
  { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files identifying the resource to get from a server." },
  { name: "recursive", short: "R", type: "bool", default: false, help: "Process the directory used in -f, --filename recursively." },
  { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." }
];
async function rolloutTargets(ctx, parsed) {
  const flags = ctx.flags;
  if (parsed.args.length === 0 && flags.filename.length === 0) throw new UsageError("required resource not specified", true);
  return resolveObjects(ctx, parsed.args, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: !!flags.selector });
}
function supportFor(item, what, verbing) {
  const impl = ROLLOUT_KINDS[item.info.resource]?.[what];
  if (!impl) throw new Error(`${errorName(item)} ${verbing} is not supported`);
  return impl;
}

export {
  RESOURCE_FLAGS,
  rolloutTargets,
  supportFor
};
