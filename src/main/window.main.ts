// The main window: hardened webPreferences, bounds restored and saved. It is returned before
// its page loads (main-window-slot.ts says why); loadMainWindow loads our own page into it.
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { createJsonFile } from '../services/files/json-file';
import type { Logger } from '../services/logger';
import type { RendererLocation } from './renderer-location';
import { DEFAULT_WINDOW_STATE, WINDOW_MINIMUM_SIZE, placeOnScreens, stateFromBounds, windowStateSchema } from './window-state';

export interface MainWindowOptions {
  userDataDir: string;
  preloadPath: string;
  isDevelopment: boolean;
  log: Logger;
}

// The last save of the window's bounds, so that quitting can wait for it.
let saving: Promise<void> = Promise.resolve();

export function windowStateSaved(): Promise<void> {
  return saving;
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const stateFile = createJsonFile({
    path: join(options.userDataDir, 'window-state.json'),
    schema: windowStateSchema,
    defaults: () => DEFAULT_WINDOW_STATE,
    log: options.log,
  });
  const saved = await stateFile.read().catch(() => DEFAULT_WINDOW_STATE);
  const state = placeOnScreens(saved, screen.getAllDisplays().map((display) => display.workArea));

  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: WINDOW_MINIMUM_SIZE.width,
    minHeight: WINDOW_MINIMUM_SIZE.height,
    show: false,
    title: 'KeyDesk',
    // Written out here, not built elsewhere, so that Electronegativity (npm run audit:electron) checks every flag.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: options.isDevelopment,
      spellcheck: false,
      safeDialogs: true,
      // A middle click would otherwise open a link in a new window, past setWindowOpenHandler's intent.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const next = stateFromBounds(window.getNormalBounds(), window.isMaximized());
    if (next) saving = stateFile.write(next).catch(() => options.log.warn('Could not save the window position'));
  });

  return window;
}

/** Loads our own page; resolves once it has loaded (did-finish-load). */
export function loadMainWindow(window: BrowserWindow, location: RendererLocation): Promise<void> {
  return window.loadURL(location.url);
}
