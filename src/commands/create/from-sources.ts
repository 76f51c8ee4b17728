/**
 * Reading the data sources of `create configmap` and `create secret
 * generic`: `--from-file=[key=]path` (a file, or every regular file of a
 * directory) becomes `key=content` literals for the pure generators.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../../api/errors.js';

/** Flattens a pflag string slice: repeated flags and comma-separated values. */
export function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

/** Turns `--from-file` values into `key=content` literals, in the order given. */
export function fileLiterals(sources: string[]): string[] {
  const literals: string[] = [];
  for (const source of sources) {
    const eq = source.indexOf('=');
    const key = eq >= 0 ? source.slice(0, eq) : '';
    const path = eq >= 0 ? source.slice(eq + 1) : source;
    if (eq === 0) throw new UsageError(`key names or file paths cannot contain '='`);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`error reading ${path}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      if (key) throw new UsageError('cannot give a key name for a directory path');
      for (const entry of readdirSync(path).sort()) {
        const file = join(path, entry);
        if (statSync(file).isFile()) literals.push(`${entry}=${readFileSync(file, 'utf8')}`);
      }
      continue;
    }
    literals.push(`${key || basename(path)}=${readFileSync(path, 'utf8')}`);
  }
  return literals;
}
