/**
 * Reading `-f` sources as kubectl does: files, directories (their .yaml,
 * .yml and .json files), `-` for stdin, multi-document YAML and `List`
 * objects. URLs fail as they would without network access.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as JsYaml from 'js-yaml';
import { UsageError } from '../../api/errors.js';
import { JsonStreamError, looksLikeJson, parseJsonStream } from './json-stream.js';
import { describeTokenProblem, describeYamlError } from './yaml-error.js';
import { findGoOnlyTokenProblem } from './yaml-token-scan.js';
import { InvalidSeparatorError, splitYamlDocuments } from './yaml-documents.js';
import { findDepthProblem, GO_MAX_DEPTH, MAX_READ_DEPTH, nestingDepth, type DepthProblem } from './yaml-depth.js';

export interface ManifestDoc {
  doc: any;
  source: string;
}

/** Documents larger than this are refused before parsing (kubectl has no limit; kubesim guards memory). */
const MAX_BYTES = 64 * 1024 * 1024;

/** The alias share go-yaml allows at a number of decoded nodes (it fails above it). */
function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (decoded - 400_000)) / 3_600_000;
}

/**
 * Whether expanding a document's aliases would blow up, by go-yaml's rule
 * (more than 100 aliases, more than 1000 nodes, alias share over the allowed
 * ratio). js-yaml shares aliased nodes, so the blow-up would otherwise happen
 * later, when the object is copied or encoded.
 */
function excessiveAliasing(doc: unknown): boolean {
  const seen = new Set<object>();
  let decoded = 0;
  let aliased = 0;
  const walk = (value: unknown, viaAlias: boolean): boolean => {
    decoded++;
    if (viaAlias) aliased++;
    if (aliased > 100 && decoded > 1000 && aliased / decoded > allowedAliasRatio(decoded)) return true;
    if (value === null || typeof value !== 'object') return false;
    const alias = viaAlias || seen.has(value);
    seen.add(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (walk(child, alias)) return true;
    }
    return false;
  };
  return walk(doc, false);
}

/** Decodes a file's bytes as kubectl does: UTF-8, or UTF-16 when a byte order mark says so. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** js-yaml, imported on first use so verbs that never read a manifest (get, logs) skip initialising it. */
let yaml: typeof JsYaml | undefined;

async function loadYaml(): Promise<typeof JsYaml> {
  if (!yaml) {
    const mod = (await import('js-yaml')) as typeof JsYaml & { default?: typeof JsYaml };
    yaml = mod.default ?? mod;
  }
  return yaml;
}

/**
 * Returns the document that go-yaml reads from an indented root collection
 * followed by a line left of it. go-yaml ends the document there and, reading
 * one document per chunk, ignores the rest, where js-yaml reports an error.
 */
function firstDocumentOnly(chunk: string, err: JsYaml.YAMLException): unknown[] | undefined {
  if (!yaml || !err.reason?.startsWith('end of the stream or a document separator is expected') || !err.mark) return undefined;
  const lines = chunk.split('\n');
  const first = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const rootIndent = first.length - first.trimStart().length;
  if (err.mark.column >= rootIndent) return undefined;
  try {
    return yaml.loadAll(lines.slice(0, err.mark.line).join('\n'), undefined, LOAD_OPTIONS(yaml));
  } catch {
    return undefined;
  }
}

/**
 * js-yaml options matching go-yaml as kubectl calls it: the JSON schema for
 * scalars, and a repeated mapping key overriding the earlier one (`json`),
 * because go-yaml's non-strict decoding keeps the last value.
 */
// js-yaml's typings lack its maxDepth option.
const LOAD_OPTIONS = (js: typeof JsYaml): JsYaml.LoadOptions => ({ schema: js.JSON_SCHEMA, json: true, maxDepth: JS_YAML_MAX_DEPTH }) as JsYaml.LoadOptions;

/** js-yaml's depth limit: its depth also counts the scalar at the end of a path, and the depth scan may miss a few levels. */
const JS_YAML_MAX_DEPTH = MAX_READ_DEPTH + 10;

/** Builds the message for a document nested deeper than kubesim reads, at a 1-based line when known. */
function tooDeepMessage(source: string, line?: number): string {
  const where = line === undefined ? '' : `line ${line}: `;
  return `error parsing ${source}: ${where}kubesim does not support nesting deeper than ${MAX_READ_DEPTH} levels (kubectl accepts up to ${GO_MAX_DEPTH})`;
}

/** Returns kubectl's message for a document that nests too deeply, or kubesim's own when only kubesim's limit is passed. */
function depthMessage(problem: DepthProblem, source: string): string {
  switch (problem.kind) {
    case 'yaml':
      return `error parsing ${source}: error converting YAML to JSON: yaml: line ${problem.line}: exceeded max depth of ${GO_MAX_DEPTH}`;
    case 'json':
      return `error parsing ${source}: error unmarshaling JSON: while decoding JSON: invalid character '${problem.opener}' exceeded max depth`;
    case 'kubesim':
      return tooDeepMessage(source, problem.line);
  }
}

/** Parses a YAML stream document by document, as kubectl's reader splits it, rewording syntax errors as go-yaml's. */
function parseYamlStream(text: string, source: string): unknown[] {
  if (!yaml) throw new Error('js-yaml is not loaded');
  const docs: unknown[] = [];
  try {
    for (const chunk of splitYamlDocuments(text)) {
      const depthProblem = findDepthProblem(chunk);
      if (depthProblem) throw new UsageError(depthMessage(depthProblem, source));
      try {
        docs.push(...yaml.loadAll(chunk, undefined, LOAD_OPTIONS(yaml)));
      } catch (err) {
        if (!(err instanceof yaml.YAMLException)) throw err;
        if (err.reason?.startsWith('nesting exceeded maxDepth')) throw new UsageError(tooDeepMessage(source, (err.mark?.line ?? 0) + 1));
        const root = firstDocumentOnly(chunk, err);
        if (root) {
          docs.push(...root);
          continue;
        }
        throw new UsageError(`error parsing ${source}: error converting YAML to JSON: ${describeYamlError(err, chunk)}`);
      }
      const problem = findGoOnlyTokenProblem(chunk);
      if (problem?.kind === 'anchor-name') {
        throw new UsageError(`error parsing ${source}: error converting YAML to JSON: ${describeTokenProblem(problem, chunk)}`);
      }
    }
  } catch (err) {
    if (err instanceof InvalidSeparatorError) throw new UsageError(`error parsing ${source}: ${err.message}`);
    throw err;
  }
  return docs;
}

/** Parses a stream that starts with `{` as JSON values, as kubectl does, with Go's syntax error messages. */
function parseJson(text: string, source: string): unknown[] {
  try {
    return parseJsonStream(text);
  } catch (err) {
    if (err instanceof JsonStreamError) throw new UsageError(`error parsing ${source}: ${err.message}`);
    throw err;
  }
}

function parseDocs(text: string, source: string): ManifestDoc[] {
  const out: ManifestDoc[] = [];
  const json = looksLikeJson(text);
  const docs = json ? parseJson(text, source) : parseYamlStream(text, source);
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (json && nestingDepth(doc, MAX_READ_DEPTH) > MAX_READ_DEPTH) throw new UsageError(tooDeepMessage(source));
    if (excessiveAliasing(doc)) throw new UsageError(`error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing`);
    if (typeof doc === 'object' && !Array.isArray(doc) && (doc as any).kind === 'List' && Array.isArray((doc as any).items)) {
      for (const item of (doc as any).items) out.push({ doc: item, source });
    } else out.push({ doc, source });
  }
  return out;
}

function readPath(path: string, recursive: boolean, top: boolean): ManifestDoc[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`the path "${path}" does not exist`);
  }
  if (st.isDirectory()) {
    const out: ManifestDoc[] = [];
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const s = statSync(full);
      if (s.isDirectory()) {
        if (recursive) out.push(...readPath(full, recursive, false));
      } else if (/\.(ya?ml|json)$/.test(name)) out.push(...readPath(full, recursive, false));
    }
    if (top && out.length === 0) throw new UsageError(`error reading [${path}]: recognized file extensions are [.json .yaml .yml]`);
    return out;
  }
  if (st.size > MAX_BYTES) throw new UsageError(`error reading "${path}": file is larger than ${MAX_BYTES} bytes`);
  let text: string;
  try {
    text = decodeText(readFileSync(path));
  } catch (err) {
    throw new UsageError(`open ${path}: ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
  }
  if (text.includes('\u0000')) throw new UsageError(`error parsing ${path}: error converting YAML to JSON: yaml: control characters are not allowed`);
  return parseDocs(text, path);
}

/**
 * Parses one file's text exactly as `-f` would, for readers of other file
 * sets (the files a kustomization names), so both report the same errors.
 */
export async function parseManifestText(text: string, source: string): Promise<ManifestDoc[]> {
  await loadYaml();
  return parseDocs(text, source);
}

/** Loads every document named by `-f` values. */
export async function readManifests(files: string[], stdin: (() => Promise<string>) | undefined, recursive = false): Promise<ManifestDoc[]> {
  await loadYaml();
  const out: ManifestDoc[] = [];
  for (const f of files) {
    if (f === '-') {
      const text = stdin ? await stdin() : '';
      out.push(...parseDocs(text, 'STDIN'));
    } else if (/^https?:\/\//.test(f)) {
      const host = f.replace(/^https?:\/\//, '').split('/')[0];
      throw new UsageError(`unable to read URL "${f}", server reported Get "${f}": dial tcp: lookup ${host}: no such host (kubesim runs offline: save the manifest to a file and use -f FILE)`);
    } else out.push(...readPath(f, recursive, true));
  }
  if (files.length > 0 && out.length === 0) throw new UsageError('no objects passed to apply');
  return out;
}
