import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../src/shared/clipboard-guard';
import { createFakeTimers, createMemoryClipboard } from '../services/support/harness';
import { flush } from '../services/support/caught';

describe('the clipboard guard', () => {
  it('clears a copied secret after its delay while the clipboard still holds it', async () => {
    const clipboard = createMemoryClipboard();
    const timers = createFakeTimers();
    const guard = createClipboardGuard(clipboard, timers.setTimer);

    expect(await guard.copy('s3cret', { secret: true, clearAfterSeconds: 60 })).toEqual({ clearsAfterSeconds: 60 });
    expect(clipboard.writes).toEqual([{ text: 's3cret', secret: true }]);
    expect(timers.pending()).toEqual([{ ms: 60_000 }]);

    timers.fireAll();
    await flush();
    expect(clipboard.value).toBe('');
  });

  it('leaves what the user copied since', async () => {
    const clipboard = createMemoryClipboard();
    const timers = createFakeTimers();
    const guard = createClipboardGuard(clipboard, timers.setTimer);

    await guard.copy('s3cret', { secret: true, clearAfterSeconds: 30 });
    clipboard.value = 'the user copied this elsewhere';
    timers.fireAll();
    await flush();
    expect(clipboard.value).toBe('the user copied this elsewhere');
  });

  it('never clears a plain copy, and a new copy replaces the pending clear', async () => {
    const clipboard = createMemoryClipboard();
    const timers = createFakeTimers();
    const guard = createClipboardGuard(clipboard, timers.setTimer);

    await guard.copy('s3cret', { secret: true, clearAfterSeconds: 30 });
    expect(await guard.copy('someone@example.com', { secret: false, clearAfterSeconds: null })).toEqual({
      clearsAfterSeconds: null,
    });
    expect(timers.pending()).toEqual([]);
    await guard.dispose();
    expect(clipboard.value).toBe('someone@example.com');
    expect(clipboard.writes.at(-1)).toEqual({ text: 'someone@example.com', secret: false });
  });

  it('clears at dispose (quit) only while the clipboard still holds the secret', async () => {
    const clipboard = createMemoryClipboard();
    const timers = createFakeTimers();
    const held = createClipboardGuard(clipboard, timers.setTimer);
    await held.copy('s3cret', { secret: true, clearAfterSeconds: 60 });
    await held.dispose();
    expect(clipboard.value).toBe('');
    expect(timers.pending()).toEqual([]);

    const replaced = createClipboardGuard(clipboard, timers.setTimer);
    await replaced.copy('s3cret', { secret: true, clearAfterSeconds: 60 });
    clipboard.value = 'later copy';
    await replaced.dispose();
    expect(clipboard.value).toBe('later copy');
  });

  it('reports a refused copy plainly and schedules no clear', async () => {
    const timers = createFakeTimers();
    const refusing = { ...createMemoryClipboard(), writeText: () => Promise.reject(new Error('NotAllowedError')) };
    const guard = createClipboardGuard(refusing, timers.setTimer);
    await expect(guard.copy('s3cret', { secret: true, clearAfterSeconds: 60 })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The clipboard refused the copy. Try again, or select the text and copy it yourself.',
    });
    expect(timers.pending()).toEqual([]);
  });
});
