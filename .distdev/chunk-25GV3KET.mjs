import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  formatTable
} from "./chunk-5ZUNRU74.mjs";
import {
  yaml
} from "./chunk-DGKIULUN.mjs";
import {
  formatLabelSelector,
  formatLabels,
  matches,
  parseSelector
} from "./chunk-5SB2OD6E.mjs";
import {
  kindString,
  outputGroup,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/printers/duration.ts
function humanDuration(ms) {
  const s = Math.floor(ms / 1e3);
  if (ms < -1e3) return "<invalid>";
  if (s < 0) return "0s";
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(s / 3600);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 730) return `${d}d`;
  const y = Math.floor(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}
function translateTimestampSince(iso, nowMs) {
  if (!iso) return "<unknown>";
  return humanDuration(nowMs - Date.parse(iso));
}

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

// src/printers/yaml.ts
function toKubectlYaml(obj) {
  return yaml.dump(obj, { sortKeys: true, lineWidth: -1, noRefs: true });
}
function toKubectlJson(obj) {
  return JSON.stringify(obj, null, 4) + "\n";
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
function renderGroups(groups, opts, pc) {
  const output = opts.output;
  const objects = groups.flatMap((g) => g.objects.map((o) => publicView(withVersion(g, o))));
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

// src/commands/shared/fetch.ts
function fieldMatcher(text) {
  if (!text) return () => true;
  const reqs = text.split(",").map((part) => {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], neg: m[2] === "!=", value: m[3] };
  });
  const get = (o, path) => {
    let v = o;
    for (const p of path.split(".")) v = v?.[p];
    return v === void 0 || v === null ? "" : String(v);
  };
  return (o) => reqs.every((r) => get(o, r.path) === r.value !== r.neg);
}
function fetchTargets(cluster, targets, opts) {
  const store = cluster.store;
  const sel = opts.selector ? parseSelector(opts.selector) : null;
  const field = fieldMatcher(opts.fieldSelector);
  const errors = [];
  const groups = [];
  for (const t of targets) {
    const group = groupFor(t.info, cluster.settings.version, t.group);
    const ns = t.info.namespaced ? opts.namespace : "";
    const objects = [];
    if (t.names.length > 0) {
      for (const name of t.names) {
        const o = store.get(t.info.resource, ns, name);
        if (!o) errors.push(notFound(resourceString(t.info, group), name));
        else objects.push(o);
      }
    } else {
      const list = t.info.namespaced && !opts.allNamespaces ? store.list(t.info.resource, ns) : store.list(t.info.resource);
      for (const o of list) if ((!sel || matches(sel, o.metadata.labels)) && field(o)) objects.push(o);
    }
    groups.push({ info: t.info, group, objects });
  }
  return { groups, errors };
}

export {
  translateTimestampSince,
  OUTPUT_FLAGS,
  renderGroups,
  fetchTargets
};
