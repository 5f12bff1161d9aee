// The activity log: what KeyDesk changed, where, by whom, and how it ended, one entry per
// change (src/shared/activity-log.ts), kept in the user-data folder as JSON lines
// (activity/activity.jsonl and its previous files: see json-lines-file.ts for how a crash
// and rotation are survived).
//
// The services that change things call `append` with a draft of the entry; the log adds
// the time, an id, and who and where from the session. Appending never fails the change it
// records: the change has happened whatever the disk says, so a write failure is logged,
// remembered and shown in the Activity view instead. A draft that does not fit the schema
// (a field the schema does not know, a secret passed by mistake) is not written at all.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ACTIVITY_LOG_VERSION,
  MAX_LISTED_RESOURCES,
  MAX_REPORTED_PROBLEMS,
  activityEntrySchema,
  matchesActivityQuery,
  type ActivityContext,
  type ActivityDraft,
  type ActivityEntry,
  type ActivityPage,
  type ParsedActivityQuery,
} from '../../shared/activity-log';
import { AppError } from '../../shared/errors';
import { createJsonLinesFile } from '../files/json-lines-file';
import type { Logger } from '../logger';

/** Under the user-data folder. */
export const ACTIVITY_FOLDER = 'activity';
export const ACTIVITY_FILE_NAME = 'activity';
/** The current file and 4 previous ones of at most 1 MiB each: 8,000 to 10,000 entries in 5 MiB. */
export const ACTIVITY_MAX_BYTES = 1024 * 1024;
export const ACTIVITY_KEEP_PREVIOUS = 4;

export interface ActivityLog {
  /** Who changes what where, from the current session; null without one. */
  context(): ActivityContext | null;
  /**
   * Records a change. `context` defaults to the current session's; a long flow takes it
   * once at its start, so that every entry it writes names the organization it acted on.
   * Never rejects.
   */
  append(draft: ActivityDraft, context?: ActivityContext | null): Promise<void>;
  read(query: ParsedActivityQuery): Promise<ActivityPage>;
  /** Resolves once every append asked for so far has been written (or has failed). */
  settled(): Promise<void>;
}

export interface ActivityLogOptions {
  userDataDir: string;
  context: () => ActivityContext | null;
  now: () => Date;
  log: Logger;
  newId?: () => string;
  /** Told of every change recorded, even one the disk refused (the expiry watch checks again). */
  onAppended?: (entry: ActivityEntry) => void;
  maxBytes?: number;
  keepPrevious?: number;
}

/** The resources listed one by one are capped; the entry's counts still cover all of them. */
function capResources(draft: ActivityDraft): ActivityDraft {
  if (draft.action === 'create' || draft.action === 'edit' || draft.resources.length <= MAX_LISTED_RESOURCES) return draft;
  return { ...draft, resources: draft.resources.slice(0, MAX_LISTED_RESOURCES) };
}

export function createActivityLog(options: ActivityLogOptions): ActivityLog {
  const { log, now } = options;
  const newId = options.newId ?? randomUUID;
  const file = createJsonLinesFile<ActivityEntry>({
    folder: join(options.userDataDir, ACTIVITY_FOLDER),
    name: ACTIVITY_FILE_NAME,
    maxBytes: options.maxBytes ?? ACTIVITY_MAX_BYTES,
    keep: options.keepPrevious ?? ACTIVITY_KEEP_PREVIOUS,
    parse: (value) => {
      const parsed = activityEntrySchema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
  });
  let writeFailure: ActivityPage['writeFailure'] = null;
  const pending = new Set<Promise<void>>();

  async function write(draft: ActivityDraft, context: ActivityContext | null): Promise<void> {
    // Every change acts on a session's organization: without one, nothing was changed (the
    // flow failed with NOT_CONNECTED before reaching a server), and there is nothing to record.
    if (context === null) return;
    const candidate = { v: ACTIVITY_LOG_VERSION, id: newId(), at: now().toISOString(), ...context, ...capResources(draft) };
    const checked = activityEntrySchema.safeParse(candidate);
    if (!checked.success) {
      // Only the paths of the refused fields: their values may be what must not be written.
      const fields = checked.error.issues.map((issue) => issue.path.join('.') || '(entry)').join(', ');
      log.error('An activity entry does not fit its schema and was not written', { action: draft.action, fields });
      return;
    }
    try {
      await file.append(checked.data);
    } catch (error) {
      const fsCode = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      writeFailure = { at: candidate.at, fsCode };
      log.warn('The activity log could not be written', { action: draft.action, fsCode, folder: join(options.userDataDir, ACTIVITY_FOLDER) });
    }
    // Written or not, the change has happened.
    options.onAppended?.(checked.data);
  }

  return {
    context: options.context,

    append(draft, context) {
      const run = write(draft, context === undefined ? options.context() : context);
      pending.add(run);
      void run.finally(() => pending.delete(run));
      return run;
    },

    async read(query) {
      let inScope: (entry: ActivityEntry) => boolean = () => true;
      if (query.scope !== 'all') {
        const here = options.context();
        if (here === null) throw new AppError('NOT_CONNECTED', 'Connect to an organization first.');
        inScope = (entry) => entry.server === here.server && entry.organization.id === here.organization.id;
      }
      const { lines, problems } = await file.read();
      const matching = lines.map((line) => line.value).filter((entry) => matchesActivityQuery(entry, query, inScope));
      // Lines are in the order they were written; the time decides, the order breaks ties
      // (a clock set back must not hide the newest entry at the bottom).
      const newestFirst = matching
        .map((entry, order) => ({ entry, order, time: Date.parse(entry.at) }))
        .sort((a, b) => b.time - a.time || b.order - a.order)
        .map(({ entry }) => entry);
      return {
        entries: newestFirst.slice(0, query.limit),
        matching: matching.length,
        problems: { count: problems.length, first: problems.slice(0, MAX_REPORTED_PROBLEMS) },
        writeFailure,
      };
    },

    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
