/**
 * Runs the built CLI as a process with a private KUBESIM_HOME, and reads a
 * logical dump of a cluster's database for "store unchanged" checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

export class Sandbox {
  readonly home = mkdtempSync(join(tmpdir(), 'kubesim-test-'));

  run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Result {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, KUBESIM_HOME: this.home, KUBESIM_DEBUG: '', ...opts.env },
      input: opts.input,
      encoding: 'utf8',
      cwd: this.home,
    });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
  }

  /** Runs against a named cluster. */
  on(cluster: string, args: string[], opts: { input?: string } = {}): Result {
    return this.run(['--cluster', cluster, ...args], opts);
  }

  dbPath(cluster: string): string {
    return join(this.home, 'clusters', cluster, 'state.db');
  }

  /** Every row of every table, for comparing stores logically. */
  dump(cluster: string): string {
    const Driver = createRequire(__filename)('better-sqlite3');
    const db = new Driver(this.dbPath(cluster), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const out = tables.map((t) => `${t.name}:${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n');
    db.close();
    return out;
  }

  cleanup(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}
