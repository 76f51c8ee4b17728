/**
 * Table columns of the stored-only built-in kinds, as the 1.32 API server's
 * table printers define them (pkg/printers/internalversion/printers.go).
 * A kind without a printer there (Role, ClusterRole, LimitRange,
 * CustomResourceDefinition) gets the server's default table: NAME and
 * CREATED AT, the creation time in RFC 3339.
 */
import type { KObject } from '../api/types.js';
import { formatLabelSelector } from '../api/selectors.js';
import { translateTimestampSince, humanDuration } from './duration.js';
import type { PrintContext, TableDef } from './columns.js';

const age = (o: KObject, pc: PrintContext) => translateTimestampSince(o.metadata.creationTimestamp, pc.now);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The API server's default table for kinds without a printer. */
const CREATED_AT: TableDef = { header: ['NAME', 'CREATED AT'], wide: [], row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''] };

/** labels.FormatLabels: sorted `k=v` pairs, or `<none>`. */
function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** formatHosts: up to three rule hosts, `*` when none names a host. */
function ingressHosts(rules: any[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule?.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

/** ingressLoadBalancerStatusStringer: sorted unique IPs or hostnames, clipped to 16 characters unless wide. */
function ingressAddress(o: KObject, wide: boolean): string {
  const seen = new Set<string>();
  for (const i of o.status?.loadBalancer?.ingress ?? []) {
    if (i?.ip) seen.add(i.ip);
    else if (i?.hostname) seen.add(i.hostname);
  }
  const r = [...seen].sort().join(',');
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

/** rbac.SubjectsStrings: users, groups and `namespace:name` service accounts. */
function subjects(o: KObject): string[] {
  const of = (kind: string) => (o.subjects ?? []).filter((s: any) => s?.kind === kind);
  const sas = of('ServiceAccount').map((s: any) => (s.namespace ? `${s.namespace}:${s.name}` : s.name));
  return [of('User').map((s: any) => s.name).join(', '), of('Group').map((s: any) => s.name).join(', '), sas.join(', ')];
}

const binding: TableDef = {
  header: ['NAME', 'ROLE', 'AGE'],
  wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row: (o, pc) => [o.metadata.name, `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`, age(o, pc)],
  wideRow: subjects,
};

/** printResourceQuota: `resource: used/hard` pairs from status, limits.* in the LIMIT column. */
function quotaCells(o: KObject): [string, string] {
  const hard: Record<string, unknown> = o.status?.hard ?? {};
  const used: Record<string, unknown> = o.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    const cell = `${r}: ${text(used[r] ?? '0')}/${text(hard[r])}`;
    const pieces = r.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests).push(cell);
  }
  return [requests.join(', '), limits.join(', ')];
}

/** extractCSRStatus: Denied, Approved or Pending, then Failed and Issued. */
function csrCondition(o: KObject): string {
  const types = new Set((o.status?.conditions ?? []).map((c: any) => c?.type));
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) status += ',Failed';
  if (o.status?.certificate) status += ',Issued';
  return status;
}

function paramRef(o: KObject): string {
  const pr = o.spec?.paramRef;
  if (!pr) return '<unset>';
  if (pr.name) return pr.namespace ? `${pr.namespace}/${pr.name}` : `*/${pr.name}`;
  return pr.selector ? formatLabelSelector(pr.selector) : '<unset>';
}

function apiServiceAvailable(o: KObject): string {
  const c = (o.status?.conditions ?? []).find((x: any) => x?.type === 'Available');
  if (!c) return 'Unknown';
  return c.status === 'True' ? 'True' : `${c.status} (${c.reason ?? ''})`;
}

/** Tables of the stored-only built-in kinds, by resource. */
export const BUILTIN_TABLES: Record<string, TableDef> = {
  componentstatuses: {
    header: ['NAME', 'STATUS', 'MESSAGE', 'ERROR'],
    wide: [],
    row: (o) => {
      const c = (o.conditions ?? []).find((x: any) => x?.type === 'Healthy');
      let status = 'Unknown';
      if (c) status = c.status === 'True' ? 'Healthy' : 'Unhealthy';
      return [o.metadata.name, status, text(c?.message), text(c?.error)];
    },
  },
  limitranges: CREATED_AT,
  podtemplates: {
    header: ['NAME', 'CONTAINERS', 'IMAGES', 'POD LABELS'],
    wide: [],
    row: (o) => {
      const cs: any[] = o.template?.spec?.containers ?? [];
      return [o.metadata.name, cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatLabels(o.template?.metadata?.labels)];
    },
  },
  resourcequotas: {
    header: ['NAME', 'AGE', 'REQUEST', 'LIMIT'],
    wide: [],
    row: (o, pc) => [o.metadata.name, age(o, pc), ...quotaCells(o)],
  },
  mutatingwebhookconfigurations: { header: ['NAME', 'WEBHOOKS', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, String((o.webhooks ?? []).length), age(o, pc)] },
  validatingwebhookconfigurations: { header: ['NAME', 'WEBHOOKS', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, String((o.webhooks ?? []).length), age(o, pc)] },
  validatingadmissionpolicies: {
    header: ['NAME', 'VALIDATIONS', 'PARAMKIND', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const pk = o.spec?.paramKind;
      return [o.metadata.name, String((o.spec?.validations ?? []).length), pk ? `${pk.apiVersion ?? ''}/${pk.kind ?? ''}` : '<unset>', age(o, pc)];
    },
  },
  validatingadmissionpolicybindings: {
    header: ['NAME', 'POLICYNAME', 'PARAMREF', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, text(o.spec?.policyName), paramRef(o), age(o, pc)],
  },
  customresourcedefinitions: CREATED_AT,
  apiservices: {
    header: ['NAME', 'SERVICE', 'AVAILABLE', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, o.spec?.service ? `${o.spec.service.namespace}/${o.spec.service.name}` : 'Local', apiServiceAvailable(o), age(o, pc)],
  },
  certificatesigningrequests: {
    header: ['NAME', 'AGE', 'SIGNERNAME', 'REQUESTOR', 'REQUESTEDDURATION', 'CONDITION'],
    wide: [],
    row: (o, pc) => {
      const seconds = o.spec?.expirationSeconds;
      const duration = typeof seconds === 'number' ? humanDuration(seconds * 1000) : '<none>';
      return [o.metadata.name, age(o, pc), o.spec?.signerName || '<none>', text(o.spec?.username), duration, csrCondition(o)];
    },
  },
  leases: { header: ['NAME', 'HOLDER', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, text(o.spec?.holderIdentity), age(o, pc)] },
  flowschemas: {
    header: ['NAME', 'PRIORITYLEVEL', 'MATCHINGPRECEDENCE', 'DISTINGUISHERMETHOD', 'AGE', 'MISSINGPL'],
    wide: [],
    row: (o, pc) => {
      const dangling = (o.status?.conditions ?? []).find((c: any) => c?.type === 'Dangling');
      return [
        o.metadata.name,
        text(o.spec?.priorityLevelConfiguration?.name),
        String(o.spec?.matchingPrecedence ?? 0),
        o.spec?.distinguisherMethod?.type ?? '<none>',
        age(o, pc),
        dangling ? text(dangling.status) : '?',
      ];
    },
  },
  prioritylevelconfigurations: {
    header: ['NAME', 'TYPE', 'NOMINALCONCURRENCYSHARES', 'QUEUES', 'HANDSIZE', 'QUEUELENGTHLIMIT', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const limited = o.spec?.limited;
      const q = limited?.limitResponse?.queuing;
      const cell = (v: unknown) => (v === undefined || v === null ? '0' : String(v));
      return [
        o.metadata.name,
        text(o.spec?.type),
        limited ? cell(limited.nominalConcurrencyShares) : '<none>',
        q ? cell(q.queues) : '<none>',
        q ? cell(q.handSize) : '<none>',
        q ? cell(q.queueLengthLimit) : '<none>',
        age(o, pc),
      ];
    },
  },
  ingressclasses: {
    header: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const p = o.spec?.parameters;
      const params = p ? `${p.kind ?? ''}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name ?? ''}` : '<none>';
      return [o.metadata.name, text(o.spec?.controller), params, age(o, pc)];
    },
  },
  ingresses: {
    header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wide: [],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.ingressClassName ?? '<none>',
      ingressHosts(o.spec?.rules ?? []),
      ingressAddress(o, false),
      (o.spec?.tls ?? []).length ? '80, 443' : '80',
      age(o, pc),
    ],
  },
  networkpolicies: {
    header: ['NAME', 'POD-SELECTOR', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, formatLabelSelector(o.spec?.podSelector ?? {}), age(o, pc)],
  },
  runtimeclasses: { header: ['NAME', 'HANDLER', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, text(o.handler), age(o, pc)] },
  poddisruptionbudgets: {
    header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    wide: [],
    row: (o, pc) => [
      o.metadata.name,
      o.spec?.minAvailable === undefined || o.spec?.minAvailable === null ? 'N/A' : String(o.spec.minAvailable),
      o.spec?.maxUnavailable === undefined || o.spec?.maxUnavailable === null ? 'N/A' : String(o.spec.maxUnavailable),
      String(o.status?.disruptionsAllowed ?? 0),
      age(o, pc),
    ],
  },
  rolebindings: binding,
  clusterrolebindings: binding,
  roles: CREATED_AT,
  clusterroles: CREATED_AT,
  // PREEMPTIONPOLICY is not a wide column in 1.32, but its cell is filled only with -o wide.
  priorityclasses: {
    header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    wide: [],
    row: (o, pc) => [o.metadata.name, String(o.value ?? 0), String(o.globalDefault ?? false), age(o, pc)],
    wideRow: (o) => [text(o.preemptionPolicy)],
  },
  csidrivers: {
    header: ['NAME', 'ATTACHREQUIRED', 'PODINFOONMOUNT', 'STORAGECAPACITY', 'TOKENREQUESTS', 'REQUIRESREPUBLISH', 'MODES', 'AGE'],
    wide: [],
    row: (o, pc) => {
      const s = o.spec ?? {};
      const tokens = s.tokenRequests ? s.tokenRequests.map((t: any) => t?.audience ?? '').join(',') : '<unset>';
      return [
        o.metadata.name,
        String(s.attachRequired ?? true),
        String(s.podInfoOnMount ?? false),
        String(s.storageCapacity ?? false),
        tokens,
        String(s.requiresRepublish ?? false),
        (s.volumeLifecycleModes ?? []).join(',') || '<none>',
        age(o, pc),
      ];
    },
  },
  csinodes: { header: ['NAME', 'DRIVERS', 'AGE'], wide: [], row: (o, pc) => [o.metadata.name, String((o.spec?.drivers ?? []).length), age(o, pc)] },
  csistoragecapacities: {
    header: ['NAME', 'STORAGECLASSNAME', 'CAPACITY'],
    wide: [],
    row: (o) => [o.metadata.name, text(o.storageClassName), o.capacity === undefined || o.capacity === null ? '<unset>' : String(o.capacity)],
  },
  volumeattachments: {
    header: ['NAME', 'ATTACHER', 'PV', 'NODE', 'ATTACHED', 'AGE'],
    wide: [],
    row: (o, pc) => [o.metadata.name, text(o.spec?.attacher), text(o.spec?.source?.persistentVolumeName), text(o.spec?.nodeName), String(o.status?.attached ?? false), age(o, pc)],
  },
};
