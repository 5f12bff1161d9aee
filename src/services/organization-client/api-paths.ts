// Every REST path KeyDesk calls, in one place, so that they can be aligned with JMap
// Cloud's in one edit. Ids are URL-encoded: they come from the server, but a path is no
// place to trust anything.
const SECURITY = '/api/ss/rest/v1';
const enc = encodeURIComponent;

export const apiPaths = {
  authenticate: () => `${SECURITY}/authenticate`,
  refreshToken: () => `${SECURITY}/refresh-token`,
  revokeToken: () => `${SECURITY}/revoke-token`,
  usersSelf: () => `${SECURITY}/users/self`,
  members: (organizationId: string) => `${SECURITY}/organizations/${enc(organizationId)}/members`,
  apiKeys: (organizationId: string) => `${SECURITY}/organizations/${enc(organizationId)}/api-keys`,
  apiKey: (organizationId: string, apiKeyId: string) =>
    `${SECURITY}/organizations/${enc(organizationId)}/api-keys/${enc(apiKeyId)}`,
  ownedResources: (organizationId: string, apiKeyId: string) =>
    `${SECURITY}/organizations/${enc(organizationId)}/api-keys/${enc(apiKeyId)}/owned-resources`,
} as const;
