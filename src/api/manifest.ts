/**
 * Decoding manifests as the client and API server do: apiVersion and kind
 * resolved through the registry, removed versions converted (with the API
 * server's deprecation warning) or rejected on a strict cluster.
 */
import { checkFieldTypes } from './field-types.js';
import type { KObject } from './types.js';
import { apiVersionOf, findKind, findLegacy, isServed, versionNumber, type ResourceInfo } from './registry.js';
import { LEGACY_VERSION_ANNOTATION } from './admission.js';
import { UsageError } from './errors.js';

export interface Decoded {
  info: ResourceInfo;
  obj: KObject;
  warnings: string[];
  /** Group named in output (`extensions` for an extensions/v1beta1 manifest on an old cluster). */
  group: string;
}

function versionLabel(v: string): string {
  return `v${v}`;
}

/** The API server's deprecation warning text for a legacy version. */
export function deprecationWarning(apiVersion: string, kind: string): string | undefined {
  const l = findLegacy(apiVersion, kind);
  if (!l || !l.deprecatedIn) return undefined;
  let text = `${apiVersion} ${kind} is deprecated in ${versionLabel(l.deprecatedIn)}+`;
  if (l.removedIn) text += `, unavailable in ${versionLabel(l.removedIn)}+`;
  return `${text}; use ${l.replacement} ${kind}`;
}

export interface DecodeOptions {
  clusterVersion: number;
  strictVersions: boolean;
  source: string;
}

/** Resolves and converts one manifest document; throws kubectl's errors for unknown kinds or versions. */
export function decodeObject(doc: any, opts: DecodeOptions): Decoded {
  const src = opts.source ? ` from "${opts.source}"` : '';
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError(`error validating "${opts.source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const missing: string[] = [];
  if (!doc.apiVersion) missing.push('apiVersion not set');
  if (!doc.kind) missing.push('kind not set');
  if (missing.length) {
    throw new UsageError(`error validating "${opts.source}": error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const apiVersion = String(doc.apiVersion);
  const kind = String(doc.kind);
  const info = findKind(kind);
  const name = doc.metadata?.name ?? '';
  const ns = doc.metadata?.namespace ?? '';
  const noMatch = () =>
    new UsageError(
      `resource mapping not found for name: "${name}" namespace: "${ns}"${src}: no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    );
  if (!info) throw noMatch();
  checkFieldTypes(doc, kind, apiVersion);
  const current = apiVersionOf(info);
  const obj: KObject = structuredClone(doc);
  obj.metadata ??= { name: '' };
  const warnings: string[] = [];
  let group = info.group;
  if (apiVersion !== current && !(kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1')) {
    const legacy = findLegacy(apiVersion, kind);
    const served = isServed(apiVersion, kind, opts.clusterVersion);
    if (!legacy && !(kind === 'CronJob' && apiVersion === 'batch/v1')) throw noMatch();
    if (!served && opts.strictVersions) throw noMatch();
    // API servers send deprecation warnings since 1.19; older ones converted silently.
    if (legacy && opts.clusterVersion >= 119 && opts.clusterVersion >= versionNumber(legacy.deprecatedIn || '0.0')) {
      const w = deprecationWarning(apiVersion, kind);
      if (w) warnings.push(w);
    }
    if (apiVersion.startsWith('extensions/') && opts.clusterVersion < 116) group = 'extensions';
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LEGACY_VERSION_ANNOTATION]: apiVersion };
    convertLegacy(obj, apiVersion);
  }
  if (kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1') convertHpaV1(obj);
  obj.apiVersion = current;
  return { info, obj, warnings, group };
}

/** Field renames between removed versions and the stored ones. */
function convertLegacy(obj: KObject, apiVersion: string): void {
  if (obj.kind === 'Deployment' && obj.spec?.rollbackTo) delete obj.spec.rollbackTo;
  if (obj.kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v2beta1') {
    for (const m of obj.spec?.metrics ?? []) {
      if (m.type === 'Resource' && m.resource) {
        const r = m.resource;
        const target: any = {};
        if (r.targetAverageUtilization !== undefined) Object.assign(target, { type: 'Utilization', averageUtilization: r.targetAverageUtilization });
        else if (r.targetAverageValue !== undefined) Object.assign(target, { type: 'AverageValue', averageValue: r.targetAverageValue });
        m.resource = { name: r.name, target };
      }
    }
  }
}

/** autoscaling/v1 `targetCPUUtilizationPercentage` becomes a v2 resource metric. */
export function convertHpaV1(obj: KObject): void {
  const spec = obj.spec ?? {};
  if (spec.targetCPUUtilizationPercentage !== undefined) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
    delete spec.targetCPUUtilizationPercentage;
  }
}
