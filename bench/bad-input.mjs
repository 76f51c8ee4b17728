// The bad-input cases the benchmark times: `apply -f` of every fixture in
// test/fixtures/bad-input/ (the test suite checks their outcomes).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Returns one `{ name, args }` per fixture. */
export function badInputCases(dir) {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, args: ['apply', '-f', join(dir, name)] }));
}
