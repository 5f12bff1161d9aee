// A 500 is logged by the error's name and stack frames only: its message may quote a secret.
import { afterEach, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import type { ServerHooks } from '../../src/server/server-context';
import { KEYS, startTestServer, type TestClient } from './server-test-client';

let client: TestClient | undefined;
afterEach(() => client?.server.close());

it('logs an unexpected failure without its message', async () => {
  const lines: string[] = [];
  const hooks: ServerHooks = {};
  client = await startTestServer({ hooks, log: (line) => lines.push(line) });
  const token = (await client.signIn('admin@demo.local')).accessToken;
  const { apiKey } = await client.createKey(token);
  hooks.onDeleteStep = () => {
    throw new Error('failure quoting jmk_SENTINEL-secret');
  };
  const response = await client.request('DELETE', `${KEYS}/${apiKey.id}?transferTo=${DEMO_USERS.editor2.id}`, { token });
  expect(response.status).toBe(500);
  const logged = lines.join('\n');
  expect(logged).toMatch(/Internal error: Error\n\s+at /);
  expect(logged).not.toContain('SENTINEL');
});
