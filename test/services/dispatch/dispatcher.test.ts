import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { IPC_METHODS, type IpcMethod, type KeyDeskHandlers } from '../../../src/shared/ipc-contract';
import { createDispatcher } from '../../../src/services/dispatch/dispatcher';

const SENTINEL = 'sentinel-Secret-9f8e7d';

/** Spy handlers: here the point is to prove they are NOT called on bad input. */
function spyHandlers(): KeyDeskHandlers & Record<IpcMethod, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(IPC_METHODS.map((method) => [method, vi.fn(async () => 'handled')])) as never;
}

// Arguments no method of the contract accepts.
const badForEvery: unknown[] = [42, 'text', [], { [`unexpected${SENTINEL}`]: true }, { password: SENTINEL, extra: SENTINEL }];

describe('dispatcher', () => {
  it.each(IPC_METHODS)('%s rejects bad arguments without calling its handler', async (method) => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers, { log: () => undefined });
    for (const argument of badForEvery) {
      const result = await dispatch(method, argument);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toContain(method);
      expect(JSON.stringify(result.error)).not.toContain(SENTINEL);
    }
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('names the field that is wrong, without quoting its value', async () => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers);
    const result = await dispatch('signIn', { serverUrl: 'http://127.0.0.1:1', username: 'a@b.c', password: 12345, remember: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('password'), details: { method: 'signIn', fields: ['password'] } },
    });
    expect(JSON.stringify(result)).not.toContain('12345');

    const remote = await dispatch('signIn', { serverUrl: 'http://example.com', username: 'a', password: SENTINEL, remember: true });
    expect(remote.ok || remote.error.message).toMatch(/serverUrl: The server address must use https/);
    expect(JSON.stringify(remote)).not.toContain(SENTINEL);

    const query = await dispatch('listApiKeys', { pageSize: 1000 });
    expect(query.ok || query.error.message).toMatch(/pageSize/);
    expect(handlers.signIn).not.toHaveBeenCalled();
    expect(handlers.listApiKeys).not.toHaveBeenCalled();
  });

  it('passes the parsed argument (defaults applied) to the handler and wraps its value', async () => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers);
    await expect(dispatch('listApiKeys', {})).resolves.toEqual({ ok: true, value: 'handled' });
    expect(handlers.listApiKeys).toHaveBeenCalledWith({ page: 0, pageSize: 100, sortField: 'creationDate', sortDirection: 'desc' });
    await expect(dispatch('getSession', undefined)).resolves.toEqual({ ok: true, value: 'handled' });
    expect(handlers.getSession).toHaveBeenCalledWith(undefined);
  });

  it('refuses unknown methods, including inherited property names', async () => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers);
    for (const method of ['nope', 'constructor', '__proto__', 'toString', `x${SENTINEL}<script>`]) {
      const result = await dispatch(method, undefined);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(SENTINEL);
    }
  });

  it('returns a handler’s AppError as is', async () => {
    const handlers = spyHandlers();
    handlers.getSession.mockRejectedValueOnce(new AppError('NOT_CONNECTED', 'Connect to an organization first.', { hint: 1 }));
    const result = await createDispatcher(handlers)('getSession', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_CONNECTED', message: 'Connect to an organization first.', details: { hint: 1 } } });
  });

  it('turns anything else into INTERNAL and logs it without its message', async () => {
    const handlers = spyHandlers();
    handlers.listApiKeys.mockRejectedValueOnce(new TypeError(`token ${SENTINEL} leaked`));
    const lines: string[] = [];
    const result = await createDispatcher(handlers, { log: (line) => lines.push(line) })('listApiKeys', {});
    expect(result.ok || result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain(SENTINEL);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/unexpected TypeError in listApiKeys/);
    expect(lines.join('\n')).not.toContain(SENTINEL);
  });
});
