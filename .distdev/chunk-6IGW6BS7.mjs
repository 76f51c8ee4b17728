import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  translateTimestampSince
} from "./chunk-25GV3KET.mjs";

// src/printers/describe/events.ts
function writeEvents(w, events, now, version) {
  if (events.length === 0) {
    w.write(0, "Events:	<none>\n");
    return;
  }
  const sorted = [...events].sort((a, b) => String(a.lastTimestamp ?? a.firstTimestamp).localeCompare(String(b.lastTimestamp ?? b.firstTimestamp)));
  w.write(0, "Events:\n");
  w.write(1, "Type	Reason	Age	From	Message\n");
  w.write(1, "----	------	----	----	-------\n");
  for (const e of sorted) {
    const last = translateTimestampSince(e.lastTimestamp ?? e.firstTimestamp, now);
    const age = (e.count ?? 1) > 1 ? `${last} (x${e.count} over ${translateTimestampSince(e.firstTimestamp, now)})` : last;
    const from = version < 118 && e.source?.host ? `${e.source.component}, ${e.source.host}` : e.source?.component ?? "";
    w.write(1, `${e.type}	${e.reason}	${age}	${from}	${String(e.message ?? "").trim()}
`);
  }
}
function eventsFor(all, obj) {
  return all.filter((e) => e.involvedObject?.uid === obj.metadata.uid || e.involvedObject?.kind === obj.kind && e.involvedObject?.name === obj.metadata.name && !e.involvedObject?.uid);
}

// src/printers/tabwriter.ts
function tabwrite(text, opts = {}) {
  const minwidth = opts.minwidth ?? 0;
  const padding = opts.padding ?? 1;
  const endsWithNewline = text.endsWith("\n");
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split("\n").map((l) => l.split("	"));
  const out = [];
  const widths = [];
  const writeLines = (from, to) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        if (j < cells.length - 1 && j < widths.length) s += c.padEnd(widths[j]);
        else if (j < cells.length - 1) s += c;
        else s += c;
      }
      out[i] = s;
    }
  };
  const format = (line0, line1) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        const w = [...lines[t][column]].length + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join("\n") + (endsWithNewline ? "\n" : "");
}

// src/printers/describe/writer.ts
var DescribeWriter = class {
  buf = [];
  write(level, text) {
    this.buf.push("  ".repeat(level) + text);
  }
  line(level, key, value) {
    this.write(level, `${key}:	${value}
`);
  }
  text() {
    return tabwrite(this.buf.join(""), { padding: 2 });
  }
};
function rfc1123z(iso) {
  if (!iso) return "<unset>";
  const d = new Date(iso);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
function writeMap(w, level, key, map, skip = []) {
  const keys = Object.keys(map ?? {}).filter((k) => !skip.includes(k)).sort();
  if (keys.length === 0) {
    w.line(level, key, "<none>");
    return;
  }
  keys.forEach((k, i) => {
    const value = key === "Annotations" ? `${k}: ${map[k]}` : `${k}=${map[k]}`;
    if (i === 0) w.line(level, key, value);
    else w.write(level, `	${value}
`);
  });
}

// src/printers/describe/pod.ts
function writeState(w, key, state) {
  if (state?.running) {
    w.line(2, key, "Running");
    w.line(3, "Started", rfc1123z(state.running.startedAt));
  } else if (state?.waiting) {
    w.line(2, key, "Waiting");
    w.line(3, "Reason", state.waiting.reason);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, key, "Terminated");
    w.line(3, "Reason", t.reason);
    w.line(3, "Exit Code", t.exitCode);
    w.line(3, "Started", rfc1123z(t.startedAt));
    w.line(3, "Finished", rfc1123z(t.finishedAt));
  } else w.line(2, key, "<none>");
}
function probeText(p) {
  const action = p.httpGet ? `http-get ${p.httpGet.scheme === "HTTPS" ? "https" : "http"}://:${p.httpGet.port}${p.httpGet.path ?? "/"}` : p.tcpSocket ? `tcp-socket :${p.tcpSocket.port}` : p.exec ? `exec [${(p.exec.command ?? []).join(" ")}]` : "unknown";
  return `${action} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}
function writeContainer(w, c, status, level, template) {
  w.write(level, `${c.name}:
`);
  const l = level + 1;
  if (!template) w.line(l, "Container ID", status?.containerID ?? "");
  w.line(l, "Image", c.image);
  if (!template) w.line(l, "Image ID", status?.imageID ?? "");
  const ports = c.ports ?? [];
  if (ports.length <= 1) {
    w.line(l, "Port", ports.length ? `${ports[0].containerPort}/${ports[0].protocol ?? "TCP"}` : "<none>");
    w.line(l, "Host Port", ports.length ? `${ports[0].hostPort ?? 0}/${ports[0].protocol ?? "TCP"}` : "<none>");
  } else {
    w.line(l, "Ports", ports.map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", "));
    w.line(l, "Host Ports", ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", "));
  }
  if (c.command?.length) {
    w.write(l, "Command:\n");
    for (const part of c.command) w.write(l + 1, `${part}
`);
  }
  if (c.args?.length) {
    w.write(l, "Args:\n");
    for (const part of c.args) w.write(l + 1, `${part}
`);
  }
  if (!template) {
    writeState(w, "State", status?.state);
    if (status?.lastState?.terminated) writeState(w, "Last State", status.lastState);
    w.line(l, "Ready", status?.ready ? "True" : "False");
    w.line(l, "Restart Count", status?.restartCount ?? 0);
  }
  for (const [key, kind] of [
    ["Limits", "limits"],
    ["Requests", "requests"]
  ]) {
    const r = c.resources?.[kind];
    if (r && Object.keys(r).length) {
      w.write(l, `${key}:
`);
      for (const k of Object.keys(r).sort()) w.line(l + 1, k, r[k]);
    }
  }
  if (c.livenessProbe) w.line(l, "Liveness", probeText(c.livenessProbe));
  if (c.readinessProbe) w.line(l, "Readiness", probeText(c.readinessProbe));
  if (c.startupProbe) w.line(l, "Startup", probeText(c.startupProbe));
  const env = c.env ?? [];
  if (env.length === 0) w.line(l, "Environment", "<none>");
  else {
    w.write(l, "Environment:\n");
    for (const e of env) w.line(l + 1, e.name, e.value ?? (e.valueFrom ? "<set to the key>" : ""));
  }
  const mounts = c.volumeMounts ?? [];
  if (mounts.length === 0) w.line(l, "Mounts", "<none>");
  else {
    w.write(l, "Mounts:\n");
    for (const m of mounts) w.write(l + 1, `${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})
`);
  }
}
function describePod(pod, ctx) {
  const w = new DescribeWriter();
  const v = ctx.version;
  w.line(0, "Name", pod.metadata.name);
  w.line(0, "Namespace", pod.metadata.namespace ?? "default");
  w.line(0, "Priority", pod.spec?.priority ?? 0);
  if (v >= 119) w.line(0, "Service Account", pod.spec?.serviceAccountName ?? "default");
  const node = pod.spec?.nodeName;
  w.line(0, "Node", node ? `${node}/${pod.status?.hostIP ?? ""}` : "<none>");
  if (pod.status?.startTime) w.line(0, "Start Time", rfc1123z(pod.status.startTime));
  writeMap(w, 0, "Labels", pod.metadata.labels);
  writeMap(w, 0, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp) {
    w.line(0, "Status", `Terminating (lasts ${Math.max(0, Math.round((Date.parse(pod.metadata.deletionTimestamp) - ctx.now) / 1e3))}s)`);
    w.line(0, "Termination Grace Period", `${pod.metadata.deletionGracePeriodSeconds ?? 30}s`);
  } else w.line(0, "Status", pod.status?.phase ?? "Pending");
  if (pod.status?.reason) w.line(0, "Reason", pod.status.reason);
  if (pod.status?.message) w.line(0, "Message", pod.status.message);
  w.line(0, "IP", pod.status?.podIP ?? "");
  if (v >= 116) {
    const ips = pod.status?.podIPs ?? [];
    if (ips.length === 0) w.line(0, "IPs", "<none>");
    else {
      w.write(0, "IPs:\n");
      for (const ip of ips) w.line(1, "IP", ip.ip);
    }
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.line(0, "Controlled By", `${owner.kind}/${owner.name}`);
  w.write(0, "Containers:\n");
  for (const c of pod.spec?.containers ?? []) {
    const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === c.name);
    writeContainer(w, c, status, 1, false);
  }
  const conds = pod.status?.conditions ?? [];
  if (conds.length) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type	Status\n");
    for (const c of conds) w.write(1, `${c.type} 	${c.status} 
`);
  }
  const vols = pod.spec?.volumes ?? [];
  if (vols.length === 0) w.line(0, "Volumes", "<none>");
  else {
    w.write(0, "Volumes:\n");
    for (const vol of vols) {
      w.write(1, `${vol.name}:
`);
      if (vol.persistentVolumeClaim) {
        w.line(2, "Type", "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
        w.line(2, "ClaimName", vol.persistentVolumeClaim.claimName);
        w.line(2, "ReadOnly", vol.persistentVolumeClaim.readOnly ? "true" : "false");
      } else if (vol.emptyDir) {
        w.line(2, "Type", "EmptyDir (a temporary directory that shares a pod's lifetime)");
        w.line(2, "Medium", vol.emptyDir.medium ?? "");
        w.line(2, "SizeLimit", vol.emptyDir.sizeLimit ?? "<unset>");
      } else w.line(2, "Type", Object.keys(vol).filter((k) => k !== "name")[0] ?? "<unknown>");
    }
  }
  w.line(0, "QoS Class", pod.status?.qosClass ?? "BestEffort");
  const ns = pod.spec?.nodeSelector;
  w.line(0, "Node-Selectors", ns && Object.keys(ns).length ? Object.keys(ns).sort().map((k) => `${k}=${ns[k]}`).join("\n	") : "<none>");
  const tols = pod.spec?.tolerations ?? [];
  if (tols.length === 0) w.line(0, "Tolerations", "<none>");
  else {
    tols.forEach((t, i) => {
      let s = t.key ?? "";
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (t.operator === "Exists" && !t.key) s = "op=Exists";
      if (t.tolerationSeconds !== void 0) s += ` for ${t.tolerationSeconds}s`;
      if (i === 0) w.line(0, "Tolerations", s);
      else w.write(0, `	${s}
`);
    });
  }
  writeEvents(w, ctx.events(pod), ctx.now, v);
  return w.text();
}

// src/printers/describe/pod-template.ts
function nameIndented(w) {
  const proxy = Object.create(w);
  let first = true;
  proxy.write = (level, text) => {
    w.write(level, first ? ` ${text}` : text);
    first = false;
  };
  return proxy;
}
function tolerationText(t) {
  let s = t.key ?? "";
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === "Exists" && !t.key) s = "op=Exists";
  if (t.tolerationSeconds !== void 0) s += ` for ${t.tolerationSeconds}s`;
  return s;
}
function writeContainers(w, label, containers) {
  w.write(1, `${label}:${containers.length === 0 ? " <none>" : ""}
`);
  for (const c of containers) writeContainer(nameIndented(w), c, void 0, 1, true);
}
function writePodTemplate(w, template, version) {
  w.write(0, "Pod Template:\n");
  if (!template) {
    w.write(1, "<unset>");
    return;
  }
  const spec = template.spec ?? {};
  writeMap(w, 1, "Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) writeMap(w, 1, "Annotations", template.metadata.annotations);
  if (spec.serviceAccountName) w.line(1, "Service Account", spec.serviceAccountName);
  if ((spec.initContainers ?? []).length > 0) writeContainers(w, "Init Containers", spec.initContainers);
  writeContainers(w, "Containers", spec.containers ?? []);
  const volumes = spec.volumes ?? [];
  if (volumes.length === 0) w.line(1, "Volumes", "<none>");
  else {
    w.write(1, "Volumes:\n");
    for (const v of volumes) {
      w.write(1, ` ${v.name}:
`);
      const type = Object.keys(v).find((k) => k !== "name") ?? "<unknown>";
      w.line(2, "Type", type);
    }
  }
  if (spec.priorityClassName) w.line(1, "Priority Class Name", spec.priorityClassName);
  if (version >= 130) {
    writeMap(w, 1, "Node-Selectors", spec.nodeSelector);
    const tols = spec.tolerations ?? [];
    if (tols.length === 0) w.line(1, "Tolerations", "<none>");
    else tols.forEach((t, i) => i === 0 ? w.line(1, "Tolerations", tolerationText(t)) : w.write(1, `	${tolerationText(t)}
`));
  }
}

export {
  tabwrite,
  DescribeWriter,
  rfc1123z,
  writeMap,
  writeEvents,
  eventsFor,
  describePod,
  writePodTemplate
};
