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

/**
 * `kubectl config view`: kubesim's clusters as the kubeconfig kubectl would
 * show, one cluster, user and context per cluster, named after it. Each
 * context carries the namespace `set-context` gave it. kubesim has no
 * server address or credentials, so the server is the `kubesim://NAME`
 * address `cluster-info` prints and the key material reads DATA+OMITTED, as
 * kubectl shows it without --raw.
 */
const view: CommandDef = {
  use: 'config view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file.',
  flags: [
    { name: 'minify', type: 'bool', default: false, help: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  async run(ctx) {
    const config = readConfig();
    let names = listClusterNames();
    if (!names.includes('default')) names = ['default', ...names];
    if (ctx.flags.minify) names = names.filter((n) => n === config.currentCluster);
    const kubeconfig = {
      kind: 'Config',
      apiVersion: 'v1',
      preferences: {},
      clusters: names.map((n) => ({ name: n, cluster: { server: `kubesim://${n}`, 'certificate-authority-data': 'DATA+OMITTED' } })),
      users: names.map((n) => ({ name: n, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } })),
      contexts: names.map((n) => ({ name: n, context: { cluster: n, user: n, ...(config.namespaces[n] ? { namespace: config.namespaces[n] } : {}) } })),
      'current-context': config.currentCluster,
    };
    const output: string = ctx.flags.output;
    if (output === 'yaml') {
      const { toKubectlYaml } = await import('../../printers/yaml.js');
      ctx.io.out(toKubectlYaml(sortKeys(kubeconfig)));
      return;
    }
    if (output === 'json') {
      // kubectl prints the typed Config, so its JSON keeps the struct's field order.
      ctx.io.out(`${JSON.stringify(kubeconfig, null, 4)}\n`);
      return;
    }
    if (output.startsWith('jsonpath')) {
      const { renderTemplate } = await import('../shared/output.js');
      const text = renderTemplate(output, kubeconfig, [], { output, showLabels: false, noHeaders: false, labelColumns: [], withKind: false, allNamespaces: false, single: true });
      if (text !== undefined) {
        ctx.io.out(text);
        return;
      }
    }
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,yaml`);
  },
};

/** Orders every object's keys alphabetically, as kubectl's YAML printer writes a kubeconfig. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

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
    view: async () => ({ command: view }),
  },
};
