/**
 * Errors as the API server and kubectl report them. Only src/cli turns these
 * into text on stderr and an exit code.
 */

export interface FieldCause {
  field: string;
  /** `Required value`, `Invalid value`, `Unsupported value`, `Forbidden`, ... */
  type: string;
  value?: unknown;
  hasValue?: boolean;
  /**
   * The value as Go's `%#v` prints it, shown in place of `value`. Kubernetes
   * before 1.34 prints a struct value that way (`core.ServicePort{Name:"", ...}`).
   */
  valueText?: string;
  detail?: string;
}

/** Builds a `Required value` cause. */
export function required(field: string, detail?: string): FieldCause {
  return { field, type: 'Required value', detail };
}

/** Builds an `Invalid value` cause. */
export function invalidValue(field: string, value: unknown, detail: string): FieldCause {
  return { field, type: 'Invalid value', value, hasValue: true, detail };
}

/** Builds an `Unsupported value` cause that lists the supported values, quoted, in the order given. */
export function unsupportedValue(field: string, value: unknown, supported: readonly string[]): FieldCause {
  return { field, type: 'Unsupported value', value, hasValue: true, detail: `supported values: ${supported.map((v) => `"${v}"`).join(', ')}` };
}

/** A Status error from the simulated API server: NotFound, AlreadyExists, Conflict, Invalid, BadRequest. */
export class ApiError extends Error {
  constructor(
    readonly reason: string,
    readonly code: number,
    message: string,
    readonly causes: FieldCause[] = [],
  ) {
    super(message);
  }
}

/** A command-line mistake: kubectl prints `error: <message>` and exits 1. */
export class UsageError extends Error {
  constructor(message: string, readonly showHelpHint = false) {
    super(message);
  }
}

/** A command-line parsing mistake (unknown flag, missing flag value): cobra prints `Error: <message>` and a usage hint. */
export class FlagError extends UsageError {
  constructor(message: string) {
    super(message, true);
  }
}

/** A missing required flag: kubectl 1.32 reports it through klog (`E1204 ... run.go:72] "command failed" err=...`). */
export class RequiredFlagError extends UsageError {
  constructor(readonly flags: string[]) {
    super(`required flag(s) ${flags.map((f) => `"${f}"`).join(', ')} not set`);
  }
}

/**
 * A failure kubectl 1.32 reports through klog (`E1205 ... run.go:72] "command failed" err=...`),
 * such as every error of `kubectl kustomize`.
 */
export class CommandFailedError extends Error {}

/** Ends the command with a given exit code after the command has printed what it needed to. */
export class ExitError extends Error {
  constructor(readonly exitCode: number, message = '') {
    super(message);
  }
}

export function notFound(resourceWithGroup: string, name: string): ApiError {
  return new ApiError('NotFound', 404, `${resourceWithGroup} "${name}" not found`);
}

export function alreadyExists(resourceWithGroup: string, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${resourceWithGroup} "${name}" already exists`);
}

export function conflict(resourceWithGroup: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${resourceWithGroup} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** Renders a value the way apimachinery's field errors do (strings quoted, objects as JSON). */
export function renderFieldValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function formatCause(c: FieldCause): string {
  let s = `${c.field}: ${c.type}`;
  if (c.hasValue) s += `: ${c.valueText ?? renderFieldValue(c.value)}`;
  if (c.detail) s += `: ${c.detail}`;
  return s;
}

/** The 422 Invalid error, with kubectl's single-cause and multi-cause message shapes. */
export function invalid(kind: string, name: string, causes: FieldCause[]): ApiError {
  const head = `${kind} "${name}" is invalid`;
  const message =
    causes.length === 1 ? `The ${head}: ${formatCause(causes[0])}` : `The ${head}: \n${causes.map((c) => `* ${formatCause(c)}`).join('\n')}`;
  return new ApiError('Invalid', 422, message, causes);
}
