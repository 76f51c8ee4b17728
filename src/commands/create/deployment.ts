/**
 * `kubectl create deployment NAME --image=IMAGE... [--replicas] [--port] [-- COMMAND]`.
 */
import type { CommandDef } from '../types.js';
import { generateDeployment } from '../../printers/generators.js';
import { RequiredFlagError, UsageError } from '../../api/errors.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { splitList } from './from-sources.js';

/** kubectl's suffix for a repeated container name: five random lowercase consonants and digits. */
function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < 5; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

export const command: CommandDef = {
  use: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  short: 'Create a deployment with the specified name.',
  examples: '  # Create a deployment named my-dep that runs the busybox image\n  kubesim create deployment my-dep --image=busybox\n\n  # Create a deployment with a command\n  kubesim create deployment my-dep --image=busybox -- date\n\n  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubesim create deployment my-dep --image=nginx --replicas=3\n\n  # Create a deployment named my-dep that runs the busybox image and expose port 5701\n  kubesim create deployment my-dep --image=busybox --port=5701',
  flags: [
    { name: 'image', type: 'stringArray', default: [], help: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, help: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, help: 'The containerPort that this deployment exposes.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    // cobra checks required flags before kubectl's Complete checks the NAME argument.
    if (!ctx.parsed.set.has('image')) throw new RequiredFlagError(['image']);
    const name = requireName(parsed.args);
    const images = splitList(ctx.flags.image);
    if (images.length > 1 && parsed.dashArgs.length > 0) throw new UsageError('cannot specify multiple --image options and command');
    const obj = generateDeployment({
      name,
      images,
      replicas: ctx.flags.replicas,
      port: ctx.flags.port,
      command: parsed.dashArgs,
      namespace: explicitNamespace(ctx),
      randomSuffix,
    });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create deployment: ' });
  },
};
