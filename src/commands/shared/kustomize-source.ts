/**
 * `-k DIR` / `--kustomize DIR` on the verbs that read manifests: the
 * kustomization's build takes the place of the `-f` files, with kubectl's
 * rules for combining the two.
 */
import type { FlagSpec } from '../../cli/flags.js';
import { CommandFailedError, UsageError } from '../../api/errors.js';
import { readManifests, type ManifestDoc } from './manifests.js';

/** Returns the `-k` flag, with the article kubectl's help uses for that verb ("a" or "the"). */
export function kustomizeFlag(article: 'a' | 'the'): FlagSpec {
  return { name: 'kustomize', short: 'k', type: 'string', default: '', help: `Process ${article} kustomization directory. This flag can't be used together with -f or -R.` };
}

/** Returns whether the command was given manifests by `-f` or `-k`. */
export function hasManifestSource(flags: Record<string, any>): boolean {
  return (flags.filename?.length ?? 0) > 0 || Boolean(flags.kustomize);
}

/**
 * Reads the manifests given by `-f` or built from `-k`. Both together, or
 * `-k` with `-R`, is a usage error. Build errors and kustomize's deprecation
 * warnings print as kubectl prints them for `-k`.
 */
export async function readManifestSources(flags: Record<string, any>, stdin: (() => Promise<string>) | undefined, warn: (text: string) => void): Promise<ManifestDoc[]> {
  const dir = flags.kustomize as string | undefined;
  if (!dir) return readManifests(flags.filename, stdin, flags.recursive);
  if ((flags.filename?.length ?? 0) > 0) throw new UsageError('only one of -f or -k can be specified');
  if (flags.recursive) throw new UsageError("the -k flag can't be used with -f or -R");
  const { buildKustomization } = await import('../../kustomize/build.js');
  try {
    const objects = await buildKustomization(dir, (line) => warn(`${line}\n`));
    return objects.map((doc) => ({ doc, source: dir }));
  } catch (err) {
    if (err instanceof CommandFailedError) throw new UsageError(err.message);
    throw err;
  }
}
