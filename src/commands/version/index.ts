/**
 * `kubectl version`: the client version and the emulated server's.
 */
import type { CommandDef } from '../types.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { kubeletVersion } from '../../engine/bootstrap.js';
import { UsageError } from '../../api/errors.js';

const CLIENT = { minor: '32', gitVersion: 'v1.32.4' };
/** The kustomize that kubectl 1.32 embeds. */
const KUSTOMIZE_VERSION = 'v5.5.0';

export const command: CommandDef = {
  use: 'version',
  short: 'Print the client and server version information.',
  flags: [
    { name: 'client', type: 'bool', default: false, help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', help: "One of 'yaml' or 'json'." },
  ],
  run(ctx) {
    // Fields in version.Info's order, which kubectl's JSON keeps (its YAML sorts them).
    // NOTE: gitCommit and buildDate are left out: kubesim has no build of its own to name.
    const info = (gitVersion: string, minor: string) => ({ major: '1', minor, gitVersion, gitTreeState: 'clean', goVersion: 'go1.23.8', compiler: 'gc', platform: 'linux/amd64' });
    const client = info(CLIENT.gitVersion, CLIENT.minor);
    let server: Record<string, string> | undefined;
    if (!ctx.flags.client) {
      const s = ctx.cluster().settings;
      server = info(kubeletVersion(s), String(s.version % 100));
    }
    const out = ctx.flags.output;
    if (out === 'yaml' || out === 'json') {
      const value: Record<string, unknown> = { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION };
      if (server) value.serverVersion = server;
      // kubectl marshals the JSON with two-space indentation, unlike its object printer.
      ctx.io.out(out === 'yaml' ? toKubectlYaml(value) : `${JSON.stringify(value, null, 2)}\n`);
      return;
    }
    if (out) throw new UsageError(`--output must be 'yaml' or 'json'`);
    ctx.io.out(`Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) ctx.io.out(`Server Version: ${server.gitVersion}\n`);
  },
};
