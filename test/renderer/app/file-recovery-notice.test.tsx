import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installRealKeydesk, type RealKeydesk } from '../support/real-keydesk';
import { PRELOAD_TIMEOUT_MS, RENDERER_TEST_TIMEOUT_MS, preloadApp, renderApp } from '../support/render-app';

vi.setConfig({ testTimeout: RENDERER_TEST_TIMEOUT_MS });
beforeAll(preloadApp, PRELOAD_TIMEOUT_MS);

let keydesk: RealKeydesk;
beforeEach(async () => {
  keydesk = await installRealKeydesk();
});
afterEach(async () => {
  await keydesk.cleanup();
});

describe('an unreadable saved-connections file at start', () => {
  it('is said once, with where the old file was kept, and the app starts anyway', async () => {
    await writeFile(join(keydesk.userDataDir, 'profiles.json'), '{ this is not json');
    await keydesk.restartServices();
    const { user } = await renderApp();

    await screen.findByRole('button', { name: 'Open local organization' });
    const notice = await screen.findByText(/Your saved connections could not be read, so KeyDesk started without them/);
    expect(notice).toHaveTextContent(join(keydesk.userDataDir, 'profiles.corrupt-'));
    expect(screen.getByRole('button', { name: 'Open local organization' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(/Your saved connections could not be read/)).not.toBeInTheDocument();
  });

  it('says nothing when every file reads well', async () => {
    await renderApp();
    await screen.findByRole('button', { name: 'Open local organization' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
