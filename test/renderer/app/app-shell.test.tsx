import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { renderApp, renderWithProviders, setUpAppTests, type RenderedApp } from '../support/render-app';

const keydesk = setUpAppTests();

const admin = DEMO_USERS.admin;

async function openLocalOrganization(): Promise<RenderedApp> {
  const app = await renderApp();
  await app.user.click(await screen.findByRole('button', { name: 'Open local organization' }));
  await screen.findByRole('button', { name: 'Switch organization: Demo Organization' });
  expect(document.title).toBe('Demo Organization — KeyDesk');
  return app;
}

describe('after connecting', () => {
  it('puts the focus on the page’s heading, not the body', async () => {
    await openLocalOrganization();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'API keys', level: 1 })).toHaveFocus());
  });
});

describe('app bar', () => {
  it('shows the signed-in user and signs out back to the connection screen', async () => {
    const { user } = await openLocalOrganization();
    await user.click(screen.getByRole('button', { name: `Account: ${admin.name}` }));
    const menu = screen.getByRole('menu');
    expect(within(menu).getByText(admin.name)).toBeVisible();
    expect(within(menu).getByText(admin.email)).toBeVisible();
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
    expect(await keydesk().services.handlers.getSession(undefined)).toBeNull();
  });

  it('returns to the connection screen, saying why, when the session ends behind its back', async () => {
    const { user } = await openLocalOrganization();
    // The main process ends the session (as a revoked sign-in does); the next call finds out.
    await keydesk().services.handlers.signOut(undefined);
    await user.click(await screen.findByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
    expect(screen.getByText(/Your session has ended/)).toBeVisible();
  });

  it('switches to another organization of the user', async () => {
    const { user } = await openLocalOrganization();
    await user.click(screen.getByRole('button', { name: 'Switch organization: Demo Organization' }));
    await user.click(screen.getByRole('menuitem', { name: DEMO_TRAINING_ORGANIZATION.name }));
    expect(await screen.findByRole('button', { name: `Switch organization: ${DEMO_TRAINING_ORGANIZATION.name}` })).toBeVisible();
    expect((await keydesk().services.handlers.getSession(undefined))?.organization.id).toBe(DEMO_TRAINING_ORGANIZATION.id);
  });

  it('switches the theme and keeps it in the settings', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Theme' }));
    expect(screen.getByRole('menuitemradio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Dark' }));
    await waitFor(() => expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(15, 19, 24)'));
    await waitFor(async () => expect((await keydesk().services.handlers.getSettings(undefined)).theme).toBe('dark'));

    await user.click(screen.getByRole('button', { name: 'Theme' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Light' }));
    await waitFor(() => expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(244, 246, 249)'));
  });

  it('follows the system’s dark preference when the theme is System', async () => {
    const matchMedia = vi.fn((query: string) => ({
      matches: query.includes('prefers-color-scheme: dark'),
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }));
    vi.stubGlobal('matchMedia', matchMedia);
    try {
      await renderApp();
      await screen.findByRole('heading', { name: 'Connect to JMap Cloud' });
      expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(15, 19, 24)');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('switches to French, everywhere, and stays French at the next start', async () => {
    const first = await renderApp();
    await first.user.click(await screen.findByRole('button', { name: 'Language' }));
    await first.user.click(screen.getByRole('menuitemradio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { name: 'Se connecter à JMap Cloud' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Ouvrir l’organisation locale' })).toBeVisible();
    expect(screen.getByLabelText(/^Mot de passe/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    await waitFor(async () => expect((await keydesk().services.handlers.getSettings(undefined)).language).toBe('fr'));
    first.unmount();

    const second = await renderApp();
    await second.user.click(await screen.findByRole('button', { name: 'Ouvrir l’organisation locale' }));
    expect(await screen.findByRole('button', { name: 'Changer d’organisation\u202f: Demo Organization' })).toBeVisible();
    // MUI X speaks French too, through the theme's locale.
    expect(await screen.findByText(/Lignes par page/)).toBeInTheDocument();
  });
});

describe('menu commands', () => {
  it('"about" shows the version', async () => {
    await renderApp();
    await screen.findByRole('heading', { name: 'Connect to JMap Cloud' });
    keydesk().sendMenuCommand('about');
    const dialog = await screen.findByRole('dialog', { name: 'About KeyDesk' });
    expect(await within(dialog).findByText('KeyDesk 0.0.0-test')).toBeVisible();
  });

  it('"check-for-updates" opens About and checks at once', async () => {
    await renderApp();
    await screen.findByRole('heading', { name: 'Connect to JMap Cloud' });
    keydesk().sendMenuCommand('check-for-updates');
    const dialog = await screen.findByRole('dialog', { name: 'About KeyDesk' });
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Updates only work in an installed copy of KeyDesk; this one runs from the source tree.');
  });

  it('"check-for-updates" answers in French when the app speaks French', async () => {
    await keydesk().services.handlers.updateSettings({ language: 'fr' });
    await renderApp();
    await screen.findByRole('heading', { name: 'Se connecter à JMap Cloud' });
    keydesk().sendMenuCommand('check-for-updates');
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Les mises à jour ne fonctionnent que dans une copie installée de KeyDesk\u202f; celle-ci tourne depuis les sources.', { normalizeWhitespace: false });
  });

  it('"switch-organization" opens the switcher and "sign-out" signs out', async () => {
    const { user } = await openLocalOrganization();
    keydesk().sendMenuCommand('switch-organization');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: DEMO_TRAINING_ORGANIZATION.name })).toBeVisible();
    await user.keyboard('{Escape}');
    keydesk().sendMenuCommand('sign-out');
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
  });
});

describe('error boundary', () => {
  it('shows a plain message and "Reload" instead of a broken screen', async () => {
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ErrorBoundary } = await import('@renderer/app/components/error-boundary');
    function Broken(): React.JSX.Element {
      throw new Error('boom');
    }
    await renderWithProviders(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(screen.queryByText('boom')).not.toBeInTheDocument();
    silence.mockRestore();
  });
});
