// The HTTP layer: every error is the JSON body {status, code, message, details?}, and
// bad input of any kind is a 4xx, never a 5xx.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/shared/api-types';
import { KEYS, MCS, SS, startTestServer, type TestClient } from './server-test-client';

let client: TestClient;
let token: string;

beforeAll(async () => {
  client = await startTestServer();
  token = (await client.signIn('admin@demo.local')).accessToken;
});
afterAll(() => client.server.close());

describe('errors', () => {
  it('answers an unknown path with 404 ROUTE_NOT_FOUND and a wrong method with 405', async () => {
    const unknown = await client.request('GET', '/api/ss/rest/v1/nothing-here', { token });
    expect(unknown.status).toBe(404);
    expect(apiErrorBodySchema.parse(unknown.body)).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    const wrongMethod = await client.request('PUT', KEYS, { token, body: {} });
    expect([wrongMethod.status, wrongMethod.body.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('refuses malformed ids in any path position with 400 INVALID_ID', async () => {
    for (const path of [`${SS}/organizations/demo/api-keys`, `${KEYS}/1`, `${MCS}/projects/%E0%A4%A/permissions`, `${KEYS}/${'a'.repeat(36)}`]) {
      const response = await client.request('GET', path, { token });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    const badOrg = await client.request('GET', `${SS}/organizations/demo/api-keys`, { token });
    expect(badOrg.body).toMatchObject({ code: 'INVALID_ID', details: { parameter: 'orgId' } });
  });

  it('answers only requests addressed to its loopback name and port (DNS rebinding)', async () => {
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${client.server.url}${SS}/users/self`, { headers: { Host: host, Authorization: `Bearer ${token}` } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const { port } = client.server;
    expect(await statusFor(`evil.example:${port}`)).toBe(421);
    expect(await statusFor('127.0.0.1')).toBe(421);
    expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
    expect(await statusFor(`LOCALHOST:${port}`)).toBe(200);
  });

  it('sends JSON with no-store caching on every answer', async () => {
    const response = await client.request('GET', KEYS, { token });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses an oversize body even when it arrives without a Content-Length', async () => {
    const { url } = client.server;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${url}${KEYS}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('never answers 5xx to hostile or malformed input', async () => {
    const bodies: unknown[] = [null, 0, 'text', [], {}, { title: null }, { title: { $gt: '' } }, JSON.parse('{"__proto__":{"role":"ORG_ADMIN"},"constructor":{"prototype":{}}}'),
      { title: 'x', role: 'ORG_EDITOR', expirationDate: '9999-12-31T23:59:59Z' }, { title: 'x', role: 'ORG_EDITOR', expirationDate: '+275760-09-13' },
      { title: '\u0000', role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, { title: 'x'.repeat(60_000), role: 'ORG_EDITOR', expirationDate: '2030-01-01' }];
    const paths = [KEYS, `${MCS}/projects`, `${MCS}/datasources`, `${SS}/authenticate`, `${SS}/refresh-token`, `${SS}/revoke-token`];
    for (const path of paths) {
      for (const body of bodies) {
        const response = await client.request('POST', path, { token, rawBody: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
        expect(response.status, `${path} ${JSON.stringify(body)?.slice(0, 60)}`).toBeLessThan(500);
        if (response.status >= 400) expect(apiErrorBodySchema.safeParse(response.body).success).toBe(true);
      }
    }
    const queries = ['page=1e3', 'size=%00', 'sort=', 'search=%', "search=' OR 1=1 --", 'search=%25', 'status=', 'role=', 'apiKey='];
    for (const query of queries) {
      const response = await client.request('GET', `${KEYS}?${query}`, { token });
      expect(response.status, query).toBeLessThan(500);
    }
    const headers: Record<string, string>[] = [{ Authorization: 'Bearer' }, { Authorization: 'Basic abc' }, { 'Api-Key': '' }, { 'Idempotency-Key': '' }];
    for (const extra of headers) {
      const response = await client.request('GET', `${MCS}/projects`, { headers: extra });
      expect(response.status, JSON.stringify(extra)).toBeLessThan(500);
    }
  });

  it('treats a search string literally (no SQL, no wildcards)', async () => {
    for (const search of ['%', '_', "' OR 1=1 --"]) {
      const page = (await client.request('GET', `${KEYS}?search=${encodeURIComponent(search)}`, { token })).body;
      expect(page.page.totalElements, search).toBe(0);
    }
  });

  // Node's parser refused these before any route, with a bare 400 (found by the hostile suite).
  it('answers bytes that are not HTTP, or headers too large, with the JSON error body', async () => {
    const exchange = (bytes: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: client.server.port });
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => undefined);
        socket.end(bytes);
      });
    const host = `127.0.0.1:${client.server.port}`;
    for (const [bytes, status, code] of [
      ['HELLO THERE\r\n\r\n', 400, 'MALFORMED_REQUEST'],
      [`GET ${SS}/users/self HTTP/1.1\r\nHost: ${host}\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
    ] as const) {
      const answer = await exchange(bytes);
      expect(answer.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(answer).toContain('Content-Type: application/json; charset=utf-8');
      expect(apiErrorBodySchema.parse(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)))).toMatchObject({ status, code });
    }
  });

  it('refuses query parameters on the token endpoints too (they were ignored there)', async () => {
    for (const path of [`${SS}/authenticate`, `${SS}/refresh-token`, `${SS}/revoke-token`]) {
      const response = await client.request('POST', `${path}?unexpected=1`, { body: { refreshToken: 'x', username: 'a', password: 'b' } });
      expect([response.status, response.body.code], path).toEqual([400, 'INVALID_QUERY_PARAMETER']);
    }
  });
});
