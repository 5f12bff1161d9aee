// The expiry watch, as the renderer and the hosts see it: the bounds of its setting, the
// counts it keeps for the banner, and what it hands the desktop's notification port. It also
// reminds of rotations whose overlap has ended (both keys kept until a date: the old one
// should now go).
import type { EndedOverlap } from './key-rotation';

/** "Warn me N days before a key expires": 14 by default (the grid's "expiring soon"), 1 to 90. */
export const EXPIRY_WARNING_DAYS = { min: 1, max: 90, default: 14 } as const;

/** The last check of the current organization's keys. */
export type ExpiryStatus = {
  server: string;
  organizationId: string;
  /** The setting the counts were made with. */
  warningDays: number;
  checkedAt: string;
  /** Not expired, expiring before `expiresBefore` (now + warningDays at the check). */
  expiringSoon: number;
  expired: number;
  expiresBefore: string;
  /** Rotations whose old key was kept until a date now past: the banner offers its delete. */
  endedOverlaps: EndedOverlap[];
  /** Set when the last check failed: the counts are then those of the check before, if any. */
  failure: { code: string; at: string } | null;
};

/** A key named in a notification. Never a secret: the list's fields only. */
export type NoticeKey = { id: string; title: string; expirationDate: string };

/**
 * Keys that have just crossed a threshold (`expiring`: within the warning days; `expired`),
 * each one announced once: the desktop shows one notification per notice.
 */
export type ExpiryNotice = {
  kind: 'expiring' | 'expired';
  organization: { id: string; name: string };
  warningDays: number;
  keys: NoticeKey[];
};

/** Rotations whose overlap has just ended, each announced once (remembered in rotations.json). */
export type OverlapNotice = { organization: { id: string; name: string }; overlaps: EndedOverlap[] };

/** The desktop's system notifications (Electron's Notification); absent in the web preview. */
export interface ExpiryNotifier {
  notify(notice: ExpiryNotice): void;
  /** "The old key … was kept until …: delete it now." */
  remind?(notice: OverlapNotice): void;
}

/** The dock or taskbar badge: how many keys need attention (0 hides it). */
export interface BadgePort {
  setCount(count: number): void;
}
