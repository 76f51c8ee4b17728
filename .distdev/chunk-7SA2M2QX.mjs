import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/shared/record.ts
var CHANGE_CAUSE = "kubernetes.io/change-cause";
function changeCause(path, parsed) {
  const flags = [...parsed.set].filter((n) => n !== "cluster" && n !== "context").sort().flatMap((n) => {
    const v = parsed.flags[n];
    return Array.isArray(v) ? v.map((x) => `--${n}=${x}`) : [`--${n}=${v}`];
  });
  return ["kubectl", ...path, ...parsed.args, ...flags].join(" ");
}

export {
  CHANGE_CAUSE,
  changeCause
};
