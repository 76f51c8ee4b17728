import { describe, expect, it } from 'vitest';
import {
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
  relaxedJsonPathExpression,
} from '../../src/printers/custom-columns';

const pod = (name: string, images: string[], labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
});

describe('relaxedJsonPathExpression', () => {
  const cases: [string, string][] = [
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['', ''],
  ];
  for (const [path, want] of cases) {
    it(`relaxes ${JSON.stringify(path)}`, () => expect(relaxedJsonPathExpression(path)).toBe(want));
  }

  it('rejects nested braces', () => {
    expect(() => relaxedJsonPathExpression('{{.a}}')).toThrow(/^unexpected path string/);
  });
});

describe('parseCustomColumnsSpec', () => {
  it('splits headers and paths', () => {
    expect(parseCustomColumnsSpec('NAME:.metadata.name,IMAGES:spec.containers[*].image')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IMAGES', fieldSpec: '{.spec.containers[*].image}' },
    ]);
  });

  it('rejects a column without a path', () => {
    expect(() => parseCustomColumnsSpec('NAME')).toThrow(
      'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    );
  });

  it('rejects an empty spec', () => {
    expect(() => parseCustomColumnsSpec('')).toThrow('custom-columns format specified but no custom columns given');
  });
});

describe('parseCustomColumnsTemplate', () => {
  it('reads headers and paths from two lines', () => {
    expect(parseCustomColumnsTemplate('NAME      RSRC\nmetadata.name   metadata.resourceVersion\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'RSRC', fieldSpec: '{.metadata.resourceVersion}' },
    ]);
  });

  it('rejects a count mismatch', () => {
    expect(() => parseCustomColumnsTemplate('A B\n.a\n')).toThrow(
      "number of headers (2) and field specifications (1) don't match",
    );
  });

  it('rejects a template of three lines', () => {
    expect(() => parseCustomColumnsTemplate('A\n.a\n.b\n')).toThrow(
      'invalid template, expected two lines in template, found 3.',
    );
  });
});

describe('printCustomColumns', () => {
  const columns = parseCustomColumnsSpec('NAME:.metadata.name,IMAGES:.spec.containers[*].image,APP:.metadata.labels.app');

  it('prints one row per list item', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('web', ['nginx', 'busybox'], { app: 'web' }), pod('db', ['mysql'])] };
    expect(printCustomColumns(columns, [list])).toBe(
      'NAME   IMAGES          APP\nweb    nginx,busybox   web\ndb     mysql           <none>\n',
    );
  });

  it('omits headers on request', () => {
    expect(printCustomColumns(columns, [pod('web', ['nginx'])], { noHeaders: true })).toBe('web   nginx   <none>\n');
  });

  it('prints maps and arrays as Go does', () => {
    const cols = parseCustomColumnsSpec('LABELS:.metadata.labels,CONTAINERS:.spec.containers');
    expect(printCustomColumns(cols, [pod('web', ['nginx'], { app: 'web', tier: 'fe' })], { noHeaders: true })).toBe(
      'map[app:web tier:fe]   [map[image:nginx name:c0]]\n',
    );
  });
});
