// "Edit…": a key's new title and/or expiration, its secret unchanged. Only a server that
// offers the edit extension can (capabilities.apiKeyEdit); elsewhere (JMap Cloud) the answer
// is UNSUPPORTED with the reason `key-edit-unsupported`, and the renderer offers rotation,
// which gets the same result with a new secret. Every attempt is one activity entry.
import type { ActivityDraft, ActivityOutcome } from '../../shared/activity-log';
import type { ApiKey } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import type { IpcParsedRequest } from '../../shared/ipc-contract';
import type { ServerCapabilities } from '../../shared/server-capabilities';
import type { ActivityLog } from '../activity/activity-log';
import { outcomeOf, SUCCEEDED } from '../activity/api-key-activity';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';

export interface KeyEditOptions {
  organization: () => BoundOrganizationClient;
  capabilities: () => ServerCapabilities;
  activity: Pick<ActivityLog, 'append' | 'context'>;
  /** The key as it now is (the service keeps titles for later entries, and its list is stale). */
  changed: (apiKey: ApiKey) => void;
  log: Logger;
}

export function unsupportedEdit(): AppError {
  return AppError.because(
    'UNSUPPORTED',
    'key-edit-unsupported',
    {},
    'This server cannot change a key (JMap Cloud has no such call): replace the key instead, which gives it a new secret.',
  );
}

/** The entry of an edit: what was asked, from what it was (null where unknown). */
export function editEntry(request: IpcParsedRequest<'editApiKey'>, before: ApiKey | null, after: ApiKey | null, outcome: ActivityOutcome): ActivityDraft {
  const draft: Extract<ActivityDraft, { action: 'edit' }> = { action: 'edit', apiKey: { id: request.id, title: after?.title ?? before?.title ?? request.title ?? '' }, outcome };
  if (request.title !== undefined) draft.title = { from: before?.title ?? null, to: after?.title ?? request.title };
  if (request.expirationDate !== undefined) draft.expirationDate = { from: before?.expirationDate ?? null, to: after?.expirationDate ?? request.expirationDate };
  return draft;
}

export function createKeyEdit(options: KeyEditOptions) {
  const { organization, capabilities, activity, log } = options;

  return async function edit(request: IpcParsedRequest<'editApiKey'>): Promise<ApiKey> {
    // Refused before anything is asked of the server: there is nothing to record.
    if (!capabilities().apiKeyEdit) throw unsupportedEdit();
    const context = activity.context();
    const changes = { title: request.title, expirationDate: request.expirationDate };
    let before: ApiKey | null = null;
    try {
      // What it was, for the entry (and a key deleted meanwhile is said so before any change).
      before = await organization().getApiKey(request.id);
      let after: ApiKey;
      try {
        after = await organization().editApiKey(request.id, changes);
      } catch (error) {
        // Setting the same values twice changes nothing more: one retry is safe.
        if (!isAppError(error, 'NETWORK')) throw error;
        log.warn('Changing an API key got no answer; trying once more');
        after = await organization().editApiKey(request.id, changes);
      }
      options.changed(after);
      log.info('API key changed', { apiKeyId: request.id, title: request.title !== undefined, expiration: request.expirationDate !== undefined });
      await activity.append(editEntry(request, before, after, SUCCEEDED), context);
      return after;
    } catch (error) {
      await activity.append(editEntry(request, before, null, outcomeOf(error)), context);
      throw error;
    }
  };
}
