import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  DescribeWriter,
  describePod,
  eventsFor,
  rfc1123z,
  writeEvents,
  writeMap,
  writePodTemplate
} from "./chunk-6IGW6BS7.mjs";
import {
  cpuMillis,
  parseQuantity
} from "./chunk-OVYCYR4N.mjs";
import {
  equalIgnoreHash
} from "./chunk-HU757UHR.mjs";
import {
  fetchTargets,
  translateTimestampSince
} from "./chunk-25GV3KET.mjs";
import "./chunk-5ZUNRU74.mjs";
import {
  parseTargets
} from "./chunk-SS4MT4K6.mjs";
import "./chunk-DGKIULUN.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import {
  formatLabelSelector,
  formatLabels
} from "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/printers/describe/node.ts
function describeNode(node, ctx) {
  const w = new DescribeWriter();
  const roles = Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith("node-role.kubernetes.io/")).map((k) => k.slice("node-role.kubernetes.io/".length));
  w.line(0, "Name", node.metadata.name);
  w.line(0, "Roles", roles.length ? roles.sort().join(",") : "<none>");
  writeMap(w, 0, "Labels", node.metadata.labels);
  writeMap(w, 0, "Annotations", node.metadata.annotations);
  w.line(0, "CreationTimestamp", rfc1123z(node.metadata.creationTimestamp));
  const taints = node.spec?.taints ?? [];
  if (taints.length === 0) w.line(0, "Taints", "<none>");
  else taints.forEach((t, i) => i === 0 ? w.line(0, "Taints", `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`) : w.write(0, `	${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}
`));
  w.line(0, "Unschedulable", node.spec?.unschedulable ? "true" : "false");
  w.write(0, "Conditions:\n");
  w.write(1, "Type	Status	LastHeartbeatTime	LastTransitionTime	Reason	Message\n");
  w.write(1, "----	------	-----------------	------------------	------	-------\n");
  for (const c of node.status?.conditions ?? []) {
    w.write(1, `${c.type} 	${c.status} 	${rfc1123z(c.lastHeartbeatTime)} 	${rfc1123z(c.lastTransitionTime)} 	${c.reason} 	${c.message}
`);
  }
  w.write(0, "Addresses:\n");
  for (const a of node.status?.addresses ?? []) w.line(1, a.type, a.address);
  for (const [key, field] of [
    ["Capacity", "capacity"],
    ["Allocatable", "allocatable"]
  ]) {
    w.write(0, `${key}:
`);
    const m = node.status?.[field] ?? {};
    for (const k of Object.keys(m).sort()) w.line(1, k, m[k]);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write(0, "System Info:\n");
  w.line(1, "Machine ID", info.machineID ?? "");
  w.line(1, "System UUID", info.systemUUID ?? "");
  w.line(1, "Boot ID", info.bootID ?? "");
  w.line(1, "Kernel Version", info.kernelVersion ?? "");
  w.line(1, "OS Image", info.osImage ?? "");
  w.line(1, "Operating System", info.operatingSystem ?? "");
  w.line(1, "Architecture", info.architecture ?? "");
  w.line(1, "Container Runtime Version", info.containerRuntimeVersion ?? "");
  w.line(1, "Kubelet Version", info.kubeletVersion ?? "");
  w.line(1, "Kube-Proxy Version", info.kubeProxyVersion ?? "");
  if (node.spec?.podCIDR) w.line(0, "PodCIDR", node.spec.podCIDR);
  if (node.spec?.podCIDRs) w.line(0, "PodCIDRs", node.spec.podCIDRs.join(","));
  const pods = ctx.list("pods").filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
  w.line(0, "Non-terminated Pods", `(${pods.length} in total)`);
  w.write(1, "Namespace	Name	CPU Requests	CPU Limits	Memory Requests	Memory Limits	Age\n");
  w.write(1, "---------	----	------------	----------	---------------	-------------	---\n");
  const alloc = node.status?.allocatable ?? {};
  const allocCpu = cpuMillis(alloc.cpu) || 1;
  const allocMem = parseQuantity(alloc.memory) || 1;
  let totalCpu = 0;
  let totalMem = 0;
  for (const p of pods) {
    let cpu = 0;
    let mem = 0;
    for (const c of p.spec?.containers ?? []) {
      cpu += cpuMillis(c.resources?.requests?.cpu);
      const m = parseQuantity(c.resources?.requests?.memory);
      if (!Number.isNaN(m)) mem += m;
    }
    totalCpu += cpu;
    totalMem += mem;
    const pct = (v, of) => `${Math.floor(v * 100 / of)}%`;
    w.write(1, `${p.metadata.namespace}	${p.metadata.name}	${cpu ? `${cpu}m` : "0"} (${pct(cpu, allocCpu)})	0 (0%)	${mem ? String(mem) : "0"} (${pct(mem, allocMem)})	0 (0%)	${translateTimestampSince(p.metadata.creationTimestamp, ctx.now)}
`);
  }
  w.write(0, "Allocated resources:\n");
  w.write(1, "(Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource	Requests	Limits\n");
  w.write(1, "--------	--------	------\n");
  w.write(1, `cpu	${totalCpu ? `${totalCpu}m` : "0"} (${Math.floor(totalCpu * 100 / allocCpu)}%)	0 (0%)
`);
  w.write(1, `memory	${totalMem} (${Math.floor(totalMem * 100 / allocMem)}%)	0 (0%)
`);
  writeEvents(w, ctx.events(node), ctx.now, ctx.version);
  return w.text();
}

// src/printers/describe/workloads.ts
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function controllerOf(obj) {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
function podCounts(owner, ctx) {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of ctx.list("pods", owner.metadata.namespace)) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase ?? "Pending";
    if (phase === "Running") running++;
    else if (phase === "Pending") waiting++;
    else if (phase === "Succeeded") succeeded++;
    else if (phase === "Failed") failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}
function writeConditions(w, conditions) {
  if (!conditions || conditions.length === 0) return;
  w.write(0, "Conditions:\n  Type	Status	Reason\n");
  w.write(1, "----	------	------\n");
  for (const c of conditions) w.write(1, `${c.type} 	${c.status}	${c.reason ?? ""}
`);
}
function describeReplicaOwner(obj, ctx, selector) {
  const w = new DescribeWriter();
  w.line(0, "Name", obj.metadata.name);
  w.line(0, "Namespace", obj.metadata.namespace ?? "default");
  w.line(0, "Selector", selector);
  writeMap(w, 0, "Labels", obj.metadata.labels);
  writeMap(w, 0, "Annotations", obj.metadata.annotations, [LAST_APPLIED]);
  const owner = controllerOf(obj);
  if (owner && obj.kind === "ReplicaSet") w.line(0, "Controlled By", `${owner.kind}/${owner.name}`);
  w.line(0, "Replicas", `${obj.status?.replicas ?? 0} current / ${obj.spec?.replicas ?? 0} desired`);
  w.line(0, "Pods Status", podCounts(obj, ctx));
  writePodTemplate(w, obj.spec?.template, ctx.version);
  writeConditions(w, obj.status?.conditions);
  writeEvents(w, ctx.events(obj), ctx.now, ctx.version);
  return w.text();
}
function describeReplicaSet(rs, ctx) {
  return describeReplicaOwner(rs, ctx, formatLabelSelector(rs.spec?.selector));
}
function describeReplicationController(rc, ctx) {
  return describeReplicaOwner(rc, ctx, formatLabels(rc.spec?.selector));
}
function rsSummary(rss) {
  if (rss.length === 0) return "<none>";
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
}
function describeDeployment(d, ctx) {
  const w = new DescribeWriter();
  w.line(0, "Name", d.metadata.name);
  w.line(0, "Namespace", d.metadata.namespace ?? "default");
  w.line(0, "CreationTimestamp", rfc1123z(d.metadata.creationTimestamp));
  writeMap(w, 0, "Labels", d.metadata.labels);
  writeMap(w, 0, "Annotations", d.metadata.annotations, [LAST_APPLIED]);
  w.line(0, "Selector", formatLabelSelector(d.spec?.selector));
  const s = d.status ?? {};
  w.line(0, "Replicas", `${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`);
  w.line(0, "StrategyType", d.spec?.strategy?.type ?? "RollingUpdate");
  w.line(0, "MinReadySeconds", d.spec?.minReadySeconds ?? 0);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.line(0, "RollingUpdateStrategy", `${ru.maxUnavailable ?? "25%"} max unavailable, ${ru.maxSurge ?? "25%"} max surge`);
  writePodTemplate(w, d.spec?.template, ctx.version);
  writeConditions(w, s.conditions);
  const owned = ctx.list("replicasets", d.metadata.namespace).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
  const sorted = owned.sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = sorted.filter((rs) => rs !== newRS);
  if (owned.length > 0) {
    w.line(0, "OldReplicaSets", rsSummary(oldRSs));
    w.line(0, "NewReplicaSet", rsSummary(newRS ? [newRS] : []));
  }
  writeEvents(w, ctx.events(d), ctx.now, ctx.version);
  return w.text();
}

// src/printers/describe/index.ts
var DESCRIBERS = {
  pods: describePod,
  nodes: describeNode,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  replicationcontrollers: describeReplicationController
};
function writeValue(w, level, key, value) {
  if (value === null || value === void 0) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    w.write(level, `${key}:
`);
    for (const item of value) {
      if (item && typeof item === "object") {
        for (const [k, v] of Object.entries(item)) writeValue(w, level + 1, k, v);
      } else w.write(level + 1, `${String(item)}
`);
    }
    return;
  }
  if (typeof value === "object") {
    w.write(level, `${key}:
`);
    for (const [k, v] of Object.entries(value)) writeValue(w, level + 1, k, v);
    return;
  }
  w.line(level, key, String(value));
}
function describeGeneric(obj, ctx) {
  const w = new DescribeWriter();
  w.line(0, "Name", obj.metadata.name);
  if (obj.metadata.namespace) w.line(0, "Namespace", obj.metadata.namespace);
  writeMap(w, 0, "Labels", obj.metadata.labels);
  writeMap(w, 0, "Annotations", obj.metadata.annotations);
  w.line(0, "API Version", obj.apiVersion);
  w.line(0, "Kind", obj.kind);
  if (obj.metadata.creationTimestamp) w.line(0, "Creation Timestamp", rfc1123z(obj.metadata.creationTimestamp));
  for (const [k, v] of Object.entries(obj)) {
    if (k === "apiVersion" || k === "kind" || k === "metadata" || k === "_sim") continue;
    writeValue(w, 0, k.charAt(0).toUpperCase() + k.slice(1), v);
  }
  writeEvents(w, ctx.events(obj), ctx.now, ctx.version);
  return w.text();
}
function describeObject(resource, obj, ctx) {
  return (DESCRIBERS[resource] ?? describeGeneric)(obj, ctx);
}

// src/commands/describe/index.ts
var command = {
  use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  short: "Show details of a specific resource or group of resources.",
  examples: "  # Describe a node\n  kubesim describe nodes k8s-node01\n\n  # Describe a pod\n  kubesim describe pods/nginx",
  flags: [
    { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." },
    { name: "all-namespaces", short: "A", type: "bool", default: false, help: "If present, list the requested object(s) across all namespaces." },
    { name: "show-events", type: "bool", default: true, help: "If true, display events related to the described object." },
    { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files containing the resource to describe" }
  ],
  run(ctx, parsed) {
    if (parsed.args.length === 0) throw new UsageError('You must specify the type of resource to describe. Use "kubesim api-resources" for a complete list of supported resources.');
    const targets = parseTargets(parsed.args);
    const cluster = ctx.cluster();
    const ns = ctx.namespace;
    const prefixTargets = targets.map((t) => ({ ...t, names: [] }));
    const all = fetchTargets(cluster, prefixTargets, { namespace: ns, allNamespaces: ctx.flags["all-namespaces"], selector: ctx.flags.selector });
    let events;
    const dctx = {
      now: cluster.simNow,
      version: cluster.settings.version,
      events: (o) => {
        if (!ctx.flags["show-events"]) return [];
        events ??= cluster.store.list("events");
        return eventsFor(events, o);
      },
      list: (resource, namespace) => cluster.store.list(resource, namespace)
    };
    const parts = [];
    let code = 0;
    targets.forEach((t, i) => {
      const objs = all.groups[i].objects;
      if (t.names.length === 0) {
        for (const o of objs) parts.push(describeObject(t.info.resource, o, dctx));
        if (objs.length === 0) ctx.io.err(`No resources found in ${ns} namespace.
`);
        return;
      }
      for (const name of t.names) {
        const exact = objs.find((o) => o.metadata.name === name);
        const matched = exact ? [exact] : objs.filter((o) => o.metadata.name.startsWith(name));
        if (matched.length === 0) {
          const r = fetchTargets(cluster, [{ ...t, names: [name] }], { namespace: ns, allNamespaces: false });
          for (const e of r.errors) code = reportError(e, ctx.io, ctx.path);
          continue;
        }
        for (const o of matched) parts.push(describeObject(t.info.resource, o, dctx));
      }
    });
    ctx.io.out(parts.join("\n\n\n"));
    return code;
  }
};
export {
  command
};
