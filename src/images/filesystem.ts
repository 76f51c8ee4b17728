/**
 * The file tree `ls` shows in a simulated image: the top-level folders of
 * each image family, their /etc, the web pages of nginx and myapp, the
 * files the kubelet mounts (/etc/hostname, /etc/hosts, /etc/resolv.conf) and
 * the files the running process wrote.
 * Simplified: the lists are abbreviated (a Debian /etc contains more), folders
 * kubesim does not model list as empty, and every time is a stand-in for the
 * image's build time.
 */
import type { ImageInfo } from './catalog';
import { isAlpine } from './image-tools';

/** One directory entry as `stat` reports it. */
export interface FileEntry {
  name: string;
  type: 'd' | '-' | 'l';
  /** The nine permission characters (`rwxr-xr-x`). */
  permissions: string;
  links: number;
  user: string;
  group: string;
  size: number;
  /** Modification time, ms since the epoch. */
  mtime: number;
  /** The target of a symbolic link. */
  target?: string;
}

/** The family an image's files come from. */
type Family = 'busybox' | 'alpine' | 'debian';

function familyOf(info: ImageInfo): Family {
  if (info.kind === 'busybox') return 'busybox';
  return isAlpine(info) || info.kind === 'generic' ? 'alpine' : 'debian';
}

/** Stand-in build times per family (UTC). */
const BUILD_TIME: Record<Family, number> = {
  busybox: Date.UTC(2024, 8, 26, 21, 31, 42),
  alpine: Date.UTC(2025, 9, 8, 11, 5, 20),
  debian: Date.UTC(2025, 10, 17, 1, 40, 6),
};

const ROOT: Record<Family, string[]> = {
  busybox: ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'],
  alpine: ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'],
  debian: ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'],
};

/** Top-level names that are symbolic links: Debian's merged /usr, and the glibc busybox's `lib64`. */
const LINKS: Record<Family, Record<string, string>> = {
  busybox: { lib64: 'lib' },
  alpine: {},
  debian: { bin: 'usr/bin', lib: 'usr/lib', lib64: 'usr/lib64', sbin: 'usr/sbin' },
};

/** /etc without the kubelet's files; names ending in `/` are folders. */
const ETC: Record<Family, string[]> = {
  busybox: ['group', 'localtime', 'network/', 'nsswitch.conf', 'passwd', 'shadow'],
  alpine: ['alpine-release', 'apk/', 'conf.d/', 'crontabs/', 'fstab', 'group', 'inittab', 'issue', 'modprobe.d/', 'modules',
    'motd', 'network/', 'nsswitch.conf', 'opt/', 'os-release', 'passwd', 'profile', 'profile.d/', 'protocols', 'services',
    'shadow', 'shells', 'ssl/', 'sysctl.conf'],
  debian: ['adduser.conf', 'alternatives/', 'apt/', 'bash.bashrc', 'ca-certificates/', 'ca-certificates.conf', 'debian_version',
    'default/', 'dpkg/', 'environment', 'fstab', 'gai.conf', 'group', 'gshadow', 'host.conf', 'init.d/', 'issue', 'issue.net',
    'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d/', 'localtime', 'login.defs', 'motd', 'nsswitch.conf', 'os-release', 'pam.d/',
    'passwd', 'profile', 'profile.d/', 'security/', 'shadow', 'shells', 'skel/', 'ssl/', 'timezone'],
};

/** Password files: readable by root only in busybox, and by the `shadow` group too elsewhere. */
const PRIVATE = new Set(['shadow', 'gshadow']);

function etcEntry(family: Family, name: string, built: number): FileEntry {
  if (name.endsWith('/')) return folder(name.slice(0, -1), built);
  if (!PRIVATE.has(name)) return file(name, 512, built);
  if (family === 'busybox') return file(name, 512, built, 'rw-------');
  return { ...file(name, 512, built, 'rw-r-----'), group: 'shadow' };
}

function folder(name: string, mtime: number): FileEntry {
  return { name, type: 'd', permissions: 'rwxr-xr-x', links: 2, user: 'root', group: 'root', size: 4096, mtime };
}

function file(name: string, size: number, mtime: number, permissions = 'rw-r--r--'): FileEntry {
  return { name, type: '-', permissions, links: 1, user: 'root', group: 'root', size, mtime };
}

/** The facts of the running process that the tree depends on. */
export interface TreeFacts {
  /** Files the kubelet mounts and the process wrote, by absolute path. */
  files: Map<string, string>;
  /** Files of mounted volumes (also in `files`), dated like the kubelet's files. */
  mounted?: ReadonlyMap<string, string>;
  /** When the container started: the time of the kubelet's files. */
  startedAt: number;
  /** Simulated time now: the time of files the process wrote. */
  now: number;
}

function rootEntries(info: ImageInfo, family: Family, built: number): FileEntry[] {
  const entries = ROOT[family].map((name) => {
    const link = LINKS[family][name];
    if (link) return { ...folder(name, built), type: 'l' as const, permissions: 'rwxrwxrwx', links: 1, size: link.length, target: link };
    const entry = folder(name, built);
    if (name === 'tmp') entry.permissions = 'rwxrwxrwt';
    if (name === 'root') entry.permissions = 'rwx------';
    if (name === 'proc' || name === 'sys') entry.size = 0;
    return entry;
  });
  if (info.kind === 'nginx') {
    entries.push(folder('docker-entrypoint.d', built), file('docker-entrypoint.sh', 1620, built, 'rwxrwxr-x'));
  }
  return entries;
}

/** Lists the entries of the folder `path` (absolute, no trailing slash but `/`), or returns undefined when it is no folder. */
export function listFolder(info: ImageInfo, path: string, facts: TreeFacts): FileEntry[] | undefined {
  const family = familyOf(info);
  const built = BUILD_TIME[family];
  let entries: FileEntry[] | undefined;
  if (path === '/') entries = rootEntries(info, family, built);
  else if (path === '/etc') {
    entries = ETC[family].map((name) => etcEntry(family, name, built));
    if (info.kind === 'nginx' || info.kind === 'myapp') entries.push(folder('nginx', built));
  } else if (path === '/usr/share/nginx/html' && (info.kind === 'nginx' || info.kind === 'myapp')) {
    // NOTE: only the size of nginx's error page is modelled; `cat` cannot read it.
    entries = [file('50x.html', 497, built)];
  }
  else if (isModelledFolder(info, path) || holdsMountedFiles(facts, path)) entries = [];
  if (!entries) return undefined;

  // The files the kubelet mounts and the process wrote, each in its folder.
  const prefix = path === '/' ? '/' : `${path}/`;
  for (const [filePath, content] of facts.files) {
    if (!filePath.startsWith(prefix) || filePath.slice(prefix.length).includes('/')) continue;
    const name = filePath.slice(prefix.length);
    const mtime = isKubeletFile(filePath) || facts.mounted?.has(filePath) ? facts.startedAt : isImageFile(filePath) ? built : facts.now;
    const index = entries.findIndex((e) => e.name === name);
    const entry = file(name, Buffer.byteLength(content), mtime);
    if (index >= 0) entries[index] = entry;
    else entries.push(entry);
  }
  addMountFolders(entries, prefix, facts);
  return entries;
}

/** Reports whether a mounted volume file lies anywhere below the folder `path`. */
function holdsMountedFiles(facts: TreeFacts, path: string): boolean {
  const prefix = path === '/' ? '/' : `${path}/`;
  for (const filePath of facts.mounted?.keys() ?? []) {
    if (filePath.startsWith(prefix)) return true;
  }
  return false;
}

/**
 * Adds the folders on the way to mounted files deeper than the folder with
 * `prefix` (the mount point in /etc, or a subfolder an item's path names).
 * Simplified: the kubelet's `..data` link and timestamped folder are not
 * listed, and each key is a regular file instead of a link into `..data`.
 */
function addMountFolders(entries: FileEntry[], prefix: string, facts: TreeFacts): void {
  for (const filePath of facts.mounted?.keys() ?? []) {
    if (!filePath.startsWith(prefix)) continue;
    const rest = filePath.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) continue;
    const name = rest.slice(0, slash);
    if (!entries.some((e) => e.name === name)) entries.push({ ...folder(name, facts.startedAt), permissions: 'rwxrwxrwx' });
  }
}

/** Reports whether `path` is a folder of the root or /etc lists (or a few well-known ones), which `ls` lists as empty. */
function isModelledFolder(info: ImageInfo, path: string): boolean {
  const family = familyOf(info);
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 1) return ROOT[family].includes(parts[0]) && !LINKS[family][parts[0]];
  if (parts.length === 2 && parts[0] === 'etc') return ETC[family].includes(`${parts[1]}/`);
  return ['/usr/share', '/usr/share/nginx', '/usr/local', '/usr/bin', '/var/log'].includes(path);
}

function isKubeletFile(path: string): boolean {
  return path === '/etc/hostname' || path === '/etc/hosts' || path === '/etc/resolv.conf';
}

function isImageFile(path: string): boolean {
  return path.startsWith('/usr/share/nginx/html/');
}

/** Returns the entry at `path`, or undefined when nothing is there. */
export function statPath(info: ImageInfo, path: string, facts: TreeFacts): FileEntry | undefined {
  if (path === '/') return folder('/', BUILD_TIME[familyOf(info)]);
  const slash = path.lastIndexOf('/');
  const parent = slash === 0 ? '/' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const entry = listFolder(info, parent, facts)?.find((e) => e.name === name);
  if (entry || listFolder(info, path, facts) === undefined) return entry;
  return folder(name, BUILD_TIME[familyOf(info)]);
}
