// The keys grid's layout and saved views in the settings file: kept across restarts,
// validated on every read and every change; a bad file is moved aside as any other.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRID_LAYOUT, gridFiltersSchema, savedViewsSchema, type SavedView } from '../../../src/shared/grid-settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createSettingsStore } from '../../../src/services/settings/settings-store';

const AT = new Date('2026-03-04T05:06:07.089Z');
const now = () => AT;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keydesk-grid-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const view: SavedView = {
  id: 'v1',
  name: 'Editors expiring this quarter',
  filters: { role: 'ORG_EDITOR', expires: { kind: 'next-days', days: 90 }, lastUse: { kind: 'not-in-days', days: 30 }, title: 'sync' },
  sort: { field: 'expirationDate', direction: 'asc' },
};

describe('the grid in the settings file', () => {
  it('starts with the default layout and no view, also from a file written before they existed', async () => {
    expect(DEFAULT_SETTINGS.grid).toEqual({ hiddenColumns: [], columnWidths: {}, density: 'standard', pageSize: 100, sort: { field: 'creationDate', direction: 'desc' } });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark' }));
    const settings = await createSettingsStore({ userDataDir: dir, now }).get();
    expect(settings).toMatchObject({ theme: 'dark', grid: DEFAULT_GRID_LAYOUT, views: [] });
  });

  it('keeps the layout and the views across a restart, each change alone', async () => {
    const store = createSettingsStore({ userDataDir: dir, now });
    const grid = { ...DEFAULT_GRID_LAYOUT, hiddenColumns: ['id' as const], columnWidths: { title: 320 }, density: 'compact' as const, pageSize: 25 as const };
    await store.update({ grid });
    await store.update({ views: [view] });
    await store.update({ theme: 'light' });
    expect(await createSettingsStore({ userDataDir: dir, now }).get()).toMatchObject({ theme: 'light', grid, views: [view] });
  });

  it.each([
    ['a hidden title', { grid: { ...DEFAULT_GRID_LAYOUT, hiddenColumns: ['title'] } }],
    ['an unknown column', { grid: { ...DEFAULT_GRID_LAYOUT, hiddenColumns: ['secret'] } }],
    ['a width of 5 px', { grid: { ...DEFAULT_GRID_LAYOUT, columnWidths: { title: 5 } } }],
    ['a page of 1000', { grid: { ...DEFAULT_GRID_LAYOUT, pageSize: 1000 } }],
    ['a view without a name', { views: [{ ...view, name: '  ' }] }],
    ['two views of one name', { views: [view, { ...view, id: 'v2', name: 'EDITORS expiring this quarter' }] }],
    ['a range ending before it starts', { views: [{ ...view, filters: { created: { kind: 'between', from: '2026-05-01', to: '2026-04-01' } } }] }],
    ['an empty range', { views: [{ ...view, filters: { created: { kind: 'between', from: null, to: null } } }] }],
    ['0 days', { views: [{ ...view, filters: { lastUse: { kind: 'not-in-days', days: 0 } } }] }],
    ['an unknown filter', { views: [{ ...view, filters: { colour: 'blue' } }] }],
  ])('refuses %s and leaves the file as it was', async (_case, patch) => {
    const store = createSettingsStore({ userDataDir: dir, now });
    await store.update({ views: [view] });
    const written = await readFile(join(dir, 'settings.json'), 'utf8');
    await expect(store.update(patch as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(written);
  });

  it('moves a file with a bad view aside and starts from the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', views: [{ id: 'x', name: 'Broken', filters: { role: 'ORG_ADMIN' }, sort: view.sort }] }));
    const store = createSettingsStore({ userDataDir: dir, now });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery?.reason).toBe('invalid');
    expect(await readdir(dir)).toEqual(['settings.corrupt-2026-03-04T05-06-07-089Z.json']);
  });

  it('trims filter texts and view names', () => {
    expect(gridFiltersSchema.parse({ title: '  sync ' })).toEqual({ title: 'sync' });
    expect(savedViewsSchema.parse([{ ...view, name: ' Mine ' }])[0]?.name).toBe('Mine');
  });
});
