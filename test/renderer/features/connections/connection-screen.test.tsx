import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CredentialStore } from '../../../../src/services/credentials/credential-store';
import { createKeytarCredentialStore } from '../../../../src/services/credentials/keytar-credential-store';
import { DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';
import { PRELOAD_TIMEOUT_MS, RENDERER_TEST_TIMEOUT_MS, preloadApp, renderApp } from '../../support/render-app';
import { fillSignInForm, signInWithForm } from '../../support/sign-in-form';
import { unusedLoopbackUrl } from '../../support/unused-port';

vi.setConfig({ testTimeout: RENDERER_TEST_TIMEOUT_MS });
beforeAll(preloadApp, PRELOAD_TIMEOUT_MS);

let keydesk: RealKeydesk;
afterEach(async () => {
  await keydesk.cleanup();
});

/** The app bar's organization switcher, which only a signed-in admin sees. */
const organizationSwitcher = (name: string) => screen.findByRole('button', { name: `Switch organization: ${name}` });

describe('connection screen', () => {
  beforeEach(async () => {
    keydesk = await installRealKeydesk();
  });

  it('offers JMap Cloud with its default server, and the local organization', async () => {
    await renderApp();
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Server URL/ })).toHaveValue('https://api.jmapcloud.io');
    expect(screen.getByLabelText(/^Password/)).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Open local organization' })).toBeEnabled();
    expect(screen.getByText('The connections you open are listed here.')).toBeVisible();
  });

  it('opens the local organization and shows the keys page', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Open local organization' }));
    expect(await organizationSwitcher('Demo Organization')).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Connect to JMap Cloud' })).not.toBeInTheDocument();
  });

  it('shows and hides the password', async () => {
    const { user } = await renderApp();
    const password = await screen.findByLabelText(/^Password/);
    await user.type(password, 'visible?');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password).toHaveAttribute('type', 'password');
  });

  it('says what is missing next to each empty field, without calling the server', async () => {
    const { user } = await renderApp();
    const email = await screen.findByRole('textbox', { name: /Email/ });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(email).toHaveAccessibleDescription('Enter your email.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription('Enter your password.');
  });

  it('says an emptied or unreadable server address at its field, without calling the server', async () => {
    const { user } = await renderApp();
    const serverUrl = await screen.findByRole('textbox', { name: /Server URL/ });
    for (const typed of ['', 'not a url']) {
      await fillSignInForm(user, { serverUrl: typed, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD });
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      await waitFor(() => expect(serverUrl).toHaveAttribute('aria-invalid', 'true'));
      expect(serverUrl).toHaveAccessibleDescription('Enter the server address, for example https://api.jmapcloud.io.');
      expect(serverUrl).toHaveFocus();
    }
    expect(screen.queryByRole('button', { name: /Switch organization/ })).not.toBeInTheDocument();
  });

  it('says a wrong password at the password field', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: 'not-the-password' });
    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/password/i);
    expect(password).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Switch organization/ })).not.toBeInTheDocument();
  });

  it('says an unreachable server at the server URL', async () => {
    const { user } = await renderApp();
    const closed = await unusedLoopbackUrl();
    await signInWithForm(user, { serverUrl: closed, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD });
    const serverUrl = screen.getByRole('textbox', { name: /Server URL/ });
    await waitFor(() => expect(serverUrl).toHaveAttribute('aria-invalid', 'true'));
    expect(serverUrl).toHaveAccessibleDescription(/.+/);
    expect(screen.getByLabelText(/^Password/)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a member who is not an administrator, in one plain sentence', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.editor2.email, password: DEMO_PASSWORD });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Managing API keys needs the Administrator role in Demo Organization.');
    expect(screen.queryByRole('button', { name: /Switch organization/ })).not.toBeInTheDocument();
  });

  it('keeps no trace of the password once connected: not in the page, the stores or web storage', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD, remember: true });
    await organizationSwitcher('Demo Organization');
    // The modules renderApp loaded: the same store instances the app uses.
    const { useSessionStore } = await import('@renderer/app/stores/session-store');
    const { useConnectionsStore } = await import('@renderer/features/connections/stores/connections-store');
    const { useSettingsStore } = await import('@renderer/features/settings/stores/settings-store');
    const states = JSON.stringify([useSessionStore.getState(), useConnectionsStore.getState(), useSettingsStore.getState()]);
    expect(states).toContain(DEMO_USERS.secondAdmin.email);
    expect(states).not.toContain(DEMO_PASSWORD);
    expect(document.documentElement.outerHTML).not.toContain(DEMO_PASSWORD);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('lets a member of several organizations choose one', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.admin.email, password: DEMO_PASSWORD });
    const picker = await screen.findByRole('dialog', { name: 'Choose an organization' });
    await user.click(within(picker).getByRole('button', { name: new RegExp(DEMO_TRAINING_ORGANIZATION.name) }));
    expect(await organizationSwitcher(DEMO_TRAINING_ORGANIZATION.name)).toBeVisible();
  });

  it('says why an organization without the Administrator role cannot be opened, in the picker', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.editor1.email, password: DEMO_PASSWORD });
    const picker = await screen.findByRole('dialog', { name: 'Choose an organization' });
    await user.click(within(picker).getByRole('button', { name: /^Demo Organization/ }));
    expect(await within(picker).findByRole('alert')).toHaveTextContent('Managing API keys needs the Administrator role in Demo Organization.');
  });

  it('reopens the picker from the app menu’s "Switch organization" after it was closed', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.admin.email, password: DEMO_PASSWORD });
    await user.click(within(await screen.findByRole('dialog', { name: 'Choose an organization' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    keydesk.sendMenuCommand('switch-organization');
    const picker = await screen.findByRole('dialog', { name: 'Choose an organization' });
    await user.click(within(picker).getByRole('button', { name: /^Demo Organization/ }));
    expect(await organizationSwitcher('Demo Organization')).toBeVisible();
  });

  it('asks for the password again for a saved connection, with its server and email filled in', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD, remember: true });
    await user.click(await screen.findByRole('button', { name: `Account: ${DEMO_USERS.secondAdmin.name}` }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

    // Sign-out forgot the remembered sign-in: the saved connection now needs the password.
    await user.click(await screen.findByRole('button', { name: 'Connect to Demo Organization' }));
    const password = await screen.findByLabelText(/^Password/);
    await waitFor(() => expect(password).toHaveFocus());
    expect(screen.getByRole('textbox', { name: /Server URL/ })).toHaveValue(keydesk.server.url);
    expect(screen.getByRole('textbox', { name: /Email/ })).toHaveValue(DEMO_USERS.secondAdmin.email);
    expect(password).toHaveAccessibleDescription(`Enter your password to reconnect as ${DEMO_USERS.secondAdmin.email}.`);
    await user.type(password, `${DEMO_PASSWORD}{Enter}`);
    expect(await organizationSwitcher('Demo Organization')).toBeVisible();
  });

  it('reconnects a remembered connection without a password after a restart', async () => {
    const first = await renderApp();
    await signInWithForm(first.user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD, remember: true });
    await organizationSwitcher('Demo Organization');
    first.unmount();
    await keydesk.restartServices();

    const { user } = await renderApp();
    expect(await screen.findByText(/Signs in without a password/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Connect to Demo Organization' }));
    expect(await organizationSwitcher('Demo Organization')).toBeVisible();
  });

  it('says under a saved connection that its server cannot be reached', async () => {
    const first = await renderApp();
    await signInWithForm(first.user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD, remember: true });
    await organizationSwitcher('Demo Organization');
    first.unmount();
    await keydesk.restartServices();
    await keydesk.server.close();

    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Connect to Demo Organization' }));
    const saved = screen.getByRole('list', { name: 'Saved connections' });
    expect(await within(saved).findByRole('alert')).toHaveTextContent(/could not be reached/);
    expect(screen.getByRole('textbox', { name: /Email/ })).toHaveValue('');
  });

  it('removes a saved connection after a confirmation', async () => {
    const { user } = await renderApp();
    await signInWithForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD });
    await user.click(await screen.findByRole('button', { name: `Account: ${DEMO_USERS.secondAdmin.name}` }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

    await user.click(await screen.findByRole('button', { name: 'Remove Demo Organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this connection?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('The connections you open are listed here.')).toBeVisible();
    expect(await keydesk.services.handlers.listConnections(undefined)).toEqual([]);
  });
});

describe('connection screen without a keychain', () => {
  beforeEach(async () => {
    keydesk = await installRealKeydesk({ credentialStore: unavailableKeychain() });
  });

  it('says so next to "Remember me" and offers to connect without remembering', async () => {
    const { user } = await renderApp();
    await fillSignInForm(user, { serverUrl: keydesk.server.url, email: DEMO_USERS.secondAdmin.email, password: DEMO_PASSWORD, remember: true });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent('KeyDesk could not use the system keychain. Install a Secret Service such as gnome-keyring (with libsecret)');
    expect(warning).not.toHaveTextContent('X11');
    await user.click(within(warning).getByRole('button', { name: 'Connect without remembering' }));
    expect(await organizationSwitcher('Demo Organization')).toBeVisible();
  });
});

/** The real keytar store on a Linux desktop whose keytar cannot reach a Secret Service. */
function unavailableKeychain(): CredentialStore {
  return createKeytarCredentialStore({ platform: 'linux', loadKeytar: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) });
}
