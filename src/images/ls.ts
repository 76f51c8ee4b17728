/**
 * `ls` over the simulated image tree (images/filesystem.ts), in busybox's
 * format (coreutils/ls.c of busybox 1.36) or GNU coreutils' (Debian
 * images). Output is the one a pipe or a log gets: one name per line.
 * Simplified: on a terminal both print columns (and busybox colours);
 * kubesim prints one name per line there too.
 */
import type { ImageInfo } from './catalog';
import type { ShellState } from './shell/run';
import { readFile } from './shell/commands';
import { listFolder, statPath, type FileEntry, type TreeFacts } from './filesystem';

/** Whose `ls` an image has. */
export type LsFlavour = 'busybox' | 'gnu';

interface LsOptions {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  directory: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Half a year, past which (or 15 minutes into the future, for busybox) a time shows its year instead of its clock time. */
const HALF_YEAR_MS: Record<LsFlavour, number> = { busybox: 3600 * 24 * 365 / 2 * 1000, gnu: 31_556_952 / 2 * 1000 };

/** Formats a modification time as both tools do in the C locale and UTC: `Oct  7 17:04` or `Oct  7  2024`. */
function formatTime(flavour: LsFlavour, mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const age = now - mtime;
  const recent = age < HALF_YEAR_MS[flavour] && (flavour === 'gnu' ? age >= 0 : age > -15 * 60_000);
  if (!recent) return `${day}  ${d.getUTCFullYear()}`;
  return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Blocks of 512 bytes an entry occupies on a 4 KiB-block file system. */
function blocksOf(entry: FileEntry): number {
  if (entry.type === 'l' || entry.size === 0) return 0;
  return Math.ceil(entry.size / 4096) * 8;
}

/** Formats long lines: busybox pads fixed widths, GNU pads each column to its widest value in the listing. */
function formatLongLines(flavour: LsFlavour, entries: FileEntry[], now: number): string[] {
  const name = (e: FileEntry) => (e.target ? `${e.name} -> ${e.target}` : e.name);
  if (flavour === 'busybox') {
    return entries.map((e) => `${e.type}${e.permissions} ${String(e.links).padStart(4)} ${e.user.slice(0, 8).padEnd(8)} ${e.group.slice(0, 8).padEnd(8)} `
      + `${String(e.size).padStart(9)} ${formatTime(flavour, e.mtime, now)} ${name(e)}`);
  }
  const width = (values: string[]) => Math.max(0, ...values.map((v) => v.length));
  const links = width(entries.map((e) => String(e.links)));
  const users = width(entries.map((e) => e.user));
  const groups = width(entries.map((e) => e.group));
  const sizes = width(entries.map((e) => String(e.size)));
  return entries.map((e) => `${e.type}${e.permissions} ${String(e.links).padStart(links)} ${e.user.padEnd(users)} ${e.group.padEnd(groups)} `
    + `${String(e.size).padStart(sizes)} ${formatTime(flavour, e.mtime, now)} ${name(e)}`);
}

/** Sorts by name in byte order, as both tools do in the C locale. */
function byName(a: FileEntry, b: FileEntry): number {
  return compareBytes(a.name, b.name);
}

/** Compares two strings by UTF-16 code units, which for file names is byte order. */
function compareBytes(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function writeEntries(state: ShellState, flavour: LsFlavour, entries: FileEntry[], options: LsOptions, now: number): void {
  const lines = options.long ? formatLongLines(flavour, entries, now) : entries.map((e) => e.name);
  for (const line of lines) state.write('stdout', `${line}\n`);
}

/** Parses the options both tools share; returns the bad option letter when there is one. */
function parseOptions(args: string[]): { options: LsOptions; operands: string[]; bad?: string } {
  const options: LsOptions = { long: false, all: false, almostAll: false, directory: false };
  const operands: string[] = [];
  let bad: string | undefined;
  let endOfOptions = false;
  for (const arg of args) {
    if (endOfOptions || !arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      endOfOptions = true;
      continue;
    }
    for (const letter of arg.slice(1)) {
      if (letter === 'l') options.long = true;
      else if (letter === 'a') options.all = true;
      else if (letter === 'A') options.almostAll = true;
      else if (letter === 'd') options.directory = true;
      else if (letter !== '1') bad ??= letter;
    }
  }
  return { options, operands, bad };
}

/** Collects the files the process can see outside the image's tree: the image's pages, the kubelet's mounts and what it wrote. */
function collectFiles(state: ShellState, imageFiles: Map<string, string>): Map<string, string> {
  const files = new Map(imageFiles);
  for (const path of ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']) files.set(path, readFile(state, path) ?? '');
  for (const [path, content] of state.world.mounts ?? []) files.set(path, content);
  for (const [path, content] of state.files) files.set(path, content);
  return files;
}

/** Turns an operand into an absolute path without `.`/`..` parts, from the working folder `/`. */
function absolutePath(operand: string): string {
  const parts: string[] = [];
  for (const part of operand.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Runs `ls [-1aAdl] [FILE]...` in image `info`, in a container started at `containerStartedAt` (the time of the kubelet's files). */
export function ls(info: ImageInfo, flavour: LsFlavour, imageFiles: Map<string, string>, containerStartedAt: number, state: ShellState, args: string[]): number {
  const { options, operands, bad } = parseOptions(args);
  if (bad !== undefined) {
    // NOTE: busybox prints its full usage text after the message; kubesim prints only the message.
    state.write('stderr', flavour === 'gnu' ? `ls: invalid option -- '${bad}'\nTry 'ls --help' for more information.\n` : `ls: invalid option -- '${bad}'\n`);
    return flavour === 'gnu' ? 2 : 1;
  }
  const now = state.world.startedAt + state.elapsedMs;
  const facts: TreeFacts = { files: collectFiles(state, imageFiles), mounted: state.world.mounts, startedAt: containerStartedAt, now };
  const targets = operands.length > 0 ? operands : ['.'];

  let status = 0;
  const files: FileEntry[] = [];
  const folders: { operand: string; path: string }[] = [];
  for (const operand of targets) {
    const path = absolutePath(operand);
    const entry = statPath(info, path, facts);
    if (!entry) {
      state.write('stderr', flavour === 'gnu' ? `ls: cannot access '${operand}': No such file or directory\n` : `ls: ${operand}: No such file or directory\n`);
      status = flavour === 'gnu' ? 2 : 1;
    } else if (entry.type === 'd' && !options.directory) folders.push({ operand, path });
    else files.push({ ...entry, name: operand });
  }

  files.sort(byName);
  writeEntries(state, flavour, files, options, now);
  const headed = targets.length > 1;
  folders.sort((a, b) => compareBytes(a.operand, b.operand));
  folders.forEach(({ operand, path }, i) => {
    if (headed) state.write('stdout', `${i > 0 || files.length > 0 ? '\n' : ''}${operand}:\n`);
    let entries = (listFolder(info, path, facts) ?? []).filter((e) => options.all || options.almostAll || !e.name.startsWith('.'));
    entries.sort(byName);
    if (options.all) {
      const self = statPath(info, path, facts)!;
      const parent = statPath(info, absolutePath(`${path}/..`), facts)!;
      entries = [{ ...self, name: '.' }, { ...parent, name: '..' }, ...entries];
    }
    if (options.long) state.write('stdout', `total ${entries.reduce((sum, e) => sum + blocksOf(e), 0) / 2}\n`);
    writeEntries(state, flavour, entries, options, now);
  });
  return status;
}
