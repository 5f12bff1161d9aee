// Every REST path of the organization API, written once. The organization client fills
// them in (`restRoutes.apiKey.path({ orgId, keyId })`); the local server routes on their
// patterns (`restRoutes.apiKey.pattern`). Aligning a path with JMap Cloud's is one edit here.

/**
 * JMap Cloud's REST API (and the local server's KeyDesk extensions) live under /api/: their
 * successes are wrapped as `{message, result}` (rest-envelope.ts). The identity provider's
 * OAuth and OpenID answers, at Auth0's own paths, are not.
 */
export const isRestApiPath = (path: string): boolean => path.startsWith('/api/');

const SECURITY = '/api/ss/rest/v1';
const MCS = '/api/mcs/rest/v1';

/** The `:name` parameters of a pattern, as a union of names. */
export type RouteParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | RouteParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type PathArgs<P extends string> = [RouteParamNames<P>] extends [never] ? [] : [params: Record<RouteParamNames<P>, string>];

export interface RestRoute<P extends string> {
  /** The server's pattern: exact segments and `:name` parameters (src/server/http/router.ts). */
  readonly pattern: P;
  /** The client's concrete path. Values are URL-encoded: a path is no place to trust anything. */
  path(...params: PathArgs<P>): string;
}

function route<const P extends string>(pattern: P): RestRoute<P> {
  return {
    pattern,
    path: (...args: PathArgs<P>) => {
      const params: Readonly<Record<string, string>> = args[0] ?? {};
      return pattern
        .split('/')
        .map((segment) => (segment.startsWith(':') ? encodeSegment(params[segment.slice(1)] ?? '') : segment))
        .join('/');
    },
  };
}

/** encodeURIComponent, which throws on half of a surrogate pair: that half becomes U+FFFD instead. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

export const restRoutes = {
  // Security service: sign-in and tokens, the signed-in user, members, API keys.
  authenticate: route(`${SECURITY}/authenticate`),
  refreshToken: route(`${SECURITY}/refresh-token`),
  revokeToken: route(`${SECURITY}/revoke-token`),
  usersSelf: route(`${SECURITY}/users/self`),
  members: route(`${SECURITY}/organizations/:orgId/members`),
  /** The signed-in user's membership of the organization: where its roles come from. */
  membersSelf: route(`${SECURITY}/organizations/:orgId/members/self`),
  apiKeys: route(`${SECURITY}/organizations/:orgId/api-keys`),
  apiKey: route(`${SECURITY}/organizations/:orgId/api-keys/:keyId`),
  /** A local-server extension: what the key owns. */
  ownedResources: route(`${SECURITY}/organizations/:orgId/api-keys/:keyId/owned-resources`),
  // Map configuration service: data sources, projects and their permission entries.
  dataSources: route(`${MCS}/organizations/:orgId/datasources`),
  dataSource: route(`${MCS}/organizations/:orgId/datasources/:id`),
  dataSourcePermissions: route(`${MCS}/organizations/:orgId/datasources/:id/permissions`),
  projects: route(`${MCS}/organizations/:orgId/projects`),
  project: route(`${MCS}/organizations/:orgId/projects/:id`),
  projectPermissions: route(`${MCS}/organizations/:orgId/projects/:id/permissions`),
  // Identity provider (OpenID Connect, "Sign in with single sign-on"): the local server stands
  // in for an organization's Auth0 tenant, at Auth0's own paths.
  openidConfiguration: route('/.well-known/openid-configuration'),
  jwks: route('/.well-known/jwks.json'),
  authorize: route('/authorize'),
  oauthToken: route('/oauth/token'),
  oauthRevoke: route('/oauth/revoke'),
  dataSourcePermissionsSelf: route(`${MCS}/organizations/:orgId/datasources/:id/permissions/self`),
  projectPermissionsSelf: route(`${MCS}/organizations/:orgId/projects/:id/permissions/self`),
  /** A local-server extension: the capabilities document (src/shared/server-capabilities.ts). */
  capabilities: route('/api/keydesk/v1/capabilities'),
} as const;
