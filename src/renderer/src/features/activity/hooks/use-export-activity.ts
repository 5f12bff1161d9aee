// "Export CSV": every entry the filters match (not only the newest shown), to a file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityToCsv } from '@renderer/features/activity/lib/activity-csv';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';
import { downloadTextFile, exportFileName } from '@renderer/lib/text-file';
import type { ActivityEntry } from '@shared/activity-log';

export type Notice = { severity: 'success' | 'error'; text: string };

export function useExportActivity(options: {
  organizationName: string;
  locale: string;
  allMatching(): Promise<ActivityEntry[]>;
  notify(notice: Notice): void;
}): { exporting: boolean; run(): void } {
  const { t } = useTranslation('activity');
  const [exporting, setExporting] = useState(false);

  const exportAll = async (): Promise<void> => {
    setExporting(true);
    try {
      const entries = await options.allMatching();
      const fileName = exportFileName('activity', options.organizationName, new Date());
      downloadTextFile(fileName, activityToCsv(entries, t, options.locale));
      options.notify({ severity: 'success', text: t('page.exportDone', { total: formatNumber(entries.length, options.locale), fileName }) });
    } catch (error) {
      options.notify({ severity: 'error', text: t('page.exportFailed', { message: errorMessage(error) }) });
    } finally {
      setExporting(false);
    }
  };

  return {
    exporting,
    run: () => {
      if (!exporting) void exportAll();
    },
  };
}
