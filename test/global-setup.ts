/**
 * Gives the test run one temporary directory and removes it when the run ends.
 * Many test helpers make a cluster home with mkdtemp and never remove it, so
 * TMPDIR points here. The test workers inherit the variable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'kubesim-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
