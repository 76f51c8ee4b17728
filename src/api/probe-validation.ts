/**
 * Validation of a container's liveness, readiness and startup probes, with
 * the API server's field paths and messages (validateLivenessProbe,
 * validateReadinessProbe, validateStartupProbe, validateProbe and
 * validateHandler in pkg/apis/core/validation, Kubernetes 1.32).
 */
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';

const NEGATIVE_MESSAGE = 'must be greater than or equal to 0';
const PORT_NUMBER_MESSAGE = 'must be between 1 and 65535, inclusive';

/** The handler fields of a probe, in the order validateHandler checks them. */
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** Returns IsValidPortName's messages for a named port. */
function portNameErrors(name: string): string[] {
  const messages: string[] = [];
  if (name.length > 15) messages.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) messages.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) messages.push('must contain at least one letter (a-z)');
  if (name.includes('--')) messages.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) messages.push('must not begin or end with a hyphen');
  return messages;
}

/** Checks a port number or name as ValidatePortNumOrName does; a missing port is the number 0. */
export function validatePortNumOrName(port: unknown, field: string): FieldCause[] {
  if (typeof port === 'string') return portNameErrors(port).map((message) => invalidValue(field, port, message));
  const number = typeof port === 'number' ? port : 0;
  return number >= 1 && number <= 65535 && Number.isInteger(number) ? [] : [invalidValue(field, number, PORT_NUMBER_MESSAGE)];
}

/** Checks the one handler a probe must have and the fields of the handler it has. */
function validateHandler(probe: any, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  let handlers = 0;
  for (const name of HANDLERS) {
    const action = probe[name];
    if (action === undefined || action === null) continue;
    if (handlers > 0) {
      causes.push({ field: `${field}.${name}`, type: 'Forbidden', detail: 'may not specify more than 1 handler type' });
      continue;
    }
    handlers++;
    causes.push(...validateHandlerAction(name, action, field));
  }
  if (handlers === 0) causes.push(required(field, 'must specify a handler type'));
  return causes;
}

/** Checks the fields of the exec, httpGet or tcpSocket action `name` of a probe or lifecycle hook at `field`. */
export function validateHandlerAction(name: string, action: any, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  if (name === 'exec' && (!Array.isArray(action.command) || action.command.length === 0)) causes.push(required(`${field}.exec.command`));
  if (name === 'httpGet') {
    if (!action.path) causes.push(required(`${field}.httpGet.path`));
    causes.push(...validatePortNumOrName(action.port, `${field}.httpGet.port`));
    if (action.scheme !== undefined && action.scheme !== 'HTTP' && action.scheme !== 'HTTPS') {
      causes.push(unsupportedValue(`${field}.httpGet.scheme`, action.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (name === 'tcpSocket') causes.push(...validatePortNumOrName(action.port, `${field}.tcpSocket.port`));
  return causes;
}

/** Checks what every probe type shares (validateProbe). */
function validateProbe(probe: any, field: string): FieldCause[] {
  const causes = validateHandler(probe, field);
  for (const name of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const value = probe[name];
    if (typeof value === 'number' && value < 0) causes.push(invalidValue(`${field}.${name}`, value, NEGATIVE_MESSAGE));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0) causes.push(invalidValue(`${field}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  return causes;
}

/**
 * Returns the causes for container `c`'s probes, whose field path is `field`
 * (`spec.containers[0]`). Liveness and startup probes need a
 * successThreshold of 1, and a readiness probe takes no
 * terminationGracePeriodSeconds, because the kubelet never kills for it.
 */
export function validateContainerProbes(c: any, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const type of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[type];
    if (!probe || typeof probe !== 'object') continue;
    causes.push(...validateProbe(probe, `${field}.${type}`));
    if (type !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
      causes.push(invalidValue(`${field}.${type}.successThreshold`, probe.successThreshold, 'must be 1'));
    }
    if (type === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      causes.push(invalidValue(`${field}.${type}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  return causes;
}
