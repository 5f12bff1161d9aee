// The service's decisions with an injected updater and scheduler: no Electron, no network.
// electron-updater itself is exercised only in an installed app (see docs/INSTALL.md).
import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../../src/main/updates/update-messages';
import { CHECK_INTERVAL_MS, createUpdateServiceWith, type UpdateScheduler, type UpdaterPort } from '../../../src/main/updates/update-service';

class FakeUpdater implements UpdaterPort {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  checks = 0;
  downloads = 0;
  errorListeners: ((error: Error) => void)[] = [];
  next: () => Promise<CheckOutcome | null> = async () => ({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } });
  finishDownload: (() => void) | null = null;
  failDownload: ((error: Error) => void) | null = null;

  checkForUpdates(): Promise<CheckOutcome | null> {
    this.checks += 1;
    return this.next();
  }
  downloadUpdate(): Promise<unknown> {
    this.downloads += 1;
    return new Promise((resolve, reject) => {
      this.finishDownload = () => resolve([]);
      this.failDownload = reject;
    });
  }
  on(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.push(listener);
    return this;
  }
}

class ManualScheduler implements UpdateScheduler {
  tasks: { kind: 'after' | 'every'; ms: number; task: () => void; cancelled: boolean }[] = [];
  after(ms: number, task: () => void): () => void {
    return this.add('after', ms, task);
  }
  every(ms: number, task: () => void): () => void {
    return this.add('every', ms, task);
  }
  private add(kind: 'after' | 'every', ms: number, task: () => void): () => void {
    const entry = { kind, ms, task, cancelled: false };
    this.tasks.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }
  live(): ManualScheduler['tasks'] {
    return this.tasks.filter((entry) => !entry.cancelled);
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup(overrides: { isPackaged?: boolean; automatic?: boolean; loadFails?: boolean } = {}) {
  const updater = new FakeUpdater();
  const scheduler = new ManualScheduler();
  const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const settings = { checkForUpdatesAutomatically: overrides.automatic ?? true };
  let loads = 0;
  const service = createUpdateServiceWith({
    isPackaged: overrides.isPackaged ?? true,
    currentVersion: '1.0.0',
    loadUpdater: async () => {
      loads += 1;
      if (overrides.loadFails && loads === 1) throw Object.assign(new Error('boom'), { code: 'MODULE_NOT_FOUND' });
      return updater;
    },
    getSettings: () => settings,
    log: {
      info: (message, fields) => logs.push({ level: 'info', message, fields }),
      warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
    },
    scheduler,
  });
  return { service, updater, scheduler, logs, settings, loads: () => loads };
}

describe('update service', () => {
  it('says plainly that a source-tree app cannot update, without loading the updater', async () => {
    const { service, loads, scheduler } = setup({ isPackaged: false });
    expect(await service.check()).toEqual({ status: 'unsupported', reason: 'not-packaged' });
    service.startAutomaticChecks();
    expect(scheduler.tasks).toHaveLength(0);
    expect(loads()).toBe(0);
  });

  it('configures the updater: no download on check, install at quit, an error listener', async () => {
    const { service, updater } = setup();
    expect(await service.check()).toEqual({ status: 'up-to-date', currentVersion: '1.0.0' });
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.errorListeners).toHaveLength(1);
  });

  it('downloads an available update once and then reports it as downloaded', async () => {
    const { service, updater } = setup();
    updater.next = async () => ({ isUpdateAvailable: true, updateInfo: { version: '1.1.0' } });
    expect(await service.check()).toEqual({ status: 'available', version: '1.1.0', currentVersion: '1.0.0', downloaded: false });
    expect(updater.downloads).toBe(1);
    expect(await service.check()).toEqual({ status: 'available', version: '1.1.0', currentVersion: null, downloaded: false });
    updater.finishDownload?.();
    await flush();
    expect(await service.check()).toEqual({ status: 'available', version: '1.1.0', currentVersion: null, downloaded: true });
    expect(updater.checks).toBe(1);
    expect(updater.downloads).toBe(1);
  });

  it('checks again after a failed download', async () => {
    const { service, updater, logs } = setup();
    updater.next = async () => ({ isUpdateAvailable: true, updateInfo: { version: '1.1.0' } });
    await service.check();
    updater.failDownload?.(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    await flush();
    expect(logs).toContainEqual({ level: 'warn', message: 'Update download failed', fields: { version: '1.1.0', code: 'ENOSPC' } });
    await service.check();
    expect(updater.checks).toBe(2);
    expect(updater.downloads).toBe(2);
  });

  it('turns a failed check into a plain error and logs only its code', async () => {
    const { service, updater, logs } = setup();
    updater.next = async () => {
      throw Object.assign(new Error('net::ERR_NAME_NOT_RESOLVED at https://updates.example.test'), {});
    };
    const result = await service.check();
    expect(result).toEqual({ status: 'error', reason: 'network', code: 'net::ERR_NAME_NOT_RESOLVED', httpStatus: null });
    expect(JSON.stringify(logs)).not.toContain('updates.example.test');
  });

  it('shares one check between concurrent callers', async () => {
    const { service, updater } = setup();
    let release: (outcome: CheckOutcome) => void = () => undefined;
    updater.next = () => new Promise((resolve) => (release = resolve));
    const first = service.check();
    const second = service.check();
    await flush();
    release({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } });
    expect(await first).toEqual(await second);
    expect(updater.checks).toBe(1);
  });

  it('retries loading the updater after a failed load', async () => {
    const { service, loads } = setup({ loadFails: true });
    expect(await service.check()).toEqual({ status: 'error', reason: 'unknown', code: 'MODULE_NOT_FOUND', httpStatus: null });
    expect((await service.check()).status).toBe('up-to-date');
    expect(loads()).toBe(2);
  });

  it('schedules a first check and a 6-hour repeat once, honouring the setting at every tick', async () => {
    const { service, updater, scheduler, settings } = setup();
    service.startAutomaticChecks();
    service.startAutomaticChecks();
    expect(scheduler.live().map((entry) => entry.kind)).toEqual(['after', 'every']);
    expect(scheduler.live()[1]?.ms).toBe(CHECK_INTERVAL_MS);

    scheduler.live()[0]?.task();
    await flush();
    expect(updater.checks).toBe(1);

    settings.checkForUpdatesAutomatically = false;
    scheduler.live()[1]?.task();
    await flush();
    expect(updater.checks).toBe(1);

    settings.checkForUpdatesAutomatically = true;
    scheduler.live()[1]?.task();
    await flush();
    expect(updater.checks).toBe(2);

    service.stopAutomaticChecks();
    expect(scheduler.live()).toHaveLength(0);
  });

  it('runs no automatic check when the setting is off from the start', async () => {
    const { service, updater, scheduler } = setup({ automatic: false });
    service.startAutomaticChecks();
    for (const entry of scheduler.live()) entry.task();
    await flush();
    expect(updater.checks).toBe(0);
  });
});

describe('createUpdateService (Electron wiring)', () => {
  it('loads without Electron when told the facts, and says plainly that a source-tree app cannot update', async () => {
    const { createUpdateService } = await import('../../../src/main/updates/update-service.main');
    const service = createUpdateService({ isPackaged: false, currentVersion: '0.1.0' });
    expect(await service.check()).toEqual({ status: 'unsupported', reason: 'not-packaged' });
    service.startAutomaticChecks();
    service.stopAutomaticChecks();
  });
});
