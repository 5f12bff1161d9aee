import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ── Renderer layers ────────────────────────────────────────────────────────────────────
// Inside src/renderer/src imports flow app → features → the shared base, never back, and a
// feature never imports another (the app wires them together). The base itself is ordered:
// lib/ and platform/ (the bridge to the services) know nothing of i18n/ or components/, and
// i18n/ nothing of components/. One import style: renderer modules through @renderer/…,
// never relative. Uses the typescript-eslint twin of no-restricted-imports, so that these
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

const restrictRenderer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const rendererLayers = [
  restrictRenderer([`${RENDERER}/main.tsx`, `${RENDERER}/app/**`], [rendererRules.relative]),
  ...RENDERER_FEATURES.map((name) =>
    restrictRenderer([`${RENDERER}/features/${name}/**`], [rendererRules.relative, rendererRules.app, rendererRules.otherFeature(name)]),
  ),
  restrictRenderer([`${RENDERER}/components/**`], [rendererRules.relative, rendererRules.app, rendererRules.features]),
  restrictRenderer([`${RENDERER}/i18n/**`], [rendererRules.relative, rendererRules.app, rendererRules.features, rendererRules.upward(['components'])]),
  restrictRenderer(
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
    // Raw IPC only in the one module on each side that wraps it (GitHub Desktop's rule).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/ipc/ipc-main.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]",
          message: 'Use the typed IPC wrapper (src/main/ipc/ipc-main.ts) instead of raw ipcMain/ipcRenderer.',
        },
      ],
    },
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
);
