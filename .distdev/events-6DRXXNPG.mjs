import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  translateTimestampSince
} from "./chunk-72ZWYUBZ.mjs";
import {
  formatTable
} from "./chunk-QGLCBEXV.mjs";
import {
  resolveType
} from "./chunk-EJADYZSX.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/events/index.ts
function eventTime(e) {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? "";
}
var command = {
  use: "events [(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]",
  short: "List events.",
  flags: [
    { name: "for", type: "string", default: "", help: "Filter events to only those pertaining to the specified resource." },
    { name: "types", type: "stringArray", default: [], help: "Output only events of given types." },
    { name: "all-namespaces", short: "A", type: "bool", default: false, help: "If present, list the requested object(s) across all namespaces." },
    { name: "no-headers", type: "bool", default: false, help: "When using the default output format, don't print headers." },
    { name: "output", short: "o", type: "string", default: "", help: "Output format." },
    { name: "watch", short: "w", type: "bool", default: false, help: "After listing the requested events, watch for more events." }
  ],
  run(ctx) {
    const f = ctx.flags;
    const cluster = ctx.cluster();
    let events = f["all-namespaces"] ? cluster.store.list("events") : cluster.store.list("events", ctx.namespace);
    if (f.for) {
      const slash = f.for.indexOf("/");
      if (slash < 0) throw new UsageError(`--for must be in resource/name form`);
      const { info } = resolveType(f.for.slice(0, slash));
      const name = f.for.slice(slash + 1);
      events = events.filter((e) => e.involvedObject?.kind === info.kind && e.involvedObject?.name === name);
    }
    const types = f.types.flatMap((t) => t.split(","));
    for (const t of types) if (t !== "Normal" && t !== "Warning") throw new UsageError(`valid --types are Normal or Warning`);
    if (types.length) events = events.filter((e) => types.includes(e.type));
    events.sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
    if (events.length === 0) {
      ctx.io.err(f["all-namespaces"] ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.
`);
      return;
    }
    const header = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
    if (f["all-namespaces"]) header.unshift("NAMESPACE");
    const rows = events.map((e) => {
      const row = [translateTimestampSince(eventTime(e), cluster.simNow), e.type, e.reason, `${e.involvedObject?.kind}/${e.involvedObject?.name}`, String(e.message ?? "").trim()];
      if (f["all-namespaces"]) row.unshift(e.metadata.namespace ?? "");
      return row;
    });
    ctx.io.out(formatTable(header, rows, { noHeaders: f["no-headers"] }));
  }
};
export {
  command
};
