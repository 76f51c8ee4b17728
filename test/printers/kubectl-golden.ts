import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when the real kubectl is on PATH to serve as the golden oracle. */
export const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Message shown for golden tests skipped without kubectl. */
export const NO_KUBECTL = 'golden test needs the real kubectl v1.32 on PATH';

/** Runs kubectl and returns stdout. Callers pass only commands that need no server. */
export function runKubectl(args: string[]): string {
  return execFileSync('kubectl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Prints an object through kubectl's own printers without a server:
 * `annotate --local` re-prints the file with one annotation, which the
 * object already carries, so the output is the object itself.
 */
export function printWithKubectl(obj: Record<string, any>, output: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-golden-'));
  const file = join(dir, 'object.json');
  writeFileSync(file, JSON.stringify(withGoldenAnnotation(obj)));
  return runKubectl(['annotate', '--local', '--overwrite', '-f', file, 'golden=yes', '-o', output]);
}

/** Adds the annotation {@link printWithKubectl} adds, so kubesim prints the same object. */
export function withGoldenAnnotation(obj: Record<string, any>): Record<string, any> {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata?.annotations, golden: 'yes' } } };
}
