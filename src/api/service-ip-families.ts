/**
 * A Service's clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy, as the
 * API server of a single-stack IPv4 cluster relates them. The Service REST
 * storage fills in and checks these fields before it validates the object
 * (normalizeClusterIPs, patchAllocatedValues and Allocators.initIPFamilyFields
 * in kubernetes pkg/registry/core/service/storage, 1.32), so its causes come
 * alone. ValidateService checks the same relations again.
 */
import type { KObject } from './types.js';
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { invalidList } from './go-syntax.js';
import { ipAddressErrors, ipFamilyOf } from './ip-address.js';

/** Supported values, sorted as the API server lists them. */
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** The only IP family kubesim's Service network (10.96.0.0/12) has. */
const CLUSTER_FAMILY = 'IPv4';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function sameList(a: unknown, b: unknown): boolean {
  const x = list(a);
  const y = list(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function isHeadless(spec: any): boolean {
  const ips = list(spec.clusterIPs);
  return ips.length === 1 && ips[0] === 'None';
}

function hasSelector(spec: any): boolean {
  return spec.selector !== null && typeof spec.selector === 'object' && Object.keys(spec.selector).length > 0;
}

function isIPv6(ip: unknown): boolean {
  return ipFamilyOf(String(ip)) === 'IPv6';
}

/**
 * Checks what ValidateServiceClusterIPsRelatedFields checks from Kubernetes
 * 1.20: clusterIP and clusterIPs agree, ipFamilies and ipFamilyPolicy
 * contain supported values, and clusterIPs contains at most one valid
 * address per family, matching ipFamilies. `clusterVersion` (1.32 is 132)
 * picks how list values print.
 */
export function validateClusterIPsRelatedFields(spec: any, clusterVersion: number): FieldCause[] {
  if (spec.type === 'ExternalName') return [];
  const causes: FieldCause[] = [];
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  const clusterIPs = list(spec.clusterIPs);
  const families = list(spec.ipFamilies);

  if (clusterIP !== '') {
    if (clusterIPs.length === 0) causes.push(required('spec.clusterIPs'));
    else if (clusterIPs[0] !== clusterIP) causes.push(invalidList('spec.clusterIPs', clusterIPs, 'first value must match `clusterIP`', clusterVersion));
  } else if (clusterIPs.length > 0) {
    causes.push(invalidList('spec.clusterIPs', clusterIPs, 'must be empty when `clusterIP` is not specified', clusterVersion));
  }

  const seen = new Set<unknown>();
  families.forEach((family, i) => {
    if (!IP_FAMILIES.includes(family as string)) causes.push(unsupportedValue(`spec.ipFamilies[${i}]`, family, IP_FAMILIES));
    if (seen.has(family)) causes.push({ field: `spec.ipFamilies[${i}]`, type: 'Duplicate value', value: family, hasValue: true });
    seen.add(family);
  });

  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    causes.push(unsupportedValue('spec.ipFamilyPolicy', spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }

  let hasInvalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        causes.push(invalidList('spec.clusterIPs', clusterIPs, "'None' must be the first and only value", clusterVersion));
      }
      return;
    }
    const ipCauses = ipAddressErrors(`spec.clusterIPs[${i}]`, String(ip), clusterVersion);
    if (ipCauses.length > 0) hasInvalidIPs = true;
    causes.push(...ipCauses);
  });
  if (clusterIPs.length > 2) causes.push(invalidList('spec.clusterIPs', clusterIPs, 'may only hold up to 2 values', clusterVersion));
  // Later checks would only repeat a bad address in other words.
  if (hasInvalidIPs) return causes;

  if (clusterIPs.length > 1) {
    const v6 = clusterIPs.filter(isIPv6).length;
    const dualStack = v6 > 0 && v6 < clusterIPs.length;
    if (!dualStack) causes.push(invalidList('spec.clusterIPs', clusterIPs, 'may specify no more than one IP for each IP family', clusterVersion));
  }

  if (!isHeadless(spec) && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i >= families.length) return;
      const v6 = isIPv6(ip);
      if (families[i] === 'IPv4' && v6) causes.push(invalidValue(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !v6) causes.push(invalidValue(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return causes;
}

/**
 * Fills in what an update left out and keeps clusterIPs in step with
 * clusterIP (patchAllocatedValues and normalizeClusterIPs). An update keeps
 * the allocated addresses, and a clusterIP given without clusterIPs becomes
 * the list.
 */
function normalizeClusterIPs(spec: any, oldSpec: any | undefined): void {
  if (oldSpec && oldSpec.type !== 'ExternalName' && spec.type !== 'ExternalName') {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (list(spec.clusterIPs).length === 0 && list(oldSpec.clusterIPs).length > 0) spec.clusterIPs = oldSpec.clusterIPs;
  }
  const fromSingular = !oldSpec || (oldSpec.type === 'ExternalName' && spec.type !== 'ExternalName');
  if (fromSingular) {
    if (spec.clusterIP && list(spec.clusterIPs).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((spec.clusterIP ?? '') !== (oldSpec.clusterIP ?? '') && sameList(spec.clusterIPs, oldSpec.clusterIPs)) {
    spec.clusterIPs = spec.clusterIP ? [spec.clusterIP] : [];
  }
}

/** Reports whether an update keeps a PreferDualStack Service's addresses (isMatchingPreferDualStackClusterIPFields). */
function keepsPreferDualStack(spec: any, oldSpec: any | undefined): boolean {
  if (!oldSpec || spec.ipFamilyPolicy == null || spec.type !== oldSpec.type || spec.type === 'ExternalName') return false;
  if (spec.ipFamilyPolicy !== 'PreferDualStack') return false;
  if (oldSpec.ipFamilyPolicy != null && oldSpec.ipFamilyPolicy !== 'PreferDualStack') return false;
  return spec.clusterIP === oldSpec.clusterIP && sameList(spec.clusterIPs, oldSpec.clusterIPs) && sameList(spec.ipFamilies, oldSpec.ipFamilies);
}

/** Returns the causes for an update that shortens clusterIPs or ipFamilies without policy SingleStack. */
function releaseCauses(spec: any, oldSpec: any): FieldCause[] {
  const causes: FieldCause[] = [];
  const policy = spec.ipFamilyPolicy;
  const ips = list(spec.clusterIPs);
  const families = list(spec.ipFamilies);
  if (ips.length > 0 && ips.length < list(oldSpec.clusterIPs).length) {
    causes.push(invalidValue('spec.ipFamilyPolicy', policy, "must be 'SingleStack' to release the secondary cluster IP"));
  }
  if (families.length > 0 && families.length < list(oldSpec.ipFamilies).length) {
    causes.push(invalidValue('spec.ipFamilyPolicy', policy, "must be 'SingleStack' to release the secondary IP family"));
  }
  return causes;
}

/**
 * Sets a Service's clusterIPs, ipFamilyPolicy and ipFamilies as the API
 * server's allocator does before validation, and returns the causes it
 * rejects the request with. `old` is the stored Service on update.
 * A headless Service without a selector defaults to RequireDualStack with
 * both families, as on a real single-stack cluster. Call it after
 * defaulting, which leaves these fields alone: the checks depend on what
 * the request omitted.
 */
export function initServiceIPFamilies(svc: KObject, old: KObject | undefined, clusterVersion: number): FieldCause[] {
  const spec = svc.spec;
  if (!spec || typeof spec !== 'object') return [];
  const oldSpec = old?.spec ?? (old ? {} : undefined);
  normalizeClusterIPs(spec, oldSpec);
  if (spec.type === 'ExternalName' || keepsPreferDualStack(spec, oldSpec)) return [];
  if (clusterVersion < 120) {
    // Simplified: before 1.20 these fields did not exist, and kubesim stores its single-stack values.
    spec.ipFamilyPolicy ??= oldSpec?.ipFamilyPolicy ?? 'SingleStack';
    spec.ipFamilies ??= oldSpec?.ipFamilies ?? [CLUSTER_FAMILY];
    return [];
  }

  if (spec.ipFamilyPolicy == null) {
    if (oldSpec?.ipFamilyPolicy != null) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = spec.clusterIP === 'None' && !hasSelector(spec) ? 'RequireDualStack' : 'SingleStack';
  }

  const related = validateClusterIPsRelatedFields(spec, clusterVersion);
  if (related.length > 0) return related;

  const causes: FieldCause[] = [];
  const singleStack = spec.ipFamilyPolicy === 'SingleStack';
  if (oldSpec && singleStack) {
    if (sameList(spec.clusterIPs, oldSpec.clusterIPs) && list(spec.clusterIPs).length > 1) spec.clusterIPs = spec.clusterIPs.slice(0, 1);
    if (sameList(spec.ipFamilies, oldSpec.ipFamilies) && list(spec.ipFamilies).length > 1) spec.ipFamilies = spec.ipFamilies.slice(0, 1);
  } else if (oldSpec) {
    causes.push(...releaseCauses(spec, oldSpec));
  }

  if (singleStack && list(spec.clusterIPs).length === 2) {
    causes.push(invalidValue('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
  }
  if (singleStack && list(spec.ipFamilies).length === 2) {
    causes.push(invalidValue('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }

  // Families follow the given addresses where ipFamilies leaves them out.
  const families = [...list(spec.ipFamilies)];
  const clusterIPs = list(spec.clusterIPs);
  for (let i = 0; i < clusterIPs.length && clusterIPs[i] !== 'None'; i++) {
    if (i < families.length) continue;
    const family = isIPv6(clusterIPs[i]) ? 'IPv6' : 'IPv4';
    if (family === CLUSTER_FAMILY) families.push(family);
    else causes.push(invalidList(`spec.clusterIPs[${i}]`, clusterIPs, `${family} is not configured on this cluster`, clusterVersion));
  }
  if (causes.length > 0) return causes;

  if (spec.clusterIP === 'None' && !hasSelector(spec)) {
    if (families.length === 0) families.push(CLUSTER_FAMILY);
    if (families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    setFamilies(spec, families);
    return [];
  }

  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    causes.push(invalidValue('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((family, i) => {
    if (family !== CLUSTER_FAMILY) causes.push(invalidValue(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  if (causes.length > 0) return causes;

  setFamilies(spec, families.length > 0 ? families : [CLUSTER_FAMILY]);
  return [];
}

/** Sets spec.ipFamilies unless it already lists `families`: an update may pass the stored, frozen spec. */
function setFamilies(spec: any, families: unknown[]): void {
  if (!sameList(spec.ipFamilies, families) || !Array.isArray(spec.ipFamilies)) spec.ipFamilies = families;
}

/**
 * Returns ValidateService's check of spec.clusterIP before Kubernetes 1.20,
 * where the single field was validated with the rest of the Service and
 * neither empty nor 'None' needed an address.
 */
export function validateLegacyClusterIP(spec: any): FieldCause[] {
  const ip = spec?.clusterIP;
  if (typeof ip !== 'string' || ip === '' || ip === 'None' || ipFamilyOf(ip)) return [];
  return [invalidValue('spec.clusterIP', ip, "must be empty, 'None', or a valid IP address")];
}
