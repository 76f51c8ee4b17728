/**
 * `kubectl events`: events sorted by time, optionally only those for one
 * object (`--for TYPE/NAME`) or of some types (`--types=Warning`).
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { resolveType } from '../shared/targets.js';
import { formatTable } from '../../printers/table.js';
import { translateTimestampSince } from '../../printers/duration.js';
import type { KObject } from '../../api/types.js';

function eventTime(e: KObject): string {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '';
}

/** The output formats of kubectl events' print flags. */
const EVENT_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

/**
 * Prints the events as the EventList kubectl events builds. It is a typed
 * object, so its JSON keeps the Go structs' field order (its YAML sorts keys).
 */
async function printEventList(output: string, events: KObject[]): Promise<string> {
  const { publicView, renderTemplate } = await import('../shared/output.js');
  const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map((e) => publicView(e)) };
  const templated = renderTemplate(output, list, list.items, { output, showLabels: false, noHeaders: false, labelColumns: [], withKind: false, allNamespaces: false, single: false });
  if (templated !== undefined) return templated;
  switch (output) {
    case 'json': {
      const { orderLikeGoStruct } = await import('../../printers/go-struct-order.js');
      // Go's encoder escapes <, > and & in strings.
      const text = JSON.stringify(orderLikeGoStruct(list, 'EventList'), null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
      return `${text}\n`;
    }
    case 'yaml': {
      const { toKubectlYaml } = await import('../../printers/yaml.js');
      return toKubectlYaml(list);
    }
    case 'name':
      return events.map((e) => `event/${e.metadata.name}\n`).join('');
    default:
      throw new UsageError(`unable to match a printer suitable for the output format "${output}"`);
  }
}

export const command: CommandDef = {
  use: 'events [(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  short: 'List events.',
  flags: [
    { name: 'for', type: 'string', default: '', help: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringArray', default: [], help: 'Output only events of given types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'no-headers', type: 'bool', default: false, help: "When using the default output format, don't print headers." },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format.' },
    { name: 'watch', short: 'w', type: 'bool', default: false, help: 'After listing the requested events, watch for more events.' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.output && !EVENT_FORMATS.includes(f.output.split('=')[0])) {
      throw new UsageError(`unable to match a printer suitable for the output format "${f.output}", allowed formats are: ${[...EVENT_FORMATS].sort().join(',')}`);
    }
    const cluster = ctx.cluster();
    let events = f['all-namespaces'] ? cluster.store.list('events') : cluster.store.list('events', ctx.namespace);
    if (f.for) {
      const slash = f.for.indexOf('/');
      if (slash < 0) throw new UsageError(`--for must be in resource/name form`);
      const { info } = resolveType(f.for.slice(0, slash));
      const name = f.for.slice(slash + 1);
      events = events.filter((e) => e.involvedObject?.kind === info.kind && e.involvedObject?.name === name);
    }
    const types: string[] = f.types.flatMap((t: string) => t.split(','));
    for (const t of types) if (t !== 'Normal' && t !== 'Warning') throw new UsageError(`valid --types are Normal or Warning`);
    if (types.length) events = events.filter((e) => types.includes(e.type));
    events.sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
    if (events.length === 0) {
      ctx.io.err(f['all-namespaces'] ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
      return;
    }
    if (f.output) {
      ctx.io.out(await printEventList(f.output, events));
      return;
    }
    const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    if (f['all-namespaces']) header.unshift('NAMESPACE');
    const rows = events.map((e) => {
      const row = [translateTimestampSince(eventTime(e), cluster.simNow), e.type, e.reason, `${e.involvedObject?.kind}/${e.involvedObject?.name}`, String(e.message ?? '').trim()];
      if (f['all-namespaces']) row.unshift(e.metadata.namespace ?? '');
      return row;
    });
    ctx.io.out(formatTable(header, rows, { noHeaders: f['no-headers'] }));
  },
};
