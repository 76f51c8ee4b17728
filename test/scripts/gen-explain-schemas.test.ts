import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('gen-explain-schemas', () => {
  it('reproduces the committed schema data from the installed package', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kubesim-gen-')), 'explain-schemas.json');
    execFileSync(process.execPath, ['scripts/gen-explain-schemas.mjs', '--out', out], { encoding: 'utf8' });
    const committed = readFileSync('src/api/openapi/explain-schemas.json', 'utf8');
    expect(readFileSync(out, 'utf8') === committed).toBe(true);
  });
});
