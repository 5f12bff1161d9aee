// The expiry watch's banner in the whole app, against the real services (the demo seed has
// 5 keys expiring within 14 days and 4 expired): its counts, "Show them" applying the
// grid's view, a notification's click (a menu command) doing the same from the Activity
// view, "When to warn…" changing the days, hiding it, and a rotation's ended overlap.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp, setUpAppTests, type RenderedApp } from '../../support/render-app';
import { visibleTitles } from '../api-keys/keys-page-harness';

// The services' clock: a test moves it past a rotation's "keep both until".
let offsetMs = 0;
const keydesk = setUpAppTests({ now: () => new Date(Date.now() + offsetMs) });
beforeEach(() => {
  offsetMs = 0;
});
const DAY = 86_400_000;

async function connect(): Promise<RenderedApp> {
  const app = await renderApp();
  await app.user.click(await screen.findByRole('button', { name: 'Open local organization' }));
  return app;
}

const banner = (): Promise<HTMLElement> => screen.findByRole('region', { name: 'Expiring keys' });
const statuses = (): string[] => screen.queryAllByRole('row').map((row) => row.querySelector('[data-field="status"]')?.textContent ?? '').filter((text) => text !== '' && text !== 'Status');

describe('the expiry banner', () => {
  it('says how many keys expire within the warning days and have expired, and shows them', async () => {
    const { user } = await connect();
    const region = await banner();
    expect(within(region).getByText('5 keys expire within 14 days —')).toBeVisible();
    expect(within(region).getByText('4 keys have expired —')).toBeVisible();

    await user.click(within(region).getByRole('button', { name: 'Show them — 4 keys have expired' }));
    await waitFor(() => expect(visibleTitles()).toHaveLength(4));
    expect(new Set(statuses())).toEqual(new Set(['Expired']));

    await user.click(within(region).getByRole('button', { name: 'Show them — 5 keys expire within 14 days' }));
    await waitFor(() => expect(visibleTitles()).toHaveLength(5));
    expect(new Set(statuses())).toEqual(new Set(['Expiring soon']));
  });

  it('shows the keys when a desktop notification is clicked, from the Activity view too', async () => {
    const { user } = await connect();
    await banner();
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    await screen.findByRole('heading', { name: 'Activity', level: 1 });
    keydesk().sendMenuCommand('show-expired-keys');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'API keys' })).toHaveAttribute('aria-selected', 'true'));
    await waitFor(() => expect(visibleTitles()).toHaveLength(4));
  });

  it('follows "When to warn…": 30 days counts one more key; a number out of bounds is refused', async () => {
    const { user } = await connect();
    await user.click(within(await banner()).getByRole('button', { name: 'When to warn…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Expiry warnings' });
    const field = within(dialog).getByRole('textbox', { name: 'Warn me this many days before a key expires' });
    await user.clear(field);
    await user.type(field, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter a whole number of days from 1 to 90.')).toBeVisible();
    await user.clear(field);
    await user.type(field, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(await within(await banner()).findByText('6 keys expire within 30 days —')).toBeVisible();
    expect((await keydesk().services.handlers.getSettings(undefined)).expiryWarningDays).toBe(30);
  });

  it('counts again once the keys may have changed (Refresh), not for a sort or another page', async () => {
    const { user } = await connect();
    expect(within(await banner()).getByText('5 keys expire within 14 days —')).toBeVisible();
    // A key made elsewhere (another admin, the portal), expiring in 3 days.
    const { handlers } = keydesk().services;
    const made = await handlers.createApiKey({ title: 'Made elsewhere', role: 'ORG_VIEWER', expirationDate: new Date(Date.now() + 3 * DAY).toISOString(), idempotencyKey: crypto.randomUUID() });
    await handlers.forgetSecret({ apiKeyId: made.apiKey.id });
    const asked = (): number => keydesk().calls.filter((method) => method === 'getExpiryStatus').length;
    const before = asked();

    await user.click(screen.getByRole('columnheader', { name: /^Title/ }).querySelector('.MuiDataGrid-columnHeaderTitle') as HTMLElement);
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /^Title/ })).toHaveAttribute('aria-sort', 'ascending'));
    expect(asked()).toBe(before);
    expect(within(await banner()).getByText('5 keys expire within 14 days —')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await within(await banner()).findByText('6 keys expire within 14 days —')).toBeVisible();
  });

  it('opens "Expiry warnings…" from the account menu too, and hides the banner until the counts change', async () => {
    const { user } = await connect();
    const region = await banner();
    await user.click(within(region).getByRole('button', { name: 'Hide until the counts change' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Expiring keys' })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: /^Account: / }));
    await user.click(screen.getByRole('menuitem', { name: 'Expiry warnings…' }));
    expect(await screen.findByRole('dialog', { name: 'Expiry warnings' })).toBeVisible();
  });

  it('names the old key of a rotation kept past its date; "Show it" and the reminder open the replacements', async () => {
    const { user } = await connect();
    await banner();
    const { handlers } = keydesk().services;
    const old = (await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'title', sortDirection: 'asc', search: 'Tree inventory' })).content.find((key) => key.title === 'Tree inventory');
    if (!old) throw new Error('no demo key Tree inventory');
    const { rotation } = await handlers.startRotation({ apiKeyId: old.id, title: 'Tree inventory (2027)', expirationDate: new Date(Date.now() + 300 * DAY).toISOString(), idempotencyKey: crypto.randomUUID() });
    await handlers.grantRotationAccess({ rotationId: rotation.id });
    await handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'keep-until', until: new Date(Date.now() + DAY).toISOString() } });
    // Two days later, the next check (here: the setting saved again) finds the overlap ended.
    offsetMs = 2 * DAY;
    await handlers.updateSettings({ expiryWarningDays: 14 });
    window.dispatchEvent(new Event('focus'));

    const line = await within(await banner()).findByRole('button', { name: /^Show it — “Tree inventory” was kept beside its replacement “Tree inventory \(2027\)” until .+: it can be deleted now$/ });
    await user.click(line);
    const replacements = await screen.findByRole('dialog', { name: 'Key replacements' });
    expect(await within(replacements).findByText('Tree inventory → Tree inventory (2027)')).toBeVisible();
    await user.click(within(replacements).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The reminder's click, from the Activity view: the keys come forward with the replacements.
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    keydesk().sendMenuCommand('show-ended-overlaps');
    expect(await screen.findByRole('dialog', { name: 'Key replacements' })).toBeVisible();
    // Behind the dialog (hidden from the accessibility tree while it is open).
    expect(screen.getByRole('tab', { name: 'API keys', hidden: true })).toHaveAttribute('aria-selected', 'true');
  });
});
