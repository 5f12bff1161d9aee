// The rotation feature's way to the services ("Replace key…", "Edit…", the replacements
// under way): one function per contract method it uses.
import type { IpcRequest } from '@shared/ipc-contract';
import type { OldKeyFate } from '@shared/key-rotation';
import { call } from '@renderer/lib/keydesk-client';

export const rotationApi = {
  start: (request: IpcRequest<'startRotation'>) => call('startRotation', request),
  grant: (rotationId: string) => call('grantRotationAccess', { rotationId }),
  finish: (rotationId: string, oldKey: OldKeyFate) => call('finishRotation', { rotationId, oldKey }),
  progress: (rotationId: string) => call('getRotationProgress', { rotationId }),
  cancel: (rotationId: string) => call('cancelRotationOperation', { rotationId }),
  list: () => call('listRotations'),
  dismiss: (rotationId: string) => call('dismissRotation', { rotationId }),
  edit: (request: IpcRequest<'editApiKey'>) => call('editApiKey', request),
};

export type RotationApi = typeof rotationApi;
