/**
 * Object builders for the kubectl commands that generate objects
 * (`create deployment|job|cronjob|namespace|service|configmap|secret`, `run`,
 * `expose`). Each returns the object kubectl v1.32 prints with
 * `--dry-run=client`, so its `-o yaml` output is identical. Keys are inserted
 * in Go struct field order, so `-o json` without key sorting matches too.
 */

import type { KObject } from '../api/types';
import { goAtoi, meta, parseLabels, parsePairs, sortedMap } from './generator-helpers';
import { envVarNameErrors, portNameErrors, portNumberErrors } from '../api/name-validation';

/** Flags of `kubectl create deployment NAME --image=I... [--replicas] [--port] [-- CMD]`. */
export interface DeploymentFlags {
  name: string;
  images: string[];
  replicas?: number;
  /** `--port`: set on the first container only, as kubectl does. */
  port?: number;
  command?: string[];
  /** Set when `-n` was given explicitly; kubectl then prints it. */
  namespace?: string;
  /** Random suffix for a container name that had `_` or `.` replaced (kubectl uses 5 random characters). */
  randomSuffix?: () => string;
}

/** Builds the Deployment of `kubectl create deployment`. */
export function generateDeployment(f: DeploymentFlags): KObject {
  if (f.images.length > 1 && f.command && f.command.length > 0) {
    throw new Error('cannot specify multiple --image options and command');
  }
  const labels = { app: f.name };
  const containers = f.images.map((image) => container({ name: containerNameFromImage(image, f.randomSuffix), image, command: f.command }));
  if (f.port !== undefined && f.port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: f.port }];
  for (const c of containers) c.resources = {};

  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(f.name, f.namespace, { labels }),
    spec: {
      replicas: f.replicas ?? 1,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** Flags of `kubectl create job NAME --image=I [-- CMD]`. */
export interface JobFlags {
  name: string;
  image: string;
  command?: string[];
  namespace?: string;
}

/** Builds the Job of `kubectl create job` (restartPolicy Never, container named after the job). */
export function generateJob(f: JobFlags): KObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(f.name, f.namespace),
    spec: { template: podTemplate(f.name, f.image, f.command, 'Never') },
    status: {},
  };
}

/** Flags of `kubectl create cronjob NAME --image=I --schedule=S [--restart] [-- CMD]`. */
export interface CronJobFlags {
  name: string;
  image: string;
  schedule: string;
  /** `--restart`: OnFailure (default) or Never. */
  restart?: 'OnFailure' | 'Never';
  command?: string[];
  namespace?: string;
}

/** Builds the CronJob of `kubectl create cronjob`. */
export function generateCronJob(f: CronJobFlags): KObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(f.name, f.namespace),
    spec: {
      schedule: f.schedule,
      jobTemplate: {
        metadata: { name: f.name, creationTimestamp: null },
        spec: { template: podTemplate(f.name, f.image, f.command, f.restart ?? 'OnFailure') },
      },
    },
    status: {},
  };
}

/** Builds the Namespace of `kubectl create namespace NAME`. */
export function generateNamespace(name: string): KObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name), spec: {}, status: {} };
}

/** Flags of `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=P[:T]...`. */
export interface ServiceFlags {
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  name: string;
  /** `--tcp` values, each `port` or `port:targetPort`. */
  tcp: string[];
  nodePort?: number;
  /** `--clusterip`, for example `None` for a headless service. */
  clusterIP?: string;
  /** `--external-name` of an ExternalName Service. */
  externalName?: string;
  namespace?: string;
}

/** Builds the Service of `kubectl create service`; an empty port list is left out, as Go's omitempty does. */
export function generateService(f: ServiceFlags): KObject {
  const ports = f.tcp.map((spec) => {
    const { port, targetPort } = parseServicePorts(spec);
    const servicePort: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
    if (f.nodePort !== undefined && f.nodePort > 0) servicePort.nodePort = f.nodePort;
    return servicePort;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: f.name };
  if (f.clusterIP !== undefined && f.clusterIP !== '') spec.clusterIP = f.clusterIP;
  spec.type = f.type;
  if (f.externalName) spec.externalName = f.externalName;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(f.name, f.namespace, { labels: { app: f.name } }),
    spec,
    status: { loadBalancer: {} },
  };
}

/** Builds the ConfigMap of `kubectl create configmap NAME --from-literal=k=v...`. */
export function generateConfigMap(name: string, literals: string[], namespace?: string): KObject {
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, namespace), data: parseLiterals(literals, name) };
}

/** Builds the Secret of `kubectl create secret generic NAME --from-literal=k=v...`, values base64-encoded. */
export function generateSecretGeneric(name: string, literals: string[], namespace?: string, type?: string): KObject {
  const data = Object.fromEntries(
    Object.entries(parseLiterals(literals)).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]),
  );
  const secret: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, namespace), data };
  if (type) secret.type = type;
  return secret;
}

/** Flags of `kubectl run NAME --image=I [--port] [--labels] [--env] [--restart] [--command] -- ARGS`. */
export interface RunFlags {
  name: string;
  image: string;
  /** `--port`, parsed with strconv.Atoi; the container gets it whenever it is not empty, even 0. */
  port?: string;
  /** `--labels=a=b,c=d`; the default is `run=NAME`. */
  labels?: string;
  env?: string[];
  /** `--annotations` values, each `key=value`. */
  annotations?: string[];
  restart?: 'Always' | 'OnFailure' | 'Never';
  /** With `--command` the arguments become the command, otherwise the args. */
  command?: boolean;
  args?: string[];
  namespace?: string;
}

/**
 * Builds the Pod of `kubectl run`. Flags are checked in the order of
 * kubectl's run-pod/v1 generator, so the first bad one is reported: env,
 * annotations, labels, then the port.
 */
export function generateRunPod(f: RunFlags): KObject {
  const env = (f.env ?? []).map(parseEnv);
  const annotations = f.annotations && f.annotations.length > 0 ? parsePairs(f.annotations, 'annotations') : undefined;
  const labels = f.labels ? parseLabels(f.labels) : { run: f.name };
  const port = f.port ? goAtoi(f.port) : undefined;

  const c: Record<string, unknown> = { name: f.name, image: f.image };
  if (f.args && f.args.length > 0) {
    if (f.command) c.command = [...f.args];
    else c.args = [...f.args];
  }
  if (port !== undefined) c.ports = [{ containerPort: port }];
  if (env.length > 0) c.env = env;
  c.resources = {};

  const metadata = meta(f.name, f.namespace, { labels });
  if (annotations) metadata.annotations = annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [c], restartPolicy: f.restart ?? 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

export { generateExposeService } from './generate-expose';
export type { ExposeFlags } from './generate-expose';

function container(c: { name: string; image: string; command?: string[] }): Record<string, any> {
  const out: Record<string, any> = { name: c.name, image: c.image };
  if (c.command && c.command.length > 0) out.command = [...c.command];
  return out;
}

function podTemplate(name: string, image: string, command: string[] | undefined, restartPolicy: string): Record<string, unknown> {
  const c = container({ name, image, command });
  c.resources = {};
  return { metadata: { creationTimestamp: null }, spec: { containers: [c], restartPolicy } };
}

// kubectl names a container after its image: last path element, tag and
// digest removed. A name with `_` or `.` gets them replaced by `-` plus a
// random 5-character suffix; repeated names are left for the server to reject.
function containerNameFromImage(image: string, randomSuffix?: () => string): string {
  let name = image.split('/').at(-1)!;
  name = name.split(':')[0];
  name = name.split('@')[0];
  if (!/[_.]/.test(name)) return name;
  return `${name.replace(/[_.]/g, '-')}-${randomSuffix ? randomSuffix() : 'xxxxx'}`;
}

/**
 * Parses a port the way k8s.io/utils/net.ParsePort(text, true) does, with
 * strconv.ParseUint(text, 10, 16). That call fails at the first character
 * that is not a decimal digit, or at the first digit that overflows 65535.
 */
function parsePort(text: string): number {
  const fail = (reason: string) => new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: ${reason}`);
  if (text === '') throw fail('invalid syntax');
  let n = 0;
  for (const c of text) {
    if (c < '0' || c > '9') throw fail('invalid syntax');
    n = n * 10 + Number(c);
    if (n > 65535) throw fail('value out of range');
  }
  return n;
}

/**
 * Splits one `--tcp` value, `port[:targetPort]`, as kubectl 1.32's
 * create service does. Text after a second colon is ignored. A target that
 * Go's strconv.Atoi reads as a number must be a valid port number, and any
 * other target must be a valid port name. The messages of a bad target are
 * joined with commas.
 */
function parseServicePorts(spec: string): { port: number; targetPort: number | string } {
  const [portText, targetText] = spec.split(':');
  const port = parsePort(portText);
  if (targetText === undefined) return { port, targetPort: port };

  const asInteger = /^[+-]?\d+$/.test(targetText) ? BigInt(targetText) : undefined;
  const isInt64 = asInteger !== undefined && asInteger >= -(2n ** 63n) && asInteger < 2n ** 63n;
  const errors = isInt64 ? portNumberErrors(Number(asInteger)) : portNameErrors(targetText);
  if (errors.length > 0) throw new Error(errors.join(','));
  return { port, targetPort: isInt64 ? Number(asInteger) : targetText };
}

// The duplicate-key messages differ between kinds in kubectl; `owner`
// carries the ConfigMap name for the ConfigMap form.
function parseLiterals(literals: string[], owner?: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const literal of literals) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new Error(`invalid literal source ${literal}, expected key=value`);
    const key = literal.slice(0, eq);
    if (Object.hasOwn(data, key)) {
      const where = owner === undefined ? '' : ` in Data for ConfigMap "${owner}"`;
      const quoted = owner === undefined ? key : JSON.stringify(key);
      throw new Error(`cannot add key ${quoted}, another key by that name already exists${where}`);
    }
    data[key] = literal.slice(eq + 1);
  }
  return sortedMap(data);
}

/**
 * Parses one `--env=NAME=VALUE` as kubectl's run generator does: the text
 * before the first '=' must be a name that IsEnvVarName accepts, whatever
 * the API server would allow.
 */
function parseEnv(text: string): { name: string; value?: string } {
  const eq = text.indexOf('=');
  const name = text.slice(0, eq);
  if (eq <= 0 || envVarNameErrors(name).length > 0) throw new Error(`invalid env: ${text}`);
  const value = text.slice(eq + 1);
  // Go's encoding/json leaves out an empty value (omitempty).
  return value === '' ? { name } : { name, value };
}
