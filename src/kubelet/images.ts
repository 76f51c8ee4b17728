/**
 * Image pulls on a node: what is already present, what the registry refuses
 * or never answers, and the kubelet's messages for each outcome.
 */
import type { KObject } from '../api/types.js';
import type { ClusterSettings } from '../engine/settings.js';
import { imageConfigID, imageRepoDigest, resolveImage, standInDigest } from '../images/catalog.js';

/** Memo of canonical references, because every pod sync compares its images with each image of its node. */
const canonical = new Map<string, string>();

/** Size limit of the memo. One process uses few distinct image references, so this only bounds memory. */
const MAX_CANONICAL = 10_000;

/** Canonical `repository:tag` used to compare image references. */
export function normalizeImage(image: string): string {
  let normalized = canonical.get(image);
  if (normalized === undefined) {
    const info = resolveImage(image);
    normalized = `${info.repository}:${info.tag}`;
    if (canonical.size >= MAX_CANONICAL) canonical.clear();
    canonical.set(image, normalized);
  }
  return normalized;
}

export function isPresentOnNode(node: KObject | undefined, image: string): boolean {
  const want = normalizeImage(image);
  return (node?.status?.images ?? []).some((i: any) => (i.names ?? []).some((n: string) => normalizeImage(n) === want));
}

export type PullOutcome = { ok: true; sizeBytes: number } | { ok: false; message: string };

/**
 * Decides how a pull of `image` ends on this cluster. A pull-timeout entry
 * matches one reference (`perl` is `perl:latest`, so `perl:5.36.0` still
 * pulls); `perl:*` matches every tag. `now` (ms) dates the signed blob URL
 * of the docker-era message.
 */
export function pullOutcome(image: string, settings: ClusterSettings, seed: number, now = 0): PullOutcome {
  const info = resolveImage(image);
  const normalized = `${info.repository}:${info.tag}`;
  const timesOut = settings.pullTimeout.some((p) => p === image || normalizeImage(p) === normalized || p === `${info.repository}:*`);
  if (timesOut && settings.version < CONTAINERD_SINCE) return { ok: false, message: dockerTimeout(info.repository, info.tag, seed, now) };
  if (timesOut) {
    const blob = (seed >>> 0).toString(16).padStart(8, '0');
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${fullRef(info.repository, info.tag)}": failed to resolve reference "${fullRef(info.repository, info.tag)}": failed to do request: Head "https://registry-1.docker.io/v2/${libraryPath(info.repository)}/manifests/${info.tag}": dial tcp 104.18.121.25:443: i/o timeout (request ${blob})`,
    };
  }
  if (info.missingRepository) {
    const ref = fullRef(info.repository, info.tag);
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
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

/** Clusters from this version run containerd (dockershim was removed in 1.24). */
const CONTAINERD_SINCE = 124;

/** Images named in container statuses, by reference as written: one memo per runtime (containerd, docker). */
const statusImages = { containerd: new Map<string, string>(), docker: new Map<string, string>() };

/**
 * Names the image of a container the runtime has created, as the kubelet
 * copies it into status.containerStatuses[].image on a cluster of `version`
 * (e.g. 132). The runtime names the image by the first tag it has stored for
 * it, not by the pod spec's text. containerd (from 1.24) stores the tag
 * fully qualified: `nginx` is `docker.io/library/nginx:latest`,
 * `registry.k8s.io/pause:3.9` stays as written. The docker daemon of older
 * clusters lists it in Docker's short form: `docker.io/library/nginx:1.7.9`
 * is `nginx:1.7.9`. An image pulled by digest has no stored tag, so both
 * runtimes fall back to the image ID the kubelet created the container
 * with (`sha256:…`). containerd pulls a reference that names both a tag and
 * a digest by the digest alone, so that tag is not stored either.
 * NOTE: the docker daemon is assumed to treat such a reference the same way;
 * its pull code was not checked.
 * Simplified: a runtime names an image stored under several tags by the
 * first of them. kubesim gives every tag its own image, so the tag named is
 * always the one pulled.
 */
export function containerStatusImage(image: string, version: number): string {
  const containerd = version >= CONTAINERD_SINCE;
  const memo = containerd ? statusImages.containerd : statusImages.docker;
  let named = memo.get(image);
  if (named === undefined) {
    const info = resolveImage(image);
    if (info.digest !== undefined) named = imageConfigID(image);
    else named = `${containerd ? info.normalizedName : familiarName(info.normalizedName)}:${info.tag}`;
    if (memo.size >= MAX_CANONICAL) memo.clear();
    memo.set(image, named);
  }
  return named;
}

/**
 * Returns status.containerStatuses[].imageID for a container the runtime has
 * created on a cluster of `version`. containerd reports the repo digest
 * (`docker.io/library/nginx@sha256:…`). dockershim reports the image's first
 * RepoDigest, which the docker daemon keeps in its short form, behind
 * `docker-pullable://` (`docker-pullable://nginx@sha256:…`).
 */
export function containerStatusImageID(image: string, version: number): string {
  const repoDigest = imageRepoDigest(image);
  if (version >= CONTAINERD_SINCE) return repoDigest;
  const at = repoDigest.indexOf('@');
  return `docker-pullable://${familiarName(repoDigest.slice(0, at))}${repoDigest.slice(at)}`;
}

/**
 * Builds the ID of a new container on a cluster of `version`: the runtime's
 * scheme (`containerd://`, or `docker://` before 1.24) and 64 hex digits,
 * which both runtimes use. `seed` is random hex; the rest is derived from it.
 */
export function runtimeContainerID(seed: string, version: number): string {
  const scheme = version >= CONTAINERD_SINCE ? 'containerd' : 'docker';
  return `${scheme}://${(seed + standInDigest(seed)).slice(0, 64)}`;
}

/** Docker's short form of a normalized repository: `docker.io/library/nginx` is `nginx`, `docker.io/wangyanglinux/myapp` is `wangyanglinux/myapp`. */
function familiarName(normalizedName: string): string {
  if (!normalizedName.startsWith('docker.io/')) return normalizedName;
  const path = normalizedName.slice('docker.io/'.length);
  const rest = path.slice('library/'.length);
  return path.startsWith('library/') && !rest.includes('/') ? rest : path;
}

/**
 * The docker daemon's timeout, as 1.15 transcripts show it: the manifest
 * resolved, then the image configuration blob on the registry's CDN never
 * answered. The blob digest and URL signature are derived from the image and
 * seed so that replays are repeatable.
 */
function dockerTimeout(repository: string, tag: string, seed: number, now: number): string {
  const digest = hexHash(`${repository}:${tag}:${seed}`, 64);
  const signature = encodeURIComponent(Buffer.from(hexHash(`${digest}:${now}`, 40), 'hex').toString('base64'));
  const verify = Math.floor(now / 1000);
  return `rpc error: code = Unknown desc = error pulling image configuration: Get https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/${digest.slice(0, 2)}/${digest}/data?verify=${verify}-${signature}: dial tcp 104.18.121.25:443: i/o timeout`;
}

/** `length` hex digits from a 32-bit FNV-1a chain over `text`. */
function hexHash(text: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
