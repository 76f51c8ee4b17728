/**
 * `kubectl set image`: changes container images in pod templates (and
 * pods), which starts a rollout for Deployments. `*` updates every
 * container; `--record` stores the command line as the change-cause.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import { displayName, readLive, resolveObjects } from '../shared/resolve.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated } from '../shared/mutation-output.js';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG } from '../shared/record.js';
import { podSpecOf } from './pod-template.js';

function setImage(containers: any[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (name === '*' || c.name === name) {
      c.image = image;
      found = true;
    }
  }
  return found;
}

/** Splits the arguments into resource arguments and `container=image` pairs. */
function splitArgs(args: string[]): { resources: string[]; images: [string, string][] } {
  const resources: string[] = [];
  const images: [string, string][] = [];
  for (const a of args) {
    const i = a.indexOf('=');
    if (i > 0) images.push([a.slice(0, i), a.slice(i + 1)]);
    else resources.push(a);
  }
  return { resources, images };
}

export const command: CommandDef = {
  use: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  short: 'Update the image of a pod template.',
  examples: "  # Set a deployment's nginx container image to 'nginx:1.9.1'\n  kubesim set image deployment/nginx nginx=nginx:1.9.1\n\n  # Update image of all containers of deployment frontend to 'nginx:1.9.1'\n  kubesim set image deployment frontend *=nginx:1.9.1",
  flags: [
    { name: 'all', type: 'bool', default: false, help: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    RECORD_FLAG,
    { name: 'local', type: 'bool', default: false, help: 'If true, set image will NOT contact api-server but run locally.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    ...MUTATION_OUTPUT_FLAGS,
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    checkMutationOutput(flags.output);
    const { resources, images } = splitArgs(parsed.args);
    const problems: string[] = [];
    if (flags.all && flags.selector) problems.push('cannot set --all and --selector at the same time');
    if (resources.length === 0 && flags.filename.length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (images.length === 0) problems.push('at least one image update is required');
    if (images.some(([n]) => n === '*') && images.length > 1) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (problems.length === 1) throw new UsageError(problems[0]);
    if (problems.length > 1) throw new UsageError(`[${problems.join(', ')}]`);

    const { items, errors } = await resolveObjects(ctx, resources, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: flags.all });
    const store = ctx.cluster().store;
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const dryRun = flags['dry-run'] === 'client' || flags['dry-run'] === 'server' || flags.local;
    for (const item of items) {
      try {
        store.tx(() => {
          const obj = flags.local ? item.obj : readLive(store, item.info.resource, item.obj);
          const spec = podSpecOf(item.info.resource, obj);
          if (!spec) throw new Error(`${displayName(item)} has no pod template, so its image cannot be set`);
          const before = JSON.stringify(obj);
          for (const [name, image] of images) {
            const inInit = setImage(spec.initContainers, name, image);
            const found = setImage(spec.containers, name, image) || inInit;
            if (!found) code = reportError(new Error(`unable to find container named "${name}"`), ctx.io, ctx.path);
          }
          if (flags.record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx.path, parsed) };
          if (JSON.stringify(obj) === before) return;
          const saved = dryRun ? obj : store.update(item.info.resource, obj);
          ctx.io.out(
            printMutated([{ obj: saved, name: displayName(item) }], {
              output: flags.output,
              template: flags.template,
              allowMissingKeys: flags['allow-missing-template-keys'],
              operation: 'image updated',
              dryRun: flags['dry-run'] === 'client' || flags['dry-run'] === 'server' ? flags['dry-run'] : 'none',
            }),
          );
        });
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  },
};
