import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  VERBS
} from "./chunk-GC4OGRRW.mjs";
import {
  GLOBAL_FLAGS
} from "./chunk-SMSUD63N.mjs";
import {
  RESOURCES,
  findResource
} from "./chunk-54XMLGHN.mjs";
import "./chunk-IBKOI352.mjs";

// src/commands/__complete/index.ts
var TYPED_VERBS = /* @__PURE__ */ new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "scale", "rollout", "explain", "autoscale", "expose", "wait", "top", "cordon", "uncordon", "drain", "taint"]);
var command = {
  use: "__complete WORDS...",
  short: "Print completion candidates (used by the completion scripts).",
  flags: [],
  async run(ctx, parsed) {
    const words = [...parsed.args];
    const current = parsed.dashArgs.length ? parsed.dashArgs[parsed.dashArgs.length - 1] : words.pop() ?? "";
    const verb = words[0];
    let candidates = [];
    if (!verb) candidates = Object.keys(VERBS).filter((v) => !v.startsWith("__"));
    else if (current.startsWith("-")) {
      const v = VERBS[verb];
      const def = v ? (await v.load()).command : void 0;
      candidates = [...def?.flags ?? [], ...GLOBAL_FLAGS].filter((f) => !f.hidden).map((f) => `--${f.name}`);
    } else if (TYPED_VERBS.has(verb)) {
      const positional = words.slice(1).filter((w) => !w.startsWith("-"));
      if (positional.length === 0) candidates = RESOURCES.map((r) => r.resource);
      else {
        const info = findResource(positional[0].split("/")[0]);
        if (info) {
          try {
            const cluster = ctx.cluster();
            candidates = cluster.store.list(info.resource, info.namespaced ? ctx.namespace : void 0).map((o) => o.metadata.name);
          } catch {
            candidates = [];
          }
        }
      }
    }
    ctx.io.out(candidates.filter((c) => c.startsWith(current)).map((c) => c + "\n").join(""));
  }
};
export {
  command
};
