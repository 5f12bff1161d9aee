// The one main window, known to the rest of the app from the moment it exists, not from the
// moment its page has loaded: the IPC sender check, `second-instance`, the menu and macOS's
// `activate` all ask for it while the page is still loading (its first IPC calls come
// before did-finish-load, which is when `loadURL` resolves). No Electron import, so that
// the ordering is tested with Node (test/main/main-window-slot.test.ts).

/** What the slot needs of a BrowserWindow. */
export interface SlotWindow {
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
}

export interface MainWindowSlot<W extends SlotWindow> {
  /** The window, as soon as it is created (its page may still be loading); null when there is none. */
  current(): W | null;
  /**
   * Opens the window unless it exists or is being opened (then the same opening is shared, so
   * an `activate` during start-up makes no second window). Resolves once the page has loaded.
   */
  open(): Promise<W>;
}

export function createMainWindowSlot<W extends SlotWindow>(options: {
  /** Builds the window, page not loaded yet. */
  create: () => Promise<W>;
  /** Loads its page (BrowserWindow.loadURL). */
  load: (window: W) => Promise<void>;
}): MainWindowSlot<W> {
  let window: W | null = null;
  let opening: Promise<W> | null = null;

  async function openNew(): Promise<W> {
    const created = await options.create();
    window = created;
    created.once('closed', () => {
      if (window === created) window = null;
    });
    await options.load(created);
    return created;
  }

  return {
    current: () => (window && !window.isDestroyed() ? window : null),
    open() {
      const existing = window && !window.isDestroyed() ? window : null;
      if (opening) return opening;
      if (existing) return Promise.resolve(existing);
      opening = openNew().finally(() => {
        opening = null;
      });
      return opening;
    },
  };
}
