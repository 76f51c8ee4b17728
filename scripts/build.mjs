// Bundles src/cli/main.ts into one CommonJS file, dist/main.cjs. Each verb's
// modules are still initialised only when that verb runs (esbuild wraps
// dynamically imported modules lazily). One CommonJS file starts faster than
// ES module chunks, whose loader resolves every chunk by URL, and bundling the
// SQLite driver's JavaScript avoids loading a dozen small files at startup.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the JSON data files as JSON.parse() of a string instead of an
 * object literal. V8 parses JSON faster than it runs a large literal's code:
 * the 48 KB field schema took about 1 ms of each `apply` as a literal.
 */
const jsonParsePlugin = {
  name: 'json-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      if (args.path.endsWith('fields.json')) return { contents: lazyFieldSchema(data), loader: 'js' };
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

/**
 * Bundles the field schema with each definition as JSON text, which
 * src/api/field-validation.ts parses on first use. Parsing the whole
 * 74 KB schema cost about half a millisecond of every `apply`, which reads only a few definitions.
 */
function lazyFieldSchema(data) {
  const definitions = Object.entries(data.definitions).map(([name, fields]) => `${JSON.stringify(name)}: ${JSON.stringify(JSON.stringify(fields))}`);
  return `export default { kinds: JSON.parse(${JSON.stringify(JSON.stringify(data.kinds))}), definitions: {\n${definitions.join(',\n')}\n} };`;
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/main.cjs',
  define: { 'import.meta.url': '__kubesimModuleUrl' },
  banner: { js: "'use strict';const __kubesimModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: !process.env.KUBESIM_NO_MINIFY,
  plugins: [jsonParsePlugin],
  legalComments: 'none',
  logLevel: 'warning',
});

// The explain schema is read from disk at run time (see src/api/explain-schema.ts).
cpSync(new URL('../src/api/openapi/explain-schemas.json', import.meta.url), new URL('../dist/openapi/explain-schemas.json', import.meta.url));

// Compile the common commands' functions into the code cache bin/kubesim loads (see warm-cache.cjs).
spawnSync(process.execPath, [fileURLToPath(new URL('./warm-cache.cjs', import.meta.url))], { stdio: 'inherit' });
