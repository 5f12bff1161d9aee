// What each criterion of the filter bar says on its chip ("Role: Editor", "Expires in the
// next 30 days", "Not used in the last 90 days"), in the user's language. Pure: the
// catalog's `t` and the locale come in.
import type { TFunction } from 'i18next';
import type { DateFilter, GridFilterName, GridFilters } from '@shared/grid-settings';
import { formatUnit } from '@renderer/lib/formatting';

type T = TFunction<'apiKeys'>;

/** A calendar day (YYYY-MM-DD) as the user's language writes it, as a local day. */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

function dateLabel(t: T, field: 'expires' | 'created', filter: DateFilter, locale: string): string {
  // "1 day", "30 days", "30 jours": Intl says the unit with its plural.
  const duration = (count: number): string => formatUnit(count, 'day', locale);
  switch (filter.kind) {
    case 'next-days':
      return t(`filters.${field}.next`, { duration: duration(filter.days) });
    case 'last-days':
      return t(`filters.${field}.last`, { duration: duration(filter.days) });
    case 'between':
      if (filter.from !== null && filter.to !== null) {
        return t(`filters.${field}.between`, { from: formatDay(filter.from, locale), to: formatDay(filter.to, locale) });
      }
      if (filter.from !== null) return t(`filters.${field}.from`, { from: formatDay(filter.from, locale) });
      return t(`filters.${field}.to`, { to: formatDay(filter.to ?? '', locale) });
  }
}

/** The chip's words for one criterion in use (null when `filters` does not use it). */
export function filterLabel(t: T, filters: GridFilters, name: GridFilterName, locale: string): string | null {
  switch (name) {
    case 'search':
      return filters.search === undefined ? null : t('filters.search.contains', { text: filters.search });
    case 'title':
      return filters.title === undefined ? null : t('filters.title.contains', { text: filters.title });
    case 'id':
      return filters.id === undefined ? null : t('filters.id.contains', { text: filters.id });
    case 'createdBy':
      return filters.createdBy === undefined ? null : t('filters.createdBy.contains', { text: filters.createdBy });
    case 'role':
      return filters.role === undefined ? null : t('filters.role.is', { role: t(`roles.${filters.role}`) });
    case 'status':
      return filters.status === undefined ? null : t('filters.status.is', { status: t(`status.${filters.status}`) });
    case 'expires':
    case 'created': {
      const filter = filters[name];
      return filter === undefined ? null : dateLabel(t, name, filter, locale);
    }
    case 'lastUse':
      if (filters.lastUse === undefined) return null;
      return filters.lastUse.kind === 'not-in-days'
        ? t('filters.lastUse.notInDays', { duration: formatUnit(filters.lastUse.days, 'day', locale) })
        : t('filters.lastUse.never');
  }
}
