// Which keys the desktop has already announced, per organization, so that each key is
// announced once per threshold ("expires within N days", "has expired") across starts:
// expiry-notifications.json in the user-data folder (atomic writes; an unreadable file is
// moved aside and the watch starts over, announcing again rather than never).
import { join } from 'node:path';
import { z } from 'zod';
import type { ApiKey } from '../../shared/api-types';
import type { ExpiryNotice, NoticeKey } from '../../shared/expiry-watch';
import { cacheJsonFile } from '../files/cached-json-file';
import { createJsonFile } from '../files/json-file';
import type { Logger } from '../logger';

export const NOTIFIED_KEYS_FILE = 'expiry-notifications.json';

/** For each threshold, the expiration date the key was announced with (a key extended since is announced again). */
const announcedSchema = z.strictObject({ expiring: z.string().max(40).optional(), expired: z.string().max(40).optional() });
type Announced = z.infer<typeof announcedSchema>;
type OrganizationMemory = Record<string, Announced>;

const fileSchema = z.strictObject({
  version: z.literal(1),
  /** By organization: `<server> <organization id>`. */
  organizations: z.record(z.string(), z.record(z.string(), announcedSchema)),
});
type NotifiedFile = z.infer<typeof fileSchema>;

export const organizationKey = (server: string, organizationId: string): string => `${server} ${organizationId}`;

type Found = { expiringSoon: readonly ApiKey[]; expired: readonly ApiKey[]; complete: boolean };

const toNoticeKey = (key: ApiKey): NoticeKey => ({ id: key.id, title: key.title, expirationDate: key.expirationDate });

/**
 * What to announce now, and what to remember: keys past a threshold they were not announced
 * for (with this expiration date). Only keys still expiring or expired are remembered: one
 * that left the window (extended, deleted) is forgotten, and announced again if it returns.
 */
export function planNotices(
  memory: OrganizationMemory,
  found: Found,
): { expiring: NoticeKey[]; expired: NoticeKey[]; next: OrganizationMemory } {
  // A reading cut short (MAX_READ_PAGES) did not see every key: those it did not reach are not forgotten.
  const next: OrganizationMemory = found.complete ? {} : { ...memory };
  const expiring: NoticeKey[] = [];
  const expired: NoticeKey[] = [];
  for (const key of found.expiringSoon) {
    const before = memory[key.id];
    if (before?.expiring !== key.expirationDate) expiring.push(toNoticeKey(key));
    next[key.id] = { expiring: key.expirationDate };
  }
  for (const key of found.expired) {
    const before = memory[key.id];
    if (before?.expired !== key.expirationDate) expired.push(toNoticeKey(key));
    // A key announced as expiring keeps that mark: it is not announced as expiring again.
    next[key.id] = { ...(before?.expiring === key.expirationDate ? { expiring: key.expirationDate } : {}), expired: key.expirationDate };
  }
  return { expiring, expired, next };
}

export interface NotifiedKeys {
  /**
   * Plans the notices of one check against what was announced, remembers the new state,
   * and returns the notices to show. Remembered before shown: a crash in between loses a
   * notification rather than repeating it at every start.
   */
  announce(
    organization: { server: string; id: string; name: string },
    warningDays: number,
    found: Found,
  ): Promise<ExpiryNotice[]>;
  settled(): Promise<void>;
}

export function createNotifiedKeys(options: { userDataDir: string; now: () => Date; log: Logger }): NotifiedKeys {
  const file = cacheJsonFile(
    createJsonFile<NotifiedFile>({
      path: join(options.userDataDir, NOTIFIED_KEYS_FILE),
      schema: fileSchema,
      defaults: () => ({ version: 1, organizations: {} }),
      now: options.now,
      log: options.log,
    }),
  );
  return {
    settled: file.settled,
    announce(organization, warningDays, found) {
      const key = organizationKey(organization.server, organization.id);
      return file.change((current) => {
        const plan = planNotices(current.organizations[key] ?? {}, found);
        const notices: ExpiryNotice[] = [];
        const about = { organization: { id: organization.id, name: organization.name }, warningDays };
        if (plan.expiring.length > 0) notices.push({ kind: 'expiring', ...about, keys: plan.expiring });
        if (plan.expired.length > 0) notices.push({ kind: 'expired', ...about, keys: plan.expired });
        const unchanged = JSON.stringify(plan.next) === JSON.stringify(current.organizations[key] ?? {});
        const next = unchanged ? null : { ...current, organizations: { ...current.organizations, [key]: plan.next } };
        return { next, result: notices };
      });
    },
  };
}
