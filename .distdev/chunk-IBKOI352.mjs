import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/api/errors.ts
var ApiError = class extends Error {
  constructor(reason, code, message, causes = []) {
    super(message);
    this.reason = reason;
    this.code = code;
    this.causes = causes;
  }
  reason;
  code;
  causes;
};
var UsageError = class extends Error {
  constructor(message, showHelpHint = false) {
    super(message);
    this.showHelpHint = showHelpHint;
  }
  showHelpHint;
};
var ExitError = class extends Error {
  constructor(exitCode, message = "") {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
function notFound(resourceWithGroup, name) {
  return new ApiError("NotFound", 404, `${resourceWithGroup} "${name}" not found`);
}
function alreadyExists(resourceWithGroup, name) {
  return new ApiError("AlreadyExists", 409, `${resourceWithGroup} "${name}" already exists`);
}
function conflict(resourceWithGroup, name) {
  return new ApiError(
    "Conflict",
    409,
    `Operation cannot be fulfilled on ${resourceWithGroup} "${name}": the object has been modified; please apply your changes to the latest version and try again`
  );
}
function renderFieldValue(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === void 0) return "null";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
function formatCause(c) {
  let s = `${c.field}: ${c.type}`;
  if (c.hasValue) s += `: ${renderFieldValue(c.value)}`;
  if (c.detail) s += `: ${c.detail}`;
  return s;
}
function invalid(kind, name, causes) {
  const head = `${kind} "${name}" is invalid`;
  const message = causes.length === 1 ? `The ${head}: ${formatCause(causes[0])}` : `The ${head}: 
${causes.map((c) => `* ${formatCause(c)}`).join("\n")}`;
  return new ApiError("Invalid", 422, message, causes);
}

export {
  ApiError,
  UsageError,
  ExitError,
  notFound,
  alreadyExists,
  conflict,
  formatCause,
  invalid
};
