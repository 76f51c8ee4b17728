/**
 * `--from-env-file` of `create configmap` and `create secret generic`, read
 * as kubectl v1.32 reads it (AddFromEnvFile in k8s.io/kubectl/pkg/cmd/util):
 * one KEY=VALUE per line, blank lines and `#` comments skipped, leading
 * whitespace and a first-line UTF-8 BOM dropped, the value kept as written.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../../api/errors.js';
import { envVarNameErrors } from '../../api/name-validation.js';

/** bufio.Scanner's default buffer size: a line of this many bytes or more ends the scan. */
const MAX_LINE_BYTES = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Splits a file into lines as bufio.Scanner with ScanLines does: at `\n`,
 * dropping one `\r` before it. A line too long for the scanner's buffer
 * ends the scan there. kubectl ignores the scanner's error, so the lines
 * from that one on are dropped without a message.
 */
function scanLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end - start >= MAX_LINE_BYTES) break;
    let line = bytes.subarray(start, end);
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** Parses one line into a key and value, or returns undefined for a blank or comment line. */
function parseLine(raw: Buffer, path: string, index: number): [string, string] | undefined {
  const text = raw.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(raw)) {
    throw new UsageError(`env file ${path} contains invalid utf8 bytes at line ${index + 1}: [${[...raw].join(' ')}]`);
  }
  let line = index === 0 && raw.subarray(0, 3).equals(UTF8_BOM) ? text.slice(1) : text;
  line = line.replace(/^[\s\u0085\u00a0]+/u, '');
  if (line === '' || line.startsWith('#')) return undefined;

  const eq = line.indexOf('=');
  const key = eq < 0 ? line : line.slice(0, eq);
  const errors = envVarNameErrors(key);
  if (errors.length > 0) throw new UsageError(`${JSON.stringify(key)} is not a valid key name: ${errors.join(';')}`);
  // A line without '=' takes its value from the environment of this process, as kubectl's does.
  const value = eq < 0 ? (process.env[key] ?? '') : line.slice(eq + 1);
  return [key, value];
}

/**
 * Reads the env files in order and returns their pairs as `key=value`
 * literals. `owner` names the kind in the directory error: kubectl prints
 * "env config file" for a ConfigMap and "env secret file" for a Secret.
 */
export function envFileLiterals(paths: string[], owner: 'config' | 'secret'): string[] {
  const literals: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (err) {
      throw new UsageError(`error reading ${path}: ${describeFsError(err)}`);
    }
    if (isDirectory) throw new UsageError(`env ${owner} file cannot be a directory`);

    const lines = scanLines(readFileSync(path));
    lines.forEach((raw, index) => {
      const pair = parseLine(raw, path, index);
      if (pair) literals.push(`${pair[0]}=${pair[1]}`);
    });
  }
  return literals;
}

/** Returns the text Go's syscall errors print for a failed stat or open. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error)?.message ?? String(err);
}
