// Opens the keys page as an admin gets it: the real services and a real local organization
// server behind window.keydesk (helper-5's harness), the local organization opened, and
// the page rendered inside the app's providers.
import { screen } from '@testing-library/react';
import type { SessionInfo } from '@shared/session';
import type { Settings } from '@shared/settings';
import { ApiKeysPage } from '@renderer/features/api-keys/components/api-keys-page';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { call } from '@renderer/lib/keydesk-client';
import { installRealKeydesk, type InstallOptions, type RealKeydesk } from '../support/real-keydesk';
import { renderWithProviders, type RenderedApp } from '../support/render-app';

export type KeysPage = RenderedApp & { keydesk: RealKeydesk; session: SessionInfo };

/** The demo organization's keys, by title (see src/server/seed/demo-seed.ts). */
export const DEMO_KEYS = {
  ownsNothing: 'Public map viewer',
  ownsSharedAndSole: 'Field survey app',
  ownsSoleOnly: 'Nightly GIS sync',
} as const;

export async function openKeysPage(options: { install?: InstallOptions; language?: Settings['language'] } = {}): Promise<KeysPage> {
  const keydesk = await installRealKeydesk(options.install);
  try {
    const session = await call('openLocalOrganization');
    return { ...(await renderPageFor(session, options.language)), keydesk, session };
  } catch (error) {
    await keydesk.cleanup();
    throw error;
  }
}

/** Renders the keys page of `session` from a fresh store. */
export async function renderPageFor(session: SessionInfo, language?: Settings['language']): Promise<RenderedApp> {
  useApiKeysStore.getState().reset();
  return renderWithProviders(<ApiKeysPage session={session} />, { language });
}

/** Waits for a row of the grid, found by its title cell. */
export async function findRow(title: string): Promise<HTMLElement> {
  const cell = await screen.findByRole('gridcell', { name: title }, { timeout: 5000 });
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
