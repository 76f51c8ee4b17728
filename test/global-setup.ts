/**
 * Gives the whole test run one temporary directory and removes it at the end.
 * Test helpers make a cluster home per test with mkdtemp and many never
 * remove it; pointing TMPDIR here keeps those homes out of the machine's
 * temporary directory after the run. Test workers inherit the environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'kubesim-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
