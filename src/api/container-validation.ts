/**
 * Validation of a pod spec's volumes, containers and security context with
 * the API server's field paths, messages and order (ValidateVolumes,
 * validateContainers, validateContainerCommon, validateContainerPorts,
 * ValidateVolumeMounts, validatePullPolicy, validateResourceRequirements
 * and the security context checks in pkg/apis/core/validation/validation.go,
 * Kubernetes 1.32).
 */
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { dns1123LabelErrors, envVarNameErrors, portNameErrors, PORT_RANGE_MESSAGE, relaxedEnvVarNameErrors } from './name-validation.js';
import { validateContainerProbes } from './probe-validation.js';
import { validateContainerLifecycle } from './lifecycle-validation.js';
import { formatQuantity, parseQuantity } from './quantity.js';

/** Supported values, sorted as the API server lists them. */
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
/** validateContainerCommon lists these in declaration order, not sorted. */
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

/** IsValidUserID and IsValidGroupID: InclusiveRangeError(0, math.MaxInt32). */
const ID_RANGE_MESSAGE = 'must be between 0 and 2147483647, inclusive';
const MAX_ID = 2147483647;

/** Inputs from the pod spec that the checks of one container need. */
export interface ContainerContext {
  clusterVersion: number;
  /** The pod's terminationGracePeriodSeconds, for lifecycle hooks. */
  grace?: number;
  /** Names of the pod's volumes that passed validation, the only names a mount may use. */
  volumes: ReadonlySet<string>;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Checks spec.volumes as ValidateVolumes does for the fields kubesim reads:
 * each name is required, a DNS-1123 label and unique. Returns the causes
 * and the names of the volumes without causes, the only ones a volume
 * mount may name.
 */
export function validateVolumes(volumes: unknown, field: string): { causes: FieldCause[]; names: Set<string> } {
  const causes: FieldCause[] = [];
  const names = new Set<string>();
  listOf(volumes).forEach((volume, i) => {
    const namePath = `${field}[${i}].name`;
    const name = isObject(volume) && typeof volume.name === 'string' ? volume.name : '';
    const own: FieldCause[] = [];
    if (name === '') own.push(required(namePath));
    else for (const message of dns1123LabelErrors(name)) own.push(invalidValue(namePath, name, message));
    if (names.has(name)) own.push({ field: namePath, type: 'Duplicate value', value: name, hasValue: true });
    if (own.length === 0) names.add(name);
    causes.push(...own);
  });
  return { causes, names };
}

/**
 * Checks a container env var's name as ValidateEnv does: required, then
 * IsRelaxedEnvVarName from Kubernetes 1.32 (the RelaxedEnvironmentVariableValidation
 * gate turned on by default) or IsEnvVarName before.
 */
function validateEnvVarName(name: unknown, field: string, clusterVersion: number): FieldCause[] {
  if (typeof name !== 'string' || name === '') return [required(field)];
  const messages = clusterVersion >= 132 ? relaxedEnvVarNameErrors(name) : envVarNameErrors(name);
  return messages.map((message) => invalidValue(field, name, message));
}

/** validateContainerPorts: the name, containerPort, hostPort and protocol of each port. */
function validateContainerPorts(ports: unknown, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const names = new Set<string>();
  listOf(ports).forEach((p, i) => {
    const at = `${field}[${i}]`;
    const port = isObject(p) ? p : {};
    if (typeof port.name === 'string' && port.name !== '') {
      const messages = portNameErrors(port.name);
      for (const message of messages) causes.push(invalidValue(`${at}.name`, port.name, message));
      if (messages.length === 0 && names.has(port.name)) causes.push({ field: `${at}.name`, type: 'Duplicate value', value: port.name, hasValue: true });
      else if (messages.length === 0) names.add(port.name);
    }
    const containerPort = port.containerPort;
    if (containerPort === undefined || containerPort === null || containerPort === 0) causes.push(required(`${at}.containerPort`));
    else if (!isPortNumber(containerPort)) causes.push(invalidValue(`${at}.containerPort`, containerPort, PORT_RANGE_MESSAGE));
    const hostPort = port.hostPort;
    if (hostPort !== undefined && hostPort !== null && hostPort !== 0 && !isPortNumber(hostPort)) causes.push(invalidValue(`${at}.hostPort`, hostPort, PORT_RANGE_MESSAGE));
    if (!port.protocol) causes.push(required(`${at}.protocol`));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) causes.push(unsupportedValue(`${at}.protocol`, port.protocol, PORT_PROTOCOLS));
  });
  return causes;
}

function isPortNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** ValidateVolumeMounts: each mount names a valid volume and has a unique mountPath. */
function validateVolumeMounts(mounts: unknown, field: string, volumes: ReadonlySet<string>): FieldCause[] {
  const causes: FieldCause[] = [];
  const paths = new Set<string>();
  listOf(mounts).forEach((m, i) => {
    const at = `${field}[${i}]`;
    const mount = isObject(m) ? m : {};
    const name = typeof mount.name === 'string' ? mount.name : '';
    const mountPath = typeof mount.mountPath === 'string' ? mount.mountPath : '';
    if (name === '') causes.push(required(`${at}.name`));
    if (!volumes.has(name)) causes.push({ field: `${at}.name`, type: 'Not found', value: name, hasValue: true });
    if (mountPath === '') causes.push(required(`${at}.mountPath`));
    if (paths.has(mountPath)) causes.push(invalidValue(`${at}.mountPath`, mountPath, 'must be unique'));
    paths.add(mountPath);
  });
  return causes;
}

/**
 * validateResourceRequirements for the quantities: every limit, then every
 * request, must not be negative, and a request may not exceed its limit.
 * Go walks these maps in random order, and kubesim uses the manifest's order.
 * Quantities are printed in canonical form, as the API server prints them.
 */
function validateResources(resources: unknown, field: string, clusterVersion: number): FieldCause[] {
  if (!isObject(resources)) return [];
  const causes: FieldCause[] = [];
  const limits = isObject(resources.limits) ? resources.limits : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  for (const [name, quantity] of Object.entries(limits)) causes.push(...validateNonnegativeQuantity(quantity, `${field}.limits[${name}]`));
  for (const [name, quantity] of Object.entries(requests)) {
    causes.push(...validateNonnegativeQuantity(quantity, `${field}.requests[${name}]`));
    if (!(name in limits)) continue;
    if (parseQuantity(quantity) <= parseQuantity(limits[name])) continue;
    const request = formatQuantity(quantity) ?? String(quantity);
    const limit = formatQuantity(limits[name]) ?? String(limits[name]);
    // Kubernetes 1.27 added the limit's value to the message.
    const detail = clusterVersion >= 127 ? `must be less than or equal to ${name} limit of ${limit}` : `must be less than or equal to ${name} limit`;
    causes.push(invalidValue(`${field}.requests`, request, detail));
  }
  return causes;
}

function validateNonnegativeQuantity(quantity: unknown, field: string): FieldCause[] {
  if (!(parseQuantity(quantity) < 0)) return [];
  return [invalidValue(field, formatQuantity(quantity) ?? String(quantity), 'must be greater than or equal to 0')];
}

/** Checks the user and group IDs of a pod's or a container's security context (IsValidUserID, IsValidGroupID). */
export function validateSecurityContextIds(context: unknown, field: string, keys: readonly string[]): FieldCause[] {
  if (!isObject(context)) return [];
  const causes: FieldCause[] = [];
  for (const key of keys) {
    const id = context[key];
    if (typeof id !== 'number') continue;
    if (!Number.isInteger(id) || id < 0 || id > MAX_ID) causes.push(invalidValue(`${field}.${key}`, id, ID_RANGE_MESSAGE));
  }
  return causes;
}

/** validateContainerCommon: the checks every container gets, in the API server's order. */
function validateContainerCommon(c: Record<string, any>, f: string, ctx: ContainerContext): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!c.name) causes.push(required(`${f}.name`));
  else for (const message of dns1123LabelErrors(String(c.name))) causes.push(invalidValue(`${f}.name`, c.name, message));
  if (!c.image || typeof c.image !== 'string' || !c.image.trim()) causes.push(required(`${f}.image`));

  const policy = c.terminationMessagePolicy;
  if (policy === undefined || policy === null || policy === '') causes.push(required(`${f}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(policy)) causes.push(unsupportedValue(`${f}.terminationMessagePolicy`, policy, TERMINATION_MESSAGE_POLICIES));

  causes.push(...validateContainerPorts(c.ports, `${f}.ports`));
  listOf(c.env).forEach((e, j) => causes.push(...validateEnvVarName(isObject(e) ? e.name : undefined, `${f}.env[${j}].name`, ctx.clusterVersion)));
  causes.push(...validateVolumeMounts(c.volumeMounts, `${f}.volumeMounts`, ctx.volumes));

  const pull = c.imagePullPolicy;
  if (pull === undefined || pull === null || pull === '') causes.push(required(`${f}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) causes.push(unsupportedValue(`${f}.imagePullPolicy`, pull, PULL_POLICIES));

  causes.push(...validateResources(c.resources, `${f}.resources`, ctx.clusterVersion));
  causes.push(...validateSecurityContextIds(c.securityContext, `${f}.securityContext`, ['runAsUser', 'runAsGroup']));
  return causes;
}

/**
 * validateContainers: the common checks of each container, then its
 * name's uniqueness, lifecycle hooks and probes. A null list item is
 * checked as an empty container, as the API server decodes it.
 */
export function validateContainers(containers: unknown, field: string, ctx: ContainerContext): FieldCause[] {
  if (!Array.isArray(containers) || containers.length === 0) return [required(field)];
  const causes: FieldCause[] = [];
  const names = new Set<string>();
  containers.forEach((item: unknown, i: number) => {
    const f = `${field}[${i}]`;
    const c = isObject(item) ? item : {};
    causes.push(...validateContainerCommon(c, f, ctx));
    const name = typeof c.name === 'string' ? c.name : '';
    if (names.has(name)) causes.push({ field: `${f}.name`, type: 'Duplicate value', value: name, hasValue: true });
    names.add(name);
    causes.push(...validateContainerLifecycle(c, f, ctx.grace, ctx.clusterVersion));
    causes.push(...validateContainerProbes(c, f));
  });
  return causes;
}
