// What an activity entry says, in words: its details line, its outcome's reason, its
// resources. Shared by the view (grid, entry dialog) and the CSV export.
import type { ActivityEntry, ActivityResource } from '@shared/activity-log';
import { AppError, appErrorCodeSchema } from '@shared/errors';
import type { TFunction } from 'i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatDate, formatNumber } from '@renderer/lib/formatting';

type T = TFunction<'activity'>;

const memberName = (member: { id: string; name: string | null }): string => member.name ?? member.id;

/** The details line: what was asked and what was done. */
export function describeEntry(entry: ActivityEntry, t: T, locale: string): string {
  const n = (value: number): string => formatNumber(value, locale);
  switch (entry.action) {
    case 'create':
      return t('details.create', { role: t(`roles.${entry.role}`), date: shownDate(entry.expirationDate, locale) });
    case 'delete': {
      const entries = n(entry.accessEntriesRemoved);
      if (entry.resourcesFate === 'nothing-owned') return t('details.nothingOwned');
      if (entry.outcome.status === 'failed') {
        return entry.transferTo ? t('details.transferAsked', { member: memberName(entry.transferTo) }) : t('details.deleteAsked');
      }
      if (entry.resourcesFate === 'transfer') {
        const member = entry.transferTo ? memberName(entry.transferTo) : '';
        return t('details.transferred', { member, dataSources: n(entry.transferred.dataSources), projects: n(entry.transferred.projects), entries });
      }
      return t('details.deletedWithKey', { dataSources: n(entry.deleted.dataSources), projects: n(entry.deleted.projects), layers: n(entry.deleted.layers), entries });
    }
    case 'transfer':
      return t('details.transfer', {
        member: memberName(entry.to),
        dataSources: n(entry.transferred.dataSources),
        projects: n(entry.transferred.projects),
        entries: n(entry.accessEntriesRemoved),
      });
    case 'edit': {
      const parts: string[] = [];
      if (entry.title) parts.push(entry.title.from === null ? t('details.editTitleTo', { to: entry.title.to }) : t('details.editTitle', { from: entry.title.from, to: entry.title.to }));
      if (entry.expirationDate) {
        const { from, to } = entry.expirationDate;
        parts.push(from === null ? t('details.editExpirationTo', { to: shownDate(to, locale) }) : t('details.editExpiration', { from: shownDate(from, locale), to: shownDate(to, locale) }));
      }
      return parts.join(' · ');
    }
    case 'rotate': {
      const granted = t('details.rotate', { title: entry.replacement.title, granted: n(entry.accessGranted), total: n(entry.accessToGrant) });
      return entry.shortfall > 0 ? `${granted} · ${t('details.rotateShortfall', { shortfall: n(entry.shortfall) })}` : granted;
    }
  }
}

/** A date as the admin typed it (`YYYY-MM-DD`) stays as it is; an instant is formatted. */
const shownDate = (date: string, locale: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : formatDate(date, locale));

/** Why a change failed or stopped, in the app's words for its error code (null when it succeeded). */
export function outcomeReason(entry: ActivityEntry): string | null {
  if (entry.outcome.status === 'succeeded') return null;
  const code = appErrorCodeSchema.safeParse(entry.outcome.errorCode);
  const details = entry.outcome.serverCode ? { serverCode: entry.outcome.serverCode } : undefined;
  return errorMessage(new AppError(code.success ? code.data : 'INTERNAL', entry.outcome.errorCode, details));
}

/** The resources an entry lists, or none. */
export function resourcesOf(entry: ActivityEntry): ActivityResource[] {
  return entry.action === 'create' || entry.action === 'edit' ? [] : entry.resources;
}

/** `Data source “Parcels”: transferred`, with "not done" for a change that was not made. */
export function describeResource(resource: ActivityResource, t: T): string {
  const change = t(`entry.changes.${resource.change}`);
  return `${t(`entry.resourceTypes.${resource.type}`)} “${resource.name}”: ${resource.done ? change : `${change} (${t('entry.notDone')})`}`;
}
