// "Export": every key matching the grid's current query (all pages, not the visible one)
// as CSV. Fetching and formatting are separate so that both are testable without a DOM.
import type { ApiKey, ApiKeyPage, ApiKeyStatus } from '@shared/api-types';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import type { ApiKeyRole } from '@shared/roles';
import { apiKeyStatus } from '@renderer/features/api-keys/lib/api-key-status';
import { toCsv } from '@renderer/lib/csv';
import { exportFileName as namedExport } from '@renderer/lib/text-file';
import { MAX_PAGE_SIZE } from '@renderer/features/api-keys/lib/grid-query';

export type ListPage = (query: ApiKeyQuery) => Promise<ApiKeyPage>;

/**
 * Reads every page of `query` (pages of 100, the server's maximum). Keys are de-duplicated
 * by id: a key created while exporting shifts the pages and could otherwise appear twice.
 */
export async function fetchAllApiKeys(
  query: ApiKeyQuery,
  listPage: ListPage,
  onProgress?: (loaded: number, total: number) => void,
): Promise<ApiKey[]> {
  const byId = new Map<string, ApiKey>();
  for (let page = 0; ; page += 1) {
    const result = await listPage({ ...query, page, pageSize: MAX_PAGE_SIZE });
    for (const key of result.content) byId.set(key.id, key);
    onProgress?.(byId.size, result.page.totalElements);
    if (result.content.length === 0 || page + 1 >= result.page.totalPages) break;
  }
  return [...byId.values()];
}

export type CsvLabels = {
  headers: {
    title: string;
    id: string;
    createdBy: string;
    creatorEmail: string;
    creationDate: string;
    expirationDate: string;
    lastUse: string;
    role: string;
    status: string;
  };
  role: (role: ApiKeyRole) => string;
  status: (status: ApiKeyStatus) => string;
};

/** Dates stay ISO 8601 (UTC): unambiguous in every spreadsheet and locale. */
export function apiKeysToCsv(keys: readonly ApiKey[], labels: CsvLabels, now: number): string {
  const h = labels.headers;
  const header = [h.title, h.id, h.createdBy, h.creatorEmail, h.creationDate, h.expirationDate, h.lastUse, h.role, h.status];
  const rows = keys.map((key) => [
    key.title,
    key.id,
    key.createdBy.name,
    key.createdBy.email,
    key.creationDate,
    key.expirationDate,
    key.lastUsedDate,
    labels.role(key.role),
    labels.status(apiKeyStatus(key, now)),
  ]);
  return toCsv([header, ...rows]);
}

/** `api-keys-<organization>-<YYYY-MM-DD>.csv`, with only file-name-safe characters. */
export function exportFileName(organizationName: string, now: Date): string {
  return namedExport('api-keys', organizationName, now);
}
