import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { createProfileStore } from '../../../src/services/connections/profile-store';
import { createSettingsStore } from '../../../src/services/settings/settings-store';
import { createMemoryCredentialStore } from '../../../src/services/credentials/memory-credential-store';
import { createDispatcher } from '../../../src/services/dispatch/dispatcher';
import { createKeyDeskServices } from '../../../src/services/keydesk-services';
import type { Logger } from '../../../src/services/logger';
import { createCapturingLogger, createMemoryClipboard } from '../support/harness';

const AT = new Date('2026-03-04T05:06:07.089Z');
const now = () => AT;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keydesk-storage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The services over the test's user-data folder; no server is needed for the files. */
function startServices(log?: Logger, onSettingsChanged?: (settings: Settings) => void) {
  return createKeyDeskServices({
    fetch,
    credentialStore: createMemoryCredentialStore(),
    userDataDir: dir,
    clipboard: createMemoryClipboard(),
    localOrganization: { start: () => Promise.reject(new Error('unused')), stop: async () => undefined },
    appInfo: { name: 'KeyDesk', version: '0.0.0-test', host: 'web', platform: process.platform },
    updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
    now,
    log,
    onSettingsChanged,
  });
}

const profile = {
  id: 'c1',
  label: 'Demo Organization (admin@demo.local)',
  serverUrl: 'https://api.jmapcloud.io',
  organizationId: 'o1',
  organizationName: 'Demo Organization',
  username: 'admin@demo.local',
  remembered: false,
  lastUsedAt: null,
};

describe('the profiles file', () => {
  it('moves a corrupt file aside, reports it, and starts empty', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version": 1, "connections": [ {"id": "trunc');
    const log = createCapturingLogger();
    const store = createProfileStore({ userDataDir: dir, now, log });

    expect(await store.list()).toEqual([]);
    const aside = join(dir, 'profiles.corrupt-2026-03-04T05-06-07-089Z.json');
    expect(store.recovery).toEqual({ movedTo: aside, reason: 'unparseable' });
    expect(await readFile(aside, 'utf8')).toContain('trunc');
    expect(log.lines.some((line) => line.includes('"level":"warn"') && line.includes('profiles.corrupt-'))).toBe(true);

    await store.save(profile);
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))).toEqual({ version: 1, connections: [profile] });
  });

  it('moves a corrupt file aside once when first asked twice at the same time', async () => {
    await writeFile(join(dir, 'profiles.json'), '{ not json');
    const store = createProfileStore({ userDataDir: dir, now });
    expect(await Promise.all([store.list(), store.list()])).toEqual([[], []]);
    expect(store.recovery?.reason).toBe('unparseable');
    expect((await readdir(dir)).sort()).toEqual(['profiles.corrupt-2026-03-04T05-06-07-089Z.json']);
  });

  it('refuses a file that does not fit the schema (a stray password field included)', async () => {
    const withSecret = { version: 1, connections: [{ ...profile, password: 'hunter2' }] };
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(withSecret));
    const store = createProfileStore({ userDataDir: dir, now });
    expect(await store.list()).toEqual([]);
    expect(store.recovery?.reason).toBe('invalid');
  });

  it('writes atomically, keeps the order, and leaves no temporary file behind', async () => {
    const store = createProfileStore({ userDataDir: dir, now });
    await Promise.all([store.save(profile), store.save({ ...profile, id: 'c2' }), store.save({ ...profile, id: 'c3' })]);
    await store.save({ ...profile, label: 'Renamed' });
    expect((await store.list()).map(({ id, label }) => [id, label])).toEqual([
      ['c1', 'Renamed'],
      ['c2', profile.label],
      ['c3', profile.label],
    ]);
    expect(await readdir(dir)).toEqual(['profiles.json']);
    const reread = createProfileStore({ userDataDir: dir, now });
    expect(await reread.list()).toHaveLength(3);
    expect(await reread.find('https://api.jmapcloud.io', 'ADMIN@demo.local', 'password')).toMatchObject({ id: 'c1' });
    expect(await reread.find('https://api.jmapcloud.io', 'admin@demo.local', 'sso')).toBeNull();
    expect(await reread.remove('c2')).toBe(true);
    expect(await reread.remove('c2')).toBe(false);
  });
});

describe('the settings file', () => {
  it('falls back to defaults with an invalid file kept aside', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple' }));
    const store = createSettingsStore({ userDataDir: dir, now });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery?.reason).toBe('invalid');
    expect((await readdir(dir)).sort()).toEqual(['settings.corrupt-2026-03-04T05-06-07-089Z.json']);
  });

  it('saves a valid change and refuses an invalid one without touching the file', async () => {
    const store = createSettingsStore({ userDataDir: dir, now });
    expect(await store.update({ theme: 'dark', clipboardClearSeconds: 20 })).toMatchObject({ theme: 'dark', clipboardClearSeconds: 20 });
    const written = await readFile(join(dir, 'settings.json'), 'utf8');
    await expect(store.update({ clipboardClearSeconds: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(written);
    expect(await createSettingsStore({ userDataDir: dir, now }).get()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 20 });
  });

  it('changes only the settings a patch names, through the dispatcher as the renderer sends it', async () => {
    const services = startServices();
    const dispatch = createDispatcher(services.handlers);
    await dispatch('updateSettings', { theme: 'dark', clipboardClearSeconds: 20 });
    const expected = { ...DEFAULT_SETTINGS, theme: 'dark', clipboardClearSeconds: 20, language: 'fr' };
    expect(await dispatch('updateSettings', { language: 'fr' })).toEqual({ ok: true, value: expected });
    expect(await createSettingsStore({ userDataDir: dir, now }).get()).toEqual(expected);
    await services.dispose();
  });

  it('is fully written before the services finish shutting down, when changed just before', async () => {
    const services = startServices();
    // The app quits (or a test ends) while the theme switch is still being written.
    const switched = services.handlers.updateSettings({ theme: 'dark' });
    await services.dispose();
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    await switched;
  });

  it('tells the host of each saved change (Electron relabels its menu), and not of a refused one', async () => {
    const told: Settings[] = [];
    const services = startServices(undefined, (settings) => told.push(settings));
    await services.handlers.updateSettings({ language: 'fr' });
    await expect(createDispatcher(services.handlers)('updateSettings', { language: 'de' })).resolves.toMatchObject({ ok: false });
    expect(told).toEqual([{ ...DEFAULT_SETTINGS, language: 'fr' }]);
    await services.dispose();
  });

  it('keeps both of two changes made at the same time', async () => {
    const store = createSettingsStore({ userDataDir: dir, now });
    await Promise.all([store.update({ theme: 'dark' }), store.update({ language: 'fr' })]);
    expect(await store.get()).toMatchObject({ theme: 'dark', language: 'fr' });
    expect(await createSettingsStore({ userDataDir: dir, now }).get()).toMatchObject({ theme: 'dark', language: 'fr' });
  });
});

describe('file-system failures', () => {
  it('are AppErrors that say which file and why, and change nothing', async () => {
    await writeFile(join(dir, 'not-a-folder'), '');
    const unwritable = createSettingsStore({ userDataDir: join(dir, 'not-a-folder', 'KeyDesk'), now });
    await expect(unwritable.update({ theme: 'dark' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/^KeyDesk could not (read|write) .*settings\.json \(ENOTDIR\)/),
    });

    await mkdir(join(dir, 'profiles.json'));
    const unreadable = createProfileStore({ userDataDir: dir, now });
    await expect(unreadable.list()).rejects.toMatchObject({ code: 'INTERNAL', details: { fsCode: 'EISDIR' } });
    expect((await readdir(dir)).sort()).toEqual(['not-a-folder', 'profiles.json']);
  });
});

describe('the services over a corrupt user-data folder', () => {
  it('start, answer with defaults, and report both files they moved aside', async () => {
    await writeFile(join(dir, 'profiles.json'), '\u0000\u0000 not json');
    await writeFile(join(dir, 'settings.json'), '{"theme": "dark", "clipboardClearSeconds": "soon"}');
    const log = createCapturingLogger();
    const services = startServices(log);
    // Asked first, as the app does at start: it reads both files itself.
    const recoveries = await services.handlers.listFileRecoveries(undefined);
    expect(recoveries.map(({ file, reason }) => ({ file, reason }))).toEqual([
      { file: 'connections', reason: 'unparseable' },
      { file: 'settings', reason: 'invalid' },
    ]);
    expect(recoveries.every(({ movedTo }) => movedTo.startsWith(dir) && movedTo.includes('.corrupt-'))).toBe(true);
    expect(await services.handlers.listConnections(undefined)).toEqual([]);
    expect(await services.handlers.getSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(log.lines.filter((line) => line.includes('moved aside'))).toHaveLength(2);
    await services.dispose();
  });
});
