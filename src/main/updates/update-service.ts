// The update service with every dependency injected (the updater, the clock, settings,
// the log), so that its decisions run in vitest without Electron. update-service.main.ts
// wires it to electron-updater and Electron's app.
import type { UpdateCheck } from '../../shared/ipc-contract';
import type { Settings } from '../../shared/settings';
import {
  NOT_PACKAGED,
  decideAfterCheck,
  describeUpdateError,
  downloadedReport,
  downloadingReport,
  errorCodeOf,
  type CheckOutcome,
} from './update-messages';

export interface UpdateService {
  check(): Promise<UpdateCheck>;
  /** Starts the periodic check when the setting asks for it. */
  startAutomaticChecks(): void;
  /** Stops the periodic check (quit, tests). */
  stopAutomaticChecks(): void;
}

/** The part of electron-updater's AppUpdater that KeyDesk uses. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<CheckOutcome | null>;
  downloadUpdate(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Structurally the services' Logger: identifiers and codes only, never free text from outside. */
export interface UpdateLogger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

export interface UpdateScheduler {
  /** Runs `task` once after `delayMs`; returns the cancel function. */
  after(delayMs: number, task: () => void): () => void;
  /** Runs `task` every `intervalMs`; returns the cancel function. */
  every(intervalMs: number, task: () => void): () => void;
}

export interface UpdateServiceDependencies {
  /** False when running from the source tree: no update can apply there. */
  isPackaged: boolean;
  currentVersion: string;
  /** Loads and returns the updater; called at most once per successful load. */
  loadUpdater: () => Promise<UpdaterPort>;
  getSettings: () => Pick<Settings, 'checkForUpdatesAutomatically'> | Promise<Pick<Settings, 'checkForUpdatesAutomatically'>>;
  log: UpdateLogger;
  scheduler: UpdateScheduler;
  /** Delay of the first automatic check, so that it does not compete with start-up. */
  firstCheckDelayMs?: number;
  checkIntervalMs?: number;
}

const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

type DownloadState = { version: string; state: 'downloading' | 'downloaded' };

export function createUpdateServiceWith(deps: UpdateServiceDependencies): UpdateService {
  let updater: Promise<UpdaterPort> | null = null;
  let inFlight: Promise<UpdateCheck> | null = null;
  let download: DownloadState | null = null;
  let cancelTimers: (() => void)[] = [];

  function loadOnce(): Promise<UpdaterPort> {
    updater ??= deps.loadUpdater().then(
      (loaded) => {
        // Downloads start only when KeyDesk decides (decideAfterCheck), never as a side effect of a check.
        loaded.autoDownload = false;
        loaded.autoInstallOnAppQuit = true;
        // Without a listener, an 'error' event would throw from inside electron-updater.
        loaded.on('error', (error) => deps.log.warn('Updater error', { code: errorCodeOf(error) }));
        return loaded;
      },
      (error: unknown) => {
        updater = null;
        throw error;
      },
    );
    return updater;
  }

  function startDownload(loaded: UpdaterPort, version: string): void {
    download = { version, state: 'downloading' };
    deps.log.info('Update download started', { version });
    loaded.downloadUpdate().then(
      () => {
        download = { version, state: 'downloaded' };
        deps.log.info('Update downloaded; it installs at quit', { version });
      },
      (error: unknown) => {
        // The next check starts over and reports what happens then.
        download = null;
        deps.log.warn('Update download failed', { version, code: errorCodeOf(error) });
      },
    );
  }

  async function runCheck(): Promise<UpdateCheck> {
    if (download?.state === 'downloaded') return downloadedReport(download.version);
    if (download?.state === 'downloading') return downloadingReport(download.version);
    try {
      const loaded = await loadOnce();
      const decision = decideAfterCheck(await loaded.checkForUpdates(), deps.currentVersion);
      if (decision.download !== null) startDownload(loaded, decision.download);
      return decision.report;
    } catch (error) {
      const report = describeUpdateError(error);
      deps.log.warn('Update check failed', { code: errorCodeOf(error) });
      return report;
    }
  }

  async function check(): Promise<UpdateCheck> {
    if (!deps.isPackaged) return NOT_PACKAGED;
    // A menu click during an automatic check shares its answer instead of racing it.
    inFlight ??= runCheck().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function automaticCheck(): Promise<void> {
    let enabled: boolean;
    try {
      enabled = (await deps.getSettings()).checkForUpdatesAutomatically;
    } catch (error) {
      deps.log.warn('Automatic update check skipped: settings unreadable', { code: errorCodeOf(error) });
      return;
    }
    // Read at every tick, so that turning the setting off takes effect without a restart.
    if (!enabled) return;
    const result = await check();
    deps.log.info('Automatic update check', { status: result.status });
  }

  return {
    check,
    startAutomaticChecks() {
      if (!deps.isPackaged || cancelTimers.length > 0) return;
      const tick = (): void => void automaticCheck();
      cancelTimers = [
        deps.scheduler.after(deps.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS, tick),
        deps.scheduler.every(deps.checkIntervalMs ?? CHECK_INTERVAL_MS, tick),
      ];
    },
    stopAutomaticChecks() {
      for (const cancel of cancelTimers) cancel();
      cancelTimers = [];
    },
  };
}
