// Rendering for renderer tests: the whole app, or one component inside the app's providers
// (theme, i18n, date localization), as the user would get it.
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { Settings } from '@shared/settings';
import { installRealKeydesk, type InstallOptions, type RealKeydesk } from './real-keydesk';

export type RenderedApp = RenderResult & { user: UserEvent };

// findBy…/waitFor wait for the real services; on a loaded machine a sign-in takes seconds.
configure({ asyncUtilTimeout: 10_000 });

/** Tests type into many fields: no pause between keystrokes. */
const setupUser = (): UserEvent => userEvent.setup({ delay: null });

/** A renderer test's time limit: the real server answers in milliseconds, jsdom renders slowly. */
export const RENDERER_TEST_TIMEOUT_MS = 60_000;

/**
 * Loads the app's modules once (the first load of MUI and the grid takes seconds on a busy
 * machine). Use as `beforeAll(preloadApp, PRELOAD_TIMEOUT_MS)` so that no test pays for it.
 */
export async function preloadApp(): Promise<void> {
  await import('@renderer/app/app');
}
export const PRELOAD_TIMEOUT_MS = 120_000;

/**
 * Registers a whole-app test file's set-up: the time limit, the app's modules loaded once,
 * and a fresh real keydesk (server, services, window.keydesk) around each test. Returns
 * the current test's keydesk.
 */
export function setUpAppTests(options: InstallOptions = {}): () => RealKeydesk {
  vi.setConfig({ testTimeout: RENDERER_TEST_TIMEOUT_MS });
  beforeAll(preloadApp, PRELOAD_TIMEOUT_MS);
  let keydesk: RealKeydesk | undefined;
  beforeEach(async () => {
    keydesk = await installRealKeydesk(options);
  });
  afterEach(async () => {
    await keydesk?.cleanup();
    keydesk = undefined;
  });
  return () => {
    if (!keydesk) throw new Error('The real keydesk exists only inside a test.');
    return keydesk;
  };
}

/**
 * Renders the whole app (call installRealKeydesk first). The renderer's modules are loaded
 * afresh, so every zustand store starts from its initial state, as at a real start.
 */
export async function renderApp(): Promise<RenderedApp> {
  vi.resetModules();
  const { App } = await import('@renderer/app/app');
  const user = setupUser();
  return { ...render(<App />), user };
}

/**
 * Renders `ui` inside the app's providers, in `language`. Uses the modules already loaded
 * (the caller's stores are the component's stores).
 */
export async function renderWithProviders(ui: ReactElement, options: { language?: Settings['language'] } = {}): Promise<RenderedApp> {
  const { AppProviders } = await import('@renderer/app/components/app-providers');
  const { useSettingsStore } = await import('@renderer/features/settings/stores/settings-store');
  const { applyLanguage } = await import('@renderer/i18n/i18n');
  const language = options.language ?? 'en';
  await applyLanguage(language);
  useSettingsStore.setState((state) => ({ settings: { ...state.settings, language }, loaded: true }));
  const user = setupUser();
  return { ...render(<AppProviders>{ui}</AppProviders>), user };
}
