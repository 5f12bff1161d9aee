// The order in which the main window becomes known, with plain objects standing in for
// BrowserWindow (this tests the slot's bookkeeping, not Electron): the window must be
// reachable while its page loads, since the page's first IPC calls come before loadURL
// resolves, and an `activate` during start-up must not open a second one.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createMainWindowSlot } from '../../src/main/main-window-slot';

class Window extends EventEmitter {
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function slotWithControlledLoads() {
  const created: Window[] = [];
  const loads: ReturnType<typeof deferred>[] = [];
  const slot = createMainWindowSlot<Window>({
    create: async () => {
      const window = new Window();
      created.push(window);
      return window;
    },
    load: () => {
      const load = deferred();
      loads.push(load);
      return load.promise;
    },
  });
  return { slot, created, loads };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('main window slot', () => {
  it('knows the window while its page is still loading', async () => {
    const { slot, created, loads } = slotWithControlledLoads();
    const opened = slot.open();
    await settle();
    expect(created).toHaveLength(1);
    expect(slot.current()).toBe(created[0]);
    loads[0]?.resolve();
    await expect(opened).resolves.toBe(created[0]);
  });

  it('opens one window when asked twice during start-up (macOS activate)', async () => {
    const { slot, created, loads } = slotWithControlledLoads();
    const first = slot.open();
    const second = slot.open();
    await settle();
    const third = slot.open();
    loads[0]?.resolve();
    expect(await Promise.all([first, second, third])).toEqual([created[0], created[0], created[0]]);
    expect(created).toHaveLength(1);
    expect(await slot.open()).toBe(created[0]);
    expect(created).toHaveLength(1);
  });

  it('forgets a closed window and opens a new one on the next request', async () => {
    const { slot, created, loads } = slotWithControlledLoads();
    const first = slot.open();
    await settle();
    loads[0]?.resolve();
    await first;
    created[0]?.close();
    expect(slot.current()).toBeNull();
    const second = slot.open();
    await settle();
    expect(created).toHaveLength(2);
    expect(slot.current()).toBe(created[1]);
    loads[1]?.resolve();
    await expect(second).resolves.toBe(created[1]);
  });

  it('reports a page that fails to load, and lets a later request try again', async () => {
    const { slot, created, loads } = slotWithControlledLoads();
    const first = slot.open();
    await settle();
    loads[0]?.reject(new Error('ERR_FILE_NOT_FOUND'));
    await expect(first).rejects.toThrow('ERR_FILE_NOT_FOUND');
    // The window is there (blank); the next request returns it rather than stacking another.
    expect(await slot.open()).toBe(created[0]);
    expect(created).toHaveLength(1);
  });
});
