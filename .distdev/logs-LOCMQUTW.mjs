import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  stepClock
} from "./chunk-TFBWAUJ7.mjs";
import {
  parseTargets
} from "./chunk-EJADYZSX.mjs";
import {
  fromLabelSelector,
  matches,
  parseSelector
} from "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  ApiError,
  UsageError,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/commands/logs/follow.ts
function isStreamOpen(cluster, s) {
  const pod = cluster.store.get("pods", s.namespace, s.pod);
  if (!pod || pod.metadata.uid !== s.podUid) return false;
  const rec = pod._sim?.containers[s.container];
  return !!rec && rec.stage === "run" && rec.restarts === s.attempt;
}
function nextLineTime(cluster, s) {
  const row = cluster.store.db.prepare("SELECT min(ts) AS ts FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND ts > ?").get(s.podUid, s.container, s.attempt, cluster.simNow);
  return row.ts ?? void 0;
}
function printNew(cluster, s, out) {
  const lines = cluster.store.readLogs(s.podUid, s.container, s.attempt, cluster.simNow);
  if (lines.length <= s.printed) return;
  out(lines.slice(s.printed).map((l) => s.format(l) + "\n").join(""));
  s.printed = lines.length;
}
async function followStreams(cluster, streams, out) {
  for (; ; ) {
    for (const s of streams) printNew(cluster, s, out);
    const open = streams.filter((s) => isStreamOpen(cluster, s));
    if (open.length === 0) return;
    const times = open.map((s) => nextLineTime(cluster, s)).filter((t) => t !== void 0);
    const extra = times.length > 0 ? Math.min(...times) : void 0;
    if (!await stepClock(cluster, { extra })) {
      for (const s of streams) printNew(cluster, s, out);
      return;
    }
  }
}

// src/commands/logs/index.ts
function rfc3339Nano(ms) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}
function findPod(cluster, arg, ns) {
  if (!arg.includes("/")) {
    const pod = cluster.store.get("pods", ns, arg);
    if (!pod) throw notFound("pods", arg);
    return pod;
  }
  const [t] = parseTargets([arg]);
  const name = t.names[0];
  if (t.info.resource === "pods") {
    const pod = cluster.store.get("pods", ns, name);
    if (!pod) throw notFound("pods", name);
    return pod;
  }
  const owner = cluster.store.get(t.info.resource, ns, name);
  if (!owner) throw notFound(t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource, name);
  const sel = fromLabelSelector(owner.spec?.selector?.matchLabels || owner.spec?.selector?.matchExpressions ? owner.spec.selector : { matchLabels: owner.spec?.selector ?? {} });
  const pods = cluster.store.list("pods", ns).filter((p) => matches(sel, p.metadata.labels));
  if (pods.length === 0) throw new UsageError(`timed out waiting for the condition`);
  pods.sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? ""));
  return pods[0];
}
function currentAttempt(pod, container, previous) {
  const rec = pod._sim?.containers[container];
  const status = (pod.status?.containerStatuses ?? []).find((c) => c.name === container);
  if (!rec || rec.startedAt === void 0) {
    const waiting = status?.state?.waiting?.reason ?? "ContainerCreating";
    const message = waiting === "ErrImagePull" || waiting === "ImagePullBackOff" ? `container "${container}" in pod "${pod.metadata.name}" is waiting to start: trying and failing to pull image` : `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting}`;
    throw new ApiError("BadRequest", 400, message);
  }
  let attempt = rec.stage === "wait" || rec.stage === "start" && rec.last ? rec.restarts - 1 : rec.restarts;
  if (previous) {
    attempt -= 1;
    if (attempt < 0) throw new ApiError("BadRequest", 400, `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
  }
  return attempt;
}
function containerLines(cluster, pod, container, opts) {
  const attempt = currentAttempt(pod, container, opts.previous);
  let lines = cluster.store.readLogs(pod.metadata.uid, container, attempt, cluster.simNow);
  if (opts.since > 0) lines = lines.filter((l) => l.ts >= cluster.simNow - opts.since);
  if (opts.sinceTime) lines = lines.filter((l) => l.ts >= Date.parse(opts.sinceTime));
  if (opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
  return lines.map((l) => opts.timestamps ? `${rfc3339Nano(l.ts)} ${l.line}` : l.line);
}
var command = {
  use: "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]",
  short: "Print the logs for a container in a pod or specified resource.",
  examples: "  # Return snapshot logs from pod nginx with only one container\n  kubesim logs nginx",
  flags: [
    { name: "container", short: "c", type: "string", default: "", help: "Print the logs of this container" },
    { name: "follow", short: "f", type: "bool", default: false, help: "Specify if the logs should be streamed." },
    { name: "previous", short: "p", type: "bool", default: false, help: "If true, print the logs for the previous instance of the container in a pod if it exists." },
    { name: "tail", type: "int", default: -1, help: "Lines of recent log file to display." },
    { name: "since", type: "duration", default: 0, help: "Only return logs newer than a relative duration like 5s, 2m, or 3h." },
    { name: "since-time", type: "string", default: "", help: "Only return logs after a specific date (RFC3339)." },
    { name: "timestamps", type: "bool", default: false, help: "Include timestamps on each line in the log output" },
    { name: "all-containers", type: "bool", default: false, help: "Get all containers' logs in the pod(s)." },
    { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." },
    { name: "prefix", type: "bool", default: false, help: "Prefix each log line with the log source (pod name and container name)" },
    { name: "max-log-requests", type: "int", default: 5, help: "Specify maximum number of concurrent logs to follow when using by a selector." }
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    const cluster = ctx.cluster();
    const ns = ctx.namespace;
    let pods;
    if (f.selector) {
      const sel = parseSelector(f.selector);
      pods = cluster.store.list("pods", ns).filter((p) => matches(sel, p.metadata.labels));
      if (pods.length === 0) {
        ctx.io.err(`No resources found in ${ns} namespace.
`);
        return 0;
      }
    } else {
      if (parsed.args.length === 0) throw new UsageError("expected POD or TYPE/NAME is a required argument for the logs command", true);
      pods = [findPod(cluster, parsed.args[0], ns)];
      if (parsed.args[1] && !f.container) f.container = parsed.args[1];
    }
    const opts = { previous: f.previous, tail: f.tail, since: f.since, sinceTime: f["since-time"], timestamps: f.timestamps };
    const out = [];
    const streams = [];
    for (const pod of pods) {
      const names = (pod.spec?.containers ?? []).map((c) => c.name);
      let chosen;
      if (f["all-containers"]) chosen = names;
      else if (f.container) {
        if (!names.includes(f.container)) throw new ApiError("BadRequest", 400, `container ${f.container} is not valid for pod ${pod.metadata.name}`);
        chosen = [f.container];
      } else if (names.length === 1) chosen = names;
      else if (f.selector) chosen = [names[0]];
      else throw new UsageError(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(" ")}]`);
      for (const c of chosen) {
        const prefix = f.prefix ? `[pod/${pod.metadata.name}/${c}] ` : "";
        const lines = containerLines(cluster, pod, c, opts);
        for (const line of lines) out.push(prefix + line);
        if (f.follow) {
          const attempt = currentAttempt(pod, c, f.previous);
          streams.push({
            namespace: ns,
            pod: pod.metadata.name,
            podUid: pod.metadata.uid,
            container: c,
            attempt,
            printed: cluster.store.readLogs(pod.metadata.uid, c, attempt, cluster.simNow).length,
            format: (l) => prefix + (f.timestamps ? `${rfc3339Nano(l.ts)} ${l.line}` : l.line)
          });
        }
      }
    }
    ctx.io.out(out.map((l) => l + "\n").join(""));
    if (f.follow && !f.previous) await followStreams(cluster, streams, (text) => ctx.io.out(text));
  }
};
export {
  command
};
