import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, setUpAppTests } from '../support/render-app';

const realKeydesk = setUpAppTests();

describe('an unreadable saved-connections file at start', () => {
  it('is said once, with where the old file was kept, and the app starts anyway', async () => {
    const keydesk = realKeydesk();
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
    // Watches the real bridge call, so the check runs once its answer is in.
    const asked = vi.spyOn(window.keydesk, 'listFileRecoveries');
    await renderApp();
    await screen.findByRole('button', { name: 'Open local organization' });
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    expect(await asked.mock.results[0]?.value).toEqual({ ok: true, value: [] });
    await act(async () => undefined);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
