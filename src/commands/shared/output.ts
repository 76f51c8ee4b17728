/**
 * The print flags shared by get-like commands, and printing a set of objects
 * in the requested format: tables (plain, wide, with labels), yaml, json, name.
 */
import type { KObject } from '../../api/types.js';
import type { FlagSpec } from '../../cli/flags.js';
import { UsageError } from '../../api/errors.js';
import { kindString, outputGroup, type ResourceInfo } from '../../api/registry.js';
import { formatLabels } from '../../api/selectors.js';
import { tableFor, type PrintContext } from '../../printers/columns.js';
import { formatTable } from '../../printers/table.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { toKubectlJson } from '../../printers/json.js';
import { readFileSync } from 'node:fs';
import { printJsonPath, JsonPathParseError, JsonPathExecuteError } from '../../printers/jsonpath.js';
import { parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns, relaxedJsonPathExpression } from '../../printers/custom-columns.js';
import { printGoTemplate, GoTemplateExecuteError, GoTemplateParseError } from '../../printers/go-template.js';

export const OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
  { name: 'show-labels', type: 'bool', default: false, help: 'When printing, show all labels as the last column (default hide labels column).' },
  { name: 'no-headers', type: 'bool', default: false, help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'label-columns', short: 'L', type: 'stringArray', default: [], help: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
  { name: 'sort-by', type: 'string', default: '', help: 'If non-empty, sort list types using this field specification (JSONPath).' },
  { name: 'show-kind', type: 'bool', default: false, help: 'If present, list the resource type for the requested object(s).' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true, help: 'If true, ignore any errors in templates when a field or map key is missing in the template.' },
  { name: 'template', type: 'string', default: '', help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.' },
];

/** Removes kubesim's private bookkeeping before an object is shown. */
export function publicView(obj: KObject): KObject {
  if (!('_sim' in obj)) return obj;
  const { _sim, ...rest } = obj;
  void _sim;
  return rest as KObject;
}

export interface Group {
  info: ResourceInfo;
  group: string;
  objects: KObject[];
}

export interface PrintOptions {
  /** `--template` value for `-o go-template` / `-o jsonpath` without `=`. */
  template?: string;
  allowMissingKeys?: boolean;
  sortBy?: string;
  output: string;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
  /** Prefix names with `kind.group/` (several types, or `all`). */
  withKind: boolean;
  allNamespaces: boolean;
  /** A single named object was requested: yaml/json print it bare rather than as a List. */
  single: boolean;
  /** `--ignore-not-found`: a result with no objects prints nothing, not an empty List. */
  ignoreNotFound?: boolean;
}

export function nameOf(g: Group, obj: KObject): string {
  return `${kindString(g.info, g.group)}/${obj.metadata.name}`;
}

function tableText(g: Group, opts: PrintOptions, pc: PrintContext): string {
  const def = tableFor(g.info.resource, pc.version);
  const wide = opts.output === 'wide';
  const header = [...def.header, ...(wide ? def.wide : [])];
  const labelKeys = opts.labelColumns.flatMap((l) => l.split(',')).filter(Boolean);
  for (const k of labelKeys) header.push(k.split('/').pop()!.toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  if (opts.allNamespaces && g.info.namespaced) header.unshift('NAMESPACE');
  const rows = g.objects.map((o) => {
    const row = def.row(o, pc);
    if (opts.withKind) row[0] = nameOf(g, o);
    if (wide && def.wideRow) row.push(...def.wideRow(o, pc));
    for (const k of labelKeys) row.push(o.metadata.labels?.[k] ?? '');
    if (opts.showLabels) row.push(formatLabels(o.metadata.labels));
    if (opts.allNamespaces && g.info.namespaced) row.unshift(o.metadata.namespace ?? '');
    return row;
  });
  return formatTable(header, rows, { noHeaders: opts.noHeaders });
}

function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`error reading --template ${path}, no such file or directory`);
  }
}

/** Sorts objects by a JSONPath field as `--sort-by` does: numbers numerically, everything else as text. */
export function sortObjects(objects: KObject[], field: string): KObject[] {
  const expr = relaxedJsonPathExpression(field);
  const keyed = objects.map((o) => {
    let v = '';
    try {
      v = printJsonPath(expr, o, { allowMissingKeys: true });
    } catch (err) {
      throw new UsageError(`couldn't find any field with path "${field}" in the list of objects`);
    }
    return { o, v };
  });
  // kubectl sorts only by a field that at least one object has.
  if (keyed.length > 0 && keyed.every((k) => k.v === '')) throw new UsageError(`couldn't find any field with path "${expr}" in the list of objects`);
  const numeric = keyed.every((k) => k.v === '' || /^-?\d+(\.\d+)?$/.test(k.v));
  keyed.sort((a, b) => (numeric ? Number(a.v || 0) - Number(b.v || 0) : a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  return keyed.map((k) => k.o);
}

/** Applies template-style output formats (jsonpath, custom-columns, go-template); undefined for other formats. */
export function renderTemplate(output: string, value: unknown, objects: KObject[], opts: PrintOptions): string | undefined {
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : (opts.template ?? '');
  const allowMissing = opts.allowMissingKeys ?? true;
  try {
    switch (format) {
      case 'jsonpath':
      case 'jsonpath-as-json':
      case 'jsonpath-file': {
        const template = format === 'jsonpath-file' ? readTemplateFile(arg) : arg;
        if (!template) throw new UsageError('template format specified but no template given');
        return printJsonPath(template, value, { allowMissingKeys: allowMissing, outputJson: format === 'jsonpath-as-json' });
      }
      case 'custom-columns':
      case 'custom-columns-file': {
        const columns = format === 'custom-columns' ? parseCustomColumnsSpec(arg) : parseCustomColumnsTemplate(readTemplateFile(arg));
        return printCustomColumns(columns, objects, { noHeaders: opts.noHeaders });
      }
      case 'go-template':
      case 'go-template-file':
      case 'template':
      case 'templatefile': {
        const template = format.endsWith('file') ? readTemplateFile(arg) : arg;
        if (!template) throw new UsageError('template format specified but no template given');
        return printGoTemplate(template, value, { allowMissingKeys: allowMissing });
      }
    }
  } catch (err) {
    if (err instanceof GoTemplateExecuteError) throw new TemplateOutputError(err.message, err.stdout);
    if (err instanceof JsonPathParseError || err instanceof JsonPathExecuteError || err instanceof GoTemplateParseError) throw new UsageError(err.message);
    if (err instanceof Error && !(err instanceof UsageError) && format.startsWith('custom-columns')) throw new UsageError(err.message);
    throw err;
  }
  return undefined;
}

/** A template that failed half-way: kubectl prints the partial output on stdout, then the error. */
export class TemplateOutputError extends UsageError {
  constructor(message: string, readonly stdout: string) {
    super(message);
  }
}

/** Prints groups of objects; returns the text (empty when nothing matched). */
export function renderGroups(groups: Group[], opts: PrintOptions, pc: PrintContext): string {
  const output = opts.output;
  if (opts.sortBy) groups = groups.map((g) => ({ ...g, objects: sortObjects(g.objects, opts.sortBy!) }));
  const objects = groups.flatMap((g) => g.objects.map((o) => publicView(withVersion(g, o))));
  // kubectl's printGeneric returns the error alone for a single name it did not find, and prints
  // nothing for no objects under --ignore-not-found. Any other empty result is an empty List.
  const generic = output !== '' && output !== 'wide' && output !== 'name';
  if (generic && objects.length === 0 && (opts.single || opts.ignoreNotFound)) return '';
  const listValue = () => (opts.single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } });
  const templated = renderTemplate(output, listValue(), objects, opts);
  if (templated !== undefined) return templated;
  if (output === 'yaml' || output === 'json') {
    const value = opts.single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
    return output === 'yaml' ? toKubectlYaml(value) : toKubectlJson(value);
  }
  if (output === 'name') return groups.flatMap((g) => g.objects.map((o) => nameOf(g, o) + '\n')).join('');
  if (output !== '' && output !== 'wide') throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
  const parts = groups.filter((g) => g.objects.length > 0).map((g) => tableText(g, opts, pc));
  return parts.join('\n');
}

/** The apiVersion shown for an object: the group kubectl resolved (extensions on old clusters). */
function withVersion(g: Group, obj: KObject): KObject {
  if (g.group === 'extensions' && g.info.group === 'apps') return { ...obj, apiVersion: 'extensions/v1beta1' };
  return obj;
}

export function groupFor(info: ResourceInfo, version: number, requested?: string): string {
  return outputGroup(info, version, requested);
}
