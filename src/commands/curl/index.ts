/**
 * `kubesim curl URL`: an HTTP GET inside the simulated network, answered by
 * the program of the pod that owns the address (curl's messages and exit
 * codes when nothing answers).
 */
import type { CommandDef } from '../types.js';
import { ExitError, UsageError } from '../../api/errors.js';
import { resolveHttpTarget, httpGet } from '../../network/http.js';

export const command: CommandDef = {
  use: 'curl [-s] [-i] URL',
  short: 'Send an HTTP GET to a pod or Service inside the simulated network.',
  examples: '  # Ask a pod for its page\n  kubesim curl 10.244.1.28\n  kubesim curl 10.244.1.28/hostname.html',
  flags: [
    { name: 'silent', short: 's', type: 'bool', default: false, help: 'Silent mode: no error messages.' },
    { name: 'include', short: 'i', type: 'bool', default: false, help: 'Include the HTTP status line in the output.' },
  ],
  run(ctx, parsed) {
    const url = parsed.args[0];
    if (!url) throw new UsageError('no URL specified', true);
    const cluster = ctx.cluster();
    const target = resolveHttpTarget(cluster, url, ctx.namespace);
    const res = httpGet(cluster, target);
    if (res.error) {
      if (!ctx.flags.silent) ctx.io.err(`${res.error}\n`);
      throw new ExitError(res.exitCode ?? 7);
    }
    if (ctx.flags.include) ctx.io.out(`HTTP/1.1 ${res.status} ${res.status === 200 ? 'OK' : res.status === 404 ? 'Not Found' : ''}\n\n`);
    ctx.io.out(res.body);
  },
};
