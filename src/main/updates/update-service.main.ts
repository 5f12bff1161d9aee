// The update service wired to Electron: electron-updater (loaded on the first check only,
// so that start-up and the source-tree app never pay for it), app.isPackaged, Node timers.
// The decisions live in update-service.ts and update-messages.ts, tested without Electron.
// Electron itself is required only for what the options leave out, so that this module
// also loads where no Electron binary is installed (vitest).
import { createRequire } from 'node:module';
import type * as ElectronModule from 'electron';
import type * as ElectronUpdater from 'electron-updater';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import {
  createUpdateServiceWith,
  type UpdateLogger,
  type UpdateScheduler,
  type UpdateService,
  type UpdateServiceDependencies,
  type UpdaterPort,
} from './update-service';

export type { UpdateService } from './update-service';

export type UpdateServiceOptions = Partial<Pick<UpdateServiceDependencies, 'isPackaged' | 'getSettings' | 'log' | 'currentVersion'>>;

type ElectronUpdaterModule = typeof ElectronUpdater;

async function loadElectronUpdater(): Promise<UpdaterPort> {
  const loaded = (await import('electron-updater')) as ElectronUpdaterModule & { default?: ElectronUpdaterModule };
  // electron-updater is CommonJS and defines autoUpdater as a getter, which Node's ESM
  // import exposes only on `default`; the getter picks the updater of this OS and package type.
  return (loaded.default ?? loaded).autoUpdater;
}

const nodeScheduler: UpdateScheduler = {
  after(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
  every(intervalMs, task) {
    const timer = setInterval(task, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  },
};

const consoleLogger: UpdateLogger = {
  info: (message, fields) => console.info(`[updates] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[updates] ${message}`, fields ?? ''),
};

function electronApp(): typeof ElectronModule.app {
  return (createRequire(import.meta.url)('electron') as typeof ElectronModule).app;
}

/**
 * Pass `getSettings` so that automatic checks follow the user's setting; without it they
 * follow the default (on). Call after `app` is ready.
 */
export function createUpdateService(options: UpdateServiceOptions = {}): UpdateService {
  return createUpdateServiceWith({
    isPackaged: options.isPackaged ?? electronApp().isPackaged,
    currentVersion: options.currentVersion ?? electronApp().getVersion(),
    getSettings: options.getSettings ?? (() => DEFAULT_SETTINGS),
    log: options.log ?? consoleLogger,
    loadUpdater: loadElectronUpdater,
    scheduler: nodeScheduler,
  });
}
