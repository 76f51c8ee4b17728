/**
 * `kubectl edit`: opens the object's YAML in $KUBE_EDITOR or $EDITOR; an
 * invalid edit reopens the file with the errors at the top, as kubectl does.
 */
import { changeCause, RECORD_FLAG, recordOn } from '../shared/record.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { CommandDef } from '../types.js';
import { ApiError, UsageError, formatCause } from '../../api/errors.js';
import { NO_RESOURCES_MESSAGE, parseTargets } from '../shared/targets.js';
import { fetchTargets } from '../shared/fetch.js';
import { kindString, resourceString } from '../../api/registry.js';
import { publicView } from '../shared/output.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { decodeObject } from '../../api/manifest.js';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function openEditor(file: string): void {
  const editor = process.env.KUBE_EDITOR || process.env.EDITOR || 'vi';
  const r = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
  if (r.status !== 0) throw new UsageError(`there was a problem with the editor "${editor}"`);
}

/**
 * Creates an empty temporary file named as kubectl's os.CreateTemp("",
 * "kubectl-edit-*.yaml") names it: a random decimal uint32 in the pattern,
 * in $TMPDIR or /tmp. kubectl takes the prefix from its own binary name, and
 * kubesim uses kubectl's name here as in its other kubectl messages.
 */
function createTempFile(): string {
  for (;;) {
    const path = join(tmpdir(), `kubectl-edit-${randomInt(2 ** 32)}.yaml`);
    try {
      writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Returns the line kubectl prints before failing, so the user can recover the edit from `path`. */
function storedCopyMessage(path: string): string {
  return `A copy of your changes has been stored to ${JSON.stringify(path)}\n`;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

export const command: CommandDef = {
  use: 'edit (RESOURCE/NAME | -f FILENAME)',
  short: 'Edit a resource on the server.',
  flags: [{ name: 'output', short: 'o', type: 'string', default: '', help: 'Output format.' }, RECORD_FLAG],
  run(ctx, parsed) {
    if (parsed.args.length === 0) throw new UsageError(NO_RESOURCES_MESSAGE);
    const targets = parseTargets(parsed.args);
    if (targets.length !== 1 || targets[0].names.length !== 1) throw new UsageError('edit needs exactly one TYPE NAME or TYPE/NAME', true);
    const cluster = ctx.cluster();
    const { groups, errors } = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: false });
    if (errors.length) throw errors[0];
    const g = groups[0];
    const original = g.objects[0];
    const originalText = toKubectlYaml(publicView(original));
    const originalBody = stripComments(HEADER + originalText).trim();
    let content = HEADER + originalText;
    // The file of the last rejected pass: kubectl deletes it once the next pass is saved.
    let rejectedFile = '';
    for (;;) {
      const file = createTempFile();
      writeFileSync(file, content);
      try {
        openEditor(file);
      } catch (err) {
        if (rejectedFile) ctx.io.err(storedCopyMessage(rejectedFile));
        throw err;
      }
      const body = stripComments(readFileSync(file, 'utf8'));
      if (rejectedFile && body.trim() === stripComments(content).trim()) {
        ctx.io.err(storedCopyMessage(file));
        throw new UsageError('Edit cancelled, no valid changes were saved.');
      }
      if (rejectedFile) rmSync(rejectedFile, { force: true });
      if (body.trim() === originalBody) {
        rmSync(file, { force: true });
        ctx.io.err('Edit cancelled, no changes made.\n');
        return 0;
      }
      if (body.trim() === '') {
        rmSync(file, { force: true });
        ctx.io.err('Edit cancelled, saved file was empty.\n');
        return 0;
      }
      let problems: string[] = [];
      try {
        const doc = yaml.load(body, { schema: yaml.JSON_SCHEMA });
        const dec = decodeObject(doc, { clusterVersion: cluster.settings.version, strictVersions: false, source: file });
        const next = dec.obj;
        next.metadata.resourceVersion = original.metadata.resourceVersion;
        if (original._sim) next._sim = original._sim;
        if (ctx.flags.record) recordOn(next, changeCause(ctx.path, parsed));
        cluster.store.update(g.info.resource, next);
        rmSync(file, { force: true });
        ctx.io.out(`${kindString(g.info, g.group)}/${original.metadata.name} edited\n`);
        ctx.settle();
        return 0;
      } catch (err) {
        if (err instanceof ApiError && err.reason === 'Invalid') ctx.io.err(`error: ${resourceString(g.info, g.group)} "${original.metadata.name}" is invalid\n`);
        if (err instanceof ApiError && err.causes.length) problems = err.causes.map((c) => `* ${formatCause(c)}`);
        else problems = [`* ${(err as Error).message}`];
      }
      rejectedFile = file;
      const head = `${HEADER}# ${resourceString(g.info, g.group)} "${original.metadata.name}" was not valid:\n${problems.map((p) => `# ${p}`).join('\n')}\n#\n`;
      content = head + body.replace(/^\n+/, '');
    }
  },
};
