// Bundles src/cli/main.ts into one CommonJS file, dist/main.cjs. Each verb's
// modules are still initialised only when that verb runs (esbuild wraps
// dynamically imported modules lazily). One CommonJS file starts faster than
// ES module chunks, whose loader resolves every chunk by URL, and bundling the
// SQLite driver's JavaScript avoids loading a dozen small files at startup.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

/**
 * JSON data only some verbs read (the explain schemas are about 440 KB) stays
 * out of the bundle: it is copied to dist/ and required when first used, so
 * other commands do not pay to parse it.
 */
const LAZY_DATA = ['explain-schemas.json'];
const lazyData = {
  name: 'lazy-data',
  setup(b) {
    b.onResolve({ filter: /\/openapi\/[^/]+\.json$/ }, (args) => {
      const name = args.path.split('/').pop();
      return LAZY_DATA.includes(name) ? { path: `./openapi/${name}`, external: true } : undefined;
    });
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
mkdirSync(new URL('../dist/openapi', import.meta.url), { recursive: true });
for (const name of LAZY_DATA) cpSync(new URL(`../src/api/openapi/${name}`, import.meta.url), new URL(`../dist/openapi/${name}`, import.meta.url));
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/main.cjs',
  define: { 'import.meta.url': '__kubesimModuleUrl' },
  banner: { js: "const __kubesimModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: !process.env.KUBESIM_NO_MINIFY,
  legalComments: 'none',
  plugins: [lazyData],
  logLevel: 'warning',
});
