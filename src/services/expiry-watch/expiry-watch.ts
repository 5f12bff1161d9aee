// The expiry watch: on connect and every hour while the app is open, counts the current
// organization's keys that expire within the warning days and those that have expired;
// announces each key once per threshold through the desktop's notification port, keeps the
// dock/taskbar badge at the count of keys needing attention, and keeps the counts for the
// banner above the grid (`status`). Everything here runs without Electron: the hosts give
// the ports (none in the web preview), the tests give fakes and a fake timer. It also reminds
// of rotations whose overlap has ended (overlap-reminders.ts).
import { AppError } from '../../shared/errors';
import type { BadgePort, ExpiryNotifier, ExpiryStatus } from '../../shared/expiry-watch';
import type { SetTimer } from '../../shared/clipboard-guard';
import type { Logger } from '../logger';
import { findExpiringKeys, type ListApiKeys } from './expiring-keys';
import { organizationKey, type NotifiedKeys } from './notified-keys';
import { remindEndedOverlaps, type OverlapSource } from './overlap-reminders';

export const CHECK_INTERVAL_MS = 60 * 60 * 1000;
/**
 * A change's check waits this long, so that a burst of changes (a bulk delete: one per key)
 * makes one check a second rather than one per change. `status()` does not wait: the banner
 * asking after a change gets the counts checked again first.
 */
export const CHANGE_CHECK_DELAY_MS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type WatchedOrganization = { server: string; organization: { id: string; name: string } };

export interface ExpiryWatchOptions {
  listApiKeys: ListApiKeys;
  warningDays: () => Promise<number>;
  /** The current session's organization; null without one. */
  context: () => WatchedOrganization | null;
  notified: NotifiedKeys;
  notifier: ExpiryNotifier | null;
  badge: BadgePort | null;
  /** Rotations kept in overlap, to remind of once their date has passed (none: no reminders). */
  overlaps?: OverlapSource;
  now: () => Date;
  setTimer: SetTimer;
  log: Logger;
}

export interface ExpiryWatch {
  /** A session started, or moved to another organization: check it now, then every hour. */
  sessionChanged(): void;
  /** No session any more: no more checks, no badge. */
  sessionEnded(): void;
  /** The keys or the warning days changed: check again now. */
  invalidate(): void;
  /** The current organization's counts, checked again first if something changed since. */
  status(): Promise<ExpiryStatus | null>;
  dispose(): void;
}

type Watched = {
  key: string;
  /** The next hourly check. */
  timer: { cancel(): void } | null;
  /** A check asked for by a connect or a change, on the next turn of the timer. */
  soon: { cancel(): void } | null;
  status: ExpiryStatus | null;
  running: Promise<void> | null;
  /** Bumped by every reason to check again; a check serves the requests made before it started. */
  wanted: number;
  done: number;
};

export function createExpiryWatch(options: ExpiryWatchOptions): ExpiryWatch {
  const { log } = options;
  let watched: Watched | null = null;

  const setBadge = (count: number): void => {
    try {
      options.badge?.setCount(count);
    } catch {
      log.warn('The badge count could not be set');
    }
  };

  async function runCheck(target: Watched, here: WatchedOrganization): Promise<void> {
    const warningDays = await options.warningDays();
    const now = options.now();
    const before = new Date(now.getTime() + warningDays * DAY_MS);
    // Local data (rotations.json): read whatever the server answers below.
    const endedOverlaps = options.overlaps
      ? await remindEndedOverlaps(options.overlaps, here, { now, notifier: options.notifier, log }).catch(() => {
          log.warn('The rotations kept in overlap could not be read');
          return [];
        })
      : [];
    let found;
    try {
      found = await findExpiringKeys(options.listApiKeys, before);
    } catch (error) {
      if (watched !== target) return;
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      log.warn('The expiry check failed; the next one is in an hour', { code, organizationId: here.organization.id });
      const failure = { code, at: now.toISOString() };
      target.status = target.status
        ? { ...target.status, endedOverlaps, failure }
        : {
            server: here.server,
            organizationId: here.organization.id,
            warningDays,
            checkedAt: now.toISOString(),
            expiringSoon: 0,
            expired: 0,
            expiresBefore: before.toISOString(),
            endedOverlaps,
            failure,
          };
      return;
    }
    // The admin may have switched organization while the keys were read.
    if (watched !== target) return;
    target.status = {
      server: here.server,
      organizationId: here.organization.id,
      warningDays,
      checkedAt: now.toISOString(),
      expiringSoon: found.counts.expiringSoon,
      expired: found.counts.expired,
      expiresBefore: before.toISOString(),
      endedOverlaps,
      failure: null,
    };
    setBadge(found.counts.expiringSoon + found.counts.expired + endedOverlaps.length);
    const notices = await options.notified.announce({ server: here.server, ...here.organization }, warningDays, found);
    for (const notice of notices) {
      try {
        options.notifier?.notify(notice);
      } catch {
        log.warn('A notification could not be shown', { kind: notice.kind });
      }
    }
  }

  function schedule(target: Watched): void {
    target.timer?.cancel();
    target.timer = options.setTimer(() => {
      target.wanted += 1;
      void check(target);
    }, CHECK_INTERVAL_MS);
  }

  /**
   * A check in the background, through the timer (at once for a connect, CHANGE_CHECK_DELAY_MS
   * for a change): the caller returns at once, several changes in a row make one check, and
   * tests decide when it runs. Changes made during that check get one more, through the timer
   * again: a long burst (a bulk delete) is checked once a second, not back to back.
   */
  function checkSoon(target: Watched, delayMs = 0, { newReason = true } = {}): void {
    if (newReason) target.wanted += 1;
    target.soon ??= options.setTimer(() => {
      target.soon = null;
      void checkOnce(target).then((served) => {
        if (served && watched === target && target.done < target.wanted) checkSoon(target, CHANGE_CHECK_DELAY_MS, { newReason: false });
      });
    }, delayMs);
  }

  /**
   * One check at a time: starts one, or waits for the one running. False when there is
   * nothing to check (another organization, or none).
   */
  function checkOnce(target: Watched): Promise<boolean> {
    if (target.running) return target.running.then(() => true);
    const here = options.context();
    if (watched !== target || here === null || organizationKey(here.server, here.organization.id) !== target.key) return Promise.resolve(false);
    const serving = target.wanted;
    target.running = runCheck(target, here)
      .catch(() => log.warn('The expiry watch could not record its notifications'))
      .finally(() => {
        target.running = null;
        target.done = serving;
        if (watched === target) schedule(target);
      });
    return target.running.then(() => true);
  }

  /** Checks until every request made so far is served: what `status()` and the hourly check wait for. */
  function check(target: Watched): Promise<void> {
    return checkOnce(target).then((served) => (served && watched === target && target.done < target.wanted ? check(target) : undefined));
  }

  function cancelTimers(target: Watched | null): void {
    target?.timer?.cancel();
    target?.soon?.cancel();
  }

  function stop(): void {
    cancelTimers(watched);
    if (watched) setBadge(0);
    watched = null;
  }

  /** The watched organization is the session's: follows a switch, stops without a session. */
  function follow(): Watched | null {
    const here = options.context();
    if (here === null) {
      stop();
      return null;
    }
    const key = organizationKey(here.server, here.organization.id);
    if (watched?.key === key) return watched;
    stop();
    watched = { key, timer: null, soon: null, status: null, running: null, wanted: 1, done: 0 };
    return watched;
  }

  return {
    sessionChanged() {
      const target = follow();
      if (target) checkSoon(target);
    },
    sessionEnded: stop,
    invalidate() {
      if (watched) checkSoon(watched, CHANGE_CHECK_DELAY_MS);
    },
    async status() {
      const target = follow();
      if (!target) return null;
      if (target.done < target.wanted || target.running) await check(target);
      return watched === target ? target.status : null;
    },
    dispose() {
      cancelTimers(watched);
      watched = null;
    },
  };
}
