// The activity log service on its own (a folder, a clock, a session context): entries made
// whole from drafts, read back newest first through the filters, unreadable lines reported,
// refused drafts and failed writes never failing the change they record.
import { mkdtemp, readFile, rm, writeFile, appendFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_FOLDER, createActivityLog } from '../../../src/services/activity/activity-log';
import { activityQuerySchema, type ActivityContext, type ActivityDraft, type ActivityQuery } from '../../../src/shared/activity-log';
import { createCapturingLogger } from '../support/harness';

const HERE: ActivityContext = {
  server: 'https://api.jmapcloud.io',
  organization: { id: 'org-1', name: 'Demo Organization' },
  admin: { id: 'u-1', name: 'Ada Admin', email: 'ada@example.com' },
};
const ELSEWHERE: ActivityContext = { ...HERE, organization: { id: 'org-2', name: 'Other Organization' } };

const created = (title: string, id: string | null = `key-${title}`): ActivityDraft => ({
  action: 'create',
  apiKey: { id, title },
  role: 'ORG_EDITOR',
  expirationDate: '2027-01-01',
  outcome: { status: 'succeeded' },
});

let dir: string;
let clock: Date;
let context: ActivityContext | null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keydesk-activity-'));
  clock = new Date('2026-05-01T10:00:00.000Z');
  context = HERE;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function openLog(options: { maxBytes?: number; keepPrevious?: number } = {}) {
  const log = createCapturingLogger();
  let ids = 0;
  const activity = createActivityLog({ userDataDir: dir, context: () => context, now: () => clock, log, newId: () => `entry-${++ids}`, ...options });
  return { activity, log };
}
const query = (value: ActivityQuery = {}) => activityQuerySchema.parse(value);
const tick = (minutes: number): void => void (clock = new Date(clock.getTime() + minutes * 60_000));

describe('the activity log', () => {
  it('completes a draft with version, id, time, server, organization and admin, and reads it back', async () => {
    const { activity } = openLog();
    await activity.append(created('Parcels'));
    const page = await activity.read(query());
    expect(page.entries).toEqual([
      {
        v: 1,
        id: 'entry-1',
        at: '2026-05-01T10:00:00.000Z',
        ...HERE,
        ...created('Parcels'),
      },
    ]);
    expect(page).toMatchObject({ matching: 1, problems: { count: 0, first: [] }, writeFailure: null });
    const line = await readFile(join(dir, ACTIVITY_FOLDER, 'activity.jsonl'), 'utf8');
    expect(line.trim().split('\n')).toHaveLength(1);
  });

  it('lists newest first, counts every match and returns at most `limit` of them', async () => {
    const { activity } = openLog();
    for (const title of ['A', 'B', 'C', 'D']) {
      await activity.append(created(title));
      tick(1);
    }
    const page = await activity.read(query({ limit: 2 }));
    expect(page.entries.map((entry) => entry.apiKey.title)).toEqual(['D', 'C']);
    expect(page.matching).toBe(4);
  });

  it('keeps a flow’s context for every entry of the flow, even if the session changed meanwhile', async () => {
    const { activity } = openLog();
    const atStart = activity.context();
    context = ELSEWHERE;
    await activity.append(created('Started before the switch'), atStart);
    await activity.append(created('After the switch'));
    const everywhere = await activity.read(query({ scope: 'all' }));
    expect(everywhere.entries.map((entry) => [entry.apiKey.title, entry.organization.id])).toEqual([
      ['After the switch', 'org-2'],
      ['Started before the switch', 'org-1'],
    ]);
    // The default scope is the current organization (on its server).
    expect((await activity.read(query())).entries.map((entry) => entry.apiKey.title)).toEqual(['After the switch']);
  });

  it('writes nothing without a session, and refuses to read the organization’s entries without one', async () => {
    const { activity } = openLog();
    context = null;
    await activity.append(created('Nowhere'));
    await expect(activity.read(query())).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect((await activity.read(query({ scope: 'all' }))).entries).toEqual([]);
  });

  it('refuses a draft with a field the schema does not know (a secret passed by mistake), and logs only its path', async () => {
    const { activity, log } = openLog();
    const secret = 'kd_live_SENTINEL_SECRET_0123456789';
    await activity.append({ ...created('Leaky'), secret } as unknown as ActivityDraft);
    await activity.append({ ...created('Leaky'), apiKey: { id: 'k', title: 'Leaky', secret } } as unknown as ActivityDraft);
    expect((await activity.read(query())).entries).toEqual([]);
    expect(log.lines.join('\n')).not.toContain(secret);
    expect(log.lines.filter((line) => line.includes('does not fit its schema'))).toHaveLength(2);
    await expect(readFile(join(dir, ACTIVITY_FOLDER, 'activity.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports hand-edited, foreign and torn lines by file and line, and reads every other entry', async () => {
    const { activity } = openLog();
    await activity.append(created('First'));
    const path = join(dir, ACTIVITY_FOLDER, 'activity.jsonl');
    const good = (await readFile(path, 'utf8')).trim();
    const future = JSON.stringify({ ...JSON.parse(good), v: 2 });
    const edited = JSON.stringify({ ...JSON.parse(good), outcome: { status: 'maybe' } });
    await appendFile(path, `oops, not json\n${future}\n${edited}\n`);
    tick(1);
    await activity.append(created('Second'));
    await appendFile(path, '{"v":1,"id":"cut-sh');

    const page = await activity.read(query());
    expect(page.entries.map((entry) => entry.apiKey.title)).toEqual(['Second', 'First']);
    expect(page.problems.count).toBe(4);
    expect(page.problems.first).toEqual(
      expect.arrayContaining([
        { file: 'activity.jsonl', line: 2, reason: 'unreadable' },
        { file: 'activity.jsonl', line: 3, reason: 'invalid' },
        { file: 'activity.jsonl', line: 4, reason: 'invalid' },
        { file: 'activity.jsonl', line: 6, reason: 'torn' },
      ]),
    );
  });

  it('rotates by size and reads across the kept files', async () => {
    const { activity } = openLog({ maxBytes: 1_000, keepPrevious: 2 });
    for (let n = 1; n <= 12; n += 1) {
      await activity.append(created(`Key ${n}`));
      tick(1);
    }
    const page = await activity.read(query({ scope: 'all' }));
    // ~450 bytes an entry: two a file, three files kept.
    expect(page.entries.map((entry) => entry.apiKey.title)).toEqual(['Key 12', 'Key 11', 'Key 10', 'Key 9', 'Key 8', 'Key 7']);
    expect(page.problems.count).toBe(0);
  });

  it('never fails the change it records when the log cannot be written, and says so when read', async () => {
    // A file where the log's folder should be: every append fails.
    await writeFile(join(dir, ACTIVITY_FOLDER), 'in the way');
    const { activity, log } = openLog();
    await expect(activity.append(created('Unrecorded'))).resolves.toBeUndefined();
    await rm(join(dir, ACTIVITY_FOLDER));
    await mkdir(join(dir, ACTIVITY_FOLDER));
    const page = await activity.read(query());
    expect(page.writeFailure).toEqual({ at: '2026-05-01T10:00:00.000Z', fsCode: expect.stringMatching(/^E[A-Z]+$/) });
    expect(log.lines.some((line) => line.includes('The activity log could not be written'))).toBe(true);
  });

  it('lists at most 500 resources one by one (the counts cover the rest)', async () => {
    const { activity } = openLog();
    const resources = Array.from({ length: 700 }, (_, index) => ({
      type: 'DATA_SOURCE' as const,
      id: `ds-${index}`,
      name: `Source ${index}`,
      change: 'transferred' as const,
      done: true,
    }));
    await activity.append({
      action: 'transfer',
      apiKey: { id: 'k1', title: 'Big owner' },
      to: { id: 'm1', name: 'Maria Editor' },
      transferred: { dataSources: 700, projects: 0 },
      accessEntriesRemoved: 700,
      resources,
      outcome: { status: 'succeeded' },
    });
    const [entry] = (await activity.read(query())).entries;
    expect(entry?.action === 'transfer' && [entry.resources.length, entry.transferred.dataSources]).toEqual([500, 700]);
  });
});
