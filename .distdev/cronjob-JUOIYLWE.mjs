import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  GENERATOR_FLAGS,
  generateCronJob,
  writeGenerated
} from "./chunk-2CZMCB5M.mjs";
import "./chunk-4PCKHPMC.mjs";
import "./chunk-7SA2M2QX.mjs";
import "./chunk-NKO3TLXE.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-OUAFUQHJ.mjs";
import "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/create/cronjob.ts
var command = {
  use: "create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  short: "Create a cron job with the specified name.",
  examples: [
    "  # Create a cron job",
    '  kubesim create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    "",
    "  # Create a cron job with a command",
    '  kubesim create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date'
  ].join("\n"),
  flags: [
    { name: "image", type: "string", default: "", help: "Image name to run." },
    { name: "schedule", type: "string", default: "", help: "A schedule in the Cron format the job should be run with." },
    { name: "restart", type: "string", default: "OnFailure", help: "job's restart policy. supported values: OnFailure, Never" },
    ...GENERATOR_FLAGS
  ],
  run(ctx, parsed) {
    const missing = ["image", "schedule"].filter((f) => !parsed.set.has(f));
    if (missing.length > 0) throw new UsageError(`required flag(s) ${missing.map((f) => `"${f}"`).join(", ")} not set`);
    const name = parsed.args[0];
    if (!name) throw new UsageError("NAME is required", true);
    if (parsed.args.length > 1) throw new UsageError(`exactly one NAME is required, got ${parsed.args.length}`, true);
    const restart = ctx.flags.restart;
    if (restart !== "OnFailure" && restart !== "Never") throw new UsageError(`invalid restart policy: ${restart}`);
    return writeGenerated(ctx, generateCronJob(name, ctx.flags.image, ctx.flags.schedule, parsed.dashArgs, restart), "cronjob.batch");
  }
};
export {
  command
};
