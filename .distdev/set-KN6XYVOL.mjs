import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/set/index.ts
var command = {
  use: "set SUBCOMMAND",
  short: "Set specific features on objects.",
  long: "Configure application resources.\n\n These commands help you make changes to existing application resources.",
  flags: [],
  subcommands: {
    image: () => import("./image-O7P7YLNW.mjs")
  }
};
export {
  command
};
