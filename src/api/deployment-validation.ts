/**
 * The Deployment checks that follow the pod template in ValidateDeploymentSpec
 * (pkg/apis/apps/validation/validation.go, Kubernetes 1.32): the strategy,
 * minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds. They
 * run on the defaulted object, so a patch that sets `type: Recreate` keeps
 * the stored rollingUpdate and fails as it does on a real cluster.
 */
import { invalidValue, required, type FieldCause } from './errors.js';
import { goQuote, printsGoSyntax } from './go-syntax.js';

const STRATEGY_TYPES = ['Recreate', 'RollingUpdate'];
const NEGATIVE_MESSAGE = 'must be greater than or equal to 0';
/** IsValidPercent's message. */
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const PERCENT = /^[0-9]+%$/;

/**
 * Prints an intstr.IntOrString as the API server shows it in a field
 * error: Go's `%#v` of the struct before 1.34, JSON from 1.34.
 */
function intOrStringText(value: unknown, clusterVersion: number): string {
  if (!printsGoSyntax(clusterVersion)) return JSON.stringify(value ?? 0);
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof value === 'number' ? value : 0}, StrVal:""}`;
}

/** Returns what getIntOrPercentValue returns: a valid percent's digits, or the integer. */
function intOrPercentValue(value: unknown): number {
  if (typeof value === 'string') return PERCENT.test(value) ? Number(value.slice(0, -1)) : 0;
  return typeof value === 'number' ? value : 0;
}

/** ValidatePositiveIntOrPercent: a percent must match `[0-9]+%`, an integer must not be negative. */
function validatePositiveIntOrPercent(value: unknown, field: string, clusterVersion: number): FieldCause[] {
  if (typeof value === 'string') {
    if (PERCENT.test(value)) return [];
    return [{ ...invalidValue(field, value, PERCENT_MESSAGE), valueText: intOrStringText(value, clusterVersion) }];
  }
  const number = typeof value === 'number' ? value : 0;
  return number < 0 ? [invalidValue(field, number, NEGATIVE_MESSAGE)] : [];
}

/** ValidateRollingUpdateDeployment: both values valid, not both 0, and maxUnavailable at most 100%. */
function validateRollingUpdate(rollingUpdate: any, field: string, clusterVersion: number): FieldCause[] {
  const maxUnavailable = rollingUpdate.maxUnavailable;
  const maxSurge = rollingUpdate.maxSurge;
  const causes = validatePositiveIntOrPercent(maxUnavailable, `${field}.maxUnavailable`, clusterVersion);
  causes.push(...validatePositiveIntOrPercent(maxSurge, `${field}.maxSurge`, clusterVersion));
  const unavailableText = intOrStringText(maxUnavailable, clusterVersion);
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    causes.push({ ...invalidValue(`${field}.maxUnavailable`, maxUnavailable, 'may not be 0 when `maxSurge` is 0'), valueText: unavailableText });
  }
  if (typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
    causes.push({ ...invalidValue(`${field}.maxUnavailable`, maxUnavailable, 'must not be greater than 100%'), valueText: unavailableText });
  }
  return causes;
}

/**
 * Prints the whole strategy for an unsupported type, as field.NotSupported
 * receives it: `apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`.
 */
// NOTE: a real server prints a set rollingUpdate as its pointer address,
// which changes from request to request, so kubesim prints a fixed one.
function strategyText(strategy: any, clusterVersion: number): string {
  if (!printsGoSyntax(clusterVersion)) return JSON.stringify(strategy);
  const pointer = strategy.rollingUpdate ? '0xc000b2e0a0' : 'nil';
  return `apps.DeploymentStrategy{Type:${goQuote(String(strategy.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDeployment)(${pointer})}`;
}

/** ValidateDeploymentStrategy. */
function validateStrategy(strategy: any, field: string, clusterVersion: number): FieldCause[] {
  const s = strategy && typeof strategy === 'object' ? strategy : {};
  const rollingUpdate = s.rollingUpdate;
  const present = rollingUpdate !== undefined && rollingUpdate !== null;
  switch (s.type) {
    case 'Recreate':
      return present ? [{ field: `${field}.rollingUpdate`, type: 'Forbidden', detail: "may not be specified when strategy `type` is 'Recreate'" }] : [];
    case 'RollingUpdate':
      if (!present) return [required(`${field}.rollingUpdate`, 'this should be defaulted and never be nil')];
      return validateRollingUpdate(rollingUpdate, `${field}.rollingUpdate`, clusterVersion);
    default:
      return [
        {
          field,
          type: 'Unsupported value',
          hasValue: true,
          valueText: strategyText(s, clusterVersion),
          detail: `supported values: ${STRATEGY_TYPES.map((t) => `"${t}"`).join(', ')}`,
        },
      ];
  }
}

function nonnegative(value: unknown, field: string): FieldCause[] {
  return typeof value === 'number' && value < 0 ? [invalidValue(field, value, NEGATIVE_MESSAGE)] : [];
}

/** Returns the causes of a defaulted Deployment spec's fields after its pod template. */
export function validateDeploymentSpec(spec: any, clusterVersion: number): FieldCause[] {
  const causes = validateStrategy(spec.strategy, 'spec.strategy', clusterVersion);
  const minReadySeconds = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  causes.push(...nonnegative(minReadySeconds, 'spec.minReadySeconds'));
  causes.push(...nonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    causes.push(...nonnegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= minReadySeconds) causes.push(invalidValue('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return causes;
}
