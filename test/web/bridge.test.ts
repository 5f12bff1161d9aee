// The web preview over real HTTP: a real local organization server, the real services,
// the real renderer build. What a browser on this machine may do, and what nothing else may.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { ApiKeyPage } from '../../src/shared/api-types';
import type { SessionInfo } from '../../src/shared/session';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { startWebPreview, type WebPreview } from '../../src/web/start-web-preview';
import { rawRequest } from './http-request';
import { daysFrom } from '../server/server-test-client';

let preview: WebPreview;
let origin: string;
let host: string;

function bridge(method: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(`${origin}/__keydesk/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, 'X-KeyDesk-Token': preview.token, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}

beforeAll(async () => {
  preview = await startWebPreview({ port: 0, adminPassword: 'bridge-test-password' });
  origin = preview.url.replace(/\/$/, '');
  host = new URL(preview.url).host;
}, 180_000);
afterAll(() => preview?.close());

describe('web preview page', () => {
  it('serves the renderer with this run’s token, its CSP as a header, never cached', async () => {
    const page = await rawRequest(preview.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.body).toContain(`<meta name="keydesk-bridge-token" content="${preview.token}" />`);
    // The same policy as in Electron: the meta tag's, plus frame-ancestors (test/main checks both agree).
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['cache-control']).toBe('no-store');
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await rawRequest(`${origin}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('serves nothing outside the build, nor its hidden files', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/.web-preview-stamp', '/nope.js', '/%00']) {
      const response = await rawRequest(`${origin}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('refuses a foreign Host (DNS rebinding) even for the page', async () => {
    for (const foreign of ['evil.example', `evil.example:${new URL(preview.url).port}`, '127.0.0.1:1']) {
      const page = await rawRequest(preview.url, { headers: { Host: foreign } });
      expect(page.status, foreign).toBe(403);
      expect(page.body).not.toContain(preview.token);
    }
    expect((await rawRequest(preview.url, { headers: { Host: `localhost:${new URL(preview.url).port}` } })).status).toBe(200);
  });
});

describe('web preview bridge', () => {
  it('refuses a missing or wrong token without running anything', async () => {
    for (const headers of [{ 'X-KeyDesk-Token': '' }, { 'X-KeyDesk-Token': 'wrong' }, { 'X-KeyDesk-Token': `${preview.token}x` }]) {
      const response = await bridge('openLocalOrganization', undefined, headers);
      expect(response.status).toBe(403);
      expect(response.json<Result<unknown>>()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/session token/) } });
    }
    const noToken = await rawRequest(`${origin}/__keydesk/getSession`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin } });
    expect(noToken.status).toBe(403);
    // Nothing ran: still no session.
    expect((await bridge('getSession', undefined)).json()).toEqual({ ok: true, value: null });
  });

  it('refuses a foreign Origin, a missing Origin, a cross-site fetch and a foreign Host', async () => {
    expect((await bridge('getSession', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await bridge('getSession', undefined, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await bridge('getSession', undefined, { Origin: 'null' })).status).toBe(403);
    expect((await bridge('getSession', undefined, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await bridge('getSession', undefined, { Host: 'evil.example' })).status).toBe(403);
    const noOrigin = await rawRequest(`${origin}/__keydesk/getSession`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-KeyDesk-Token': preview.token },
    });
    expect(noOrigin.status).toBe(403);
    expect((await bridge('getSession', undefined, { Host: host })).status).toBe(200);
  });

  it('accepts only JSON POSTs of a sane size', async () => {
    expect((await rawRequest(`${origin}/__keydesk/getSession`, { headers: { Origin: origin, 'X-KeyDesk-Token': preview.token } })).status).toBe(405);
    expect((await bridge('getSession', undefined, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const malformed = await rawRequest(`${origin}/__keydesk/getSession`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, 'X-KeyDesk-Token': preview.token },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    const tooLarge = await bridge('copyText', { text: 'x'.repeat(70_000) });
    expect(tooLarge.status).toBe(413);
    // The rest of the body is not read: the answer says the connection closes, so that a
    // client does not send its next call on it (found by the hostile suite: ECONNRESET).
    expect(tooLarge.headers.connection).toBe('close');
  });

  it('validates with the contract, naming the field', async () => {
    const response = await bridge('listApiKeys', { pageSize: 5000 });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('pageSize'), details: { method: 'listApiKeys', fields: ['pageSize'] } },
    });
    expect((await bridge('noSuchMethod', undefined)).json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses a server address that is no URL as an invalid argument, not an internal error', async () => {
    for (const serverUrl of ['not a url', '', 'ftp://api.jmapcloud.io']) {
      const response = await bridge('signIn', { serverUrl, username: 'admin@demo.local', password: 'x', remember: false });
      expect(response.status).toBe(200);
      expect(response.json(), serverUrl).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('serverUrl'), details: { method: 'signIn', fields: ['serverUrl'] } },
      });
    }
  });

  it('reaches the real services: open the local organization, list its keys', async () => {
    const opened = (await bridge('openLocalOrganization', undefined)).json<Result<SessionInfo>>();
    expect(opened).toMatchObject({ ok: true, value: { kind: 'local', organization: { name: 'Demo Organization' } } });
    expect((await bridge('getSession', undefined)).json()).toMatchObject({ ok: true, value: { connectionId: 'local' } });
    const keys = (await bridge('listApiKeys', { pageSize: 10 })).json<Result<ApiKeyPage>>();
    expect(keys.ok).toBe(true);
    if (!keys.ok) return;
    expect(keys.value.content).toHaveLength(10);
    expect(keys.value.page.totalElements).toBeGreaterThanOrEqual(25);
    expect(JSON.stringify(keys)).not.toMatch(/secret|hash/i);
  });

  it('hands the text to copy back to the page that asked (the browser’s clipboard is the page’s)', async () => {
    await bridge('openLocalOrganization', undefined);
    const text = (await bridge('copyText', { text: 'admin@demo.local' })).json();
    expect(text).toEqual({ ok: true, value: { clearsAfterSeconds: null, text: 'admin@demo.local' } });

    const created = (await bridge('createApiKey', { title: 'Bridge copy test', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 180), idempotencyKey: crypto.randomUUID() })).json<
      Result<{ apiKey: { id: string }; secret: string }>
    >();
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const copied = (await bridge('copySecret', { apiKeyId: created.value.apiKey.id })).json();
    expect(copied).toEqual({ ok: true, value: { clearsAfterSeconds: 60, text: created.value.secret } });
    // Without the token, nobody gets it.
    expect((await bridge('copySecret', { apiKeyId: created.value.apiKey.id }, { 'X-KeyDesk-Token': 'wrong' })).body).not.toContain(created.value.secret);
    await bridge('forgetSecret', { apiKeyId: created.value.apiKey.id });
    expect((await bridge('copySecret', { apiKeyId: created.value.apiKey.id })).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await bridge('deleteApiKey', { id: created.value.apiKey.id, resources: { kind: 'nothing-owned' } });
  });
});

describe('web preview app info', () => {
  it('says it is the web host, with the project’s version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await bridge('getAppInfo', undefined)).json()).toEqual({ ok: true, value: { name: 'KeyDesk', version, host: 'web', platform: process.platform } });
  });
});
