/**
 * A tutorial shows a manifest once, in its final form, but the author may
 * have run an earlier version of it first. The tutorial's job.yml names
 * `image: perl:5.36.0`, while the pod its first `kubectl create -f job.yml`
 * made shows `Image: perl` in `kubectl describe`. A later step may describe
 * a pod of an object the step creates, whose container ran another image
 * than the file names. The replay then creates the object with the image
 * the transcript shows. It puts the file back afterwards, so later steps
 * that create from it again use the file as shown.
 *
 * The search ends at the next step that writes the file or may change an
 * image (another create or apply, set, edit, patch, replace, rollout): the
 * describe output after that may show the later image.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, loadAll } from 'js-yaml';
import type { Step } from '../parse';
import { filesReadBy } from '../prompts';

/** A container image the transcript shows differently from the file. */
export interface ShownImage {
  object: string;
  container: string;
  fileImage: string;
  shownImage: string;
  pod: string;
  step: number;
}

/** A file `useShownImages` rewrote, the images it changed, and the undo. */
export interface ShownImageEdit {
  file: string;
  images: ShownImage[];
  /** Writes the file back as the tutorial shows it. */
  restore(): void;
}

/**
 * Rewrites the files a create/apply step reads when later describe output
 * shows other images for their pods' containers; see the module comment.
 * Returns one edit per rewritten file.
 */
export function useShownImages(workDir: string, steps: readonly Step[], step: Step, argv: string[]): ShownImageEdit[] {
  const verb = argv.find((w) => !w.startsWith('-'));
  if (verb !== 'create' && verb !== 'apply') return [];
  const edits: ShownImageEdit[] = [];
  for (const file of filesReadBy(argv.join(' '))) {
    const path = join(workDir, file);
    let original: string;
    let docs: any[];
    try {
      original = readFileSync(path, 'utf8');
      docs = loadAll(original) as any[];
    } catch {
      continue;
    }
    const shown = describedContainers(steps, step.index, file);
    const images: ShownImage[] = [];
    for (const doc of docs) {
      const name: unknown = doc?.metadata?.name;
      if (typeof name !== 'string') continue;
      for (const container of podContainers(doc)) {
        const seen = shown.find((s) => s.pod.startsWith(`${name}-`) && s.container === container.name);
        if (!seen || typeof container.image !== 'string' || seen.image === container.image) continue;
        images.push({ object: name, container: container.name, fileImage: container.image, shownImage: seen.image, pod: seen.pod, step: seen.step });
        container.image = seen.image;
      }
    }
    if (images.length === 0) continue;
    writeFileSync(path, docs.map((d) => dump(d)).join('---\n'));
    edits.push({ file, images, restore: () => writeFileSync(path, original) });
  }
  return edits;
}

/** Describes an edit for the step's line in the report. */
export function describeEdit(edit: ShownImageEdit): string {
  const parts = edit.images.map((i) => `image ${i.shownImage} instead of ${i.fileImage}`);
  const first = edit.images[0];
  return `ran ${edit.file} with ${parts.join(', ')}: the describe of pod ${first.pod} (step ${first.step}) shows the image this run used; the file as shown is the author's later edit`;
}

/** Returns the containers of the pods an object makes (or of the Pod itself). */
function podContainers(doc: any): any[] {
  const spec = doc?.kind === 'Pod' ? doc.spec
    : doc?.kind === 'CronJob' ? doc.spec?.jobTemplate?.spec?.template?.spec
      : doc?.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].filter((c) => typeof c?.name === 'string');
}

/** Reports whether a kubectl command may give pods another image than they had. */
function changesImages(command: string): boolean {
  const verb = command.split(/\s+/).slice(1).find((w) => !w.startsWith('-'));
  return ['create', 'apply', 'set', 'edit', 'patch', 'replace', 'rollout'].includes(verb ?? '');
}

/** Lists pod, container and image of each container in later `kubectl describe pod` outputs, up to the file's next use. */
function describedContainers(steps: readonly Step[], after: number, file: string): { pod: string; container: string; image: string; step: number }[] {
  const found: { pod: string; container: string; image: string; step: number }[] = [];
  for (const later of steps) {
    if (later.index <= after) continue;
    if (later.writesFile?.path === file) break;
    if (later.kind === 'kubectl' && changesImages(later.command)) break;
    if (later.kind !== 'kubectl' || !/\bdescribe\s+(?:pods?|po)\b/.test(later.command)) continue;
    let pod: string | undefined;
    let container: string | undefined;
    let inContainers = false;
    for (const line of later.expectedOutput) {
      const name = /^Name:\s+(\S+)$/.exec(line);
      if (name) pod = name[1];
      if (/^\S/.test(line)) inContainers = /^(?:Init )?Containers:$/.test(line);
      if (!inContainers) continue;
      const header = /^ {2}(\S+):$/.exec(line);
      if (header) container = header[1];
      const image = /^ {4}Image:\s+(\S+)$/.exec(line);
      if (image && pod && container) found.push({ pod, container, image: image[1], step: later.index });
    }
  }
  return found;
}
