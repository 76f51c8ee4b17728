/**
 * Image pulls on a node: what is already present, what the registry refuses
 * or never answers, and the kubelet's messages for each outcome.
 */
import type { KObject } from '../api/types.js';
import type { ClusterSettings } from '../engine/settings.js';
import { resolveImage } from '../images/catalog.js';

/** Canonical `repository:tag` used to compare image references. */
export function normalizeImage(image: string): string {
  const info = resolveImage(image);
  return `${info.repository}:${info.tag}`;
}

export function isPresentOnNode(node: KObject | undefined, image: string): boolean {
  const want = normalizeImage(image);
  return (node?.status?.images ?? []).some((i: any) => (i.names ?? []).some((n: string) => normalizeImage(n) === want));
}

export type PullOutcome = { ok: true; sizeBytes: number } | { ok: false; message: string };

/**
 * Decides how a pull of `image` ends on this cluster. A pull-timeout entry
 * matches one reference (`perl` is `perl:latest`, so `perl:5.36.0` still
 * pulls); `perl:*` matches every tag.
 */
export function pullOutcome(image: string, settings: ClusterSettings, seed: number): PullOutcome {
  const info = resolveImage(image);
  const normalized = `${info.repository}:${info.tag}`;
  const timesOut = settings.pullTimeout.some((p) => p === image || normalizeImage(p) === normalized || p === `${info.repository}:*`);
  if (timesOut) {
    const blob = (seed >>> 0).toString(16).padStart(8, '0');
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${fullRef(info.repository, info.tag)}": failed to resolve reference "${fullRef(info.repository, info.tag)}": failed to do request: Head "https://registry-1.docker.io/v2/${libraryPath(info.repository)}/manifests/${info.tag}": dial tcp 104.18.121.25:443: i/o timeout (request ${blob})`,
    };
  }
  if (!info.exists) {
    const ref = fullRef(info.repository, info.tag);
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    };
  }
  return { ok: true, sizeBytes: info.sizeBytes };
}

function libraryPath(repository: string): string {
  return repository.includes('/') ? repository.replace(/^docker\.io\//, '') : `library/${repository}`;
}

function fullRef(repository: string, tag: string): string {
  const first = repository.split('/')[0];
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return hasRegistry ? `${repository}:${tag}` : `docker.io/${libraryPath(repository)}:${tag}`;
}
