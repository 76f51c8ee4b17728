/**
 * Test helpers: a kustomization tree written to a temporary directory, and
 * a build rendered as `kubectl kustomize` prints it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildKustomization, renderKustomization } from '../../src/kustomize/build.js';

/** Writes files (relative path to content) under a new temporary directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kubesim-kustomize-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Builds a directory and returns the printed output and the warnings. */
export async function build(dir: string, warnings: string[] = []): Promise<string> {
  return renderKustomization(await buildKustomization(dir, (line) => warnings.push(line)));
}
