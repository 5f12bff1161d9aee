// The expiry watch, as the renderer and the hosts see it: the bounds of its setting, the
// counts it keeps for the banner, and what it hands the desktop's notification port.

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

/** The desktop's system notifications (Electron's Notification); absent in the web preview. */
export interface ExpiryNotifier {
  notify(notice: ExpiryNotice): void;
}

/** The dock or taskbar badge: how many keys need attention (0 hides it). */
export interface BadgePort {
  setCount(count: number): void;
}
