// The bulk delete's way to the services ("Delete selected…"): one function per contract
// method it uses. Its flow and store call these; its components never reach the services.
import type { ApiKeyQuery, IpcRequest } from '@shared/ipc-contract';
import { call } from '@renderer/lib/keydesk-client';

export const bulkDeleteApi = {
  /** A page of the keys matching the grid's filters (to resolve "all N matching"). */
  list: (query: ApiKeyQuery) => call('listApiKeys', query),
  editorMembers: () => call('listEditorMembers'),
  start: (request: IpcRequest<'startBulkDelete'>) => call('startBulkDelete', request),
  /** The organization's bulk delete (running, stopped to resume, or finished); null when none. */
  status: () => call('getBulkDelete'),
  resume: (batchId: string) => call('resumeBulkDelete', { batchId }),
  cancel: (batchId: string) => call('cancelBulkDelete', { batchId }),
  dismiss: (batchId: string) => call('dismissBulkDelete', { batchId }),
};

export type BulkDeleteApi = typeof bulkDeleteApi;
