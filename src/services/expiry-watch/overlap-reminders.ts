// The expiry watch's reminder of rotations kept in overlap: once the date the admin chose
// has passed, the old key should go. Each ended overlap is announced once through the
// desktop's notification port (remembered in rotations.json, marked before it is shown, as
// the expiry notices are), and stays in the watch's status for the banner until the old key
// is deleted or the rotation dismissed.
import type { EndedOverlap } from '../../shared/key-rotation';
import type { ExpiryNotifier } from '../../shared/expiry-watch';
import type { Logger } from '../logger';
import type { WatchedOrganization } from './expiry-watch';

/** Where the rotations are kept (the rotation service). */
export interface OverlapSource {
  /** The organization's rotations kept until a date now past, with when each was announced. */
  ended(here: WatchedOrganization, now: Date): Promise<(EndedOverlap & { remindedAt: string | null })[]>;
  /** Marks them announced. */
  reminded(rotationIds: readonly string[], at: Date): Promise<void>;
}

export async function remindEndedOverlaps(
  source: OverlapSource,
  here: WatchedOrganization,
  options: { now: Date; notifier: ExpiryNotifier | null; log: Logger },
): Promise<EndedOverlap[]> {
  const ended = await source.ended(here, options.now);
  const fresh = ended.filter((overlap) => overlap.remindedAt === null);
  if (fresh.length > 0) {
    await source.reminded(
      fresh.map((overlap) => overlap.id),
      options.now,
    );
    try {
      options.notifier?.remind?.({ organization: here.organization, overlaps: fresh.map(shown) });
    } catch {
      options.log.warn('A reminder could not be shown', { count: fresh.length });
    }
  }
  return ended.map(shown);
}

const shown = ({ id, oldKey, replacement, keepUntil }: EndedOverlap): EndedOverlap => ({ id, oldKey, replacement, keepUntil });
