import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Node-side code imports src/shared relatively; the renderer has short aliases.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: here('src/main/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
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
      rollupOptions: { input: here('src/renderer/index.html') },
    },
  },
});
