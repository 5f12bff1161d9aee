// Whatever a user types or pastes into KeyDesk's fields (issue 9): no uncaught error, no
// screen that fails, and no call that the contract refuses (INVALID_ARGUMENT means the form
// did not check before it called). Every text field of the sign-in forms, the keys page's
// search, the create wizard's name, the titles of "Edit…" and "Replace key…", the guided
// delete's confirmation and the Activity view's filters gets the hostile texts below, pasted
// as a clipboard would bring them, against the real services; the Activity view's dates and
// the keys' date filter get far years and days that do not exist, typed.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiKeyTitleSchema } from '@shared/api-types';
import type { ActivityQuery } from '@shared/activity-log';
import type { KeyDeskApi } from '@shared/ipc-contract';
import { DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { renderApp, setUpAppTests, type RenderedApp } from '../support/render-app';
import { DEMO_KEYS, findRow } from '../features/api-keys/keys-page-harness';

const keydesk = setUpAppTests();

// One of each kind (the list is typed into every field, so it stays short): blank, huge,
// control characters and NUL, pasted line breaks and tabs, half a surrogate pair, a
// right-to-left override and zero-width characters, astral and right-to-left letters,
// SQL/FTS syntax, markup and template syntax.
const HOSTILE_TEXTS: readonly string[] = [
  '   ',
  'x'.repeat(5000),
  'ab\u0000cd\u0007\u001b[2J',
  'line\r\nbreak\ttab',
  'lone\ud800half',
  'abc\u202etxt.exe\u200b\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🔑 مفتاح',
  "' OR 1=1 -- NEAR(a b) OR c* %_\\",
  '<script>alert(1)</script>{{7*7}}${x}__proto__',
];

// A little longer than each field's debounce (the keys page's search, the Activity view's
// filters, the wizard's check for a name already used).
const SEARCH_PAUSE_MS = 450;
const FILTER_PAUSE_MS = 350;
const DUPLICATE_CHECK_PAUSE_MS = 350;

type Trouble = { refusals: string[]; uncaught: string[]; inFlight: number; calls: { name: string; argument: unknown }[] };
let trouble: Trouble;
const onError = (event: ErrorEvent): void => void trouble.uncaught.push(`error: ${event.error instanceof Error ? event.error.name : String(event.message)}`);
const onRejection = (event: PromiseRejectionEvent): void => void trouble.uncaught.push(`unhandled rejection: ${String(event.reason)}`);

beforeEach(() => {
  trouble = { refusals: [], uncaught: [], inFlight: 0, calls: [] };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  // The screens' own boundary lines (a screen that failed) count as trouble too.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith('KeyDesk:')) trouble.uncaught.push(line.split('\n')[0] ?? line);
  });
  // Every call through the bridge is watched: a refusal of its argument is the form's fault.
  const api = window.keydesk as unknown as Record<string, unknown>;
  for (const [name, method] of Object.entries(api)) {
    if (typeof method !== 'function' || name === 'onMenuCommand') continue;
    api[name] = async (argument?: unknown) => {
      trouble.inFlight += 1;
      trouble.calls.push({ name, argument });
      try {
        const result = (await (method as (argument?: unknown) => Promise<unknown>)(argument)) as Awaited<ReturnType<KeyDeskApi['getSession']>>;
        if (!result.ok && result.error.code === 'INVALID_ARGUMENT') trouble.refusals.push(`${name}: ${result.error.message.slice(0, 160)}`);
        return result;
      } finally {
        trouble.inFlight -= 1;
      }
    };
  }
});
afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
});

/** Until the calls a change started are answered (`pauseMs`: long enough for a debounced one to start). */
async function settled(pauseMs = 0): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  await waitFor(() => expect(trouble.inFlight).toBe(0));
}

/** Puts `text` in the field as a paste would: what was there is replaced. */
async function paste(app: RenderedApp, field: HTMLElement, text: string): Promise<void> {
  await app.user.clear(field);
  if (text === '') return;
  await app.user.click(field);
  await app.user.paste(text);
}

function expectNoTrouble(where: string): void {
  expect({ where, refusals: trouble.refusals, uncaught: trouble.uncaught }).toEqual({ where, refusals: [], uncaught: [] });
}

async function openLocalOrganization(): Promise<RenderedApp> {
  const app = await renderApp();
  await app.user.click(await screen.findByRole('button', { name: 'Open local organization' }));
  await screen.findByRole('button', { name: 'Switch organization: Demo Organization' });
  return app;
}

describe('hostile typing', () => {
  it('in the JMap Cloud sign-in form', async () => {
    const app = await renderApp();
    const fields = {
      serverUrl: await screen.findByRole('textbox', { name: /Server URL/ }),
      email: screen.getByRole('textbox', { name: /Email/ }),
      password: screen.getByLabelText(/^Password/),
    };
    const valid = { serverUrl: keydesk().server.url, email: DEMO_USERS.secondAdmin.email, password: 'not-the-password' };
    for (const [name, field] of Object.entries(fields) as [keyof typeof fields, HTMLElement][]) {
      for (const text of HOSTILE_TEXTS) {
        for (const [other, otherField] of Object.entries(fields) as [keyof typeof fields, HTMLElement][]) {
          if (other !== name) fireEvent.change(otherField, { target: { value: valid[other] } });
        }
        await paste(app, field, text);
        await app.user.click(screen.getByRole('button', { name: 'Connect' }));
        await settled();
      }
      expectNoTrouble(`the ${name} field`);
    }
  });

  it('in the single sign-on form', async () => {
    const app = await renderApp();
    await app.user.click(await screen.findByRole('tab', { name: 'Single sign-on' }));
    const form = screen.getByRole('button', { name: 'Sign in with single sign-on' }).closest('form') as HTMLElement;
    for (const label of [/Server URL/, /Identity provider/, /Client ID/, /Audience/]) {
      const field = within(form).getByRole('textbox', { name: label });
      for (const text of HOSTILE_TEXTS) {
        await paste(app, field, text);
        await app.user.click(within(form).getByRole('button', { name: 'Sign in with single sign-on' }));
        await settled();
        // A sign-in that started (the browser opened, or its refusal said) is cancelled for the next text.
        const cancel = screen.queryByRole('button', { name: 'Cancel' });
        if (cancel) await app.user.click(cancel);
      }
      expectNoTrouble(`the ${String(label)} field`);
    }
  });

  it('in the keys page’s search', async () => {
    const app = await openLocalOrganization();
    const search = await screen.findByLabelText('Search API keys');
    for (const text of HOSTILE_TEXTS) {
      await paste(app, search, text);
      await settled(SEARCH_PAUSE_MS);
    }
    expectNoTrouble('the search');
    expect(screen.queryByRole('alert', { name: /ran into a problem/ })).not.toBeInTheDocument();
  });

  it('in the create wizard’s name', async () => {
    const app = await openLocalOrganization();
    for (const text of HOSTILE_TEXTS) {
      await app.user.click(screen.getByRole('button', { name: 'Create new API key' }));
      const dialog = await screen.findByRole('dialog', { name: 'Create new API key' });
      const name = within(dialog).getByRole('textbox', { name: /^Name/ });
      await paste(app, name, text);
      // The check for a key of the same name starts once typing stops.
      await settled(DUPLICATE_CHECK_PAUSE_MS);
      await app.user.click(within(dialog).getByRole('button', { name: '30 days' }));
      await app.user.click(within(dialog).getByRole('button', { name: 'Create' }));
      if (apiKeyTitleSchema.safeParse((name as HTMLInputElement).value).success) {
        await app.user.click(await within(dialog).findByRole('button', { name: 'Copy API key' }));
        await app.user.click(within(dialog).getByRole('button', { name: 'OK' }));
      } else {
        // Refused at the field, with a sentence, and nothing sent.
        expect(name).toHaveAttribute('aria-invalid', 'true');
        expect(name).toHaveAccessibleDescription(/name/i);
        await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      }
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create new API key' })).not.toBeInTheDocument());
      await settled();
    }
    expectNoTrouble('the name');
  });

  it('in the titles of "Edit…" and "Replace key…"', async () => {
    const app = await openLocalOrganization();
    const title = DEMO_KEYS.ownsNothing;
    const dialogs = [
      { action: 'Edit…', dialog: `Edit API key “${title}”`, field: 'Title', submit: 'Save' },
      { action: 'Replace key…', dialog: `Replace API key “${title}”`, field: 'Title of the new key', submit: 'Create new key' },
    ];
    for (const { action, dialog: dialogName, field: fieldName, submit } of dialogs) {
      await app.user.click(within(await findRow(title)).getByRole('button', { name: `Actions for ${title}` }));
      await app.user.click(await screen.findByRole('menuitem', { name: action }));
      const dialog = await screen.findByRole('dialog', { name: dialogName });
      const field = within(dialog).getByRole('textbox', { name: fieldName });
      for (const text of HOSTILE_TEXTS) {
        await paste(app, field, text);
        const refused = !apiKeyTitleSchema.safeParse((field as HTMLInputElement).value).success;
        // Refused at the field, with a sentence, and not to be sent; any other title may be.
        expect(field, `${action} ${JSON.stringify(text.slice(0, 20))}`).toHaveAttribute('aria-invalid', String(refused));
        if (refused) expect(field).toHaveAccessibleDescription(/name/i);
        expect(within(dialog).getByRole('button', { name: submit })).toHaveProperty('disabled', refused);
      }
      await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog', { name: dialogName })).not.toBeInTheDocument());
    }
    await settled();
    expectNoTrouble('the titles of Edit and Replace');
  });

  it('in the guided delete’s confirmation', async () => {
    const app = await openLocalOrganization();
    const title = DEMO_KEYS.ownsSoleOnly;
    await app.user.click(within(await findRow(title)).getByRole('button', { name: `Actions for ${title}` }));
    await app.user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: `Delete API key “${title}”?` });
    await app.user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await app.user.click(await within(dialog).findByRole('radio', { name: 'Delete the resources with the key' }));
    const confirm = within(dialog).getByRole('textbox', { name: 'Title of the API key' });
    for (const text of HOSTILE_TEXTS) {
      await paste(app, confirm, text);
      expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeDisabled();
    }
    await settled();
    expectNoTrouble('the guided delete');
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await findRow(title)).toBeInTheDocument();
  });

  it('in the Activity view’s filters', async () => {
    const app = await openLocalOrganization();
    await app.user.click(screen.getByRole('tab', { name: 'Activity' }));
    for (const [role, label] of [['textbox', 'Key'], ['searchbox', 'Search entries']] as const) {
      const field = await screen.findByRole(role, { name: label });
      for (const text of HOSTILE_TEXTS) {
        await paste(app, field, text);
        await settled(FILTER_PAUSE_MS);
      }
      await paste(app, field, '');
      expectNoTrouble(`the ${label} filter`);
    }
  });
});

/** Typed into a date field section by section (month, day, year in English): far years, year one, days that do not exist. */
const HOSTILE_DATES: readonly string[] = ['12319999', '01010001', '06150099', '02302024', '00000000'];

describe('hostile dates', () => {
  it('in the Activity view’s range', async () => {
    const app = await openLocalOrganization();
    await app.user.click(screen.getByRole('tab', { name: 'Activity' }));
    for (const label of ['From', 'To']) {
      const field = (): HTMLElement => screen.getByRole('group', { name: label });
      for (const typed of HOSTILE_DATES) {
        await app.user.click(within(field()).getByRole('spinbutton', { name: 'Month' }));
        await app.user.keyboard(typed);
        await settled();
        // Said at the field, and not applied (no query the services refuse, none for year 1901 instead of 0001).
        expect(field(), typed).toHaveAccessibleDescription('Enter a date from 2000 to 2099.');
        // Cleared for the next date (every section selected, then erased), and left.
        await app.user.keyboard('{Control>}a{/Control}{Backspace}');
        await app.user.click(document.body);
        await settled();
      }
      expectNoTrouble(`the ${label} date`);
    }
    const years = trouble.calls
      .filter((call) => call.name === 'listActivity')
      .flatMap(({ argument }) => [(argument as ActivityQuery).from, (argument as ActivityQuery).before])
      .filter((instant) => instant !== undefined)
      .map((instant) => new Date(instant).getFullYear());
    expect(years.filter((year) => year < 2000 || year > 2100)).toEqual([]);
  });

  it('in the keys’ expiration filter, between two dates', async () => {
    const app = await openLocalOrganization();
    await findRow(DEMO_KEYS.ownsSoleOnly);
    for (const label of ['From', 'To']) {
      for (const typed of HOSTILE_DATES) {
        await app.user.click(screen.getByRole('button', { name: 'Filter' }));
        await app.user.click(await screen.findByRole('menuitem', { name: 'Expiration date' }));
        const editor = await screen.findByRole('form', { name: 'Filter by Expiration date' });
        await app.user.click(within(editor).getByRole('radio', { name: 'Between two dates' }));
        await app.user.click(within(within(editor).getByRole('group', { name: label })).getByRole('spinbutton', { name: 'Month' }));
        await app.user.keyboard(typed);
        await app.user.click(within(editor).getByRole('button', { name: 'Apply' }));
        await settled();
        // Refused in the editor, which stays open saying why (a day that does not exist leaves the field empty).
        expect(within(editor).getByRole('alert').textContent, typed).toMatch(/^(Enter dates from 2000 to 2099\.|Choose a start, an end or both\.)$/);
        await app.user.click(within(editor).getByRole('button', { name: 'Cancel' }));
        await waitFor(() => expect(screen.queryByRole('form', { name: 'Filter by Expiration date' })).toBeNull());
      }
      expectNoTrouble(`the ${label} date`);
    }
    expect(trouble.calls.filter((call) => call.name === 'listApiKeys' && JSON.stringify(call.argument).includes('expires'))).toEqual([]);
  });
});
