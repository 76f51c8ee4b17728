/**
 * What mutating commands (create, apply, run, set ...) print for each object
 * they changed: kubectl's one-line `deployment.apps/web created` by default,
 * or the object itself with `-o yaml|json|name|jsonpath|go-template`.
 * Several objects print as kubectl's printers do: YAML documents separated
 * by `---`, JSON objects one after another.
 */
import type { KObject } from '../../api/types.js';
import type { FlagSpec } from '../../cli/flags.js';
import { UsageError } from '../../api/errors.js';
import { readFileSync } from 'node:fs';
import { toKubectlYaml } from '../../printers/yaml.js';
import { toKubectlJson } from '../../printers/json.js';
import { printJsonPath, JsonPathExecuteError, JsonPathParseError } from '../../printers/jsonpath.js';
import { printGoTemplate, GoTemplateExecuteError, GoTemplateParseError } from '../../printers/go-template.js';
import type { DryRunMode } from '../../printers/name.js';
import { publicView } from './output.js';

/** The `-o` flags of kubectl's mutating commands (no tables, no custom-columns). */
export const MUTATION_OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'template', type: 'string', default: '', help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true, help: 'If true, ignore any errors in templates when a field or map key is missing in the template.' },
  { name: 'show-managed-fields', type: 'bool', default: false, help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
];

const ALLOWED = 'go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, yaml';

/** One changed object and the `kind.group/name` kubectl prints for it. */
export interface Mutated {
  obj: KObject;
  name: string;
}

export interface MutationPrintOptions {
  /** `-o` value; empty prints the operation line. */
  output: string;
  /** `--template`, used by `-o go-template` or `-o jsonpath` without `=`. */
  template?: string;
  allowMissingKeys?: boolean;
  /** `created`, `configured`, `env updated` ... */
  operation: string;
  dryRun: DryRunMode;
  /**
   * Go struct field order is kept in JSON (objects kubectl generated
   * itself); objects read back from a server print with sorted keys.
   */
  structOrder?: boolean;
  /** jsonpath prints numbers as float64, as for objects kubectl decoded itself. */
  numbersAsFloat?: boolean;
}

/** Fails early on an `-o` value no mutating command accepts, before anything is written. */
export function checkMutationOutput(output: string): void {
  const format = output.split('=')[0];
  const known = ['', 'yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'go-template', 'go-template-file', 'template', 'templatefile'];
  if (!known.includes(format)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED.replaceAll(' ', '')}`);
  }
}

/** The suffix kubectl adds to the operation line in dry-run mode. */
export function dryRunSuffix(dryRun: DryRunMode): string {
  if (dryRun === 'client') return ' (dry run)';
  if (dryRun === 'server') return ' (server dry run)';
  return '';
}

/** Renders the changed objects; the caller writes the text to stdout. */
export function printMutated(items: Mutated[], opts: MutationPrintOptions): string {
  checkMutationOutput(opts.output);
  const eq = opts.output.indexOf('=');
  const format = eq >= 0 ? opts.output.slice(0, eq) : opts.output;
  const arg = eq >= 0 ? opts.output.slice(eq + 1) : (opts.template ?? '');
  const objects = items.map((i) => stripManagedFields(publicView(i.obj)));
  switch (format) {
    case '':
      return items.map((i) => `${i.name} ${opts.operation}${dryRunSuffix(opts.dryRun)}\n`).join('');
    case 'name':
      return items.map((i) => `${i.name}\n`).join('');
    case 'yaml':
      return objects.map((o) => toKubectlYaml(o)).join('---\n');
    case 'json':
      return objects.map((o) => toKubectlJson(o, { sortKeys: !opts.structOrder })).join('');
  }
  const template = format.endsWith('file') ? readTemplate(arg) : arg;
  if (!template) throw new UsageError('template format specified but no template given');
  try {
    if (format.startsWith('jsonpath')) {
      const jsonOpts = { allowMissingKeys: opts.allowMissingKeys ?? true, outputJson: format === 'jsonpath-as-json', numbersAsFloat: opts.numbersAsFloat };
      return objects.map((o) => printJsonPath(template, o, jsonOpts)).join('');
    }
    return objects.map((o) => printGoTemplate(template, o, { allowMissingKeys: opts.allowMissingKeys ?? true })).join('');
  } catch (err) {
    if (err instanceof JsonPathParseError || err instanceof JsonPathExecuteError || err instanceof GoTemplateParseError || err instanceof GoTemplateExecuteError) {
      throw new UsageError(err.message);
    }
    throw err;
  }
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`error reading --template ${path}, no such file or directory`);
  }
}

function stripManagedFields(obj: KObject): KObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields, ...metadata } = obj.metadata;
  void managedFields;
  return { ...obj, metadata };
}

/** Compares two objects ignoring key order, as a patch that changes nothing leaves them. */
export function sameObject(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
  return canonical(a) === canonical(b);
}
