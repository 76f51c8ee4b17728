/**
 * `-o name` and the one-line results of mutating commands
 * (`deployment.apps/web created`), as cli-runtime's NamePrinter prints them:
 * the lowercase kind, `.group` unless the group is core, `/name`, then the
 * operation and a dry-run marker.
 */

import type { KObject } from '../api/types';

/** Dry-run mode of the command, which adds ` (dry run)` or ` (server dry run)`. */
export type DryRunMode = 'none' | 'client' | 'server';

/** Returns `kind[.group]/name` for an object, for example `deployment.apps/web` or `pod/web`. */
export function formatResourceName(obj: Pick<KObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  if (!obj.kind) throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const slash = (obj.apiVersion ?? '').indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const kind = obj.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata.name}`;
}

/**
 * Prints objects as kubectl's name printer: one line per object (per item
 * of a `List`), followed by the operation (`created`, `scaled`, ...) when
 * one is given and the dry-run marker.
 */
export function printNames(objects: KObject[], operation = '', dryRun: DryRunMode = 'none'): string {
  let suffix = operation ? ` ${operation}` : '';
  if (operation && dryRun === 'client') suffix += ' (dry run)';
  if (operation && dryRun === 'server') suffix += ' (server dry run)';

  const lines: string[] = [];
  for (const obj of objects) {
    const items: KObject[] = Array.isArray(obj.items) ? obj.items : [obj];
    for (const item of items) lines.push(formatResourceName(item) + suffix + '\n');
  }
  return lines.join('');
}
