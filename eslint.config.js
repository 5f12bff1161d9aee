import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// ── Layers of src/ ─────────────────────────────────────────────────────────────────────
// What each layer may import of ours (docs/ARCHITECTURE.md). Imports are resolved to files
// (relative paths and the @shared/@renderer aliases alike), so a rule holds however an
// import is written. test/lint/layer-rules.test.ts shows that each forbidden import fails.
const LAYERS = {
  shared: { may: [], why: 'src/shared imports nothing of ours: every other layer imports it.' },
  server: { may: ['shared'], why: 'The server uses src/shared only: it runs alone, in the web preview and in a utility process.' },
  services: { may: ['shared'], why: 'Services use src/shared only: hosts hand them what they need (fetch, keychain, the local-organization launcher).' },
  web: {
    may: ['services', 'shared', 'server/start-server.ts'],
    why: 'The web preview uses services, src/shared, and of the server only its entry point, start-server.ts.',
  },
  main: {
    may: ['services', 'shared'],
    why: 'Main uses services and src/shared; it launches the server by path (the utility-process entry), never by import.',
  },
  preload: { may: ['shared'], why: 'The preload uses src/shared only.' },
  renderer: { may: ['shared'], why: 'The renderer uses src/shared only: it reaches everything else through window.keydesk.' },
};
/** Code that needs Node (node:*, process), shared by the Node processes only. */
const SHARED_NODE = 'src/shared/node';

const layerZones = [
  ...Object.entries(LAYERS).map(([layer, { may, why }]) => ({
    target: `src/${layer}`,
    from: 'src',
    except: [`./${layer}`, ...may.map((allowed) => `./${allowed}`)],
    message: why,
  })),
  {
    target: ['src/shared/*.ts', 'src/shared/!(node)/**', 'src/renderer/**', 'src/preload/**'],
    from: [`${SHARED_NODE}/**`],
    message: `${SHARED_NODE} needs Node: the renderer, the preload and the rest of src/shared (which the renderer imports) must not import it.`,
  },
];

// Raw IPC only in the one module on each side that wraps it (GitHub Desktop's rule).
const RAW_IPC = {
  selector: "ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]",
  message: 'Use the typed IPC wrapper (src/main/ipc/ipc-main.ts) instead of raw ipcMain/ipcRenderer.',
};
// SQL only in server/store (and the schema in server/db): routes parse, authorize and reply.
// Catches db.prepare(…)/db.exec(…) and ctx.db.prepare(…)/ctx.db.exec(…).
const SQL_OUTSIDE_STORE = ["[callee.object.name='db']", "[callee.object.property.name='db']"].map((object) => ({
  selector: `CallExpression[callee.property.name=/^(prepare|exec)$/]${object}`,
  message: 'SQL belongs in src/server/store/ (a function named for what it reads or writes); the schema in src/server/db/.',
}));
// ───────────────────────────────────────────────────────────────────────────────────────

// ── Renderer layers ────────────────────────────────────────────────────────────────────
// Inside src/renderer/src imports flow app → features → the shared base, never back, and a
// feature never imports another (the app wires them together). The base itself is ordered:
// lib/ and platform/ (the bridge to the services) know nothing of i18n/ or components/, and
// i18n/ nothing of components/. One import style: renderer modules through @renderer/…,
// never relative. Only a feature's (or the app's) `lib/*-api.ts` module calls the services
// (`call`): stores and hooks go through it, components through them. Uses the typescript-eslint twin of no-restricted-imports, so that these
// rules add to the other layers' rules instead of replacing them. See docs/ARCHITECTURE.md.
const RENDERER = 'src/renderer/src';
const RENDERER_FEATURES = readdirSync(`${RENDERER}/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const rendererRules = {
  relative: { regex: '^\\.{1,2}/', message: 'Import renderer modules through @renderer/… (one import style; see docs/ARCHITECTURE.md).' },
  app: { regex: '^@renderer/app(/|$)', message: 'Only the app imports app/: it composes the features, not the other way round.' },
  features: { regex: '^@renderer/features/', message: 'The shared base (components, lib, i18n, platform) must not import a feature.' },
  otherFeature: (name) => ({
    regex: `^@renderer/features/(?!${name}/)`,
    message: 'Features do not import each other: let the app pass what one needs from another (props, callbacks).',
  }),
  upward: (folders) => ({
    regex: `^@renderer/(${folders.join('|')})/`,
    message: 'Inside the base: lib/ and platform/ import neither i18n/ nor components/, and i18n/ does not import components/.',
  }),
};

const rendererCall = {
  name: '@renderer/lib/keydesk-client',
  importNames: ['call'],
  message: 'Reach the services through your feature\'s lib/*-api.ts module (from a store or hook), not call() itself.',
};
const API_MODULE = '/**/lib/*-api.ts';

/** A zone's rules: its import patterns everywhere, and call() for its api modules only. */
const restrictRenderer = (files, patterns) => [
  {
    files,
    ignores: files.filter((glob) => glob.endsWith('/**')).map((glob) => glob.slice(0, -3) + API_MODULE),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths: [rendererCall] }] },
  },
  {
    files: files.filter((glob) => glob.endsWith('/**')).map((glob) => glob.slice(0, -3) + API_MODULE),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  },
];

const rendererLayers = [
  ...restrictRenderer([`${RENDERER}/main.tsx`, `${RENDERER}/app/**`], [rendererRules.relative]),
  ...RENDERER_FEATURES.flatMap((name) =>
    restrictRenderer([`${RENDERER}/features/${name}/**`], [rendererRules.relative, rendererRules.app, rendererRules.otherFeature(name)]),
  ),
  ...restrictRenderer([`${RENDERER}/components/**`], [rendererRules.relative, rendererRules.app, rendererRules.features]),
  ...restrictRenderer([`${RENDERER}/i18n/**`], [rendererRules.relative, rendererRules.app, rendererRules.features, rendererRules.upward(['components'])]),
  ...restrictRenderer(
    [`${RENDERER}/lib/**`, `${RENDERER}/platform/**`],
    [rendererRules.relative, rendererRules.app, rendererRules.features, rendererRules.upward(['components', 'i18n'])],
  ),
];
// ───────────────────────────────────────────────────────────────────────────────────────

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/ipc/ipc-main.ts', 'src/preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', RAW_IPC] },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/store/**', 'src/server/db/**'],
    rules: { 'no-restricted-syntax': ['error', RAW_IPC, ...SQL_OUTSIDE_STORE] },
  },
  {
    // The layers (see LAYERS above).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'],
          // The renderer's aliases (electron.vite.config.ts, tsconfig.web.json).
          alias: { '@shared': [here('src/shared')], '@renderer': [here('src/renderer/src')] },
        }),
      ],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // What the renderer can import runs in a page: no Node module, whoever imports it.
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}', 'src/preload/**/*.ts'],
    ignores: [`${SHARED_NODE}/**`],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    // Services, the server and shared code run outside Electron too.
    files: ['src/services/**', 'src/server/**', 'src/shared/**', 'src/web/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...rendererLayers,
  {
    // A file past 250 lines is two files (issue 10): the renderer and the services keep to it.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/services/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 250, skipBlankLines: false, skipComments: false }] },
  },
);
