/**
 * Where clusters live: `$KUBESIM_HOME` (default `~/.kubesim`), one folder per
 * cluster holding its SQLite file, and config.json naming the current cluster
 * and each cluster's default namespace (kubectl's contexts).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HomeConfig {
  currentCluster: string;
  namespaces: Record<string, string>;
}

export function homeDir(): string {
  return process.env.KUBESIM_HOME || join(homedir(), '.kubesim');
}

export function clusterDir(name: string): string {
  return join(homeDir(), 'clusters', name);
}

export function clusterFile(name: string): string {
  return join(clusterDir(name), 'state.db');
}

export function clusterExists(name: string): boolean {
  return existsSync(clusterFile(name));
}

export function listClusterNames(): string[] {
  const dir = join(homeDir(), 'clusters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'state.db')))
    .sort();
}

export function readConfig(): HomeConfig {
  const file = join(homeDir(), 'config.json');
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return { currentCluster: parsed.currentCluster || 'default', namespaces: parsed.namespaces ?? {} };
  } catch {
    return { currentCluster: 'default', namespaces: {} };
  }
}

/** Writes config.json atomically (write then rename) with mode 0600. */
export function writeConfig(config: HomeConfig): void {
  mkdirSync(homeDir(), { recursive: true, mode: 0o700 });
  const file = join(homeDir(), 'config.json');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** Cluster names follow the DNS-1123 label rule so they are safe as folder names. */
export function isValidClusterName(name: string): boolean {
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63;
}
