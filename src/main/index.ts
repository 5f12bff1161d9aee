// The Electron main process, kept thin: each concern lives in its own module.
import { dirname, join } from 'node:path';
import { app, dialog, session } from 'electron';
import { createDispatcher } from '../services/dispatch/dispatcher';
import type { Settings } from '../shared/settings';
import { registerAppScheme, serveRendererOnAppScheme } from './app-protocol.main';
import { pageContentSecurityPolicy } from './content-security-policy';
import { registerIpcHandlers } from './ipc/ipc-main';
import { openLogFile, type LogFile } from './log-file';
import { createMainLogger } from './logger.main';
import { createMainWindowSlot } from './main-window-slot';
import { installApplicationMenu } from './menu.main';
import { resolveRendererLocation } from './renderer-location';
import { hardenSession, hardenWebContents } from './security.main';
import { createMainServices } from './services.main';
import { createMainWindow, loadMainWindow, windowStateSaved } from './window.main';

/** ~/.config/KeyDesk/logs on Linux, ~/Library/Logs/KeyDesk on macOS, %APPDATA%\KeyDesk\logs on Windows. */
function openAppLogFile(): LogFile | null {
  try {
    return openLogFile({ folder: app.getPath('logs'), onFailure: (reason) => console.error(reason) });
  } catch {
    return null;
  }
}
const logFile = openAppLogFile();
const log = createMainLogger(logFile);
const isDevelopment = !app.isPackaged;
const location = resolveRendererLocation({
  rendererDir: join(import.meta.dirname, '../renderer'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  isDevelopment,
});
const mainWindow = createMainWindowSlot({
  create: () =>
    createMainWindow({
      userDataDir: app.getPath('userData'),
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      isDevelopment,
      log,
    }),
  load: (window) => loadMainWindow(window, location),
});
const getMainWindow = mainWindow.current;

function focusMainWindow(): void {
  const window = mainWindow.current();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  // Not shown yet: it shows itself, focused, once its page is ready (ready-to-show).
  else if (!window.isVisible()) return;
  window.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, location, pageContentSecurityPolicy(location, __KEYDESK_DEV_PAGE_SCRIPT_HASHES__));
  serveRendererOnAppScheme(session.defaultSession, location);
  // The menu speaks the language of the settings, and is rebuilt when it changes.
  let menuLanguage: Settings['language'] | null = null;
  const menuIn = (language: Settings['language']): void => {
    if (language === menuLanguage) return;
    menuLanguage = language;
    installApplicationMenu({ language, appName: app.getName(), isDevelopment, getMainWindow, logFolder: logFile ? dirname(logFile.path) : null });
  };
  const services = createMainServices({
    log,
    onSettingsChanged: (settings) => menuIn(settings.language),
    getMainWindow,
    language: () => menuLanguage ?? 'en',
  });
  registerIpcHandlers({
    dispatch: createDispatcher(services.handlers, { log: (line) => log.error(line) }),
    getMainWindow,
    location,
    log: (line) => log.warn(line),
  });
  menuIn((await services.readSettings()).language);
  services.updates.startAutomaticChecks();

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    Promise.all([services.dispose(), windowStateSaved()])
      .catch(() => log.warn('Could not dispose the services cleanly at quit'))
      .finally(() => app.quit());
  });
  app.on('activate', () => {
    mainWindow.open().catch(() => log.error('Could not open the main window'));
  });
  await mainWindow.open();
}

if (!app.requestSingleInstanceLock()) {
  // Another KeyDesk is running: it gets focus (second-instance below), this one leaves.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    const name = error instanceof Error ? error.name : 'unknown';
    log.error('KeyDesk could not start', { error: name });
    // A packaged app has no terminal: without this box it would just vanish.
    const trace = logFile ? `send ${logFile.path} to whoever supports KeyDesk` : 'start it from a terminal and send its output to whoever supports KeyDesk';
    dialog.showErrorBox('KeyDesk could not start', `KeyDesk stopped while starting (${name}). Start it again; if this keeps happening, ${trace}.`);
    app.exit(1);
  });
}
