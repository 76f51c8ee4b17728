import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  humanDuration,
  translateTimestampSince
} from "./chunk-72ZWYUBZ.mjs";
import {
  formatTable
} from "./chunk-QGLCBEXV.mjs";
import {
  GoFloat,
  formatGoFloat,
  plainValue,
  toGoJsonCompact,
  toKubectlJson,
  toKubectlYaml,
  wrapNumbersAsFloat
} from "./chunk-OUAFUQHJ.mjs";
import {
  formatLabelSelector,
  formatLabels
} from "./chunk-5SB2OD6E.mjs";
import {
  kindString,
  outputGroup
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/printers/pod-status.ts
function podCells(pod, now, version) {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || "Pending";
  const containers = pod.spec?.containers ?? [];
  const statuses = status.containerStatuses ?? [];
  let restarts = 0;
  let readyCount = 0;
  let lastRestart = 0;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  const initCount = (pod.spec?.initContainers ?? []).length;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const lt = c.lastState?.terminated?.finishedAt;
      if (lt) lastRestart = Math.max(lastRestart, Date.parse(lt));
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w?.reason) reason = w.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      const readyCond = (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
      reason = readyCond ? "Running" : "NotReady";
    }
  }
  if (pod.metadata.deletionTimestamp) {
    if (status.reason === "NodeLost") reason = "Unknown";
    else if (status.phase !== "Succeeded" && status.phase !== "Failed") reason = "Terminating";
  }
  let restartText = String(restarts);
  if (restarts > 0 && lastRestart > 0 && version >= 124) restartText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyCount}/${containers.length}`, status: reason, restarts: restartText };
}

// src/printers/columns.ts
var age = (o, pc) => translateTimestampSince(o.metadata.creationTimestamp, pc.now);
var none = (s) => s === void 0 || s === null || s === "" ? "<none>" : s;
function containersAndImages(spec) {
  const cs = spec?.template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(","), cs.map((c) => c.image).join(",")];
}
function workloadWide(o) {
  const [names, images] = containersAndImages(o.spec);
  return [names, images, formatLabelSelector(o.spec?.selector)];
}
function mapSelector(sel) {
  const keys = Object.keys(sel ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${sel[k]}`).join(",") : "<none>";
}
function nodeRoles(node) {
  const roles = /* @__PURE__ */ new Set();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) roles.add(k.slice("node-role.kubernetes.io/".length));
    else if (k === "kubernetes.io/role") roles.add(v);
  }
  return roles.size ? [...roles].sort().join(",") : "<none>";
}
function nodeStatus(node) {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  let s = !ready ? "Unknown" : ready.status === "True" ? "Ready" : "NotReady";
  if (node.spec?.unschedulable) s += ",SchedulingDisabled";
  return s;
}
function servicePorts(svc) {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return "<none>";
  return ports.map((p) => p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`).join(",");
}
function externalIP(svc) {
  const t = svc.spec?.type ?? "ClusterIP";
  const ext = svc.spec?.externalIPs ?? [];
  if (t === "ExternalName") return svc.spec?.externalName ?? "<none>";
  if (t === "LoadBalancer") {
    const ing = svc.status?.loadBalancer?.ingress ?? [];
    const all = [...ing.map((i) => i.ip ?? i.hostname), ...ext];
    return all.length ? all.join(",") : "<pending>";
  }
  return ext.length ? ext.join(",") : "<none>";
}
function jobCompletions(job) {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== void 0 && job.spec?.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 1;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}
function jobDuration(job, pc) {
  const start = job.status?.startTime;
  if (!start) return "";
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : pc.now;
  return humanDuration(end - Date.parse(start));
}
function jobStatus(job) {
  const has = (type) => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
  if (has("Complete")) return "Complete";
  if (has("Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (has("Suspended")) return "Suspended";
  if (has("FailureTarget")) return "FailureTarget";
  return "Running";
}
function hpaTargets(hpa, version) {
  const specs = hpa.spec?.metrics ?? [];
  const current = hpa.status?.currentMetrics ?? [];
  if (specs.length === 0) return "<none>";
  const cells = specs.map((m, i) => {
    if (m.type === "Resource") {
      const name = m.resource?.name;
      const target = m.resource?.target ?? {};
      const cur = current[i]?.resource?.current ?? current.find((c2) => c2.resource?.name === name)?.resource?.current;
      const prefix = version >= 127 ? `${name}: ` : "";
      if (target.type === "Utilization") {
        const c2 = cur?.averageUtilization !== void 0 ? `${cur.averageUtilization}%` : "<unknown>";
        return `${prefix}${c2}/${target.averageUtilization}%`;
      }
      const c = cur?.averageValue ?? "<unknown>";
      return `${prefix}${c}/${target.averageValue ?? target.value}`;
    }
    return `<unknown>/${m.pods?.target?.averageValue ?? m.object?.target?.value ?? m.external?.target?.value ?? "?"}`;
  });
  if (cells.length > 2) return `${cells.slice(0, 2).join(", ")} + ${cells.length - 2} more...`;
  return cells.join(", ");
}
var TABLES = {
  pods: {
    header: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
    wide: ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
    row: (o, pc) => {
      const c = podCells(o, pc.now, pc.version);
      return [o.metadata.name, c.ready, c.status, c.restarts, age(o, pc)];
    },
    wideRow: (o) => {
      const gates = o.spec?.readinessGates ?? [];
      const gateText = gates.length ? `${gates.filter((g) => (o.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === "True")).length}/${gates.length}` : "<none>";
      return [none(o.status?.podIP), none(o.spec?.nodeName), none(o.status?.nominatedNodeName), gateText];
    }
  },
  replicasets: {
    header: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), age(o, pc)],
    wideRow: workloadWide
  },
  replicationcontrollers: {
    header: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), age(o, pc)],
    wideRow: (o) => {
      const [names, images] = containersAndImages(o.spec);
      return [names, images, mapSelector(o.spec?.selector)];
    }
  },
  deployments: {
    header: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [
      o.metadata.name,
      `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
      String(o.status?.updatedReplicas ?? 0),
      String(o.status?.availableReplicas ?? 0),
      age(o, pc)
    ],
    wideRow: workloadWide
  },
  daemonsets: {
    header: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [
      o.metadata.name,
      String(o.status?.desiredNumberScheduled ?? 0),
      String(o.status?.currentNumberScheduled ?? 0),
      String(o.status?.numberReady ?? 0),
      String(o.status?.updatedNumberScheduled ?? 0),
      String(o.status?.numberAvailable ?? 0),
      mapSelector(o.spec?.template?.spec?.nodeSelector),
      age(o, pc)
    ],
    wideRow: workloadWide
  },
  statefulsets: {
    header: ["NAME", "READY", "AGE"],
    wide: ["CONTAINERS", "IMAGES"],
    row: (o, pc) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, age(o, pc)],
    wideRow: (o) => containersAndImages(o.spec)
  },
  jobs: {
    header: ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, pc), age(o, pc)],
    wideRow: workloadWide
  },
  cronjobs: {
    header: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.schedule ?? "",
      none(o.spec?.timeZone),
      o.spec?.suspend ? "True" : "False",
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? translateTimestampSince(o.status.lastScheduleTime, pc.now) : "<none>",
      age(o, pc)
    ],
    wideRow: (o) => {
      const cs = o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
      return [cs.map((c) => c.name).join(","), cs.map((c) => c.image).join(","), formatLabelSelector(o.spec?.jobTemplate?.spec?.selector)];
    }
  },
  services: {
    header: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    wide: ["SELECTOR"],
    row: (o, pc) => [o.metadata.name, o.spec?.type ?? "ClusterIP", none(o.spec?.clusterIP), externalIP(o), servicePorts(o), age(o, pc)],
    wideRow: (o) => [mapSelector(o.spec?.selector)]
  },
  endpoints: {
    header: ["NAME", "ENDPOINTS", "AGE"],
    wide: [],
    row: (o, pc) => {
      const eps = [];
      for (const s of o.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports ?? [{}]) eps.push(p.port ? `${a.ip}:${p.port}` : a.ip);
      const shown = eps.length > 3 ? `${eps.slice(0, 3).join(",")} + ${eps.length - 3} more...` : eps.join(",");
      return [o.metadata.name, eps.length ? shown : "<none>", age(o, pc)];
    }
  },
  nodes: {
    header: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
    wide: ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
    row: (o, pc) => [o.metadata.name, nodeStatus(o), nodeRoles(o), age(o, pc), o.status?.nodeInfo?.kubeletVersion ?? ""],
    wideRow: (o) => {
      const addr = (t) => (o.status?.addresses ?? []).find((a) => a.type === t)?.address ?? "<none>";
      const info = o.status?.nodeInfo ?? {};
      return [addr("InternalIP"), addr("ExternalIP"), info.osImage || "<unknown>", info.kernelVersion || "<unknown>", info.containerRuntimeVersion || "<unknown>"];
    }
  },
  namespaces: {
    header: ["NAME", "STATUS", "AGE"],
    wide: [],
    row: (o, pc) => [o.metadata.name, o.status?.phase ?? "Active", age(o, pc)]
  },
  events: {
    header: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
    wide: ["SUBOBJECT", "SOURCE", "FIRST SEEN", "COUNT", "NAME"],
    row: (o, pc) => [
      translateTimestampSince(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, pc.now),
      o.type ?? "",
      o.reason ?? "",
      `${String(o.involvedObject?.kind ?? "").toLowerCase()}/${o.involvedObject?.name ?? ""}`,
      String(o.message ?? "").trim()
    ],
    wideRow: (o, pc) => [
      o.involvedObject?.fieldPath ?? "",
      o.source?.host ? `${o.source.component}, ${o.source.host}` : o.source?.component ?? "",
      translateTimestampSince(o.firstTimestamp ?? o.metadata.creationTimestamp, pc.now),
      String(o.count ?? 1),
      o.metadata.name
    ]
  },
  persistentvolumeclaims: {
    header: ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"],
    wide: ["VOLUMEMODE"],
    row: (o, pc) => {
      const bound = !!o.spec?.volumeName;
      return [
        o.metadata.name,
        o.metadata.deletionTimestamp ? "Terminating" : o.status?.phase ?? "Pending",
        o.spec?.volumeName ?? "",
        bound ? o.status?.capacity?.storage ?? "" : "",
        bound ? accessModes(o.status?.accessModes) : "",
        o.spec?.storageClassName ?? "<unset>",
        o.spec?.volumeAttributesClassName ?? "<unset>",
        age(o, pc)
      ];
    },
    wideRow: (o) => [o.spec?.volumeMode ?? "<unset>"]
  },
  persistentvolumes: {
    header: ["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE"],
    wide: ["VOLUMEMODE"],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.capacity?.storage ?? "",
      accessModes(o.spec?.accessModes),
      o.spec?.persistentVolumeReclaimPolicy ?? "",
      o.status?.phase ?? "",
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : "",
      o.spec?.storageClassName ?? "",
      o.spec?.volumeAttributesClassName ?? "<unset>",
      o.status?.reason ?? "",
      age(o, pc)
    ],
    wideRow: (o) => [o.spec?.volumeMode ?? "<unset>"]
  },
  horizontalpodautoscalers: {
    header: ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"],
    wide: [],
    row: (o, pc) => [
      o.metadata.name,
      `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
      hpaTargets(o, pc.version),
      o.spec?.minReplicas === void 0 ? "<unset>" : String(o.spec.minReplicas),
      String(o.spec?.maxReplicas ?? ""),
      String(o.status?.currentReplicas ?? 0),
      age(o, pc)
    ]
  },
  configmaps: {
    header: ["NAME", "DATA", "AGE"],
    wide: [],
    row: (o, pc) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), age(o, pc)]
  },
  secrets: {
    header: ["NAME", "TYPE", "DATA", "AGE"],
    wide: [],
    row: (o, pc) => [o.metadata.name, o.type ?? "Opaque", String(Object.keys(o.data ?? {}).length), age(o, pc)]
  },
  serviceaccounts: {
    header: ["NAME", "SECRETS", "AGE"],
    wide: [],
    row: (o, pc) => [o.metadata.name, String((o.secrets ?? []).length), age(o, pc)]
  },
  controllerrevisions: {
    header: ["NAME", "CONTROLLER", "REVISION", "AGE"],
    wide: [],
    row: (o, pc) => {
      const ref = o.metadata.ownerReferences?.find((r) => r.controller);
      const group = ref?.apiVersion.includes("/") ? `.${ref.apiVersion.split("/")[0]}` : "";
      return [o.metadata.name, ref ? `${ref.kind.toLowerCase()}${group}/${ref.name}` : "<none>", String(o.revision ?? 0), age(o, pc)];
    }
  },
  storageclasses: {
    header: ["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"],
    wide: [],
    row: (o, pc) => {
      const isDefault = o.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true";
      return [
        isDefault ? `${o.metadata.name} (default)` : o.metadata.name,
        o.provisioner ?? "",
        o.reclaimPolicy ?? "Delete",
        o.volumeBindingMode ?? "Immediate",
        String(o.allowVolumeExpansion ?? false),
        age(o, pc)
      ];
    }
  },
  endpointslices: {
    header: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
    wide: [],
    row: (o, pc) => {
      const ports = (o.ports ?? []).map((p) => String(p.port)).join(",") || "<unset>";
      const addrs = (o.endpoints ?? []).flatMap((e) => e.addresses ?? []);
      const shown = addrs.length > 3 ? `${addrs.slice(0, 3).join(",")} + ${addrs.length - 3} more...` : addrs.join(",") || "<unset>";
      return [o.metadata.name, o.addressType ?? "IPv4", ports, shown, age(o, pc)];
    }
  }
};
function accessModes(modes) {
  const short = { ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" };
  return (modes ?? []).map((m) => short[m] ?? m).join(",");
}
var DEFAULT_TABLE = { header: ["NAME", "AGE"], wide: [], row: (o, pc) => [o.metadata.name, age(o, pc)] };
function versioned(resource, version) {
  const t = TABLES[resource] ?? DEFAULT_TABLE;
  if (resource === "jobs" && version < 131) {
    return { ...t, header: ["NAME", "COMPLETIONS", "DURATION", "AGE"], row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 1) };
  }
  if (resource === "cronjobs" && version < 127) {
    return { ...t, header: ["NAME", "SCHEDULE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"], row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 2) };
  }
  if (resource === "persistentvolumeclaims" && version < 129) {
    return { ...t, header: t.header.filter((h) => h !== "VOLUMEATTRIBUTESCLASS"), row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 6) };
  }
  return t;
}
function tableFor(resource, version) {
  return versioned(resource, version);
}

// src/commands/shared/output.ts
import { readFileSync } from "node:fs";

// src/printers/go-value.ts
function goKind(value) {
  if (value instanceof GoFloat) return "float";
  if (value === null || value === void 0) return "invalid";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "string";
  return Array.isArray(value) ? "slice" : "map";
}
function formatGoNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  return formatGoFloat64(n);
}
function formatGoFloat64(n) {
  return formatGoFloat(n).replace(".inf", "+Inf").replace(".nan", "NaN");
}
function formatGoPrint(value) {
  switch (goKind(value)) {
    case "invalid":
      return "<nil>";
    case "bool":
    case "string":
      return String(value);
    case "int":
      return formatGoNumber(value);
    case "float":
      return formatGoFloat64(plainValue(value));
    case "slice":
      return "[" + value.map((v) => formatGoPrint(v)).join(" ") + "]";
    case "map": {
      const entries = sortedEntries(value);
      return "map[" + entries.map(([k, v]) => `${k}:${formatGoPrint(v)}`).join(" ") + "]";
    }
  }
}
function formatGoSyntax(value) {
  switch (goKind(value)) {
    case "invalid":
      return "interface {}(nil)";
    case "bool":
      return String(value);
    case "int":
      return formatGoNumber(value);
    case "float":
      return formatGoFloat64(plainValue(value));
    case "string":
      return quoteGoString(value);
    case "slice":
      return "[]interface {}{" + value.map((v) => formatGoSyntax(v)).join(", ") + "}";
    case "map": {
      const entries = sortedEntries(value);
      const body = entries.map(([k, v]) => `${quoteGoString(k)}:${formatGoSyntax(v)}`).join(", ");
      return "map[string]interface {}{" + body + "}";
    }
  }
}
function quoteGoString(s) {
  return JSON.stringify(s);
}
function formatGoJson(value) {
  return toGoJsonCompact(value);
}
function sortedEntries(map) {
  return Object.keys(map).sort().map((k) => [k, map[k]]);
}

// src/printers/jsonpath-parse.ts
var SLICE_OPERATOR = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
var DICT_KEY = /^'([^']*)'$/;
var FILTER_COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/;
var isAlphaNumeric = (c) => c === "_" || /[\p{L}\p{Nd}]/u.test(c);
var isTerminator = (c) => c === void 0 || " 	\r\n.,[]$@{}".includes(c);
function parseJsonPath(template) {
  return new Parser(template).parse();
}
function parseAction(text) {
  const root = new Parser(`{${text}}`).parse();
  return root[0];
}
var Parser = class {
  constructor(input) {
    this.input = input;
  }
  input;
  pos = 0;
  start = 0;
  root = [];
  parse() {
    this.parseText();
    return this.root;
  }
  next() {
    if (this.pos >= this.input.length) return void 0;
    const c = String.fromCodePoint(this.input.codePointAt(this.pos));
    this.pos += c.length;
    return c;
  }
  peek() {
    if (this.pos >= this.input.length) return void 0;
    return String.fromCodePoint(this.input.codePointAt(this.pos));
  }
  consumeText() {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }
  parseText() {
    while (this.pos < this.input.length) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) this.root.push({ type: "text", text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const action = { type: "list", nodes: [] };
        this.root.push(action);
        this.parseInsideAction(action.nodes);
        continue;
      }
      this.next();
    }
    if (this.pos > this.start) this.root.push({ type: "text", text: this.consumeText() });
  }
  // Parses one action up to its closing brace, appending nodes to `cur`.
  parseInsideAction(cur) {
    for (; ; ) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const c = this.next();
      if (c === void 0 || c === "\r" || c === "\n") throw new Error("unclosed action");
      if (c === " " || c === "@" || c === "$") this.consumeText();
      else if (c === "[") this.parseArray(cur);
      else if (c === '"' || c === "'") this.parseQuote(cur, c);
      else if (c === ".") this.parseField(cur);
      else if (c === "+" || c === "-" || new RegExp("\\p{Nd}", "u").test(c)) {
        this.pos -= c.length;
        this.parseNumber(cur);
      } else if (isAlphaNumeric(c)) {
        this.pos -= c.length;
        this.parseIdentifier(cur);
      } else throw new Error(`unrecognized character in action: ${formatRune(c)}`);
    }
  }
  parseIdentifier(cur) {
    while (!isTerminator(this.peek())) this.next();
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.push({ type: "bool", value: value === "true" });
    else cur.push({ type: "identifier", name: value });
  }
  parseRecursive(cur) {
    if (cur.at(-1)?.type === "recursive") throw new Error("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.push({ type: "recursive" });
    const c = this.peek();
    if (c !== void 0 && isAlphaNumeric(c)) this.parseField(cur);
  }
  parseNumber(cur) {
    const first = this.peek();
    if (first === "+" || first === "-") this.next();
    for (let c = this.peek(); c !== void 0 && (c === "." || new RegExp("\\p{Nd}", "u").test(c)); c = this.peek()) this.next();
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.push({ type: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ type: "float", value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }
  parseArray(cur) {
    for (; ; ) {
      const c = this.next();
      if (c === void 0 || c === "\n") throw new Error("unterminated array");
      if (c === "]") break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.push({ type: "union", nodes: parts.map((part) => parseAction(`[${part.trim()}]`)) });
      return;
    }
    const dictKey = DICT_KEY.exec(text);
    if (dictKey) {
      cur.push(...parseAction(`.${dictKey[1]}`).nodes);
      return;
    }
    const slice = SLICE_OPERATOR.exec(text);
    if (!slice) throw new Error(`invalid array index ${text}`);
    const params = [];
    for (let i = 0; i < 3; i++) {
      let raw = slice[i + 1] ?? "";
      if (raw !== "") {
        if (i > 0) raw = raw.slice(1);
        if (i > 0 && raw === "") params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(raw)) throw new Error(`array index ${raw} is not a number`);
          params.push({ value: Number(raw), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.push({ type: "array", params });
  }
  parseFilter(cur) {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (; ; ) {
      const c = this.next();
      if (c === void 0 || c === "\n") throw new Error("unterminated filter");
      if (c === '"' || c === "'") {
        if (!begin) {
          begin = true;
          pair = c;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && c === pair) end = true;
      } else if (c === ")" && begin === end) break;
    }
    if (this.next() !== "]") throw new Error("unclosed array expect ]");
    const text = this.consumeText().slice(0, -2);
    const comparison = FILTER_COMPARISON.exec(text);
    if (!comparison) {
      cur.push({ type: "filter", left: parseAction(text), right: { type: "list", nodes: [] }, operator: "exists" });
      return;
    }
    const left = parseAction(comparison[1]);
    const right = parseAction(comparison[3]);
    cur.push({ type: "filter", left, right, operator: comparison[2] });
  }
  parseQuote(cur, quote) {
    for (; ; ) {
      const c = this.next();
      if (c === void 0 || c === "\n") throw new Error("unterminated quoted string");
      if (c === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    cur.push({ type: "text", text: unquoteExtended(value) });
  }
  parseField(cur) {
    this.consumeText();
    for (; ; ) {
      const c = this.peek();
      if (c === "\\") {
        this.next();
        this.next();
      } else if (isTerminator(c)) break;
      else this.next();
    }
    const value = this.consumeText();
    if (value === "*") cur.push({ type: "wildcard" });
    else cur.push({ type: "field", name: value.replaceAll("\\", "") });
  }
};
var GO_ESCAPES = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\", "'": "'", '"': '"' };
function unquoteExtended(quoted) {
  const body = quoted.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e in GO_ESCAPES) out += GO_ESCAPES[e];
    else if (e === "x" || e === "u" || e === "U") {
      const HEX_DIGITS = { x: 2, u: 4, U: 8 };
      const size = HEX_DIGITS[e];
      const hex = body.slice(i + 1, i + 1 + size);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size) throw new Error(`unquote string ${quoted} error invalid syntax`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += size;
    } else throw new Error(`unquote string ${quoted} error invalid syntax`);
  }
  return out;
}
function formatRune(c) {
  const hex = c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} '${c}'`;
}

// src/printers/template-compare.ts
function compareValues(operator, left, right) {
  switch (operator) {
    case "==":
      return goEqual(left, right);
    case "!=":
      return !goEqual(left, right);
    case "<":
      return goLess(left, right);
    case ">":
      return !goLess(left, right) && !goEqual(left, right);
    case "<=":
      return goLess(left, right) || goEqual(left, right);
    case ">=":
      return !goLess(left, right);
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}
var BASIC = /* @__PURE__ */ new Set(["bool", "int", "float", "string"]);
function goEqual(left, right) {
  const lk = goKind(left);
  const rk = goKind(right);
  if (!BASIC.has(lk) || !BASIC.has(rk)) {
    if (lk === "invalid" || rk === "invalid") return left == right;
    throw new Error("invalid type for comparison");
  }
  if (lk !== rk) throw new Error("incompatible types for comparison");
  return plainValue(left) === plainValue(right);
}
function goLess(left, right) {
  const lk = goKind(left);
  const rk = goKind(right);
  if (lk === "bool" || !BASIC.has(lk) || !BASIC.has(rk)) throw new Error("invalid type for comparison");
  if (lk !== rk) throw new Error("incompatible types for comparison");
  return plainValue(left) < plainValue(right);
}

// src/printers/jsonpath.ts
var JsonPathParseError = class extends Error {
};
var JsonPathExecuteError = class extends Error {
};
function compileJsonPath(template) {
  try {
    return { raw: template, nodes: parseJsonPath(template) };
  } catch (err) {
    throw new JsonPathParseError(`error parsing jsonpath ${template}, ${err.message}
`);
  }
}
function printJsonPath(template, obj, opts = {}) {
  const compiled = typeof template === "string" ? compileJsonPath(template) : template;
  const evaluator = new Evaluator(opts.allowMissingKeys ?? true);
  const data = opts.numbersAsFloat ? wrapNumbersAsFloat(obj) : obj;
  try {
    const results = evaluator.findResults(compiled.nodes, data);
    return results.map((values) => printResults(values, opts.outputJson ?? false)).join("");
  } catch (err) {
    const detail = `Error executing template: ${err.message}. Printing more information for debugging the template:
	template was:
		${compiled.raw}
	object given to jsonpath engine was:
		${formatGoSyntax(obj)}

`;
    throw new JsonPathExecuteError(`error executing jsonpath ${JSON.stringify(compiled.raw)}: ${detail}
`);
  }
}
function findJsonPathResults(nodes, obj, allowMissingKeys) {
  return new Evaluator(allowMissingKeys).findResults(nodes, obj);
}
function printResults(values, outputJson) {
  if (outputJson) return toKubectlJson(values);
  return values.map((v) => {
    const kind = goKind(v);
    return kind === "map" || kind === "slice" ? formatGoJson(v) : formatText(v);
  }).join(" ");
}
function formatText(value) {
  return value === null || value === void 0 ? "null" : formatGoPrint(value);
}
var Evaluator = class {
  constructor(allowMissingKeys) {
    this.allowMissingKeys = allowMissingKeys;
  }
  allowMissingKeys;
  /**
   * Evaluates the top-level nodes on `data`. A `range` action repeats the
   * nodes up to its `end` for every value it yields, as client-go does.
   */
  findResults(nodes, data) {
    return this.runBlock(nodes, 0, [data], 0).results;
  }
  // Runs nodes from `start` until an `end` closes this block (when inside a
  // range) or the nodes run out. Returns the results and where it stopped.
  runBlock(nodes, start, cur, depth) {
    const results = [];
    for (let i = start; i < nodes.length; i++) {
      const node = nodes[i];
      const marker = rangeMarker(node);
      if (marker === "end") {
        if (depth === 0) throw new Error("not in range, nothing to end");
        return { results, end: i };
      }
      if (marker === "range") {
        const values = this.walk(cur, { type: "list", nodes: node.nodes.slice(1) });
        let end = nodes.length;
        if (values.length === 0) end = this.runBlock(nodes, i + 1, [null], depth + 1).end;
        for (const value of values) {
          const block = this.runBlock(nodes, i + 1, [value], depth + 1);
          results.push(...block.results);
          end = block.end;
        }
        if (end < nodes.length) i = end;
        continue;
      }
      results.push(this.walk(cur, node));
    }
    return { results, end: nodes.length };
  }
  walk(input, node) {
    switch (node.type) {
      case "list":
        return node.nodes.reduce((values, child) => this.walk(values, child), input);
      case "text":
        return [node.text];
      case "int":
      case "float":
      case "bool":
        return input.map(() => node.value);
      case "field":
        return this.evalField(input, node.name);
      case "array":
        return evalArray(input, node.params);
      case "filter":
        return this.evalFilter(input, node);
      case "wildcard":
        return input.flatMap(childValues);
      case "recursive":
        return evalRecursive(input);
      case "union":
        return node.nodes.flatMap((n) => this.walk(input, n));
      case "identifier":
        if (node.name === "end") throw new Error("not in range, nothing to end");
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }
  evalField(input, name) {
    if (input.length === 0) return [];
    const results = [];
    for (const value of input) {
      if (goKind(value) === "map" && Object.hasOwn(value, name)) {
        results.push(value[name]);
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }
  evalFilter(input, node) {
    const results = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${formatGoPrint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts;
        try {
          lefts = this.walk([item], node.left);
        } catch (err) {
          if (node.operator === "exists") continue;
          throw err;
        }
        if (node.operator === "exists") {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error("can only compare one element at a time");
        if (compareValues(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
};
function rangeMarker(node) {
  if (node.type !== "list") return void 0;
  const first = node.nodes[0];
  if (first?.type !== "identifier") return void 0;
  if (first.name === "range") return "range";
  if (first.name === "end") return "end";
  return void 0;
}
function evalArray(input, params) {
  const result = [];
  for (const value of input) {
    if (value === null || value === void 0) continue;
    if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);
    const length = value.length;
    let from = params[0].known ? params[0].value : 0;
    if (from < 0) from += length;
    let to = params[1].known ? params[1].value : length;
    if (to < 0 || to === 0 && params[1].derived) to += length;
    if (to === from) return result;
    if (from >= length || from < 0) throw new Error(`array index out of bounds: index ${from}, length ${length}`);
    if (to > length || to < 0) throw new Error(`array index out of bounds: index ${to - 1}, length ${length}`);
    if (from > to) throw new Error(`starting index ${from} is greater than ending index ${to}`);
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new Error("step must be > 0");
      step = params[2].value;
    }
    for (let i = from; i < to; i += step) result.push(value[i]);
  }
  return result;
}
function childValues(value) {
  const kind = goKind(value);
  if (kind === "map") return Object.keys(value).sort().map((k) => value[k]);
  if (kind === "slice") return value;
  if (kind === "string") return [...Buffer.from(value, "utf8")];
  return [];
}
function evalRecursive(input) {
  const result = [];
  for (const value of input) {
    const children = childValues(value);
    if (children.length === 0) continue;
    result.push(value);
    result.push(...evalRecursive(children));
  }
  return result;
}
function goTypeName(value) {
  switch (goKind(value)) {
    case "map":
      return "map[string]interface {}";
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "int":
      return "int64";
    default:
      return "float64";
  }
}

// src/printers/custom-columns.ts
var RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;
function relaxedJsonPathExpression(path) {
  if (path.length === 0) return path;
  const m = RELAXED_PATH.exec(path);
  if (!m) {
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}
function parseCustomColumnsSpec(spec) {
  if (spec.length === 0) throw new Error("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}
function parseCustomColumnsTemplate(text) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length !== 2) throw new Error(`invalid template, expected two lines in template, found ${lines.length}.`);
  const headers = lines[0].trim().split(/\s+/).filter(Boolean);
  const specs = lines[1].trim().split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}
function printCustomColumns(columns, objects, opts = {}) {
  const compiled = columns.map((c) => ({ ...c, nodes: parseJsonPath(c.fieldSpec) }));
  const rows = [];
  for (const obj of objects) {
    const items = isList(obj) ? obj.items : [obj];
    for (const item of items) rows.push(compiled.map((c) => formatCell(c, item)));
  }
  return formatTable(
    columns.map((c) => c.header),
    rows,
    { noHeaders: opts.noHeaders }
  );
}
function formatCell(column, obj) {
  const results = findJsonPathResults(column.nodes, obj, true);
  const values = results.flat().map((v) => formatGoPrint(v));
  if (results.length === 0 || results[0].length === 0) values.unshift("<none>");
  return values.join(",");
}
function isList(obj) {
  return typeof obj === "object" && obj !== null && Array.isArray(obj.items);
}

// src/printers/go-template-funcs.ts
var NO_VALUE = void 0;
var GoInt = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
function unwrap(v) {
  return v instanceof GoInt ? v.value : v;
}
function isTrue(v) {
  const plain = plainValue(unwrap(v));
  if (plain === NO_VALUE || plain === null || plain === false || plain === 0 || plain === "") return false;
  if (Array.isArray(plain)) return plain.length > 0;
  if (typeof plain === "object") return Object.keys(plain).length > 0;
  return true;
}
function indexValue(item, indexes, quiet = false) {
  let value = item;
  for (const index of indexes) {
    if (Array.isArray(value)) {
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= value.length) {
        if (quiet) return NO_VALUE;
        throw new Error(`index out of range: ${i}`);
      }
      value = value[i];
    } else if (goKind(value) === "map") {
      value = value[String(index)];
    } else if (value === NO_VALUE || value === null) {
      if (quiet) return NO_VALUE;
      throw new Error("index of untyped nil");
    } else {
      if (quiet) return NO_VALUE;
      throw new Error(`can't index item of type ${typeof value === "string" ? "string" : "interface {}"}`);
    }
  }
  return value === null ? NO_VALUE : value;
}
function lengthOf(v) {
  if (typeof v === "string") return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (goKind(v) === "map") return Object.keys(v).length;
  throw new Error(`len of ${v === NO_VALUE ? "nil pointer" : `type ${goTypeName2(v)}`}`);
}
function goTypeName2(v) {
  if (v instanceof GoInt) return "int";
  switch (goKind(v)) {
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "int":
      return "int64";
    case "float":
      return "float64";
    case "map":
      return "map[string]interface {}";
    case "slice":
      return "[]interface {}";
    default:
      return "<nil>";
  }
}
function printOperand(v) {
  if (v instanceof GoInt) return String(v.value);
  return formatGoPrint(plainValue(v));
}
function formatSprint(args) {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += printOperand(a);
  });
  return out;
}

// src/printers/go-template-parse.ts
var TemplateParseError = class extends Error {
};
var TOKEN = /\s+|"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)+'|[+-]?(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|\$[\p{L}\p{Nd}_]*|(?:\.[\p{L}_][\p{L}\p{Nd}_]*)+|\.|\||\(|\)|:=|=|,|[\p{L}_][\p{L}\p{Nd}_]*/uy;
function parseGoTemplate(src, functions, name = "output") {
  return new TemplateParser(src, functions, name).parse();
}
var TemplateParser = class {
  constructor(src, functions, name) {
    this.src = src;
    this.functions = functions;
    this.name = name;
  }
  src;
  functions;
  name;
  actions = [];
  items = [];
  index = 0;
  fail(line, message) {
    throw new TemplateParseError(`template: ${this.name}:${line}: ${message}`);
  }
  parse() {
    this.split();
    const { list, end } = this.parseList();
    if (end) this.fail(end.line, `unexpected {{${end.word}}}`);
    return list;
  }
  // Splits the source into text and action bodies, applying trim markers.
  split() {
    let pos = 0;
    let trimNext = false;
    while (pos <= this.src.length) {
      const open = this.src.indexOf("{{", pos);
      let text = this.src.slice(pos, open < 0 ? void 0 : open);
      if (trimNext) text = text.replace(/^\s+/, "");
      let bodyStart = open + 2;
      if (open >= 0 && /^-[ \t\r\n]/.test(this.src.slice(bodyStart, bodyStart + 2))) {
        text = text.replace(/\s+$/, "");
        bodyStart += 1;
      }
      if (text) this.items.push({ kind: "text", text });
      if (open < 0) break;
      const line = lineOf(this.src, open);
      const close = this.findClose(bodyStart, line);
      let body = this.src.slice(bodyStart, close);
      trimNext = /[ \t\r\n]-$/.test(body);
      if (trimNext) body = body.slice(0, -1);
      pos = close + 2;
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue;
      this.items.push({ kind: "action", body, pos: bodyStart, line });
    }
  }
  findClose(from, line) {
    let i = from;
    let quote = "";
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (quote) {
        if (c === "\\" && quote !== "`") i++;
        else if (c === quote) quote = "";
        continue;
      }
      if (c === '"' || c === "`" || c === "'") quote = c;
      else if (this.src.startsWith("}}", i)) return i;
      else if (c === "\n" && !this.src.slice(from, i).trimStart().startsWith("/*")) this.fail(line, "unclosed action");
    }
    return this.fail(line, quote ? "unterminated quoted string" : "unclosed action");
  }
  // Parses items until the end or an `else`/`end` action, which it returns.
  parseList() {
    const list = [];
    while (this.index < this.items.length) {
      const item = this.items[this.index++];
      if (item.kind === "text") {
        list.push({ type: "text", text: item.text });
        continue;
      }
      const tokens = tokenize(item.body, item.pos, (m) => this.fail(item.line, m));
      const head = tokens[0];
      if (!head) this.fail(item.line, "missing value for command");
      const keyword = head.kind === "word" ? head.value : "";
      if (keyword === "end" || keyword === "else") {
        return { list, end: { word: keyword, rest: item.body.trim().slice(keyword.length).trim(), line: item.line, pos: item.pos } };
      }
      if (keyword === "if" || keyword === "with" || keyword === "range") {
        list.push(this.parseControl(keyword, tokens.slice(1), item.line));
        continue;
      }
      list.push({ type: "action", pipe: this.parsePipe(tokens, item.line, item.pos), pos: item.pos });
    }
    return { list };
  }
  parseControl(keyword, tokens, line) {
    const pipe = this.parsePipe(tokens, line, tokens[0]?.pos ?? 0);
    if (pipe.cmds.length === 0) this.fail(line, `missing value for ${keyword}`);
    const body = this.parseList();
    if (!body.end) this.fail(lineOf(this.src, this.src.length), "unexpected EOF");
    let elseList;
    if (body.end.word === "else") {
      const rest = body.end.rest;
      if (rest.startsWith("if ") && keyword !== "range") {
        const nested = this.parseControl("if", tokenize(rest.slice(3), body.end.pos, (m) => this.fail(line, m)), body.end.line);
        return { type: keyword, pipe, list: body.list, elseList: [nested] };
      }
      const tail = this.parseList();
      if (!tail.end) this.fail(lineOf(this.src, this.src.length), "unexpected EOF");
      if (tail.end.word !== "end") this.fail(tail.end.line, "expected end; found {{else}}");
      elseList = tail.list;
    }
    return { type: keyword, pipe, list: body.list, elseList };
  }
  parsePipe(tokens, line, pos) {
    const pipe = { decl: [], isAssign: false, cmds: [], pos };
    let i = 0;
    const declEnd = tokens.findIndex((t) => t.kind === "declare" || t.kind === "assign");
    if (declEnd > 0 && tokens.slice(0, declEnd).every((t) => t.kind === "variable" || t.kind === "comma")) {
      pipe.decl = tokens.slice(0, declEnd).filter((t) => t.kind === "variable").map((t) => t.value);
      pipe.isAssign = tokens[declEnd].kind === "assign";
      i = declEnd + 1;
    }
    let current;
    const stack = [];
    let target = pipe;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === "pipe") {
        if (!current) this.fail(line, "missing command");
        current = void 0;
        continue;
      }
      if (!current) {
        current = { args: [], pos: t.pos, text: "" };
        target.cmds.push(current);
      }
      if (t.kind === "lparen") {
        stack.push({ pipe: target, cmd: current, start: t });
        target = { decl: [], isAssign: false, cmds: [], pos: t.pos };
        current = void 0;
        continue;
      }
      if (t.kind === "rparen") {
        const outer = stack.pop();
        if (!outer) this.fail(line, "unexpected right paren");
        const inner = target;
        target = outer.pipe;
        current = outer.cmd;
        const names = tokens[i + 1]?.kind === "field" && tokens[i + 1].pos === t.pos + 1 ? splitFields(tokens[++i].value) : [];
        current.args.push({ type: "pipe", pipe: inner, names });
        continue;
      }
      current.args.push(this.operand(t, line));
    }
    if (stack.length) this.fail(line, "unclosed left paren");
    fillCommandText(pipe, tokens);
    return pipe;
  }
  operand(t, line) {
    switch (t.kind) {
      case "string":
        return { type: "string", value: unquote(t.value) };
      case "number": {
        if (t.value[0] === "'") return { type: "number", value: unquote(`"${t.value.slice(1, -1)}"`).codePointAt(0), isInt: true };
        const value = Number(t.value.replaceAll("_", ""));
        return { type: "number", value, isInt: /^[+-]?(0[xX][0-9a-fA-F_]+|\d[\d_]*)$/.test(t.value) };
      }
      case "dot":
        return { type: "dot" };
      // Go positions a chain (`.a.b`, `$x.a`) at its second element.
      case "field": {
        const names = splitFields(t.value);
        const pos = names.length > 1 ? t.pos + 1 + names[0].length : t.pos;
        return { type: "field", names, pos, text: t.value };
      }
      case "variable": {
        const [name, ...rest] = t.value.split(".");
        const pos = rest.length > 0 ? t.pos + name.length : t.pos;
        return { type: "variable", name, names: rest, pos, text: t.value };
      }
      case "word":
        if (t.value === "true" || t.value === "false") return { type: "bool", value: t.value === "true" };
        if (t.value === "nil") return { type: "nil" };
        if (!this.functions.has(t.value)) this.fail(line, `function "${t.value}" not defined`);
        return { type: "identifier", name: t.value, pos: t.pos };
      default:
        return this.fail(line, `unexpected "${t.value}" in command`);
    }
  }
};
function tokenize(body, offset, fail) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m) fail(`unexpected bad character U+${body.codePointAt(start).toString(16).toUpperCase().padStart(4, "0")} '${body[start]}' in command`);
    const text = m[0];
    if (/^\s/.test(text)) continue;
    const pos = offset + start;
    const variableWithFields = /^\$[\p{L}\p{Nd}_]*$/u.test(text) && /^\.[\p{L}_]/u.test(body.slice(TOKEN.lastIndex));
    if (variableWithFields) {
      const fields = /^(?:\.[\p{L}_][\p{L}\p{Nd}_]*)+/u.exec(body.slice(TOKEN.lastIndex))[0];
      TOKEN.lastIndex += fields.length;
      tokens.push({ kind: "variable", value: text + fields, pos });
      continue;
    }
    tokens.push({ kind: classify(text), value: text, pos });
  }
  return tokens;
}
function classify(text) {
  if (text === "|") return "pipe";
  if (text === "(") return "lparen";
  if (text === ")") return "rparen";
  if (text === ":=") return "declare";
  if (text === "=") return "assign";
  if (text === ",") return "comma";
  if (text === ".") return "dot";
  if (text[0] === "$") return "variable";
  if (text[0] === "." && !/^\.\d/.test(text)) return "field";
  if (text[0] === '"' || text[0] === "`") return "string";
  if (text[0] === "'") return "number";
  if (/^[+\-.\d]/.test(text)) return "number";
  return "word";
}
function splitFields(chain) {
  return chain.split(".").slice(1);
}
function unquote(literal) {
  if (literal[0] === "`") return literal.slice(1, -1);
  return JSON.parse(literal.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}
function lineOf(src, pos) {
  return src.slice(0, pos).split("\n").length;
}
function fillCommandText(pipe, tokens) {
  const source = tokens.map((t) => t.value);
  for (const cmd of pipe.cmds) {
    const first = tokens.findIndex((t) => t.pos === cmd.pos);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].kind !== "pipe") last++;
    cmd.text = source.slice(first, last + 1).join(" ");
  }
}

// src/printers/go-printf.ts
var VERB = /%([-+# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])/g;
function formatPrintf(format, args) {
  let next = 0;
  const out = format.replace(VERB, (whole, flags, width, precision, verb) => {
    if (verb === "%") return "%";
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    const text = formatOne(verb, arg, flags, precision);
    if (text === void 0) {
      return `%!${verb}(${goTypeName2(arg)}=${pad(printOperand(arg), flags, width)})`;
    }
    return pad(text, flags, width, verb !== "s" && verb !== "q" && verb !== "v");
  });
  if (next < args.length) {
    const extra = args.slice(next).map((a) => `${goTypeName2(a)}=${printOperand(a)}`);
    return `${out}%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
function formatOne(verb, arg, flags, precision) {
  const isInt = arg instanceof GoInt || typeof arg === "number" && Number.isInteger(arg);
  let n;
  if (arg instanceof GoInt || arg instanceof GoFloat) n = arg.value;
  else if (typeof arg === "number") n = arg;
  const plus = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const sign = (x, text) => x >= 0 ? plus + text : text;
  switch (verb) {
    case "v":
      return printOperand(arg);
    case "T":
      return goTypeName2(arg);
    case "s":
      if (typeof arg === "string") return precision !== void 0 ? [...arg].slice(0, Number(precision)).join("") : arg;
      if (goKindOf(arg) === "collection") return formatGoPrint(arg);
      return void 0;
    case "q":
      return typeof arg === "string" ? JSON.stringify(arg) : void 0;
    case "t":
      return typeof arg === "boolean" ? String(arg) : void 0;
    case "d":
      return isInt ? sign(n, String(n)) : void 0;
    case "c":
      return isInt ? String.fromCodePoint(n) : void 0;
    case "x":
    case "X": {
      let text;
      if (isInt) text = (n < 0 ? "-" : "") + Math.abs(n).toString(16);
      else if (typeof arg === "string") text = Buffer.from(arg).toString("hex");
      return verb === "X" ? text?.toUpperCase() : text;
    }
    case "f":
    case "F":
      return n !== void 0 && !isInt ? sign(n, n.toFixed(precision === void 0 ? 6 : Number(precision || 0))) : void 0;
    case "e":
      return n !== void 0 && !isInt ? sign(n, goExponent(n, precision === void 0 ? 6 : Number(precision || 0))) : void 0;
    case "g":
      return n !== void 0 && !isInt ? sign(n, formatGoFloat(n)) : void 0;
    default:
      return void 0;
  }
}
function goKindOf(arg) {
  return typeof arg === "object" && arg !== null && !(arg instanceof GoInt) ? "collection" : "other";
}
function goExponent(n, digits) {
  const [mantissa, exp] = n.toExponential(digits).split("e");
  const e = Number(exp);
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
function pad(text, flags, width, numeric = false) {
  const size = width === void 0 ? 0 : Number(width);
  const length = [...text].length;
  if (length >= size) return text;
  if (flags.includes("-")) return text + " ".repeat(size - length);
  if (flags.includes("0") && numeric) {
    const signed = /^[+\- ]/.test(text);
    return (signed ? text[0] : "") + "0".repeat(size - length) + (signed ? text.slice(1) : text);
  }
  return " ".repeat(size - length) + text;
}

// src/printers/go-template.ts
var GoTemplateExecuteError = class extends Error {
  constructor(message, stdout) {
    super(message);
    this.stdout = stdout;
  }
  stdout;
};
var GoTemplateParseError = class extends Error {
};
var FUNCTIONS = /* @__PURE__ */ new Set([
  "and",
  "or",
  "not",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "index",
  "len",
  "printf",
  "print",
  "println",
  "exists",
  "base64decode"
]);
function compileGoTemplate(template) {
  try {
    return { raw: template, nodes: parseGoTemplate(template, FUNCTIONS) };
  } catch (err) {
    if (!(err instanceof TemplateParseError)) throw err;
    throw new GoTemplateParseError(`error parsing template ${template}, ${err.message}
`);
  }
}
function printGoTemplate(template, obj, opts = {}) {
  const compiled = typeof template === "string" ? compileGoTemplate(template) : template;
  const rawData = toGoJsonCompact(obj);
  const data = JSON.parse(JSON.stringify(obj ?? null));
  const state = new State(compiled.raw, opts.allowMissingKeys ?? true, data);
  try {
    state.walkList(compiled.nodes, data);
    return state.out;
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    const stdout = state.out + `Error executing template: ${err.message}. Printing more information for debugging the template:
	template was:
		${compiled.raw}
	raw data was:
		${rawData}
	object given to template engine was:
		${formatGoPrint(data)}

`;
    throw new GoTemplateExecuteError(`error executing template ${JSON.stringify(compiled.raw)}: ${err.message}`, stdout);
  }
}
var ExecError = class extends Error {
};
var State = class {
  constructor(src, allowMissingKeys, root) {
    this.src = src;
    this.allowMissingKeys = allowMissingKeys;
    this.vars = [{ name: "$", value: root }];
  }
  src;
  allowMissingKeys;
  out = "";
  vars;
  fail(pos, context, message) {
    const before = this.src.slice(0, pos);
    const line = before.split("\n").length;
    const col = pos - (before.lastIndexOf("\n") + 1);
    throw new ExecError(`template: output:${line}:${col}: executing "output" at <${context}>: ${message}`);
  }
  walkList(nodes, dot) {
    const mark = this.vars.length;
    for (const node of nodes) this.walk(node, dot);
    this.vars.length = mark;
  }
  walk(node, dot) {
    switch (node.type) {
      case "text":
        this.out += node.text;
        return;
      case "action": {
        const value = this.evalPipe(node.pipe, dot);
        if (node.pipe.decl.length === 0) this.out += printValue(value);
        return;
      }
      case "if":
      case "with": {
        const value = this.evalPipe(node.pipe, dot);
        if (isTrue(value)) this.walkList(node.list, node.type === "with" ? value : dot);
        else if (node.elseList) this.walkList(node.elseList, dot);
        return;
      }
      case "range":
        return this.walkRange(node, dot);
    }
  }
  walkRange(node, dot) {
    const mark = this.vars.length;
    const value = this.evalPipe({ ...node.pipe, decl: [] }, dot);
    const entries = [];
    const kind = goKind(value);
    if (kind === "slice") value.forEach((v, i) => entries.push([i, v]));
    else if (kind === "map") for (const k of Object.keys(value).sort()) entries.push([k, value[k]]);
    else if (kind !== "invalid") this.fail(node.pipe.pos, node.pipe.cmds[0]?.text ?? "", `range can't iterate over ${printValue(value)}`);
    for (const [key, element] of entries) {
      const [first, second] = node.pipe.decl;
      if (first !== void 0) this.vars.push({ name: first, value: second !== void 0 ? key : element });
      if (second !== void 0) this.vars.push({ name: second, value: element });
      this.walkList(node.list, element);
      this.vars.length = mark;
    }
    if (entries.length === 0 && node.elseList) this.walkList(node.elseList, dot);
  }
  evalPipe(pipe, dot) {
    let value = NO_VALUE;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(cmd, dot, first ? NO_VALUE : value, !first);
      first = false;
    }
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const v = [...this.vars].reverse().find((x) => x.name === name);
        if (v) v.value = value;
      } else this.vars.push({ name, value });
    }
    return value;
  }
  evalCommand(cmd, dot, final, hasFinal) {
    const [head, ...args] = cmd.args;
    if (head.type === "identifier") {
      const values = args.map((a) => this.evalArg(a, dot));
      if (hasFinal) values.push(final);
      return this.call(head.name, values, cmd);
    }
    if (args.length > 0 || hasFinal) {
      this.fail(cmd.pos, cmd.text, `can't give argument to non-function ${cmd.text.split(" ")[0]}`);
    }
    return this.evalArg(head, dot);
  }
  evalArg(arg, dot) {
    switch (arg.type) {
      case "dot":
        return dot;
      case "string":
        return arg.value;
      case "number":
        return arg.isInt ? new GoInt(arg.value) : new GoFloat(arg.value);
      case "bool":
        return arg.value;
      case "nil":
        return NO_VALUE;
      case "field":
        return this.evalFields(dot, arg.names, arg.pos, arg.text);
      case "variable": {
        const v = [...this.vars].reverse().find((x) => x.name === arg.name);
        if (!v) this.fail(arg.pos, arg.text, `undefined variable: ${arg.name}`);
        return this.evalFields(v.value, arg.names, arg.pos, arg.text);
      }
      case "pipe":
        return this.evalFields(this.evalPipe(arg.pipe, dot), arg.names, arg.pipe.pos, "");
      case "identifier":
        return this.call(arg.name, [], { args: [arg], pos: arg.pos, text: arg.name });
    }
  }
  evalFields(receiver, names, pos, text) {
    let value = receiver;
    for (const name of names) {
      const kind = goKind(value);
      if (kind === "invalid") return NO_VALUE;
      if (kind !== "map") this.fail(pos, text, `can't evaluate field ${name} in type interface {}`);
      const map = value;
      if (!Object.hasOwn(map, name)) {
        if (!this.allowMissingKeys) this.fail(pos, text, `map has no entry for key "${name}"`);
        return NO_VALUE;
      }
      value = map[name];
      if (value === null) value = NO_VALUE;
    }
    return value;
  }
  call(name, args, cmd) {
    const fail = (message) => this.fail(cmd.pos, cmd.text, `error calling ${name}: ${message}`);
    const plain = args.map(unwrap);
    try {
      switch (name) {
        case "and":
          return args.find((a) => !isTrue(a)) ?? args.at(-1);
        case "or":
          return args.find((a) => isTrue(a)) ?? args.at(-1);
        case "not":
          return !isTrue(args[0]);
        case "eq":
          return plain.slice(1).some((b) => goEqual(plain[0], b));
        case "ne":
          return !goEqual(plain[0], plain[1]);
        case "lt":
          return goLess(plain[0], plain[1]);
        case "le":
          return goLess(plain[0], plain[1]) || goEqual(plain[0], plain[1]);
        case "gt":
          return !goLess(plain[0], plain[1]) && !goEqual(plain[0], plain[1]);
        case "ge":
          return !goLess(plain[0], plain[1]);
        case "index":
          return indexValue(plain[0], plain.slice(1));
        case "len":
          return new GoInt(lengthOf(plain[0]));
        case "printf":
          return formatPrintf(String(plain[0]), args.slice(1));
        case "print":
          return formatSprint(args);
        case "println":
          return args.map(printOperand).join(" ") + "\n";
        case "exists":
          return plain.length > 0 && indexValue(plain[0], plain.slice(1), true) !== NO_VALUE;
        case "base64decode":
          return Buffer.from(String(plain[0]), "base64").toString("utf8");
      }
    } catch (err) {
      if (err instanceof ExecError) throw err;
      return fail(err.message);
    }
    return fail("function not defined");
  }
};
function printValue(v) {
  if (v === NO_VALUE) return "<no value>";
  return printOperand(v);
}

// src/commands/shared/output.ts
var OUTPUT_FLAGS = [
  { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide)." },
  { name: "show-labels", type: "bool", default: false, help: "When printing, show all labels as the last column (default hide labels column)." },
  { name: "no-headers", type: "bool", default: false, help: "When using the default or custom-column output format, don't print headers (default print headers)." },
  { name: "label-columns", short: "L", type: "stringArray", default: [], help: "Accepts a comma separated list of labels that are going to be presented as columns." },
  { name: "sort-by", type: "string", default: "", help: "If non-empty, sort list types using this field specification (JSONPath)." },
  { name: "show-kind", type: "bool", default: false, help: "If present, list the resource type for the requested object(s)." },
  { name: "allow-missing-template-keys", type: "bool", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template." },
  { name: "template", type: "string", default: "", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file." }
];
function publicView(obj) {
  if (!("_sim" in obj)) return obj;
  const { _sim, ...rest } = obj;
  void _sim;
  return rest;
}
function nameOf(g, obj) {
  return `${kindString(g.info, g.group)}/${obj.metadata.name}`;
}
function tableText(g, opts, pc) {
  const def = tableFor(g.info.resource, pc.version);
  const wide = opts.output === "wide";
  const header = [...def.header, ...wide ? def.wide : []];
  const labelKeys = opts.labelColumns.flatMap((l) => l.split(",")).filter(Boolean);
  for (const k of labelKeys) header.push(k.split("/").pop().toUpperCase());
  if (opts.showLabels) header.push("LABELS");
  if (opts.allNamespaces && g.info.namespaced) header.unshift("NAMESPACE");
  const rows = g.objects.map((o) => {
    const row = def.row(o, pc);
    if (opts.withKind) row[0] = nameOf(g, o);
    if (wide && def.wideRow) row.push(...def.wideRow(o, pc));
    for (const k of labelKeys) row.push(o.metadata.labels?.[k] ?? "");
    if (opts.showLabels) row.push(formatLabels(o.metadata.labels));
    if (opts.allNamespaces && g.info.namespaced) row.unshift(o.metadata.namespace ?? "");
    return row;
  });
  return formatTable(header, rows, { noHeaders: opts.noHeaders });
}
function readTemplateFile(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`error reading --template ${path}, no such file or directory`);
  }
}
function sortObjects(objects, field) {
  const expr = relaxedJsonPathExpression(field);
  const keyed = objects.map((o) => {
    let v = "";
    try {
      v = printJsonPath(expr, o, { allowMissingKeys: true });
    } catch (err) {
      throw new UsageError(`couldn't find any field with path "${field}" in the list of objects`);
    }
    return { o, v };
  });
  const numeric = keyed.every((k) => k.v === "" || /^-?\d+(\.\d+)?$/.test(k.v));
  keyed.sort((a, b) => numeric ? Number(a.v || 0) - Number(b.v || 0) : a.v < b.v ? -1 : a.v > b.v ? 1 : 0);
  return keyed.map((k) => k.o);
}
function renderTemplate(output, value, objects, opts) {
  const eq = output.indexOf("=");
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : opts.template ?? "";
  const allowMissing = opts.allowMissingKeys ?? true;
  try {
    switch (format) {
      case "jsonpath":
      case "jsonpath-as-json":
      case "jsonpath-file": {
        const template = format === "jsonpath-file" ? readTemplateFile(arg) : arg;
        if (!template) throw new UsageError("template format specified but no template given");
        return printJsonPath(template, value, { allowMissingKeys: allowMissing, outputJson: format === "jsonpath-as-json" });
      }
      case "custom-columns":
      case "custom-columns-file": {
        const columns = format === "custom-columns" ? parseCustomColumnsSpec(arg) : parseCustomColumnsTemplate(readTemplateFile(arg));
        return printCustomColumns(columns, objects, { noHeaders: opts.noHeaders });
      }
      case "go-template":
      case "go-template-file":
      case "template":
      case "templatefile": {
        const template = format.endsWith("file") ? readTemplateFile(arg) : arg;
        if (!template) throw new UsageError("template format specified but no template given");
        return printGoTemplate(template, value, { allowMissingKeys: allowMissing });
      }
    }
  } catch (err) {
    if (err instanceof GoTemplateExecuteError) throw new TemplateOutputError(err.message, err.stdout);
    if (err instanceof JsonPathParseError || err instanceof JsonPathExecuteError || err instanceof GoTemplateParseError) throw new UsageError(err.message);
    if (err instanceof Error && !(err instanceof UsageError) && format.startsWith("custom-columns")) throw new UsageError(err.message);
    throw err;
  }
  return void 0;
}
var TemplateOutputError = class extends UsageError {
  constructor(message, stdout) {
    super(message);
    this.stdout = stdout;
  }
  stdout;
};
function renderGroups(groups, opts, pc) {
  const output = opts.output;
  if (opts.sortBy) groups = groups.map((g) => ({ ...g, objects: sortObjects(g.objects, opts.sortBy) }));
  const objects = groups.flatMap((g) => g.objects.map((o) => publicView(withVersion(g, o))));
  const listValue = () => opts.single && objects.length === 1 ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
  const templated = renderTemplate(output, listValue(), objects, opts);
  if (templated !== void 0) return templated;
  if (output === "yaml" || output === "json") {
    if (objects.length === 0 && !opts.single) return "";
    const value = opts.single && objects.length === 1 ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
    return output === "yaml" ? toKubectlYaml(value) : toKubectlJson(value);
  }
  if (output === "name") return groups.flatMap((g) => g.objects.map((o) => nameOf(g, o) + "\n")).join("");
  if (output !== "" && output !== "wide") throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
  const parts = groups.filter((g) => g.objects.length > 0).map((g) => tableText(g, opts, pc));
  return parts.join("\n");
}
function withVersion(g, obj) {
  if (g.group === "extensions" && g.info.group === "apps") return { ...obj, apiVersion: "extensions/v1beta1" };
  return obj;
}
function groupFor(info, version, requested) {
  return outputGroup(info, version, requested);
}

export {
  OUTPUT_FLAGS,
  publicView,
  TemplateOutputError,
  renderGroups,
  groupFor
};
