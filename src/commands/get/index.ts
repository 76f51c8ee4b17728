/**
 * `kubectl get`: one table per kind, or yaml/json/name, with kubectl's
 * "No resources found" message when nothing matched.
 */
import type { CommandDef } from '../types.js';
import { OUTPUT_FLAGS, TemplateOutputError, renderGroups } from '../shared/output.js';
import { parseTargets } from '../shared/targets.js';
import { fetchTargets } from '../shared/fetch.js';
import { hasManifestSource, kustomizeFlag, readManifestSources } from '../shared/kustomize-source.js';
import { decodeObject } from '../../api/manifest.js';
import { ExitError, UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import type { Target } from '../shared/targets.js';
import { watch } from './watch.js';

export const command: CommandDef = {
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources.',
  examples: '  # List all pods in ps output format\n  kubesim get pods\n\n  # List a single replica set with specified NAME in ps output format\n  kubesim get replicaset web',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'selector', short: 'l', type: 'string', default: '', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2)." },
    { name: 'field-selector', type: 'string', default: '', help: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    kustomizeFlag('the'),
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'watch', short: 'w', type: 'bool', default: false, help: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', default: false, help: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', default: false, help: 'Output watch event objects when --watch or --watch-only is used.' },
    { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once.' },
    { name: 'ignore-not-found', type: 'bool', default: false, help: 'If the requested object does not exist the command will return exit code 0.' },
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    // A --template without -o selects the go-template printer (get's PrintFlags.ToPrinter).
    if (flags.template && !flags.output) flags.output = 'go-template';
    let targets: Target[];
    let manifestNamespace: string | undefined;
    if (hasManifestSource(flags)) {
      const cluster = ctx.cluster();
      const docs = await readGetManifests(flags, ctx.io);
      targets = docs.map((d) => {
        const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: false, source: d.source });
        return { info: dec.info, group: dec.group, names: [dec.obj.metadata.name] };
      });
      manifestNamespace = commonNamespace(docs.map((d) => d.doc?.metadata?.namespace));
    } else {
      if (parsed.args.length === 0) {
        // kubectl prints the resource list hint before its error line, with no prefix of its own.
        throw new ExitError(
          1,
          "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
        );
      }
      targets = parseTargets(parsed.args);
    }
    const cluster = ctx.cluster();
    // Simplified: kubectl gets each object in its manifest's namespace; kubesim uses it when all the manifests agree.
    const namespace = (!parsed.set.has('namespace') && manifestNamespace) || ctx.namespace;
    if (flags.watch || flags['watch-only']) {
      const kinds = new Set(targets.map((t) => t.info.resource));
      return watch(
        ctx,
        targets,
        { namespace, allNamespaces: flags['all-namespaces'], selector: flags.selector, fieldSelector: flags['field-selector'] },
        {
          output: flags.output,
          showLabels: flags['show-labels'],
          noHeaders: flags['no-headers'],
          labelColumns: flags['label-columns'],
          withKind: kinds.size > 1,
          allNamespaces: flags['all-namespaces'],
          single: false,
        },
        !flags['watch-only'],
      );
    }
    const result = fetchTargets(cluster, targets, {
      namespace,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
    });
    // kubectl prints the API server's warnings as the responses arrive, so before the output.
    for (const w of result.warnings) ctx.warn(w);
    const kinds = new Set(targets.map((t) => t.info.resource));
    const withKind = kinds.size > 1 || parsed.args[0]?.split(',').includes('all') || flags['show-kind'];
    const named = targets.some((t) => t.names.length > 0);
    let text: string;
    try {
      text = renderGroups(
      result.groups,
      {
        output: flags.output,
        showLabels: flags['show-labels'],
        noHeaders: flags['no-headers'],
        labelColumns: flags['label-columns'],
        withKind: !!withKind,
        allNamespaces: flags['all-namespaces'],
        single: targets.length === 1 && targets[0].names.length === 1,
        ignoreNotFound: flags['ignore-not-found'],
        template: flags.template,
        allowMissingKeys: flags['allow-missing-template-keys'],
        sortBy: flags['sort-by'],
      },
      { now: cluster.simNow, version: cluster.settings.version },
      );
    } catch (err) {
      if (err instanceof TemplateOutputError) ctx.io.out(err.stdout);
      throw err;
    }
    ctx.io.out(text);
    let code = 0;
    for (const e of result.errors) {
      if (flags['ignore-not-found'] && (e as any).reason === 'NotFound') continue;
      code = reportError(e, ctx.io, ctx.path);
    }
    const empty = result.groups.every((g) => g.objects.length === 0);
    if (empty && !named && result.errors.length === 0 && (flags.output === '' || flags.output === 'wide')) {
      const allNamespaced = targets.every((t) => t.info.namespaced);
      if (cluster.settings.version < 116) ctx.io.err('No resources found.\n');
      else if (flags['all-namespaces'] || !allNamespaced) ctx.io.err('No resources found\n');
      else ctx.io.err(`No resources found in ${namespace} namespace.\n`);
    }
    return code;
  },
};

/** Reads `-f` or `-k` manifests; kubectl get prints a kustomize build error without the `error: ` prefix. */
async function readGetManifests(flags: Record<string, any>, io: { stdin?: () => Promise<string>; err(text: string): void }) {
  try {
    return await readManifestSources(flags, io.stdin, (t) => io.err(t));
  } catch (err) {
    if (flags.kustomize && !flags.filename.length && err instanceof UsageError) throw new ExitError(1, err.message);
    throw err;
  }
}

/** Returns the namespace every manifest that names one shares, or undefined when they differ or none names one. */
function commonNamespace(namespaces: (string | undefined)[]): string | undefined {
  const named = new Set(namespaces.filter((ns): ns is string => typeof ns === 'string' && ns !== ''));
  return named.size === 1 ? [...named][0] : undefined;
}
