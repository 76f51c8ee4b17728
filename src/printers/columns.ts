/**
 * Table columns per kind, as the API server's table printers define them
 * (pkg/printers/internalversion/printers.go). `wide` columns are the ones
 * with priority 1, shown with `-o wide`.
 */
import type { KObject } from '../api/types.js';
import { formatLabelSelector } from '../api/selectors.js';
import { translateTimestampSince, humanDuration } from './duration.js';
import { podCells } from './pod-status.js';
import { BUILTIN_TABLES } from './columns-builtin.js';

export interface PrintContext {
  now: number;
  version: number;
}

export interface TableDef {
  header: string[];
  wide: string[];
  row(obj: KObject, pc: PrintContext): string[];
  wideRow?(obj: KObject, pc: PrintContext): string[];
}

const age = (o: KObject, pc: PrintContext) => translateTimestampSince(o.metadata.creationTimestamp, pc.now);
const none = (s: string | undefined | null) => (s === undefined || s === null || s === '' ? '<none>' : s);

function containersAndImages(spec: any): [string, string] {
  const cs: any[] = spec?.template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

function workloadWide(o: KObject): string[] {
  const [names, images] = containersAndImages(o.spec);
  return [names, images, formatLabelSelector(o.spec?.selector)];
}

function mapSelector(sel: Record<string, string> | undefined): string {
  const keys = Object.keys(sel ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${sel![k]}`).join(',') : '<none>';
}

function nodeRoles(node: KObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role') roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeStatus(node: KObject): string {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  let s = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  if (node.spec?.unschedulable) s += ',SchedulingDisabled';
  return s;
}

function servicePorts(svc: KObject): string {
  const ports: any[] = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(svc: KObject): string {
  const t = svc.spec?.type ?? 'ClusterIP';
  const ext: string[] = svc.spec?.externalIPs ?? [];
  if (t === 'ExternalName') return svc.spec?.externalName ?? '<none>';
  if (t === 'LoadBalancer') {
    const ing: any[] = svc.status?.loadBalancer?.ingress ?? [];
    const all = [...ing.map((i) => i.ip ?? i.hostname), ...ext];
    return all.length ? all.join(',') : '<pending>';
  }
  return ext.length ? ext.join(',') : '<none>';
}

function jobCompletions(job: KObject): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec?.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 1;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KObject, pc: PrintContext): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : pc.now;
  return humanDuration(end - Date.parse(start));
}

function jobStatus(job: KObject): string {
  const has = (type: string) => (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** HPA TARGETS cell (formatHPAMetrics). */
export function hpaTargets(hpa: KObject, version: number): string {
  const specs: any[] = hpa.spec?.metrics ?? [];
  const current: any[] = hpa.status?.currentMetrics ?? [];
  if (specs.length === 0) return '<none>';
  const cells = specs.map((m, i) => {
    if (m.type === 'Resource') {
      const name = m.resource?.name;
      const target = m.resource?.target ?? {};
      const cur = current[i]?.resource?.current ?? current.find((c) => c.resource?.name === name)?.resource?.current;
      const prefix = version >= 127 ? `${name}: ` : '';
      if (target.type === 'Utilization') {
        const c = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>';
        return `${prefix}${c}/${target.averageUtilization}%`;
      }
      const c = cur?.averageValue ?? '<unknown>';
      return `${prefix}${c}/${target.averageValue ?? target.value}`;
    }
    return `<unknown>/${m.pods?.target?.averageValue ?? m.object?.target?.value ?? m.external?.target?.value ?? '?'}`;
  });
  if (cells.length > 2) return `${cells.slice(0, 2).join(', ')} + ${cells.length - 2} more...`;
  return cells.join(', ');
}

const TABLES: Record<string, TableDef> = {
  ...BUILTIN_TABLES,
  pods: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, pc) => {
      const c = podCells(o, pc.now, pc.version);
      return [o.metadata.name, c.ready, c.status, c.restarts, age(o, pc)];
    },
    wideRow: (o) => {
      const gates: any[] = o.spec?.readinessGates ?? [];
      const gateText = gates.length
        ? `${gates.filter((g) => (o.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
        : '<none>';
      return [none(o.status?.podIP), none(o.spec?.nodeName), none(o.status?.nominatedNodeName), gateText];
    },
  },
  replicasets: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), age(o, pc)],
    wideRow: workloadWide,
  },
  replicationcontrollers: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), age(o, pc)],
    wideRow: (o) => {
      const [names, images] = containersAndImages(o.spec);
      return [names, images, mapSelector(o.spec?.selector)];
    },
  },
  deployments: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [
      o.metadata.name,
      `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
      String(o.status?.updatedReplicas ?? 0),
      String(o.status?.availableReplicas ?? 0),
      age(o, pc),
    ],
    wideRow: workloadWide,
  },
  daemonsets: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [
      o.metadata.name,
      String(o.status?.desiredNumberScheduled ?? 0),
      String(o.status?.currentNumberScheduled ?? 0),
      String(o.status?.numberReady ?? 0),
      String(o.status?.updatedNumberScheduled ?? 0),
      String(o.status?.numberAvailable ?? 0),
      mapSelector(o.spec?.template?.spec?.nodeSelector),
      age(o, pc),
    ],
    wideRow: workloadWide,
  },
  statefulsets: {
    header: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: (o, pc) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, age(o, pc)],
    wideRow: (o) => containersAndImages(o.spec),
  },
  jobs: {
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, pc), age(o, pc)],
    wideRow: workloadWide,
  },
  cronjobs: {
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.schedule ?? '',
      none(o.spec?.timeZone),
      o.spec?.suspend ? 'True' : 'False',
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? translateTimestampSince(o.status.lastScheduleTime, pc.now) : '<none>',
      age(o, pc),
    ],
    wideRow: (o) => {
      const cs: any[] = o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatLabelSelector(o.spec?.jobTemplate?.spec?.selector)];
    },
  },
  services: {
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (o, pc) => [o.metadata.name, o.spec?.type ?? 'ClusterIP', none(o.spec?.clusterIP), externalIP(o), servicePorts(o), age(o, pc)],
    wideRow: (o) => [mapSelector(o.spec?.selector)],
  },
  endpoints: {
    header: ['NAME', 'ENDPOINTS', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const eps: string[] = [];
      // kubectl lists each port's addresses in turn: 10.244.0.2:53,10.244.0.3:53,10.244.0.2:9153.
      for (const s of o.subsets ?? []) for (const p of s.ports ?? [{}]) for (const a of s.addresses ?? []) eps.push(p.port ? `${a.ip}:${p.port}` : a.ip);
      const shown = eps.length > 3 ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...` : eps.join(',');
      return [o.metadata.name, eps.length ? shown : '<none>', age(o, pc)];
    },
  },
  nodes: {
    header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, pc) => [o.metadata.name, nodeStatus(o), nodeRoles(o), age(o, pc), o.status?.nodeInfo?.kubeletVersion ?? ''],
    wideRow: (o) => {
      const addr = (t: string) => (o.status?.addresses ?? []).find((a: any) => a.type === t)?.address ?? '<none>';
      const info = o.status?.nodeInfo ?? {};
      return [addr('InternalIP'), addr('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
    },
  },
  namespaces: {
    header: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, o.status?.phase ?? 'Active', age(o, pc)],
  },
  events: {
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
    row: (o, pc) => [
      translateTimestampSince(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, pc.now),
      o.type ?? '',
      o.reason ?? '',
      `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`,
      String(o.message ?? '').trim(),
    ],
    wideRow: (o, pc) => [
      o.involvedObject?.fieldPath ?? '',
      o.source?.host ? `${o.source.component}, ${o.source.host}` : o.source?.component ?? '',
      translateTimestampSince(o.firstTimestamp ?? o.metadata.creationTimestamp, pc.now),
      String(o.count ?? 1),
      o.metadata.name,
    ],
  },
  persistentvolumeclaims: {
    header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    wide: ['VOLUMEMODE'],
    row: (o, pc) => {
      const bound = !!o.spec?.volumeName;
      return [
        o.metadata.name,
        o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? 'Pending',
        o.spec?.volumeName ?? '',
        bound ? o.status?.capacity?.storage ?? '' : '',
        bound ? accessModes(o.status?.accessModes) : '',
        o.spec?.storageClassName ?? '<unset>',
        o.spec?.volumeAttributesClassName ?? '<unset>',
        age(o, pc),
      ];
    },
    wideRow: (o) => [o.spec?.volumeMode ?? '<unset>'],
  },
  persistentvolumes: {
    header: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    wide: ['VOLUMEMODE'],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.capacity?.storage ?? '',
      accessModes(o.spec?.accessModes),
      o.spec?.persistentVolumeReclaimPolicy ?? '',
      o.status?.phase ?? '',
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
      o.spec?.storageClassName ?? '',
      o.spec?.volumeAttributesClassName ?? '<unset>',
      o.status?.reason ?? '',
      age(o, pc),
    ],
    wideRow: (o) => [o.spec?.volumeMode ?? '<unset>'],
  },
  horizontalpodautoscalers: {
    header: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    wide: [],
    row: (o, pc) => [
      o.metadata.name,
      `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
      hpaTargets(o, pc.version),
      o.spec?.minReplicas === undefined ? '<unset>' : String(o.spec.minReplicas),
      String(o.spec?.maxReplicas ?? ''),
      String(o.status?.currentReplicas ?? 0),
      age(o, pc),
    ],
  },
  configmaps: {
    header: ['NAME', 'DATA', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), age(o, pc)],
  },
  secrets: {
    header: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, o.type ?? 'Opaque', String(Object.keys(o.data ?? {}).length), age(o, pc)],
  },
  serviceaccounts: {
    header: ['NAME', 'SECRETS', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, String((o.secrets ?? []).length), age(o, pc)],
  },
  controllerrevisions: {
    header: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const ref = o.metadata.ownerReferences?.find((r) => r.controller);
      const group = ref?.apiVersion.includes('/') ? `.${ref.apiVersion.split('/')[0]}` : '';
      return [o.metadata.name, ref ? `${ref.kind.toLowerCase()}${group}/${ref.name}` : '<none>', String(o.revision ?? 0), age(o, pc)];
    },
  },
  storageclasses: {
    header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const isDefault = o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return [
        isDefault ? `${o.metadata.name} (default)` : o.metadata.name,
        o.provisioner ?? '',
        o.reclaimPolicy ?? 'Delete',
        o.volumeBindingMode ?? 'Immediate',
        String(o.allowVolumeExpansion ?? false),
        age(o, pc),
      ];
    },
  },
  endpointslices: {
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const ports = (o.ports ?? []).map((p: any) => String(p.port)).join(',') || '<unset>';
      const addrs: string[] = (o.endpoints ?? []).flatMap((e: any) => e.addresses ?? []);
      const shown = addrs.length > 3 ? `${addrs.slice(0, 3).join(',')} + ${addrs.length - 3} more...` : addrs.join(',') || '<unset>';
      return [o.metadata.name, o.addressType ?? 'IPv4', ports, shown, age(o, pc)];
    },
  },
};

function accessModes(modes: string[] | undefined): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return (modes ?? []).map((m) => short[m] ?? m).join(',');
}

const DEFAULT_TABLE: TableDef = { header: ['NAME', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, age(o, pc)] };

/** Version-specific layouts: older servers printed fewer columns. */
function versioned(resource: string, version: number): TableDef {
  const t = TABLES[resource] ?? DEFAULT_TABLE;
  if (resource === 'jobs' && version < 131) {
    return { ...t, header: ['NAME', 'COMPLETIONS', 'DURATION', 'AGE'], row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 1) };
  }
  if (resource === 'cronjobs' && version < 127) {
    return { ...t, header: ['NAME', 'SCHEDULE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 2) };
  }
  if (resource === 'persistentvolumeclaims' && version < 129) {
    return { ...t, header: t.header.filter((h) => h !== 'VOLUMEATTRIBUTESCLASS'), row: (o, pc) => t.row(o, pc).filter((_, i) => i !== 6) };
  }
  return t;
}

export function tableFor(resource: string, version: number): TableDef {
  return versioned(resource, version);
}
