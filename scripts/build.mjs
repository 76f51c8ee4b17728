// Bundles src/cli/main.ts into dist/ as ES module chunks. Code splitting keeps
// each verb in its own chunk, so a command loads only the modules it uses.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);" },
  minify: !process.env.KUBESIM_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
});
