/**
 * The simulated image catalog: parses image references the way the container
 * runtime does and decides which image program runs and whether a tag exists.
 */

/** The program family an image runs; selects the simulated program. */
export type ImageKind = 'myapp' | 'nginx' | 'busybox' | 'perl' | 'agnhost' | 'goproxy' | 'generic';

/** A parsed image reference and its catalog entry. */
export interface ImageInfo {
  /** Repository as written, without tag or digest (`hub.atguigu.com/library/myapp`, `nginx`). */
  repository: string;
  /** Tag; `latest` when the reference has neither tag nor digest, `''` when it has only a digest. */
  tag: string;
  /** True when the catalog has a program for this image, false for the generic fallback. */
  known: boolean;
  /** False for tags the registry does not have, so a pull fails with `manifest unknown`. */
  exists: boolean;
  /** Uncompressed image size, reported by the kubelet's `Pulled` event. */
  sizeBytes: number;
  kind: ImageKind;
  /** Registry host (`docker.io` when the reference names none). */
  registry: string;
  /** Repository with its registry, as containerd names it (`docker.io/library/nginx`, `registry.k8s.io/pause`). */
  normalizedName: string;
  /** Last path component of the repository (`myapp`, `nginx`). */
  name: string;
  /** `sha256:…` when the reference pins a digest. */
  digest?: string;
  /** Fully qualified reference as containerd records it (`docker.io/library/nginx:latest`). */
  fullReference: string;
  /** Parse error for a malformed reference, which the kubelet reports as `InvalidImageName`. */
  invalidReason?: string;
  /** True for a Docker Hub library name that is a near miss of a catalog image (`ngnix`), which no registry has. */
  missingRepository?: boolean;
}

/** Latest patch release of each nginx minor line published on Docker Hub (approximate for old lines). */
export const NGINX_RELEASES: Readonly<Record<string, number>> = {
  '1.7': 12, '1.8': 1, '1.9': 15, '1.10': 3, '1.11': 13, '1.12': 2, '1.13': 12,
  '1.14': 2, '1.15': 12, '1.16': 1, '1.17': 10, '1.18': 0, '1.19': 10, '1.20': 2,
  '1.21': 6, '1.22': 1, '1.23': 4, '1.24': 0, '1.25': 5, '1.26': 3, '1.27': 5,
  '1.28': 0, '1.29': 3,
};

/** nginx versions behind the floating tags. */
export const NGINX_FLOATING_TAGS: Readonly<Record<string, string>> = {
  latest: '1.29.3', mainline: '1.29.3', stable: '1.28.0', alpine: '1.29.3', perl: '1.29.3',
};

/** Versions of the tutorial's `myapp` image; each serves its own version over HTTP. */
export const MYAPP_TAGS: readonly string[] = ['v1', 'v2', 'v3'];

/** Perl version behind the floating tags (`latest`, `slim`, `stable`). */
export const PERL_LATEST = '5.40.0';

/** BusyBox version behind the floating tags. */
export const BUSYBOX_LATEST = '1.37.0';

/**
 * Newest minor release of registry.k8s.io/e2e-test-images/agnhost, whose
 * tags are `2.<minor>` (the probe docs use 2.40). Estimate: the registry is
 * not queried, and minors from 2.1 up to this one are taken to exist.
 */
export const AGNHOST_LATEST_MINOR = 53;

/**
 * Images the simulated registry serves, as `repository:tag` examples, so that
 * node image caches and `docker load`-style simulations can list them.
 */
export const KNOWN_IMAGES: readonly string[] = [
  ...MYAPP_TAGS.map((tag) => `hub.atguigu.com/library/myapp:${tag}`),
  ...MYAPP_TAGS.map((tag) => `wangyanglinux/myapp:${tag}`),
  'nginx:latest', 'nginx:1.7.9', 'nginx:1.9.1', 'nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.25', 'nginx:1.27',
  'busybox:latest', 'busybox:1.28', 'busybox:1.36',
  'perl:latest', 'perl:5.36.0', 'perl:5.34.0',
  'registry.k8s.io/e2e-test-images/agnhost:2.40', 'registry.k8s.io/goproxy:0.1',
];

const IMAGE_SIZES: Record<ImageKind, number> = {
  myapp: 15_504_557,
  nginx: 192_063_326,
  busybox: 4_269_034,
  perl: 890_465_316,
  // Estimates, not read from the registry: agnhost 2.40 and goproxy 0.1 for linux/amd64.
  agnhost: 127_485_230,
  goproxy: 11_971_398,
  generic: 0,
};

const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Splits `registry/path` when the first component looks like a host, as the Docker reference grammar does. */
function splitRegistry(name: string): { registry: string; path: string } {
  const slash = name.indexOf('/');
  if (slash > 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      // Docker's reference parser treats the legacy host index.docker.io as docker.io.
      return { registry: first === 'index.docker.io' ? 'docker.io' : first, path: name.slice(slash + 1) };
    }
  }
  return { registry: 'docker.io', path: name };
}

/** Decides whether a tag of the given kind is published, by the rules documented on each list. */
function tagExists(kind: ImageKind, tag: string, digest?: string): boolean {
  if (tag === '' && digest) return true;
  switch (kind) {
    case 'myapp':
      return MYAPP_TAGS.includes(tag);
    case 'nginx':
      return resolveNginxVersion(tag) !== undefined;
    case 'busybox': {
      if (['latest', 'stable', 'musl', 'glibc', 'uclibc'].includes(tag)) return true;
      const m = /^1\.(\d+)(?:\.(\d+))?(?:-(?:musl|glibc|uclibc))?$/.exec(tag);
      return m !== null && Number(m[1]) >= 20 && Number(m[1]) <= 37;
    }
    case 'perl': {
      if (['latest', 'slim', 'stable', 'threaded'].includes(tag)) return true;
      const m = /^5(?:\.(\d+))?(?:\.(\d+))?(?:-(?:slim|threaded|bookworm|bullseye|slim-bookworm|slim-bullseye))?$/.exec(tag);
      return m !== null && (m[1] === undefined || (Number(m[1]) % 2 === 0 && Number(m[1]) >= 8 && Number(m[1]) <= 40));
    }
    case 'agnhost': {
      const m = /^2\.(\d+)$/.exec(tag);
      return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= AGNHOST_LATEST_MINOR;
    }
    case 'goproxy':
      return tag === '0.1';
    case 'generic':
      return true;
  }
}

/**
 * Returns the nginx version a tag runs (`1.25` → `1.25.5`), or undefined when
 * Docker Hub has no such tag (`1.91`). Suffixes such as `-alpine` are ignored.
 */
export function resolveNginxVersion(tag: string): string | undefined {
  if (nginxVersions.has(tag)) return nginxVersions.get(tag);
  const version = findNginxVersion(tag);
  if (nginxVersions.size >= MAX_RESOLVED) nginxVersions.clear();
  nginxVersions.set(tag, version);
  return version;
}

/** Results of resolveNginxVersion by tag, because every nginx container start looks up its version. */
const nginxVersions = new Map<string, string | undefined>();

function findNginxVersion(tag: string): string | undefined {
  const floating = NGINX_FLOATING_TAGS[tag.replace(/-(alpine|perl|slim|otel|bookworm)$/, '')];
  if (floating) return floating;
  const m = /^(\d+\.\d+)(?:\.(\d+))?(?:-(?:alpine|alpine-slim|alpine-perl|perl|otel|bookworm|bullseye))?$/.exec(tag);
  if (!m) return undefined;
  const maxPatch = NGINX_RELEASES[m[1]];
  if (maxPatch === undefined) return undefined;
  const patch = m[2] === undefined ? maxPatch : Number(m[2]);
  return patch <= maxPatch ? `${m[1]}.${patch}` : undefined;
}

/** Computes a stable size for images outside the catalog, between 20 and 120 MB. */
function estimateGenericSize(reference: string): number {
  let hash = 2166136261;
  for (const ch of reference) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 20_000_000 + (hash % 100_000_000);
}

function detectKind(path: string): ImageKind {
  const name = path.split('/').pop() ?? path;
  if (name === 'myapp') return 'myapp';
  if (name === 'nginx' || name === 'busybox' || name === 'perl') return name;
  // The Kubernetes test images, under their current and former registries.
  if (name === 'agnhost' && path.endsWith('e2e-test-images/agnhost')) return 'agnhost';
  if (name === 'goproxy' && (path === 'goproxy' || path === 'google_containers/goproxy')) return 'goproxy';
  return 'generic';
}

/**
 * Parses an image reference (`hub.atguigu.com/library/myapp:v1`,
 * `wangyanglinux/myapp:v2`, `nginx`, `nginx:1.91`, `busybox@sha256:…`) and
 * looks it up in the catalog. Untagged references mean `latest`. Unknown
 * images are `generic` and exist. A malformed reference does not throw: the
 * result has `invalidReason` set and `exists` false. The result is frozen
 * and shared between callers.
 */
export function resolveImage(image: string): ImageInfo {
  let info = resolved.get(image);
  if (info === undefined) {
    info = Object.freeze(parseImage(image));
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(image, info);
  }
  return info;
}

/**
 * Results of resolveImage, which every pod sync calls for its images. The
 * result depends on the reference alone, so one frozen object serves every caller.
 */
const resolved = new Map<string, ImageInfo>();

/** Size limit of the memo. A process resolves few distinct references, so this only bounds memory. */
const MAX_RESOLVED = 10_000;

function parseImage(image: string): ImageInfo {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }

  let tag = '';
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  if (tag === '' && digest === undefined) tag = 'latest';

  const repository = rest;
  const { registry, path } = splitRegistry(repository);
  const kind = detectKind(path);
  const name = path.split('/').pop() ?? path;
  const qualifiedPath = registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path;
  const normalizedName = `${registry}/${qualifiedPath}`;
  const fullReference = `${normalizedName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;

  const invalidReason = validateReference(image, qualifiedPath, tag, digest);
  const info: ImageInfo = {
    repository, tag, known: kind !== 'generic', exists: false, sizeBytes: 0, kind,
    registry, normalizedName, name, fullReference,
  };
  if (digest !== undefined) info.digest = digest;
  if (invalidReason !== undefined) {
    info.invalidReason = invalidReason;
    return info;
  }

  if (kind === 'generic' && registry === 'docker.io' && !path.includes('/') && isNearMiss(path)) {
    info.missingRepository = true;
    return info;
  }
  info.exists = tagExists(kind, tag, digest);
  info.sizeBytes = kind === 'generic' ? estimateGenericSize(fullReference) : IMAGE_SIZES[kind];
  return info;
}

/** The Docker Hub library images kubesim simulates, whose misspellings it refuses to pull. */
const LIBRARY_NAMES = ['nginx', 'busybox', 'perl'];

/**
 * Reports whether `name` misspells a library image in the catalog: one edit
 * away (an insertion, deletion, substitution or swap of neighbours), or two
 * for names of five letters or more. Docker Hub's library namespace holds
 * only official images, so such a name does not exist there, while any
 * other unknown image runs as the generic server.
 */
function isNearMiss(name: string): boolean {
  if (name.length < 4) return false;
  return LIBRARY_NAMES.some((known) => name !== known && editDistance(name, known) <= (known.length >= 5 ? 2 : 1));
}

/** Returns the optimal string alignment distance: Levenshtein plus swaps of neighbouring characters. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Returns containerd's parse error text for a malformed reference, or undefined. */
function validateReference(image: string, path: string, tag: string, digest?: string): string | undefined {
  if (image.trim() === '') return 'invalid reference format';
  if (/\s/.test(image)) return 'invalid reference format';
  const components = path.split('/');
  if (components.some((c) => c === '')) return 'invalid reference format';
  if (components.some((c) => !PATH_COMPONENT_PATTERN.test(c))) {
    return path.toLowerCase() !== path
      ? `invalid reference format: repository name (${path}) must be lowercase`
      : 'invalid reference format';
  }
  if (tag !== '' && !TAG_PATTERN.test(tag)) return 'invalid reference format';
  if (digest !== undefined && !DIGEST_PATTERN.test(digest)) return 'invalid reference format';
  return undefined;
}

/** Repo digests already built, by image reference as written in the pod spec. */
const repoDigests = new Map<string, string>();

/**
 * Builds the repo digest that containerd reports as a container's image
 * (ContainerStatus.imageRef, which the kubelet copies to
 * status.containerStatuses[].imageID): the normalized repository, `@`, and
 * the manifest digest, e.g. `registry.k8s.io/pause@sha256:…` or
 * `docker.io/library/nginx@sha256:…`. A reference that pins a digest keeps
 * it. Otherwise the digest is a stand-in hashed from the normalized
 * reference, so every container of one image reports the same ID.
 */
export function imageRepoDigest(image: string): string {
  let repoDigest = repoDigests.get(image);
  if (repoDigest === undefined) {
    const info = resolveImage(image);
    repoDigest = `${info.normalizedName}@${info.digest ?? `sha256:${standInDigest(info.fullReference)}`}`;
    if (repoDigests.size >= MAX_RESOLVED) repoDigests.clear();
    repoDigests.set(image, repoDigest);
  }
  return repoDigest;
}

/** Image IDs already built, by image reference as written in the pod spec. */
const imageIDs = new Map<string, string>();

/**
 * Builds the image ID the runtime keys a pulled image by: the digest of the
 * image's config blob, `sha256:` and 64 hex digits. It differs from the
 * manifest digest in imageRepoDigest, as a registry's config and manifest
 * digests do. The digest is a stand-in hashed from the repo digest, so every
 * reference to one image (`nginx`, `docker.io/library/nginx:latest`) has the
 * same ID.
 */
export function imageConfigID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    id = `sha256:${standInDigest(`config of ${imageRepoDigest(image)}`)}`;
    if (imageIDs.size >= MAX_RESOLVED) imageIDs.clear();
    imageIDs.set(image, id);
  }
  return id;
}

/** Returns 64 hex digits derived from `text` by eight FNV-1a passes with different offsets (not SHA-256). */
export function standInDigest(text: string): string {
  let hex = '';
  for (let round = 0; round < 8; round++) {
    let hash = (2166136261 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}
