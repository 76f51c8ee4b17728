/**
 * `kubectl version`: the client version and the emulated server's.
 */
import type { CommandDef } from '../types.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { toKubectlJson } from '../../printers/json.js';
import { kubeletVersion } from '../../engine/bootstrap.js';
import { UsageError } from '../../api/errors.js';

const CLIENT = { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' };

export const command: CommandDef = {
  use: 'version',
  short: 'Print the client and server version information.',
  flags: [
    { name: 'client', type: 'bool', default: false, help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', help: "One of 'yaml' or 'json'." },
  ],
  run(ctx) {
    const client = { ...CLIENT, goVersion: 'go1.23.8', compiler: 'gc', gitTreeState: 'clean' };
    let server: Record<string, string> | undefined;
    if (!ctx.flags.client) {
      const s = ctx.cluster().settings;
      const v = kubeletVersion(s);
      server = { major: '1', minor: String(s.version % 100), gitVersion: v, platform: 'linux/amd64', goVersion: 'go1.23.8', compiler: 'gc', gitTreeState: 'clean' };
    }
    const out = ctx.flags.output;
    if (out === 'yaml' || out === 'json') {
      const value: any = { clientVersion: client };
      if (server) value.serverVersion = server;
      ctx.io.out(out === 'yaml' ? toKubectlYaml(value) : toKubectlJson(value));
      return;
    }
    if (out) throw new UsageError(`--output must be 'yaml' or 'json'`);
    ctx.io.out(`Client Version: ${client.gitVersion}\nKustomize Version: v5.5.0\n`);
    if (server) ctx.io.out(`Server Version: ${server.gitVersion}\n`);
  },
};
