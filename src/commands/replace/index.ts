/**
 * `kubectl replace -f`: replaces whole objects; `--force` deletes and recreates them.
 */
import type { CommandDef } from '../types.js';
import { hasManifestSource, kustomizeFlag, readManifestSources } from '../shared/kustomize-source.js';
import { decodeObject } from '../../api/manifest.js';
import { kindString } from '../../api/registry.js';
import { UsageError, notFound } from '../../api/errors.js';
import { resourceString } from '../../api/registry.js';
import { deleteObject } from '../../engine/delete.js';
import { reportError } from '../../cli/errors.js';
import { withSource } from '../shared/write.js';
import { deletedLine } from '../shared/deleted-line.js';

export const command: CommandDef = {
  use: 'replace -f FILENAME',
  short: 'Replace a resource by file name or stdin.',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'The files that contain the configurations to replace.' },
    kustomizeFlag('a'),
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'force', type: 'bool', default: false, help: 'If true, immediately remove resources from API and bypass graceful deletion, then recreate them.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format.' },
    { name: 'save-config', type: 'bool', default: false, help: 'If true, the configuration of current object will be saved in its annotation.' },
  ],
  async run(ctx) {
    if (!hasManifestSource(ctx.flags)) throw new UsageError('must specify --filename to replace', true);
    const docs = await readManifestSources(ctx.flags, ctx.io.stdin, (t) => ctx.io.err(t));
    const cluster = ctx.cluster();
    let code = 0;
    for (const d of docs) {
      // Errors of the request itself, after the manifest decoded, name the file (AddSourceToErr).
      let sent = false;
      try {
        const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: d.source });
        sent = true;
        for (const w of dec.warnings) ctx.warn(w);
        const obj = dec.obj;
        const ns = dec.info.namespaced ? obj.metadata.namespace || ctx.namespace : '';
        if (dec.info.namespaced) obj.metadata.namespace = ns;
        const label = `${kindString(dec.info, dec.group)}/${obj.metadata.name}`;
        const live = cluster.store.get(dec.info.resource, ns, obj.metadata.name);
        if (ctx.flags.force) {
          if (live) {
            deleteObject(cluster.store, dec.info.resource, ns, obj.metadata.name, { gracePeriodSeconds: 0 });
            ctx.io.out(deletedLine(cluster.settings.version, kindString(dec.info, dec.group), obj.metadata.name, dec.info.namespaced ? ns : undefined));
          }
          cluster.settle();
          cluster.store.create(dec.info.resource, obj);
          ctx.io.out(`${label} replaced\n`);
          continue;
        }
        if (!live) throw notFound(resourceString(dec.info, dec.group), obj.metadata.name);
        obj.metadata.resourceVersion ||= live.metadata.resourceVersion;
        if (live.status && !obj.status) obj.status = live.status;
        if (live._sim) obj._sim = live._sim;
        cluster.store.update(dec.info.resource, obj);
        ctx.io.out(`${label} replaced\n`);
      } catch (err) {
        code = reportError(sent ? withSource(err, 'replacing', d.source, '', '') : err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  },
};
