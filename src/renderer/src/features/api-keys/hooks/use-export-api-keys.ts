// "Export": every key matching the grid's current query, to a CSV file.
import type { ApiKeyStatus } from '@shared/api-types';
import type { ApiKeyRole } from '@shared/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { apiKeysToCsv, exportFileName, fetchAllApiKeys, type CsvLabels } from '@renderer/features/api-keys/lib/export-api-keys';
import { downloadTextFile } from '@renderer/lib/text-file';
import { formatNumber } from '@renderer/lib/formatting';
import { toApiKeyQuery } from '@renderer/features/api-keys/lib/grid-query';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

export type Notice = { severity: 'success' | 'error' | 'info'; text: string };

export function useExportApiKeys(
  organizationName: string,
  locale: string,
  notify: (notice: Notice) => void,
): { progress: string | null; run: () => void } {
  const { t } = useTranslation('apiKeys');
  const [progress, setProgress] = useState<string | null>(null);

  const exportAll = async (): Promise<void> => {
    setProgress(t('page.exporting'));
    try {
      const query = toApiKeyQuery(useApiKeysStore.getState(), Date.now());
      const keys = await fetchAllApiKeys(
        query,
        apiKeysApi.list,
        (loaded, total) => setProgress(t('page.exportProgress', { loaded: formatNumber(loaded, locale), total: formatNumber(total, locale) })),
      );
      const labels: CsvLabels = {
        headers: {
          title: t('columns.title'),
          id: t('columns.id'),
          createdBy: t('columns.createdBy'),
          creatorEmail: t('csv.creatorEmail'),
          creationDate: t('columns.creationDate'),
          expirationDate: t('columns.expirationDate'),
          lastUse: t('information.lastUse'),
          role: t('columns.role'),
          status: t('columns.status'),
        },
        role: (role: ApiKeyRole) => t(`roles.${role}`),
        status: (status: ApiKeyStatus) => t(`status.${status}`),
      };
      const now = new Date();
      const fileName = exportFileName(organizationName, now);
      downloadTextFile(fileName, apiKeysToCsv(keys, labels, now.getTime()));
      notify({ severity: 'success', text: t('page.exportDone', { total: formatNumber(keys.length, locale), fileName }) });
    } catch (error) {
      notify({ severity: 'error', text: t('page.exportFailed', { message: errorMessage(error) }) });
    } finally {
      setProgress(null);
    }
  };

  return {
    progress,
    run: () => {
      if (progress === null) void exportAll();
    },
  };
}
