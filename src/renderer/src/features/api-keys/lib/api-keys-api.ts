// The API-keys feature's way to the services: one function per contract method it uses.
// Its stores and hooks call these; its components never reach the services themselves.
import type { GridLayout, SavedView } from '@shared/grid-settings';
import type { ApiKeyQuery, IpcRequest } from '@shared/ipc-contract';
import type { ResourcesFate } from '@shared/resources-fate';
import { call } from '@renderer/lib/keydesk-client';

export const apiKeysApi = {
  list: (query: ApiKeyQuery) => call('listApiKeys', query),
  get: (id: string) => call('getApiKey', { id }),
  create: (request: IpcRequest<'createApiKey'>) => call('createApiKey', request),
  /** The wizard is gone: main drops the secret it kept for "Copy". */
  forgetSecret: (apiKeyId: string) => call('forgetSecret', { apiKeyId }),
  copySecret: (apiKeyId: string) => call('copySecret', { apiKeyId }),
  copyText: (text: string) => call('copyText', { text }),
  ownedResources: (id: string) => call('getOwnedResources', { id }),
  editorMembers: () => call('listEditorMembers'),
  remove: (id: string, resources: ResourcesFate) => call('deleteApiKey', { id, resources }),
  /** Where the key's guided delete stands (JMap Cloud: many requests); null when none runs. */
  deleteProgress: (apiKeyId: string) => call('getDeleteProgress', { apiKeyId }),
  /** Cancels it while it has changed nothing yet. */
  cancelDelete: (apiKeyId: string) => call('cancelDeleteOperation', { apiKeyId }),
  /** The grid's layout and saved views, as the settings file keeps them. */
  gridSettings: async (): Promise<{ grid: GridLayout; views: SavedView[] }> => {
    const { grid, views } = await call('getSettings');
    return { grid, views };
  },
  saveLayout: (grid: GridLayout) => call('updateSettings', { grid }),
  saveViews: (views: SavedView[]) => call('updateSettings', { views }),
};

export type ApiKeysApi = typeof apiKeysApi;
