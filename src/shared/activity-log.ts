// The activity log's one entry schema: every change KeyDesk makes to an organization (a key
// created, deleted, its resources transferred, edited, rotated; bulk actions) is
// one JSON line of this shape in the user-data folder. A discriminated union by `action`:
// a new kind of change is one more member below (and its words in the Activity view).
//
// What an entry never holds: a secret, a token, a password. The schemas are strict, so a
// field that is not listed here (a `secret` passed by mistake) is refused, not written.
import { z } from 'zod';
import { hasControlCharacters, isoDateTimeSchema } from './api-types';
import { apiKeyRoleSchema } from './roles';

/** Written in every entry; a reader refuses (reports) a version it does not know. */
export const ACTIVITY_LOG_VERSION = 1;

const id = z.string().min(1).max(200);
const name = z.string().max(1000);
/** An AppError code (`NETWORK`, `CONFLICT`, …) or a server's (`RESOURCES_OWNED`): never a message. */
const errorCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);
const count = z.number().int().min(0);

/** succeeded; failed (nothing changed); partly done (some of it changed, see the entry's resources). */
export const ACTIVITY_OUTCOMES = ['succeeded', 'failed', 'partial'] as const;
export type ActivityOutcomeStatus = (typeof ACTIVITY_OUTCOMES)[number];

export const activityOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('succeeded') }),
  z.strictObject({ status: z.literal('failed'), errorCode, serverCode: errorCode.optional() }),
  z.strictObject({ status: z.literal('partial'), errorCode, serverCode: errorCode.optional() }),
]);
export type ActivityOutcome = z.infer<typeof activityOutcomeSchema>;

export const ACTIVITY_RESOURCE_TYPES = ['DATA_SOURCE', 'PROJECT', 'LAYER'] as const;
/**
 * What happened to one resource: `transferred` (the member became an owner), `deleted`,
 * `access-removed` (the key's entries on it), `access-granted` (a rotation's new key).
 */
export const ACTIVITY_RESOURCE_CHANGES = ['transferred', 'deleted', 'access-removed', 'access-granted'] as const;
/** At most this many resources are listed one by one in an entry; the counts cover the rest. */
export const MAX_LISTED_RESOURCES = 500;

export const activityResourceSchema = z.strictObject({
  type: z.enum(ACTIVITY_RESOURCE_TYPES),
  id,
  name,
  change: z.enum(ACTIVITY_RESOURCE_CHANGES),
  /** False for a change that was planned but not made (a failed or partial outcome). */
  done: z.boolean(),
});
export type ActivityResource = z.infer<typeof activityResourceSchema>;

/** A member of the organization, as the entry names it (the name may be unknown after a failure). */
const memberRefSchema = z.strictObject({ id, name: name.nullable() });

const base = {
  v: z.literal(ACTIVITY_LOG_VERSION),
  /** The entry's own id (a UUID). */
  id,
  at: isoDateTimeSchema,
  /** The server's address (https://api.jmapcloud.io, or the local organization's loopback URL). */
  server: z.string().min(1).max(2048),
  organization: z.strictObject({ id, name }),
  /** The signed-in administrator who made the change. */
  admin: z.strictObject({ id: z.string().max(200), name, email: z.string().max(320) }),
  /** The key changed; `id` is null for a create that failed before the server gave one. */
  apiKey: z.strictObject({ id: id.nullable(), title: name }),
  outcome: activityOutcomeSchema,
  /** Shared by the entries of one bulk action (one entry per key), absent otherwise. */
  batchId: id.optional(),
};

const createEntrySchema = z.strictObject({
  ...base,
  action: z.literal('create'),
  role: apiKeyRoleSchema,
  /** As the admin asked for it (ISO date-time, or `YYYY-MM-DD`). */
  expirationDate: z.string().max(40),
});

const deleteEntrySchema = z.strictObject({
  ...base,
  action: z.literal('delete'),
  /** What the admin chose for the key's resources (ResourcesFate's kind). */
  resourcesFate: z.enum(['transfer', 'delete-with-key', 'nothing-owned']),
  /** The member chosen to receive the resources (ResourcesFate `transfer`). */
  transferTo: memberRefSchema.nullable(),
  transferred: z.strictObject({ dataSources: count, projects: count }),
  deleted: z.strictObject({ dataSources: count, projects: count, layers: count }),
  accessEntriesRemoved: count,
  /** Each resource, where the flow knows them (at most MAX_LISTED_RESOURCES). */
  resources: z.array(activityResourceSchema).max(MAX_LISTED_RESOURCES),
});

/**
 * A transfer made before a delete, one resource at a time through the permission endpoints
 * (where the server cannot transfer inside its delete): the member became an owner of each
 * resource, then the key's entries were removed.
 */
const transferEntrySchema = z.strictObject({
  ...base,
  action: z.literal('transfer'),
  to: memberRefSchema,
  transferred: z.strictObject({ dataSources: count, projects: count }),
  accessEntriesRemoved: count,
  resources: z.array(activityResourceSchema).max(MAX_LISTED_RESOURCES),
});

/** A change of a key's title and/or expiration without a new secret (the edit extension). */
const editEntrySchema = z.strictObject({
  ...base,
  action: z.literal('edit'),
  /** From → to; `from` is null where the key could not be read first. */
  title: z.strictObject({ from: name.nullable(), to: name }).optional(),
  /** From → to, as the server has it (`to`: as the admin asked, when the edit failed). */
  expirationDate: z.strictObject({ from: z.string().max(40).nullable(), to: z.string().max(40) }).optional(),
});

/**
 * A rotation ("Replace key…"): `apiKey` is the key replaced, `replacement` the new one (made
 * by its own `create` entry), which was given the same access entries as the old key on
 * every resource, then checked. The old key's delete, when it comes, is a `delete` entry.
 */
const rotateEntrySchema = z.strictObject({
  ...base,
  action: z.literal('rotate'),
  replacement: z.strictObject({ id, title: name }),
  role: apiKeyRoleSchema,
  /** Resources on which the old key has an entry, and on how many the replacement now has as much. */
  accessToGrant: count,
  accessGranted: count,
  /** Resources where the check found the replacement with less access than the old key. */
  shortfall: count,
  resources: z.array(activityResourceSchema).max(MAX_LISTED_RESOURCES),
});

export const activityEntrySchema = z.discriminatedUnion('action', [createEntrySchema, deleteEntrySchema, transferEntrySchema, editEntrySchema, rotateEntrySchema]);
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export type ActivityAction = ActivityEntry['action'];
export const ACTIVITY_ACTIONS = ['create', 'delete', 'transfer', 'edit', 'rotate'] as const satisfies readonly ActivityAction[];
// A new member of the union must be listed above too (the view's action filter offers these).
const everyActionListed: [Exclude<ActivityAction, (typeof ACTIVITY_ACTIONS)[number]>] extends [never] ? true : never = true;
void everyActionListed;
export type ActivityEntryOf<A extends ActivityAction> = Extract<ActivityEntry, { action: A }>;

/** Who made a change, where: filled in by the activity log from the session. */
export type ActivityContext = Pick<ActivityEntry, 'server' | 'organization' | 'admin'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An entry as a service hands it to `append`: the log adds the version, id, time and context. */
export type ActivityDraft = DistributiveOmit<ActivityEntry, 'v' | 'id' | 'at' | keyof ActivityContext>;

// ── Reading ───────────────────────────────────────────────────────────────────────────

export const MAX_ACTIVITY_READ = 20_000;

/** The longest text filter (a key, a search). */
export const MAX_ACTIVITY_FILTER_LENGTH = 200;

const filterText = z
  .string()
  .trim()
  .max(MAX_ACTIVITY_FILTER_LENGTH)
  .refine((value) => !hasControlCharacters(value), 'A filter must not contain control characters.');

/** The Activity view's filters. Every one is optional; they combine with AND. */
export const activityQuerySchema = z
  .strictObject({
    /** `organization`: the current session's server and organization; `all`: every one. */
    scope: z.enum(['organization', 'all']).default('organization'),
    actions: z.array(z.enum(ACTIVITY_ACTIONS)).max(ACTIVITY_ACTIONS.length).optional(),
    outcomes: z.array(z.enum(ACTIVITY_OUTCOMES)).max(ACTIVITY_OUTCOMES.length).optional(),
    /** A key's id (exactly) or a part of its title. */
    apiKey: filterText.optional(),
    /** [from, before): `from` included, `before` not. */
    from: isoDateTimeSchema.optional(),
    before: isoDateTimeSchema.optional(),
    /** A part of any text of the entry: titles, ids, names, email, server, error codes. */
    text: filterText.optional(),
    /** The newest `limit` matching entries are returned (all of them are counted). */
    limit: z.number().int().min(1).max(MAX_ACTIVITY_READ).default(1000),
  })
  .refine((query) => query.from === undefined || query.before === undefined || Date.parse(query.from) < Date.parse(query.before), {
    message: 'The start of the time range must be before its end.',
    path: ['before'],
  });
export type ActivityQuery = z.input<typeof activityQuerySchema>;
export type ParsedActivityQuery = z.output<typeof activityQuerySchema>;

/**
 * A line that could not be read: `torn` (the last line of a file, cut short by a crash
 * mid-write), `unreadable` (not JSON), `invalid` (JSON, but not an entry KeyDesk knows:
 * edited by hand, or written by a newer KeyDesk). Reported, never fatal.
 */
export type ActivityLogProblem = { file: string; line: number; reason: 'torn' | 'unreadable' | 'invalid' };
export const MAX_REPORTED_PROBLEMS = 20;

export type ActivityPage = {
  /** Newest first. */
  entries: ActivityEntry[];
  /** How many entries match the filters (entries holds at most `limit` of them). */
  matching: number;
  /** Every line of the log that could not be read: the first MAX_REPORTED_PROBLEMS, and their count. */
  problems: { count: number; first: ActivityLogProblem[] };
  /** Set when the last entry could not be written (a full disk, a read-only folder). */
  writeFailure: { at: string; fsCode: string } | null;
};

const fold = (text: string): string => text.toLowerCase();

/** Every text of an entry that the `text` filter searches. */
function searchableText(entry: ActivityEntry): string {
  const parts = [
    entry.apiKey.title,
    entry.apiKey.id ?? '',
    entry.admin.name,
    entry.admin.email,
    entry.organization.name,
    entry.server,
    entry.outcome.status === 'succeeded' ? '' : `${entry.outcome.errorCode} ${entry.outcome.serverCode ?? ''}`,
  ];
  if (entry.action === 'delete') parts.push(entry.transferTo?.name ?? '', ...entry.resources.map((resource) => resource.name));
  if (entry.action === 'transfer') parts.push(entry.to.name ?? '', ...entry.resources.map((resource) => resource.name));
  if (entry.action === 'edit') parts.push(entry.title?.from ?? '', entry.title?.to ?? '');
  if (entry.action === 'rotate') parts.push(entry.replacement.title, entry.replacement.id, ...entry.resources.map((resource) => resource.name));
  return fold(parts.join('\n'));
}

/**
 * Whether an entry passes the query's filters; `inScope` decides the `scope` filter (the
 * services know the current organization).
 */
export function matchesActivityQuery(entry: ActivityEntry, query: ParsedActivityQuery, inScope: (entry: ActivityEntry) => boolean): boolean {
  if (!inScope(entry)) return false;
  if (query.actions && !query.actions.includes(entry.action)) return false;
  if (query.outcomes && !query.outcomes.includes(entry.outcome.status)) return false;
  const at = Date.parse(entry.at);
  if (query.from !== undefined && at < Date.parse(query.from)) return false;
  if (query.before !== undefined && at >= Date.parse(query.before)) return false;
  if (query.apiKey) {
    const wanted = query.apiKey;
    if (entry.apiKey.id !== wanted && !fold(entry.apiKey.title).includes(fold(wanted))) return false;
  }
  if (query.text && !searchableText(entry).includes(fold(query.text))) return false;
  return true;
}
