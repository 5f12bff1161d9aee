// A 500 is logged as one line: the request's method and path, the error's name and its
// stack frames, never its message (it may quote a secret) nor the query (it may hold ?apiKey=).
import { afterEach, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import type { ServerHooks } from '../../src/server/server-context';
import { KEYS, startTestServer, type TestClient } from './server-test-client';

let client: TestClient | undefined;
afterEach(() => client?.server.close());

it('logs an unexpected failure as one line, without its message', async () => {
  const errors: string[] = [];
  const hooks: ServerHooks = {};
  client = await startTestServer({ hooks, logError: (line) => errors.push(line) });
  const token = (await client.signIn('admin@demo.local')).accessToken;
  const { apiKey } = await client.createKey(token);
  hooks.onDeleteStep = () => {
    throw new Error('failure quoting jmk_SENTINEL-secret');
  };
  const response = await client.request('DELETE', `${KEYS}/${apiKey.id}?transferTo=${DEMO_USERS.editor2.id}`, { token });
  expect(response.status).toBe(500);
  expect(errors).toHaveLength(1);
  const line = errors[0] ?? '';
  expect(line).toMatch(new RegExp(`^Internal error on DELETE ${KEYS}/${apiKey.id}: Error \\| at `));
  expect(line).not.toContain('\n');
  expect(line).not.toContain('SENTINEL');
  expect(line).not.toContain('transferTo');
});
