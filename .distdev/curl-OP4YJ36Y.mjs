import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  MYAPP_NGINX_VERSION,
  NGINX_WELCOME_PAGE,
  formatErrorPage,
  planContainer
} from "./chunk-KP5HNRA6.mjs";
import {
  ExitError,
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/images/http.ts
function formatMyappIndex(version) {
  return `Hello MyApp | Version: ${version} | <a href="hostname.html">Pod Name</a>
`;
}
function serveHttp(plan, ctx, path) {
  const cleanPath = (path.split(/[?#]/)[0] || "/").replace(/\/{2,}/g, "/");
  switch (plan.serves) {
    case "myapp": {
      const nginxVersion = plan.serverVersion ?? MYAPP_NGINX_VERSION;
      if (cleanPath === "/" || cleanPath === "/index.html") {
        return { status: 200, body: formatMyappIndex(plan.version ?? "v1") };
      }
      if (cleanPath === "/hostname.html") return { status: 200, body: `${ctx.hostname}
` };
      return { status: 404, body: formatErrorPage("404 Not Found", nginxVersion) };
    }
    case "nginx": {
      const nginxVersion = plan.serverVersion ?? "1.29.3";
      if (cleanPath === "/" || cleanPath === "/index.html") return { status: 200, body: NGINX_WELCOME_PAGE };
      return { status: 404, body: formatErrorPage("404 Not Found", nginxVersion) };
    }
    case "generic-http":
      return { status: 200, body: "" };
    default:
      return { status: 0, body: "" };
  }
}

// src/network/http.ts
function resolveHttpTarget(cluster, url, namespace) {
  void cluster;
  void namespace;
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { host: url, port: 80, path: "/" };
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? "/" };
}
function podByIP(cluster, ip) {
  const row = cluster.store.db.prepare("SELECT data FROM objects WHERE resource = 'pods' AND json_extract(data, '$.status.podIP') = ? LIMIT 1").get(ip);
  return row ? JSON.parse(row.data) : void 0;
}
function httpGet(cluster, target) {
  const pod = podByIP(cluster, target.host);
  const timeout = { body: "", error: `curl: (28) Failed to connect to ${target.host} port ${target.port} after 129318 ms: Couldn't connect to server`, exitCode: 28 };
  if (!pod) return timeout;
  return podGet(cluster, pod, target);
}
function podGet(cluster, pod, target) {
  const refused = { body: "", error: `curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`, exitCode: 7 };
  const record = pod._sim;
  for (const spec of pod.spec?.containers ?? []) {
    const rec = record?.containers[spec.name];
    if (!rec || rec.stage !== "run") continue;
    const env = {};
    for (const e of spec.env ?? []) if (e?.name) env[e.name] = String(e.value ?? "");
    const ctx = {
      podName: pod.metadata.name,
      hostname: pod.spec.hostname ?? pod.metadata.name,
      podIP: pod.status?.podIP ?? "",
      namespace: pod.metadata.namespace ?? "default",
      nodeName: pod.spec.nodeName,
      startedAt: rec.startedAt ?? 0,
      env
    };
    const plan = planContainer({ name: spec.name, image: spec.image, command: spec.command, args: spec.args, env: spec.env }, ctx);
    const ports = (spec.ports ?? []).map((p) => p.containerPort);
    if (ports.length > 0 && !ports.includes(target.port) && target.port !== 80) continue;
    const res = serveHttp(plan, ctx, target.path);
    if (res.status === 0) continue;
    return { status: res.status, body: res.body };
  }
  void cluster;
  return refused;
}

// src/commands/curl/index.ts
var command = {
  use: "curl [-s] [-i] URL",
  short: "Send an HTTP GET to a pod or Service inside the simulated network.",
  examples: "  # Ask a pod for its page\n  kubesim curl 10.244.1.28\n  kubesim curl 10.244.1.28/hostname.html",
  flags: [
    { name: "silent", short: "s", type: "bool", default: false, help: "Silent mode: no error messages." },
    { name: "include", short: "i", type: "bool", default: false, help: "Include the HTTP status line in the output." }
  ],
  run(ctx, parsed) {
    const url = parsed.args[0];
    if (!url) throw new UsageError("no URL specified", true);
    const cluster = ctx.cluster();
    const target = resolveHttpTarget(cluster, url, ctx.namespace);
    const res = httpGet(cluster, target);
    if (res.error) {
      if (!ctx.flags.silent) ctx.io.err(`${res.error}
`);
      throw new ExitError(res.exitCode ?? 7);
    }
    if (ctx.flags.include) ctx.io.out(`HTTP/1.1 ${res.status} ${res.status === 200 ? "OK" : res.status === 404 ? "Not Found" : ""}

`);
    ctx.io.out(res.body);
  }
};
export {
  command
};
