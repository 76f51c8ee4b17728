/**
 * Syntax errors in -f manifests read as kubectl v1.32 reports them. The
 * expected strings were printed by the real kubectl for the same file
 * (`kubectl create -f FILE --dry-run=client`). The two cases of an error in
 * a second document are the exception. Offline, kubectl stops at validating
 * the first document, so those follow apimachinery's YAMLReader split.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readManifests } from '../../../src/commands/shared/manifests.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-manifests-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `name` in the scratch folder and returns the error message reading it raises. */
async function parseError(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    await readManifests([path], undefined);
  } catch (err) {
    return (err as Error).message.replace(`${path}`, name);
  }
  return 'no error';
}

const YAML = 'error converting YAML to JSON: yaml:';

describe('YAML syntax errors', () => {
  it.each([
    ['over-indented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels: x\n', 'line 5: mapping values are not allowed in this context'],
    ['second colon in a value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web: x\n', 'line 4: mapping values are not allowed in this context'],
    ['missing space after colon', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name:web\n  labels: x\n', 'line 5: mapping values are not allowed in this context'],
    ['problem on the first line', 'apiVersion: v1: x\nkind: Pod\n', 'mapping values are not allowed in this context'],
    ['under-indented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n labels: x\n', 'line 4: did not find expected key'],
    ['key at a sequence column', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n    image: b\n', "line 5: did not find expected '-' indicator"],
    ['key after an indentless sequence', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n   ports: []\n', 'line 6: did not find expected key'],
    ['text after a closing quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web"x\n', 'line 3: did not find expected key'],
    ['quote closed on a later line', 'a:\n  b: "x\n  c: "y"\n', 'line 2: did not find expected key'],
    ['line starting with a colon', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n: orphan\n', 'line 4: did not find expected key'],
    ['tab after a mapping key', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n', 'line 4: found character that cannot start any token'],
    ['tab after a plain scalar', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n\tlabels: x\n', 'line 5: found a tab character that violates indentation'],
    ['tab after spaces', 'apiVersion: v1\nkind: Pod\nmetadata:\n  \tname: web\n', 'line 4: found character that cannot start any token'],
    ['tab on the first line', '\tapiVersion: v1\nkind: Pod\n', 'found character that cannot start any token'],
    ['at sign starting a value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: @web\n', 'line 4: found character that cannot start any token'],
    ['unclosed double quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\nspec: {}\n', 'line 6: found unexpected end of stream'],
    ['unclosed quote without final newline', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web', 'line 5: found unexpected end of stream'],
    ['unclosed single quote', "kind: 'Pod\n", 'line 2: found unexpected end of stream'],
    ['unclosed flow mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web\nspec: {}\n', "line 3: did not find expected ',' or '}'"],
    ['unclosed flow sequence', 'apiVersion: v1\nkind: Pod\nspec:\n  args: [a, b\n  image: x\n', "line 4: did not find expected ',' or ']'"],
    ['missing colon after a key', 'apiVersion: v1\nkind: Pod\nmetadata\n  name: web\n', "line 4: could not find expected ':'"],
    ['bare word after a sequence', 'apiVersion: v1\nkind: Pod\nspec:\n  args:\n  - a\n  b\n', "line 7: could not find expected ':'"],
    ['unknown anchor', 'a: &x 1\nb: *y\n', "unknown anchor 'y' referenced"],
    ['unquoted cron schedule', 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: */1 * * * *\n', 'line 4: did not find expected alphabetic or numeric character'],
    ['anchor name with a slash', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: &web/x y\n', 'line 4: did not find expected alphabetic or numeric character'],
    ['text after a block scalar indicator', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: | x\n', 'line 4: did not find expected comment or line break'],
    ['mapping key indicator in a value', 'a: ? b\n', 'mapping keys are not allowed in this context'],
    ['unknown escape', 'a: 1\nb: 2\nc: "\\q"\n', 'line 3: found unknown escape character'],
    ['YAML 1.2 directive', '%YAML 1.2\n---\na: b\n', 'found incompatible YAML document'],
    ['YAML 1.1 directive alone', '%YAML 1.1\n---\na: b\n', 'line 1: did not find expected <document start>'],
    ['Windows line endings', 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\n   labels: x\r\n', 'line 5: mapping values are not allowed in this context'],
    ['kept leading separator', '---   \nb: c: d\n', 'line 2: mapping values are not allowed in this context'],
    ['second document counts its own lines', 'a: 1\n---\napiVersion: v1\nb: c: d\n', 'line 2: mapping values are not allowed in this context'],
    ['quote cut by a separator', 'a: "x\n---\ny"\n', 'line 2: found unexpected end of stream'],
  ])('%s', async (_name, text, expected) => {
    expect(await parseError('m.yaml', text)).toBe(`error parsing m.yaml: ${YAML} ${expected}`);
  });

  it('rejects text after a document separator', async () => {
    expect(await parseError('m.yaml', 'a: 1\n----\nb: 2\n')).toBe('error parsing m.yaml: invalid Yaml document separator: -');
  });

  it('accepts a comment after a document separator', async () => {
    expect(await parseError('m.yaml', 'a: 1\n--- # next\nb: 2\n')).toBe('no error');
  });

  it('reads only the root collection when a line sits left of it', async () => {
    const path = join(dir, 'indented.yaml');
    writeFileSync(path, '  apiVersion: apps/v1\nkind: Deployment\n');
    expect((await readManifests([path], undefined)).map((d) => d.doc)).toEqual([{ apiVersion: 'apps/v1' }]);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['trailing comma in an object', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web",}\n', "json: offset 64: invalid character '}' looking for beginning of object key string"],
    ['missing value', '{"a": 1,\n "b": }\n', "json: offset 16: invalid character '}' looking for beginning of value"],
    ['missing colon', '{"a" 1}\n', "json: offset 6: invalid character '1' after object key"],
    ['missing comma', '{"a": 1 "b": 2}\n', `json: offset 9: invalid character '"' after object key:value pair`],
    ['misspelled literal', '{"a": tru}\n', "json: offset 10: invalid character '}' in literal true (expecting 'e')"],
    ['newline in a string', '{"a": "x\n"}\n', "json: offset 9: invalid character '\\n' in string literal"],
    ['trailing comma in an array after blank lines', '  \n {"a": [1, 2,]}\n', "json: offset 17: invalid character ']' looking for beginning of value"],
    ['end of input inside an object', '{"a": 1,\n', 'unexpected EOF'],
  ])('%s', async (_name, text, expected) => {
    expect(await parseError('m.json', text)).toBe(`error parsing m.json: ${expected}`);
  });

  it('reads a stream of JSON objects', async () => {
    const path = join(dir, 'two.json');
    writeFileSync(path, '{"kind": "A"}\n{"kind": "B"}\n');
    expect((await readManifests([path], undefined)).map((d) => d.doc)).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });
});

describe('repeated mapping keys', () => {
  it('keep the last value as go-yaml does', async () => {
    const path = join(dir, 'repeated.yaml');
    writeFileSync(path, 'metadata:\n  name: web\n  name: other\n');
    expect((await readManifests([path], undefined)).map((d) => d.doc)).toEqual([{ metadata: { name: 'other' } }]);
  });
});
