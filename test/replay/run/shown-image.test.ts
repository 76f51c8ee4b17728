import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Step } from '../../../src/replay/parse';
import { describeEdit, useShownImages } from '../../../src/replay/run/shown-image';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.36.0\n      restartPolicy: Never\n';

function step(index: number, command: string, expectedOutput: string[] = []): Step {
  return { index, line: index, prompt: '$', command, expectedOutput, kind: command.startsWith('kubectl') ? 'kubectl' : 'shell' } as Step;
}

const DESCRIBE = ['Name:           pi-59srm', 'Namespace:      default', 'Containers:', '  pi:', '    Container ID:', '    Image:         perl', '    Image ID:', 'Conditions:'];

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-shown-'));
  writeFileSync(join(dir, 'job.yml'), JOB);
  return dir;
}

describe('useShownImages', () => {
  it('creates with the image a later describe shows, then puts the file back', () => {
    const dir = workDir();
    const steps = [step(1, 'kubectl create -f job.yml'), step(2, 'kubectl get pod'), step(3, 'kubectl describe pod pi-59srm', DESCRIBE)];
    const edits = useShownImages(dir, steps, steps[0], ['create', '-f', 'job.yml']);
    expect(edits).toHaveLength(1);
    expect(readFileSync(join(dir, 'job.yml'), 'utf8')).toMatch(/image: perl\n/);
    expect(describeEdit(edits[0])).toBe(
      "ran job.yml with image perl instead of perl:5.36.0: the describe of pod pi-59srm (step 3) shows the image this run used; the file as shown is the author's later edit",
    );
    edits[0].restore();
    expect(readFileSync(join(dir, 'job.yml'), 'utf8')).toBe(JOB);
  });

  it('leaves the file alone when the describe shows the same image', () => {
    const dir = workDir();
    const same = DESCRIBE.map((l) => l.replace('Image:         perl', 'Image:         perl:5.36.0'));
    const steps = [step(1, 'kubectl create -f job.yml'), step(2, 'kubectl describe pod pi-59srm', same)];
    expect(useShownImages(dir, steps, steps[0], ['create', '-f', 'job.yml'])).toEqual([]);
  });

  it('stops looking at the next create from the same file', () => {
    const dir = workDir();
    const steps = [step(1, 'kubectl create -f job.yml'), step(2, 'kubectl create -f job.yml'), step(3, 'kubectl describe pod pi-59srm', DESCRIBE)];
    expect(useShownImages(dir, steps, steps[0], ['create', '-f', 'job.yml'])).toEqual([]);
  });

  it('stops looking at set image', () => {
    const dir = workDir();
    const steps = [step(1, 'kubectl create -f job.yml'), step(2, 'kubectl set image job/pi pi=perl'), step(3, 'kubectl describe pod pi-59srm', DESCRIBE)];
    expect(useShownImages(dir, steps, steps[0], ['create', '-f', 'job.yml'])).toEqual([]);
  });

  it('ignores pods of other objects', () => {
    const dir = workDir();
    const other = DESCRIBE.map((l) => l.replace('pi-59srm', 'web-59srm'));
    const steps = [step(1, 'kubectl create -f job.yml'), step(2, 'kubectl describe pod web-59srm', other)];
    expect(useShownImages(dir, steps, steps[0], ['create', '-f', 'job.yml'])).toEqual([]);
  });
});
