/**
 * `kubectl set env`: adds, changes (`KEY=VALUE`) or removes (`KEY-`)
 * environment variables in pod templates, imports the keys of a ConfigMap
 * or Secret with `--from`, and prints them with `--list`.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { UsageError, notFound } from '../../api/errors.js';
import { podSpecOf } from './pod-template.js';
import { containerMatches, runSet, SET_FLAGS } from './run-set.js';
import { displayName, resolveObjects, type Resolved } from '../shared/resolve.js';
import { reportError } from '../../cli/errors.js';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, any>;
}

/** Splits arguments as kubectl does: resources first, then `KEY=VALUE` and `KEY-` from the first such argument on. */
export function splitEnvArgs(args: string[]): { resources: string[]; env: string[] } {
  const first = args.findIndex((a) => a.includes('=') || (a.endsWith('-') && a !== '-'));
  return first < 0 ? { resources: args, env: [] } : { resources: args.slice(0, first), env: args.slice(first) };
}

/** Parses `KEY=VALUE` and `KEY-` arguments into additions and removals. */
export function parseEnvArgs(args: string[]): { add: EnvVar[]; remove: string[] } {
  const add: EnvVar[] = [];
  const remove: string[] = [];
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0 && a.endsWith('-')) {
      remove.push(a.slice(0, -1));
      continue;
    }
    if (eq <= 0) throw new UsageError(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
    const name = a.slice(0, eq);
    if (!ENV_NAME.test(name)) throw new UsageError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MESSAGE}`);
    add.push({ name, value: a.slice(eq + 1) });
  }
  return { add, remove };
}

/** Applies additions (replacing a same-named variable in place) and removals to one container's env. */
export function updateEnv(current: EnvVar[] | undefined, add: EnvVar[], remove: string[], overwrite: boolean, owner: string): EnvVar[] | undefined {
  const env = [...(current ?? [])];
  for (const v of add) {
    const i = env.findIndex((e) => e.name === v.name);
    if (i < 0) {
      env.push(v);
      continue;
    }
    if (!overwrite && (env[i].value !== v.value || env[i].valueFrom !== undefined)) {
      throw new UsageError(`${owner} '${v.name}' already has a value (${env[i].value ?? ''}), and --overwrite is false`);
    }
    env[i] = v;
  }
  const kept = env.filter((e) => !remove.includes(e.name));
  return kept.length > 0 ? kept : undefined;
}

/** Formats one container's variables for `--list`, as kubectl prints them. */
export function listEnv(kind: string, name: string, container: { name: string; env?: EnvVar[] }): string {
  const lines = [`# ${kind} ${name}, container ${container.name}`];
  for (const e of container.env ?? []) {
    const from = e.valueFrom;
    if (!from) lines.push(`${e.name}=${e.value ?? ''}`);
    else if (from.configMapKeyRef) lines.push(`# ${e.name} from configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`);
    else if (from.secretKeyRef) lines.push(`# ${e.name} from secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`);
    else if (from.fieldRef) lines.push(`# ${e.name} from field path ${from.fieldRef.fieldPath}`);
    else if (from.resourceFieldRef) lines.push(`# ${e.name} from resource field ${from.resourceFieldRef.containerName ?? ''}/${from.resourceFieldRef.resource}`);
  }
  return lines.join('\n') + '\n';
}

/** Turns a ConfigMap or Secret key into an environment variable name (upper case, other characters as `_`). */
function keyToEnvName(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

/** Builds the variables `--from=configmap/NAME|secret/NAME` adds, one per key in sorted order. */
async function fromSource(ctx: CommandContext, from: string, prefix: string, keys: string[]): Promise<EnvVar[]> {
  const { items, errors } = await resolveObjects(ctx, [from], {});
  if (errors.length > 0) throw errors[0];
  const source = items[0];
  const resource = source?.info.resource;
  if (resource !== 'configmaps' && resource !== 'secrets') throw new UsageError(`unsupported resource specified in --from: ${from}`);
  const data = { ...(source.obj.data ?? {}), ...(source.obj.binaryData ?? {}) };
  const ref = resource === 'configmaps' ? 'configMapKeyRef' : 'secretKeyRef';
  const wanted = keys.length > 0 ? keys : Object.keys(data).sort();
  return wanted.map((key) => {
    if (!(key in data)) throw notFound(resource, key);
    return { name: prefix + keyToEnvName(key), valueFrom: { [ref]: { name: source.obj.metadata.name, key } } };
  });
}

function containersOf(item: Resolved, pattern: string): any[] {
  const spec = podSpecOf(item.info.resource, item.obj);
  if (!spec) throw new UsageError(`${displayName(item)} has no pod template, so its environment cannot be set`);
  return (spec.containers ?? []).filter((c: any) => containerMatches(pattern, c.name));
}

export const command: CommandDef = {
  use: 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  short: 'Update environment variables on a pod template.',
  examples:
    '  # Update deployment \'registry\' with a new environment variable\n  kubesim set env deployment/registry STORAGE_DIR=/local\n\n  # List the environment variables defined on a deployments \'sample-build\'\n  kubesim set env deployment/sample-build --list\n\n  # Remove the environment variable ENV from container \'c1\' in all deployment configs\n  kubesim set env deployments --all --containers="c1" ENV-\n\n  # Import environment from a config map with a prefix\n  kubesim set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp',
  flags: [
    { name: 'containers', short: 'c', type: 'string', default: '*', help: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'env', short: 'e', type: 'stringArray', default: [], help: 'Specify a key-value pair for an environment variable to set into each container.' },
    { name: 'list', type: 'bool', default: false, help: 'If true, display the environment and any changes in the standard format.' },
    { name: 'resolve', type: 'bool', default: false, help: 'If true, show secret or configmap references when listing variables' },
    { name: 'from', type: 'string', default: '', help: 'The name of a resource from which to inject environment variables' },
    { name: 'prefix', type: 'string', default: '', help: 'Prefix to append to variable names' },
    { name: 'keys', type: 'stringArray', default: [], help: 'Comma-separated list of keys to import from specified resource' },
    { name: 'overwrite', type: 'bool', default: true, help: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    // kubectl's `set env` has no --record flag.
    ...SET_FLAGS.filter((f) => f.name !== 'record'),
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    const { resources, env } = splitEnvArgs(parsed.args);
    const { add, remove } = parseEnvArgs([...flags.env, ...env]);
    if (flags.list) return listCommand(ctx, resources);
    if (flags.from) add.push(...(await fromSource(ctx, flags.from, flags.prefix, flags.keys.flatMap((k: string) => k.split(',')))));
    return runSet(ctx, parsed, resources, {
      operation: 'env updated',
      mutate(item) {
        const containers = containersOf(item, flags.containers);
        if (containers.length === 0) ctx.warn(`${item.obj.kind}/${item.obj.metadata.name} does not have any containers matching ${JSON.stringify(flags.containers)}`);
        for (const c of containers) {
          const updated = updateEnv(c.env, add, remove, flags.overwrite, displayName(item));
          if (updated) c.env = updated;
          else delete c.env;
        }
      },
    });
  },
};

async function listCommand(ctx: CommandContext, resources: string[]): Promise<number> {
  const flags = ctx.flags;
  let items: Resolved[];
  let code = 0;
  if (flags.local) {
    const { readManifests } = await import('../shared/manifests.js');
    const { decodeObject } = await import('../../api/manifest.js');
    const docs = await readManifests(flags.filename, ctx.io.stdin, flags.recursive);
    items = docs.map((d) => {
      const dec = decodeObject(d.doc, { clusterVersion: 132, strictVersions: false, source: d.source });
      return { info: dec.info, group: dec.group, obj: dec.obj as KObject };
    });
  } else {
    const result = await resolveObjects(ctx, resources, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: flags.all });
    for (const e of result.errors) code = reportError(e, ctx.io, ctx.path);
    items = result.items;
  }
  for (const item of items) {
    for (const c of containersOf(item, flags.containers)) ctx.io.out(listEnv(item.obj.kind, item.obj.metadata.name, c));
  }
  return code;
}
