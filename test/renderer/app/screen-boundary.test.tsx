// A screen that fails to render says so with ways on, and the rest of the window keeps
// working (issue 9: "not a blank window"); dialogs: features/api-keys/dialog-boundary.test.tsx.
// The failures are made on purpose: one component of each place throws while its flag is up
// (the only stand-ins in these tests).
import { createElement } from 'react';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, setUpAppTests, type RenderedApp } from '../support/render-app';

const failing = vi.hoisted(() => ({ grid: false, activity: false, connection: false }));

/** The module's component, throwing while `failing[flag]` is up. */
function failingWhile<M extends Record<string, unknown>>(original: M, name: keyof M & string, flag: keyof typeof failing): M {
  const Real = original[name] as (props: object) => React.ReactNode;
  const Wrapped = (props: object): React.ReactNode => {
    if (failing[flag]) throw new Error('a render failure quoting SENTINEL-typed-text');
    return createElement(Real, props);
  };
  return { ...original, [name]: Wrapped };
}

// A leaf of the page: a component that gives context to others (the grid to its toolbar)
// would, mocked, give it from a second copy of the module.
vi.mock('@renderer/features/api-keys/components/grid/outage-alert', async (importOriginal) =>
  failingWhile(await importOriginal<Record<string, unknown>>(), 'OutageAlert', 'grid'),
);
vi.mock('@renderer/features/activity/components/activity-grid', async (importOriginal) =>
  failingWhile(await importOriginal<Record<string, unknown>>(), 'ActivityGrid', 'activity'),
);
vi.mock('@renderer/features/connections/components/connection-screen', async (importOriginal) =>
  failingWhile(await importOriginal<Record<string, unknown>>(), 'ConnectionScreen', 'connection'),
);

setUpAppTests();
let logged: string[] = [];
afterEach(() => {
  Object.assign(failing, { grid: false, activity: false, connection: false });
  vi.restoreAllMocks();
});

function captureErrors(): void {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
}

async function openLocalOrganization(): Promise<RenderedApp> {
  const app = await renderApp();
  await app.user.click(await screen.findByRole('button', { name: 'Open local organization' }));
  await screen.findByRole('button', { name: 'Switch organization: Demo Organization' });
  return app;
}

const problem = () => screen.findByRole('alert', { name: 'This part of KeyDesk ran into a problem' });

describe('a screen that fails to render', () => {
  it('says so in the keys page’s place, with "Try again" and "Sign out", the app bar still working', async () => {
    captureErrors();
    failing.grid = true;
    const { user } = await openLocalOrganization();
    const panel = await problem();
    expect(panel).toHaveTextContent('nothing in your organization was changed');
    expect(screen.getByRole('button', { name: 'Switch organization: Demo Organization' })).toBeEnabled();
    // Our line says where and what kind, never the message (it may quote what the user typed).
    // (React's own report, switched off in main.tsx, is not ours.)
    const ours = logged.filter((line) => line.startsWith('KeyDesk:'));
    expect(ours.join('\n')).toContain('KeyDesk: the keys page failed to render (Error).');
    expect(ours.join('\n')).not.toContain('SENTINEL');

    failing.grid = false;
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('grid')).toBeVisible();
    expect(screen.queryByRole('alert', { name: 'This part of KeyDesk ran into a problem' })).not.toBeInTheDocument();
  });

  it('offers to sign out of a keys page that keeps failing', async () => {
    captureErrors();
    failing.grid = true;
    const { user } = await openLocalOrganization();
    await user.click(within(await problem()).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
  });

  it('takes the admin back to the keys from an Activity view that fails', async () => {
    captureErrors();
    failing.activity = true;
    const { user } = await openLocalOrganization();
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    await user.click(within(await problem()).getByRole('button', { name: 'Back to the keys' }));
    expect(screen.getByRole('tab', { name: 'API keys' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  });

  it('says so in the connection screen’s place, and tries again', async () => {
    captureErrors();
    failing.connection = true;
    const { user } = await renderApp();
    const panel = await problem();
    expect(within(panel).getByRole('button', { name: 'Reload' })).toBeVisible();
    failing.connection = false;
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
  });
});
