import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * `electron-vite dev` serves the page with @vitejs/plugin-react's inline preamble script
 * (React Fast Refresh; the dev base is "/"), which the page's `script-src 'self'` blocks: a
 * blank window. The main process allows exactly that script, by its hash, and only for a page
 * from the dev server (src/main/content-security-policy.ts): a built page never gets it.
 * test/main/dev-page-csp.test.ts checks the hash against the page the dev server really
 * sends, in Chromium.
 */
function devPageScriptHashes(): string[] {
  const preamble = react.preambleCode.replace('__BASE__', '/');
  return [`'sha256-${createHash('sha256').update(preamble).digest('base64')}'`];
}

// Node-side code imports src/shared relatively; the renderer has short aliases.
export default defineConfig({
  main: {
    define: { __KEYDESK_DEV_PAGE_SCRIPT_HASHES__: JSON.stringify(devPageScriptHashes()) },
    build: {
      rollupOptions: {
        input: {
          index: here('src/main/index.ts'),
          // The local organization server, run by the app in an Electron utilityProcess.
          'utility-process': here('src/server/utility-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing from node_modules: zod (the contract) is bundled in.
      externalizeDeps: false,
      rollupOptions: {
        // A sandboxed preload cannot load ES modules or other files: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: here('src/renderer'),
    resolve: { alias: { '@shared': here('src/shared'), '@renderer': here('src/renderer/src') } },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified (3.2 MB instead of 1.4 MB): the app would
      // parse twice the code at every start, and ship another bundle than the web preview's,
      // which the benchmarks measure.
      minify: true,
      rollupOptions: { input: here('src/renderer/index.html') },
    },
  },
});
