/**
 * `kubectl config` over kubesim's clusters: each cluster reads as a
 * kubeconfig context, with its own default namespace.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { clusterExists, listClusterNames, readConfig, writeConfig } from '../../engine/home.js';
import { formatTable } from '../../printers/table.js';

const getContexts: CommandDef = {
  use: 'config get-contexts [(-o|--output=)name)]',
  short: 'Describe one or many contexts.',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (name).' },
    { name: 'no-headers', type: 'bool', default: false, help: "When using the default or custom-column output format, don't print headers." },
  ],
  run(ctx, parsed) {
    const config = readConfig();
    let names = listClusterNames();
    if (!names.includes('default')) names = ['default', ...names];
    if (parsed.args.length) {
      for (const n of parsed.args) if (!names.includes(n)) throw new UsageError(`context ${n} not found`);
      names = names.filter((n) => parsed.args.includes(n));
    }
    if (ctx.flags.output === 'name') {
      ctx.io.out(names.map((n) => n + '\n').join(''));
      return;
    }
    const rows = names.map((n) => [n === config.currentCluster ? '*' : '', n, n, n, config.namespaces[n] ?? '']);
    ctx.io.out(formatTable(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], rows, { noHeaders: ctx.flags['no-headers'] }));
  },
};

const currentContext: CommandDef = {
  use: 'config current-context',
  short: 'Display the current-context.',
  flags: [],
  run(ctx) {
    ctx.io.out(`${readConfig().currentCluster}\n`);
  },
};

const useContext: CommandDef = {
  use: 'config use-context CONTEXT_NAME',
  short: 'Set the current-context in a kubeconfig file.',
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('Unexpected args: []');
    if (!clusterExists(name) && name !== 'default') throw new UsageError(`no context exists with the name: "${name}"`);
    const config = readConfig();
    config.currentCluster = name;
    writeConfig(config);
    ctx.io.out(`Switched to context "${name}".\n`);
  },
};

const setContext: CommandDef = {
  use: 'config set-context [NAME | --current] [--namespace=namespace]',
  short: 'Set a context entry in kubeconfig.',
  flags: [{ name: 'current', type: 'bool', default: false, help: 'Modify the current context.' }],
  run(ctx, parsed) {
    const config = readConfig();
    const name = ctx.flags.current ? config.currentCluster : parsed.args[0];
    if (!name) throw new UsageError('you must specify a non-empty context name or --current');
    if (!clusterExists(name) && name !== 'default') throw new UsageError(`no context exists with the name: "${name}"; create it with 'kubesim cluster create ${name}'`);
    const existed = name in config.namespaces;
    if (ctx.flags.namespace) config.namespaces[name] = ctx.flags.namespace;
    writeConfig(config);
    ctx.io.out(`Context "${name}" ${existed || ctx.flags.current ? 'modified' : 'modified'}.\n`);
  },
};

export const command: CommandDef = {
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files.',
  flags: [],
  subcommands: {
    'get-contexts': async () => ({ command: getContexts }),
    'current-context': async () => ({ command: currentContext }),
    'use-context': async () => ({ command: useContext }),
    use: async () => ({ command: useContext }),
    'set-context': async () => ({ command: setContext }),
  },
};
