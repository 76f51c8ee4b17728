/**
 * The cluster IP checks a Service write meets before any other validation.
 * From Kubernetes 1.20 the Service REST storage fills in spec.clusterIPs
 * (normalizeClusterIPs), then checks the addresses, IP families and family
 * policy (ValidateServiceClusterIPsRelatedFields and initIPFamilyFields in
 * pkg/registry/core/service/storage) before it allocates addresses. Those
 * errors come back alone, ahead of the rest of ValidateService. The cluster
 * serves IPv4 only, like the kubeadm clusters the simulation copies.
 */
import type { KObject } from './types.js';
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { ipFamilyOf } from './ip-address.js';

const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** The families the simulated cluster allocates from (--service-cluster-ip-range). */
const CONFIGURED_FAMILIES: ReadonlySet<string> = new Set(['IPv4']);

const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** The address fields after the storage's fill-in, which the checks read. */
interface ClusterIPFields {
  clusterIP: string;
  clusterIPs: string[];
  ipFamilies: unknown[];
  ipFamilyPolicy: unknown;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => String(v));
}

/**
 * Returns an Invalid cause whose value is a string list, such as
 * spec.clusterIPs. API servers before
 * 1.34 print such a value with Go's %#v (`[]string{"a", "b"}`), later ones
 * as JSON.
 */
export function invalidList(field: string, values: string[], detail: string, clusterVersion: number): FieldCause {
  const cause: FieldCause = { field, type: 'Invalid value', value: values, hasValue: true, detail };
  if (clusterVersion < 134) cause.valueText = `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
  return cause;
}

/**
 * Returns the fields after the storage's fill-in: on create a lone
 * clusterIP becomes clusterIPs, and on update omitted addresses keep the
 * allocated ones (patchAllocatedValues, then normalizeClusterIPs).
 */
function normalizeClusterIPs(spec: any, oldSpec: any | undefined): ClusterIPFields {
  let clusterIP: string = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  let clusterIPs = stringList(spec.clusterIPs);
  const fields = (): ClusterIPFields => ({
    clusterIP,
    clusterIPs,
    ipFamilies: Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [],
    ipFamilyPolicy: spec.ipFamilyPolicy ?? oldSpec?.ipFamilyPolicy,
  });
  if (!oldSpec) {
    if (clusterIP !== '' && clusterIPs.length === 0) clusterIPs = [clusterIP];
    return fields();
  }

  const oldClusterIP: string = oldSpec.clusterIP ?? '';
  const oldClusterIPs = stringList(oldSpec.clusterIPs);
  if (oldSpec.type !== 'ExternalName') {
    if (clusterIP === '') clusterIP = oldClusterIP;
    if (clusterIPs.length === 0) clusterIPs = oldClusterIPs;
  }
  const sameIPs = clusterIPs.length === oldClusterIPs.length && clusterIPs.every((ip, i) => ip === oldClusterIPs[i]);
  if (clusterIP !== oldClusterIP && sameIPs) clusterIPs = clusterIP === '' ? [] : [clusterIP];
  return fields();
}

/** ValidateServiceClusterIPsRelatedFields: the two address fields agree, and each family, policy and address is valid. */
function validateClusterIPsRelatedFields(f: ClusterIPFields, clusterVersion: number): FieldCause[] {
  const causes: FieldCause[] = [];
  if (f.clusterIP !== '') {
    if (f.clusterIPs.length === 0) causes.push(required('spec.clusterIPs'));
    else if (f.clusterIPs[0] !== f.clusterIP) causes.push(invalidList('spec.clusterIPs', f.clusterIPs, 'first value must match `clusterIP`', clusterVersion));
  } else if (f.clusterIPs.length > 0) {
    causes.push(invalidList('spec.clusterIPs', f.clusterIPs, 'must be empty when `clusterIP` is not specified', clusterVersion));
  }

  const seen = new Set<unknown>();
  f.ipFamilies.forEach((family, i) => {
    if (!IP_FAMILIES.includes(family as string)) causes.push(unsupportedValue(`spec.ipFamilies[${i}]`, family, IP_FAMILIES));
    if (seen.has(family)) causes.push({ field: `spec.ipFamilies[${i}]`, type: 'Duplicate value', value: family, hasValue: true });
    seen.add(family);
  });
  if (f.ipFamilyPolicy !== undefined && f.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(f.ipFamilyPolicy as string)) {
    causes.push(unsupportedValue('spec.ipFamilyPolicy', f.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }

  let invalidIPs = false;
  f.clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (f.clusterIPs.length > 1) {
        invalidIPs = true;
        causes.push(invalidList('spec.clusterIPs', f.clusterIPs, "'None' must be the first and only value", clusterVersion));
      }
      return;
    }
    if (!ipFamilyOf(ip)) {
      invalidIPs = true;
      causes.push(invalidValue(`spec.clusterIPs[${i}]`, ip, INVALID_IP_MESSAGE));
    }
  });
  if (f.clusterIPs.length > 2) causes.push(invalidList('spec.clusterIPs', f.clusterIPs, 'may only hold up to 2 values', clusterVersion));
  if (invalidIPs) return causes;

  if (f.clusterIPs.length > 1) {
    const families = new Set(f.clusterIPs.map(ipFamilyOf));
    if (families.size < 2) causes.push(invalidList('spec.clusterIPs', f.clusterIPs, 'may specify no more than one IP for each IP family', clusterVersion));
  }
  const headless = f.clusterIPs.length === 1 && f.clusterIPs[0] === 'None';
  if (!headless) {
    f.clusterIPs.forEach((ip, i) => {
      const family = f.ipFamilies[i];
      if (family === undefined) return;
      const actual = ipFamilyOf(ip);
      if (family === 'IPv4' && actual === 'IPv6') causes.push(invalidValue(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (family === 'IPv6' && actual !== 'IPv6') causes.push(invalidValue(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return causes;
}

/**
 * initIPFamilyFields on a single-stack IPv4 cluster: the family policy must
 * fit the addresses, and every requested or inferred family must be one
 * the cluster serves.
 */
function validateIPFamilies(f: ClusterIPFields, selectorless: boolean, clusterVersion: number): FieldCause[] {
  const headless = f.clusterIP === 'None';
  const policy = f.ipFamilyPolicy ?? (headless && selectorless ? 'RequireDualStack' : 'SingleStack');
  const causes: FieldCause[] = [];
  if (policy === 'SingleStack') {
    if (f.clusterIPs.length === 2) causes.push(invalidValue('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (f.ipFamilies.length === 2) causes.push(invalidValue('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  const families = [...f.ipFamilies];
  for (const [i, ip] of f.clusterIPs.entries()) {
    if (ip === 'None') break;
    if (i < families.length) continue;
    const family = ipFamilyOf(ip)!;
    if (CONFIGURED_FAMILIES.has(family)) families.push(family);
    else causes.push(invalidList(`spec.clusterIPs[${i}]`, f.clusterIPs, `${family} is not configured on this cluster`, clusterVersion));
  }
  if (causes.length > 0 || (headless && selectorless)) return causes;

  if (policy === 'RequireDualStack') causes.push(invalidValue('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  families.forEach((family, i) => {
    if (!CONFIGURED_FAMILIES.has(family as string)) causes.push(invalidValue(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  return causes;
}

/**
 * Returns the causes the Service storage reports before validation for a
 * create (`old` undefined) or update of `svc`. The list is empty when the
 * addresses, families and policy can be allocated. Call it before
 * defaulting fills in ipFamilies and ipFamilyPolicy, because the checks
 * depend on what the request omitted.
 */
// Simplified: on update, the rules for moving between single and dual
// stack do not apply, because the simulated cluster has one family.
export function validateServiceClusterIPs(svc: KObject, old: KObject | undefined, clusterVersion: number): FieldCause[] {
  const spec = svc.spec ?? {};
  if (clusterVersion < 120 || spec.type === 'ExternalName') return [];
  const fields = normalizeClusterIPs(spec, old?.spec);
  const causes = validateClusterIPsRelatedFields(fields, clusterVersion);
  if (causes.length > 0) return causes;
  const selector = spec.selector;
  const selectorless = !selector || typeof selector !== 'object' || Object.keys(selector).length === 0;
  return validateIPFamilies(fields, selectorless, clusterVersion);
}

/**
 * Returns ValidateService's check of spec.clusterIP before Kubernetes 1.20,
 * where the single field was validated with the rest of the Service.
 */
export function validateLegacyClusterIP(spec: any): FieldCause[] {
  const ip = spec?.clusterIP;
  if (typeof ip !== 'string' || ip === '' || ip === 'None' || ipFamilyOf(ip)) return [];
  return [invalidValue('spec.clusterIP', ip, 'must be a valid IP address, (e.g. 10.9.8.7)')];
}
