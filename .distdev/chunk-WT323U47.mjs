import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  ApiError,
  ExitError,
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/cli/errors.ts
function reportError(err, io, path) {
  if (err instanceof ExitError) {
    if (err.message) io.err(err.message.endsWith("\n") ? err.message : err.message + "\n");
    return err.exitCode;
  }
  if (err instanceof ApiError) {
    if (err.reason === "Invalid") io.err(`${err.message}
`);
    else io.err(`Error from server (${err.reason}): ${err.message}
`);
    return 1;
  }
  if (err instanceof UsageError) {
    io.err(`error: ${err.message}
`);
    if (err.showHelpHint) io.err(`See 'kubesim ${path.join(" ")} --help' for usage.
`);
    return 1;
  }
  const e = err;
  if (e && (e.code === "SQLITE_BUSY" || e.code === "SQLITE_LOCKED")) {
    io.err("error: the cluster state is locked by another kubesim process; try again\n");
    return 1;
  }
  io.err(`error: ${e?.message ?? String(err)}
`);
  if (process.env.KUBESIM_DEBUG) io.err(`${e?.stack}
`);
  return 1;
}

export {
  reportError
};
