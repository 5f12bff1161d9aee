// The entries the filters match, as CSV for a spreadsheet or an auditor: every field of
// an entry in its own column (dates ISO 8601 in UTC, codes as they are), the words in the
// app's language. The shared CSV writer defuses cells a spreadsheet would run as formulas.
import type { ActivityEntry } from '@shared/activity-log';
import type { TFunction } from 'i18next';
import { toCsv } from '@renderer/lib/csv';
import { describeEntry, describeResource, resourcesOf } from '@renderer/features/activity/lib/describe-entry';

export function activityToCsv(entries: readonly ActivityEntry[], t: TFunction<'activity'>, locale: string): string {
  const header = [
    t('csv.at'),
    t('csv.action'),
    t('csv.outcome'),
    t('csv.errorCode'),
    t('csv.serverCode'),
    t('csv.server'),
    t('csv.organization'),
    t('csv.organizationId'),
    t('csv.admin'),
    t('csv.adminEmail'),
    t('csv.apiKey'),
    t('csv.apiKeyId'),
    t('csv.details'),
    t('csv.resources'),
  ];
  const rows = entries.map((entry) => [
    entry.at,
    t(`actions.${entry.action}`),
    t(`outcomes.${entry.outcome.status}`),
    entry.outcome.status === 'succeeded' ? null : entry.outcome.errorCode,
    entry.outcome.status === 'succeeded' ? null : (entry.outcome.serverCode ?? null),
    entry.server,
    entry.organization.name,
    entry.organization.id,
    entry.admin.name,
    entry.admin.email,
    entry.apiKey.title,
    entry.apiKey.id,
    describeEntry(entry, t, locale),
    resourcesOf(entry)
      .map((resource) => describeResource(resource, t))
      .join('; '),
  ]);
  return toCsv([header, ...rows]);
}
