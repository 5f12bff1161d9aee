// The connections feature's way to the services: saved connections, sign-in, the local
// organization. Its stores call these; its components never reach the services themselves.
import type { IpcRequest } from '@shared/ipc-contract';
import { call } from '@renderer/lib/keydesk-client';

export const connectionsApi = {
  list: () => call('listConnections'),
  remove: (id: string) => call('removeConnection', { id }),
  signIn: (request: IpcRequest<'signIn'>) => call('signIn', request),
  selectOrganization: (organizationId: string) => call('selectOrganization', { organizationId }),
  connectSaved: (id: string) => call('connectSaved', { id }),
  openLocalOrganization: () => call('openLocalOrganization'),
  startSso: (request: IpcRequest<'startSsoSignIn'>) => call('startSsoSignIn', request),
  continueSso: () => call('continueSsoSignIn'),
  chooseSsoOrganization: (organizationId: string) => call('chooseSsoOrganization', { organizationId }),
  cancelSso: () => call('cancelSsoSignIn'),
};

export type ConnectionsApi = typeof connectionsApi;
