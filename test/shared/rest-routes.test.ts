// The client fills in the paths and the server routes on the patterns of one table: each
// filled path must reach, on the server's own router, the route it was filled from.
import { describe, expect, it } from 'vitest';
import { Router } from '../../src/server/http/router';
import { restRoutes } from '../../src/shared/rest-routes';

const ORG = '149bb9d0-7049-444b-b03f-6698d7f4d796';
const KEY = '0712ff06-2c1a-40c7-a43f-ddf087efe274';
const values = { orgId: ORG, keyId: KEY, id: '2b71fc81-294f-4a81-94b1-7ef033f54189' };

describe('REST routes', () => {
  const router = new Router();
  const reached: string[] = [];
  for (const [name, route] of Object.entries(restRoutes)) {
    router.add('GET', route, () => {
      reached.push(name);
      return { status: 200 };
    });
  }

  it.each(Object.entries(restRoutes))('%s: the path the client fills in reaches that route on the server', async (name, route) => {
    const path = (route.path as (params: typeof values) => string)(values);
    expect(path).not.toContain(':');
    const { handler, params } = router.match('GET', path);
    await handler({ req: undefined as never, params, query: new URLSearchParams(), rawBody: Buffer.alloc(0) });
    expect(reached.at(-1)).toBe(name);
    const names = route.pattern.split('/').flatMap((segment) => (segment.startsWith(':') ? [segment.slice(1) as keyof typeof values] : []));
    expect(params).toEqual(Object.fromEntries(names.map((param) => [param, values[param]])));
  });

  it('keeps the JMap Cloud paths', () => {
    expect(restRoutes.authenticate.path()).toBe('/api/ss/rest/v1/authenticate');
    expect(restRoutes.apiKey.path({ orgId: ORG, keyId: KEY })).toBe(`/api/ss/rest/v1/organizations/${ORG}/api-keys/${KEY}`);
    expect(restRoutes.projectPermissions.pattern).toBe('/api/mcs/rest/v1/organizations/:orgId/projects/:id/permissions');
  });

  it('encodes what it fills in, so that a value cannot add a segment or a query', () => {
    expect(restRoutes.apiKey.path({ orgId: 'a/b', keyId: '../x?y=1' })).toBe('/api/ss/rest/v1/organizations/a%2Fb/api-keys/..%2Fx%3Fy%3D1');
  });

  it('fills in half of a surrogate pair as U+FFFD instead of throwing (found by the hostile suite)', () => {
    expect(restRoutes.apiKey.path({ orgId: 'a\ud800', keyId: '\udc00b' })).toBe('/api/ss/rest/v1/organizations/a%EF%BF%BD/api-keys/%EF%BF%BDb');
  });
});
