// The activity entry schema (what a line must be) and the Activity view's filters.
import { describe, expect, it } from 'vitest';
import { activityEntrySchema, activityQuerySchema, matchesActivityQuery, type ActivityEntry, type ActivityQuery } from '../../src/shared/activity-log';

const base = {
  v: 1 as const,
  id: 'e1',
  at: '2026-05-01T10:00:00.000Z',
  server: 'https://api.jmapcloud.io',
  organization: { id: 'org-1', name: 'Demo Organization' },
  admin: { id: 'u-1', name: 'Ada Admin', email: 'ada@example.com' },
};
const create: ActivityEntry = {
  ...base,
  action: 'create',
  apiKey: { id: 'key-1', title: 'Nightly export' },
  role: 'ORG_VIEWER',
  expirationDate: '2027-01-01',
  outcome: { status: 'succeeded' },
};
const failedDelete: ActivityEntry = {
  ...base,
  id: 'e2',
  at: '2026-05-03T08:00:00.000Z',
  action: 'delete',
  apiKey: { id: 'key-2', title: 'Parcels sync' },
  resourcesFate: 'transfer',
  transferTo: { id: 'm-1', name: 'Maria Editor' },
  transferred: { dataSources: 0, projects: 0 },
  deleted: { dataSources: 0, projects: 0, layers: 0 },
  accessEntriesRemoved: 0,
  resources: [{ type: 'PROJECT', id: 'p-1', name: 'Roads of Québec', change: 'transferred', done: false }],
  outcome: { status: 'failed', errorCode: 'NETWORK' },
};

const matches = (entry: ActivityEntry, query: ActivityQuery) => matchesActivityQuery(entry, activityQuerySchema.parse(query), () => true);

describe('an activity entry', () => {
  it('is one of the known actions, with every field it needs', () => {
    expect(activityEntrySchema.safeParse(create).success).toBe(true);
    expect(activityEntrySchema.safeParse(failedDelete).success).toBe(true);
    expect(activityEntrySchema.safeParse({ ...create, action: 'rename' }).success).toBe(false);
    const { role: _role, ...withoutRole } = create as Extract<ActivityEntry, { action: 'create' }>;
    expect(activityEntrySchema.safeParse(withoutRole).success).toBe(false);
  });

  it('holds no field it does not list: a secret cannot ride along', () => {
    expect(activityEntrySchema.safeParse({ ...create, secret: 'kd_live_x' }).success).toBe(false);
    expect(activityEntrySchema.safeParse({ ...create, apiKey: { ...create.apiKey, secret: 'kd_live_x' } }).success).toBe(false);
  });

  it('names errors by code only, never by a sentence', () => {
    expect(activityEntrySchema.safeParse({ ...failedDelete, outcome: { status: 'failed', errorCode: 'Could not reach the server' } }).success).toBe(false);
    expect(activityEntrySchema.safeParse({ ...failedDelete, outcome: { status: 'failed', errorCode: 'CONFLICT', serverCode: 'RESOURCES_OWNED' } }).success).toBe(true);
  });

  it('refuses a version it does not know', () => {
    expect(activityEntrySchema.safeParse({ ...create, v: 2 }).success).toBe(false);
  });
});

describe('the Activity view’s filters', () => {
  it('match everything when empty', () => {
    expect(matches(create, {})).toBe(true);
  });

  it('filter by action and outcome', () => {
    expect(matches(create, { actions: ['delete'] })).toBe(false);
    expect(matches(failedDelete, { actions: ['delete', 'transfer'], outcomes: ['failed', 'partial'] })).toBe(true);
    expect(matches(create, { outcomes: ['failed'] })).toBe(false);
  });

  it('filter by key: its exact id, or part of its title in any case', () => {
    expect(matches(create, { apiKey: 'key-1' })).toBe(true);
    expect(matches(create, { apiKey: 'key' })).toBe(false);
    expect(matches(create, { apiKey: 'NIGHTLY' })).toBe(true);
  });

  it('filter by a time range [from, before)', () => {
    expect(matches(create, { from: '2026-05-01T10:00:00.000Z' })).toBe(true);
    expect(matches(create, { before: '2026-05-01T10:00:00.000Z' })).toBe(false);
    expect(matches(failedDelete, { from: '2026-05-02T00:00:00Z', before: '2026-05-04T00:00:00+02:00' })).toBe(true);
  });

  it('search any text of the entry: admin, member, resource names, error codes', () => {
    expect(matches(failedDelete, { text: 'maria' })).toBe(true);
    expect(matches(failedDelete, { text: 'québec' })).toBe(true);
    expect(matches(failedDelete, { text: 'network' })).toBe(true);
    expect(matches(create, { text: 'ada@example' })).toBe(true);
    expect(matches(create, { text: 'maria' })).toBe(false);
  });

  it('refuse a range that ends before it starts, control characters and a limit out of bounds', () => {
    expect(activityQuerySchema.safeParse({ from: '2026-05-02T00:00:00Z', before: '2026-05-01T00:00:00Z' }).success).toBe(false);
    expect(activityQuerySchema.safeParse({ text: 'a\u0000b' }).success).toBe(false);
    expect(activityQuerySchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(activityQuerySchema.safeParse({ limit: 20_001 }).success).toBe(false);
    expect(activityQuerySchema.safeParse({ actions: ['rename'] }).success).toBe(false);
  });
});
