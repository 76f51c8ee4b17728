/**
 * `kubectl cluster-info`: where the (simulated) control plane answers.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'cluster-info',
  short: 'Display cluster information.',
  flags: [],
  run(ctx) {
    const cluster = ctx.cluster();
    const colour = ctx.io.isTTY && !process.env.NO_COLOR;
    const g = (s: string) => (colour ? `\x1b[0;32m${s}\x1b[0m` : s);
    const y = (s: string) => (colour ? `\x1b[0;33m${s}\x1b[0m` : s);
    ctx.io.out(`${g('Kubernetes control plane')} is running at ${y(`kubesim://${cluster.name}`)}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
