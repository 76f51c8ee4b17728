/**
 * Kinds of resource names as pkg/apis/core/helper classifies them, shared
 * by quota validation and the quota evaluators.
 */
import { qualifiedNameErrors } from './name-validation.js';

/** Reports whether a resource name has no domain prefix, or one in kubernetes.io (IsNativeResource). */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Reports whether a name is an extended resource, such as `example.com/gpu` (IsExtendedResourceName). */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}
