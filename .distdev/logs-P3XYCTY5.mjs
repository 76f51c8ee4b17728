import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  parseTargets
} from "./chunk-SS4MT4K6.mjs";
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
function containerLines(cluster, pod, container, opts) {
  const record = pod._sim;
  const rec = record?.containers[container];
  const status = (pod.status?.containerStatuses ?? []).find((c) => c.name === container);
  if (!rec || rec.startedAt === void 0) {
    const waiting = status?.state?.waiting?.reason ?? "ContainerCreating";
    const message = waiting === "ErrImagePull" || waiting === "ImagePullBackOff" ? `container "${container}" in pod "${pod.metadata.name}" is waiting to start: trying and failing to pull image` : `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting}`;
    throw new ApiError("BadRequest", 400, message);
  }
  let attempt = rec.stage === "wait" ? rec.restarts - 1 : rec.restarts;
  if (opts.previous) {
    attempt -= 1;
    if (attempt < 0) throw new ApiError("BadRequest", 400, `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
  }
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
  run(ctx, parsed) {
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
        for (const line of containerLines(cluster, pod, c, opts)) out.push(f.prefix ? `[pod/${pod.metadata.name}/${c}] ${line}` : line);
      }
    }
    ctx.io.out(out.map((l) => l + "\n").join(""));
  }
};
export {
  command
};
