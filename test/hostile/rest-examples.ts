// One valid request for every endpoint of the local organization server: the seed of every
// REST attack, and who may call the endpoint. HOW TO ADD AN ENDPOINT: see README.md here.
// In short: when you add `router.add(METHOD, restRoutes.x, …)`, rest.hostile.ts fails with
// "no example for METHOD pattern" until an entry below says, for `${METHOD} ${pattern}`:
//   access  who may call it (decides what each principal must get: allowed, or 401/403);
//   status  what a valid call answers;
//   build   one valid request: params, query, body, headers, credentials. It is called
//           again after any attack that was accepted (the state may have changed), so make
//           single-use things fresh here (a refresh token, a key to delete).
// Every field of the body and every query parameter are then attacked for you.
import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { restRoutes } from '../../src/shared/rest-routes';
import { daysFrom } from '../server/server-test-client';
import { LOCAL_IDENTITY_PROVIDER } from '../../src/shared/identity-provider';
import type { RawAnswer } from './support/http';
import { DEMO_PASSWORD, ORG, type Credentials, type OrganizationUnderAttack } from './support/organization-under-attack';
import { CODE_VERIFIER_EXAMPLE, REDIRECT_URI, authorizationRequest, codeOf, signInWithBrowser } from './support/single-sign-on';

/** Who may call an endpoint. */
export type Access =
  /** No credentials needed (sign-in and tokens). */
  | 'anyone'
  /** Any signed-in user, in any organization; not an API key. */
  | 'signed-in user'
  /** A user with ORG_ADMIN in the path's organization. */
  | 'administrator'
  /** Any member of the path's organization, users and API keys alike (ORG_VIEWER). */
  | 'member'
  /** A member with ORG_EDITOR, user or API key. */
  | 'editor'
  /** An owner of the resource, or an administrator. */
  | 'owner or administrator';

export interface ExampleRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A form body (application/x-www-form-urlencoded), as OAuth's endpoints take. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Who sends it; the organization's administrator when left out. */
  credentials?: Credentials;
}

/**
 * How the endpoint answers: `rest`, the REST API's JSON and error body (the default);
 * `oauth`, OAuth's `{error, error_description}` for its own refusals (RFC 6749 §5.2);
 * `page`, pages and redirects for a browser (the identity provider's /authorize).
 */
export type Wire = 'rest' | 'oauth' | 'page';

export interface RestExample {
  access: Access;
  status: number;
  wire?: Wire;
  /** Whether an answer means the call went through (default: a 2xx status). */
  accepted?(answer: RawAnswer): boolean;
  /**
   * The only fields of the body or form to attack one by one, when the others are attacked
   * elsewhere already (say which in a comment); every field when left out.
   */
  attackFields?: readonly string[];
  build(org: OrganizationUnderAttack): Promise<ExampleRequest> | ExampleRequest;
}

const key = (method: string, route: { pattern: string }): string => `${method} ${route.pattern}`;

/** A data source of the demo organization, owned by its administrator. */
async function dataSource(org: OrganizationUnderAttack): Promise<string> {
  const created = await org.ok<{ id: string }>('POST', restRoutes.dataSources.path({ orgId: ORG }), {
    token: org.principals.admin,
    body: { name: 'Hostile example data source' },
  });
  return created.id;
}

async function project(org: OrganizationUnderAttack): Promise<string> {
  const created = await org.ok<{ id: string }>('POST', restRoutes.projects.path({ orgId: ORG }), {
    token: org.principals.admin,
    body: { name: 'Hostile example project', layers: [] },
  });
  return created.id;
}

/**
 * A resource's permission entries, on a resource made fresh by `resource` (owned by the
 * administrator): list them, read one's own, add the second Editor, change the owner's own
 * entry, remove the second Editor's (absent: removing it changes nothing and succeeds).
 */
function permissionExamples(
  routes: { list: { pattern: string }; self: { pattern: string } },
  resource: (org: OrganizationUnderAttack) => Promise<string>,
): Record<string, RestExample> {
  const on = async (org: OrganizationUnderAttack) => ({ orgId: ORG, id: await resource(org) });
  const changer = 'owner or administrator';
  return {
    [key('GET', routes.list)]: { access: 'member', status: 200, build: async (org) => ({ params: await on(org) }) },
    [key('GET', routes.self)]: { access: 'member', status: 200, build: async (org) => ({ params: await on(org) }) },
    [key('POST', routes.list)]: {
      access: changer,
      status: 200,
      build: async (org) => ({ params: await on(org), body: [{ principal: DEMO_USERS.editor2.id, permissions: ['VIEW', 'MODIFY'] }] }),
    },
    [key('PUT', routes.list)]: {
      access: changer,
      status: 200,
      build: async (org) => ({ params: await on(org), body: [{ principal: DEMO_USERS.admin.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] }] }),
    },
    [key('DELETE', routes.list)]: {
      access: changer,
      status: 200,
      build: async (org) => ({ params: await on(org), query: { principals: DEMO_USERS.editor2.id } }),
    },
  };
}

export const REST_EXAMPLES: Record<string, RestExample> = {
  [key('POST', restRoutes.authenticate)]: {
    access: 'anyone',
    status: 200,
    build: () => ({ body: { username: DEMO_USERS.editor3.email, password: DEMO_PASSWORD }, credentials: {} }),
  },
  [key('POST', restRoutes.refreshToken)]: {
    access: 'anyone',
    status: 200,
    build: async (org) => ({ body: { refreshToken: await org.freshRefreshToken(DEMO_USERS.editor2.email), organizationId: ORG }, credentials: {} }),
  },
  [key('POST', restRoutes.revokeToken)]: {
    access: 'anyone',
    status: 204,
    build: async (org) => ({ body: { refreshToken: await org.freshRefreshToken(DEMO_USERS.viewer1.email) }, credentials: {} }),
  },
  [key('GET', restRoutes.usersSelf)]: { access: 'signed-in user', status: 200, build: () => ({}) },
  [key('GET', restRoutes.membersSelf)]: {
    access: 'signed-in user',
    status: 200,
    // As the second administrator, a member of the demo organization only: the admin of both
    // may read their membership of the other one too, which the id attacks would take for a leak.
    build: (org) => ({ params: { orgId: ORG }, credentials: { token: org.principals.unscopedAdmin } }),
  },
  [key('GET', restRoutes.capabilities)]: { access: 'anyone', status: 200, build: () => ({ credentials: {} }) },
  [key('GET', restRoutes.members)]: {
    access: 'administrator',
    status: 200,
    build: () => ({ params: { orgId: ORG }, query: { role: 'ORG_EDITOR' } }),
  },
  [key('GET', restRoutes.apiKeys)]: {
    access: 'administrator',
    status: 200,
    build: () => ({
      params: { orgId: ORG },
      // Every filter at once (they combine with AND): each one is attacked.
      query: {
        page: '0',
        size: '10',
        sort: 'title,asc',
        search: 'survey',
        title: 'survey',
        id: '-',
        createdBy: 'a',
        role: 'ORG_EDITOR',
        status: 'ACTIVE',
        expiresFrom: '2020-01-01T00:00:00Z',
        expiresBefore: '2099-01-01T00:00:00Z',
        createdFrom: '2020-01-01T00:00:00Z',
        createdBefore: '2099-01-01T00:00:00+02:00',
        unusedSince: '2099-01-01T00:00:00Z',
        neverUsed: 'true',
      },
    }),
  },
  [key('POST', restRoutes.apiKeys)]: {
    access: 'administrator',
    status: 201,
    build: () => ({
      params: { orgId: ORG },
      body: { title: 'Hostile example key', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 30) },
      headers: { 'Idempotency-Key': randomUUID() },
    }),
  },
  [key('GET', restRoutes.apiKey)]: {
    access: 'administrator',
    status: 200,
    build: async (org) => ({ params: { orgId: ORG, keyId: (await org.createKey(org.principals.admin)).id } }),
  },
  [key('DELETE', restRoutes.apiKey)]: {
    access: 'administrator',
    status: 200,
    build: async (org) => ({ params: { orgId: ORG, keyId: (await org.createKey(org.principals.admin)).id }, query: { deleteResources: 'true' } }),
  },
  [key('PATCH', restRoutes.apiKey)]: {
    access: 'administrator',
    status: 200,
    build: async (org) => ({
      params: { orgId: ORG, keyId: (await org.createKey(org.principals.admin)).id },
      // Both fields (each is attacked); the date as a date-time, the other form is the create's.
      body: { title: 'Hostile example key, renamed', expirationDate: `${daysFrom(new Date(), 60)}T12:00:00Z` },
    }),
  },
  [key('GET', restRoutes.ownedResources)]: {
    access: 'administrator',
    status: 200,
    build: async (org) => ({ params: { orgId: ORG, keyId: (await org.createKey(org.principals.admin)).id } }),
  },
  [key('GET', restRoutes.dataSources)]: { access: 'member', status: 200, build: () => ({ params: { orgId: ORG } }) },
  [key('POST', restRoutes.dataSources)]: {
    access: 'editor',
    status: 201,
    build: () => ({ params: { orgId: ORG }, body: { name: 'Hostile data source' } }),
  },
  [key('GET', restRoutes.dataSource)]: { access: 'member', status: 200, build: async (org) => ({ params: { orgId: ORG, id: await dataSource(org) } }) },
  ...permissionExamples({ list: restRoutes.dataSourcePermissions, self: restRoutes.dataSourcePermissionsSelf }, dataSource),
  [key('GET', restRoutes.projects)]: { access: 'member', status: 200, build: () => ({ params: { orgId: ORG } }) },
  [key('POST', restRoutes.projects)]: {
    access: 'editor',
    status: 201,
    build: async (org) => ({
      params: { orgId: ORG },
      // A name per language, as JMap Cloud names projects.
      body: { name: { en: 'Hostile project', fr: 'Projet hostile' }, layers: [{ name: 'Parcels', dataSourceId: await dataSource(org) }] },
    }),
  },
  [key('GET', restRoutes.project)]: { access: 'member', status: 200, build: async (org) => ({ params: { orgId: ORG, id: await project(org) } }) },
  ...permissionExamples({ list: restRoutes.projectPermissions, self: restRoutes.projectPermissionsSelf }, project),

  // The identity provider (single sign-on): discovery, keys, the sign-in page, OAuth's token
  // and revocation endpoints. Their refusals are OAuth's or pages, not the REST API's.
  [key('GET', restRoutes.openidConfiguration)]: { access: 'anyone', status: 200, wire: 'oauth', build: () => ({ credentials: {} }) },
  [key('GET', restRoutes.jwks)]: { access: 'anyone', status: 200, wire: 'oauth', build: () => ({ credentials: {} }) },
  [key('GET', restRoutes.authorize)]: {
    access: 'anyone',
    status: 200,
    wire: 'page',
    // login_hint too: its value is written into the page (the email field).
    build: () => ({ query: { ...authorizationRequest(), login_hint: DEMO_USERS.editor2.email }, credentials: {} }),
  },
  [key('POST', restRoutes.authorize)]: {
    access: 'anyone',
    status: 303,
    wire: 'page',
    // A redirect is a refusal too (error=…): only one carrying a code signed someone in.
    accepted: (answer) => answer.status === 303 && codeOf(answer) !== null,
    // The request's own parameters are checked by the same code as GET /authorize's query,
    // attacked there; each sign-in that goes through costs a password hash.
    attackFields: ['email', 'password', 'action'],
    build: () => ({ form: { ...authorizationRequest(), email: DEMO_USERS.editor2.email, password: DEMO_PASSWORD, action: 'sign-in' }, credentials: {} }),
  },
  [key('POST', restRoutes.oauthToken)]: {
    access: 'anyone',
    status: 200,
    wire: 'oauth',
    build: async (org) => ({
      form: {
        grant_type: 'authorization_code',
        // Not the second Editor: the attacks on the sign-in form hold that user in backoff.
        code: await signInWithBrowser(org, DEMO_USERS.editor1.email),
        client_id: LOCAL_IDENTITY_PROVIDER.clientId,
        redirect_uri: REDIRECT_URI,
        code_verifier: CODE_VERIFIER_EXAMPLE,
      },
      credentials: {},
    }),
  },
  [key('POST', restRoutes.oauthRevoke)]: {
    access: 'anyone',
    status: 200,
    wire: 'oauth',
    build: async (org) => {
      const answer = await org.call('POST', restRoutes.oauthToken.path(), {
        form: {
          grant_type: 'authorization_code',
          code: await signInWithBrowser(org, DEMO_USERS.viewer1.email),
          client_id: LOCAL_IDENTITY_PROVIDER.clientId,
          redirect_uri: REDIRECT_URI,
          code_verifier: CODE_VERIFIER_EXAMPLE,
        },
      });
      const { refresh_token: token } = answer.json as { refresh_token: string };
      return { form: { client_id: LOCAL_IDENTITY_PROVIDER.clientId, token }, credentials: {} };
    },
  },
};
