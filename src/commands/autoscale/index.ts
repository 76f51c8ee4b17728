/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS
 * [--cpu-percent=CPU]`: creates a HorizontalPodAutoscaler for a scalable
 * workload. Like kubectl 1.32 it builds an autoscaling/v1 object, which the
 * API server stores as autoscaling/v2 (so an omitted --cpu-percent becomes
 * the 80% CPU default).
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { ExitError, RequiredFlagError, UsageError, notFound } from '../../api/errors.js';
import { apiVersionOf, resourceString, type ResourceInfo } from '../../api/registry.js';
import { convertHpaV1 } from '../../api/manifest.js';
import { parseTargets } from '../shared/targets.js';
import { groupFor, renderGroups } from '../shared/output.js';
import { changeCause, CHANGE_CAUSE, RECORD_FLAG } from '../shared/record.js';
import { findResource } from '../../api/registry.js';
import { LAST_APPLIED } from '../shared/apply-merge.js';
import { readManifests } from '../shared/manifests.js';
import { decodeObject } from '../../api/manifest.js';

/** Resources with a scale subresource; kubectl checks this through discovery. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

const NO_RESOURCES =
  "Error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export const command: CommandDef = {
  use: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long:
    'Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.\n\n' +
    ' Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference.\n' +
    ' An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.',
  examples:
    '  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used\n  kubesim autoscale deployment foo --min=2 --max=10\n\n' +
    '  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%\n  kubesim autoscale rc foo --max=5 --cpu-percent=80',
  flags: [
    { name: 'min', type: 'int', default: -1, help: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value." },
    { name: 'max', type: 'int', default: -1, help: 'The upper limit for the number of pods that can be set by the autoscaler. Required.' },
    { name: 'cpu-percent', type: 'int', default: -1, help: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    { name: 'name', type: 'string', default: '', help: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name).' },
    RECORD_FLAG,
    { name: 'save-config', type: 'bool', default: false, help: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to autoscale.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-autoscale', help: 'Name of the manager used to track field ownership.' },
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    if (!parsed.set.has('max')) throw new RequiredFlagError(['max']);
    if (f.max < 1) throw new UsageError(`--max=MAXPODS is required and must be at least 1, max: ${f.max}`);
    if (f.max < f.min) throw new UsageError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${f.max}, min: ${f.min}`);
    const dryRun: string = f['dry-run'] === 'unchanged' ? 'client' : f['dry-run'];
    if (!['none', 'client', 'server'].includes(dryRun)) throw new UsageError(`Invalid dry-run value (${f['dry-run']}). Must be "none", "server", or "client".`);
    if (parsed.args.length === 0 && f.filename.length === 0) throw new ExitError(1, NO_RESOURCES);
    const docs = f.filename.length > 0 ? await readManifests(f.filename, ctx.io.stdin, f.recursive) : [];

    const cluster = ctx.cluster();
    const store = cluster.store;
    const ns = ctx.namespace;
    const version = cluster.settings.version;
    const targets = parsed.args.length > 0 ? parseTargets(parsed.args) : [];
    for (const d of docs) {
      const dec = decodeObject(d.doc, { clusterVersion: version, strictVersions: cluster.settings.strictVersions, source: d.source });
      targets.push({ info: dec.info, group: dec.group === dec.info.group ? undefined : dec.group, names: [dec.obj.metadata.name] });
    }
    const hpaInfo = findResource('horizontalpodautoscalers')!;
    let operation = 'autoscaled';
    if (dryRun === 'client') operation = 'created (dry run)';
    if (dryRun === 'server') operation = 'autoscaled (server dry run)';
    const cause = f.record ? changeCause(ctx.path, parsed) : undefined;
    let count = 0;

    for (const t of targets) {
      const group = groupFor(t.info, version, t.group);
      const objects: KObject[] =
        t.names.length > 0
          ? t.names.map((name) => {
              const o = store.get(t.info.resource, ns, name);
              if (!o) throw notFound(resourceString(t.info, group), name);
              return o;
            })
          : store.list(t.info.resource, ns);
      for (const target of objects) {
        if (!SCALABLE.has(t.info.resource)) {
          throw new UsageError(`cannot autoscale a ${t.info.kind}: could not find scale subresource for ${t.info.group}/${t.info.version}, Resource=${t.info.resource} in discovery information`);
        }
        const hpa = buildAutoscaler(ctx.flags, target.metadata.name, t.info, group, cause);
        count++;
        if (dryRun !== 'client') {
          const stored = structuredClone(hpa);
          stored.metadata.namespace = ns;
          if (f['save-config']) stored.metadata.annotations = { ...(stored.metadata.annotations ?? {}), [LAST_APPLIED]: JSON.stringify(hpa) + '\n' };
          convertHpaV1(stored);
          stored.apiVersion = 'autoscaling/v2';
          if (dryRun === 'none') {
            // kubectl prints what the server returns: the stored object read back as autoscaling/v1.
            printResult(ctx, asV1(store.create('horizontalpodautoscalers', stored)), hpaInfo, operation, version);
            continue;
          }
        }
        const shown = { ...hpa, metadata: { ...hpa.metadata, creationTimestamp: null }, status: { currentReplicas: 0, desiredReplicas: 0 } } as unknown as KObject;
        printResult(ctx, shown, hpaInfo, operation, version);
      }
    }
    if (count === 0) throw new UsageError('no objects passed to autoscale');
    ctx.settle();
  },
};

/**
 * Reads a freshly stored HPA back as autoscaling/v1, the version kubectl's
 * autoscale client talks: a CPU utilization target becomes
 * targetCPUUtilizationPercentage, and the status starts at zero.
 */
function asV1(stored: KObject): KObject {
  const { metrics, behavior, ...spec } = stored.spec ?? {};
  void behavior;
  const cpu = (metrics ?? []).find((m: any) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.type === 'Utilization');
  if (cpu) spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: stored.metadata, spec, status: { currentReplicas: 0, desiredReplicas: 0 } };
}

/** Builds the autoscaling/v1 object kubectl sends (createHorizontalPodAutoscaler upstream). */
function buildAutoscaler(flags: Record<string, any>, refName: string, info: ResourceInfo, group: string, cause: string | undefined): KObject {
  const apiVersion = group === 'extensions' ? 'extensions/v1beta1' : apiVersionOf(info);
  const hpa: KObject = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: flags.name || refName },
    spec: { scaleTargetRef: { apiVersion, kind: info.kind, name: refName }, maxReplicas: flags.max },
  };
  if (cause) hpa.metadata.annotations = { [CHANGE_CAUSE]: cause };
  if (flags.min > 0) hpa.spec.minReplicas = flags.min;
  if (flags['cpu-percent'] >= 0) hpa.spec.targetCPUUtilizationPercentage = flags['cpu-percent'];
  return hpa;
}

function printResult(ctx: Parameters<NonNullable<CommandDef['run']>>[0], hpa: KObject, info: ResourceInfo, operation: string, version: number): void {
  const output: string = ctx.flags.output;
  if (output === 'yaml' || output === 'json') {
    ctx.io.out(renderGroups([{ info, group: info.group, objects: [hpa] }], { output, showLabels: false, noHeaders: false, labelColumns: [], withKind: false, allNamespaces: false, single: true }, { now: 0, version } as any));
    return;
  }
  if (output === 'name') {
    ctx.io.out(`horizontalpodautoscaler.autoscaling/${hpa.metadata.name}\n`);
    return;
  }
  if (output) throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  ctx.io.out(`horizontalpodautoscaler.autoscaling/${hpa.metadata.name} ${operation}\n`);
}
