// Opens the keys page as an admin gets it: the real services and a real local organization
// server behind window.keydesk (helper-5's harness), the local organization opened, and
// the page rendered inside the app's providers.
import { screen } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import type { SessionInfo } from '@shared/session';
import type { Settings } from '@shared/settings';
import { ApiKeysPage } from '@renderer/features/api-keys/components/api-keys-page';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { resetGridSettings } from '@renderer/features/api-keys/stores/grid-settings-store';
import { call } from '@renderer/lib/keydesk-client';
import { installRealKeydesk, type InstallOptions, type RealKeydesk } from '../../support/real-keydesk';
import { PRELOAD_TIMEOUT_MS, RENDERER_TEST_TIMEOUT_MS, preloadApp, renderWithProviders, type RenderedApp } from '../../support/render-app';

export type KeysPage = RenderedApp & { keydesk: RealKeydesk; session: SessionInfo };

/** The demo organization's keys, by title (see src/server/seed/demo-seed.ts). */
export const DEMO_KEYS = {
  ownsNothing: 'Public map viewer',
  ownsSharedAndSole: 'Field survey app',
  ownsSoleOnly: 'Nightly GIS sync',
} as const;

async function openKeysPage(options: OpenOptions = {}): Promise<KeysPage> {
  const keydesk = await installRealKeydesk(options.install);
  try {
    const session = await call('openLocalOrganization');
    return { ...(await renderPageFor(session, options.language)), keydesk, session };
  } catch (error) {
    await keydesk.cleanup();
    throw error;
  }
}

type OpenOptions = { install?: InstallOptions; language?: Settings['language'] };

/**
 * Registers a test file's set-up: the renderer's time limit, the app's modules loaded once,
 * and the page's server and services stopped after each test. Returns `openKeysPage`.
 */
export function setUpKeysPageTests(): (options?: OpenOptions) => Promise<KeysPage> {
  vi.setConfig({ testTimeout: RENDERER_TEST_TIMEOUT_MS });
  beforeAll(preloadApp, PRELOAD_TIMEOUT_MS);
  let opened: KeysPage[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    const pages = opened;
    opened = [];
    for (const page of pages) await page.keydesk.cleanup();
  });
  return async (options) => {
    const page = await openKeysPage(options);
    opened.push(page);
    return page;
  };
}

/** Renders the keys page of `session` from a fresh store. */
export async function renderPageFor(session: SessionInfo, language?: Settings['language']): Promise<RenderedApp> {
  useApiKeysStore.getState().reset();
  // Each test is a new start of the app, with its own settings file.
  resetGridSettings();
  return renderWithProviders(<ApiKeysPage session={session} />, { language });
}

/** Waits for a row of the grid, found by its title cell. */
export async function findRow(title: string): Promise<HTMLElement> {
  const cell = await screen.findByRole('gridcell', { name: title }, { timeout: 15_000 });
  const row = cell.closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error(`The cell ${title} is not inside a row.`);
  return row;
}

/** The titles of the rows on screen, top to bottom. */
export function visibleTitles(): string[] {
  return screen
    .queryAllByRole('row')
    .map((row) => row.querySelector('[data-field="title"]')?.textContent ?? null)
    .filter((title): title is string => title !== null && title !== '' && title !== 'Title');
}

/** Everything a store of the feature holds, as text: a secret must never be in it. */
export function storeSnapshot(): string {
  return JSON.stringify(useApiKeysStore.getState());
}
