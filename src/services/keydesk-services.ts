// The services behind the IPC contract, assembled from the dependencies each host gives:
// Electron's main process, the web preview and the tests all call this one function.
import { AppError } from '../shared/errors';
import { createClipboardGuard, defaultSetTimer, type ClipboardPort, type SetTimer } from '../shared/clipboard-guard';
import type { BadgePort, ExpiryNotifier } from '../shared/expiry-watch';
import type { AppInfo, FileRecovery, KeyDeskHandlers, UpdateCheck } from '../shared/ipc-contract';
import type { Settings } from '../shared/settings';
import { createActivityLog } from './activity/activity-log';
import { createApiKeyFeature } from './api-keys/api-key-feature';
import { createSecretVault } from './api-keys/secret-vault';
import { createProfileStore } from './connections/profile-store';
import { createSessionManager } from './connections/session-manager';
import type { CredentialStore } from './credentials/credential-store';
import { createExpiryWatch } from './expiry-watch/expiry-watch';
import { createNotifiedKeys } from './expiry-watch/notified-keys';
import type { LocalOrganizationLauncher } from './local-organization/local-organization-launcher';
import { silentLogger, type Logger } from './logger';
import { DEFAULT_MAX_IN_FLIGHT } from './organization-client/http-transport';
import { createOrganizationClient } from './organization-client/organization-client';
import { createSettingsStore } from './settings/settings-store';
import { discoverIdentityProvider } from './sso/identity-provider-client';
import type { SsoPorts } from './sso/sso-ports';

export interface KeyDeskServiceDeps {
  fetch: typeof globalThis.fetch;
  /** keytar in Electron; in memory in the web preview. */
  credentialStore: CredentialStore;
  /** Holds profiles.json, settings.json, expiry-notifications.json and the activity log (activity/). */
  userDataDir: string;
  clipboard: ClipboardPort;
  localOrganization: LocalOrganizationLauncher;
  /** Single sign-on's browser (and, for tests, loopback listener and timeout). Default: no browser. */
  sso?: SsoPorts;
  appInfo: AppInfo;
  updates: { check(): Promise<UpdateCheck> };
  now?: () => Date;
  setTimer?: SetTimer;
  /** Never given a secret. */
  log?: Logger;
  /** Told of every saved settings change (Electron rebuilds its menu in the new language). */
  onSettingsChanged?: (settings: Settings) => void;
  /** The desktop's expiry alerts: system notifications and the dock/taskbar badge. None in the web preview. */
  expiryAlerts?: { notifier: ExpiryNotifier; badge: BadgePort };
  /** The expiry watch's hourly timer (default: setTimer). */
  expiryTimer?: SetTimer;
  /**
   * For tests and benchmarks: the organization client's timeout, pauses between retries (of
   * GETs after a network error; of any call the server refused as busy) and requests in flight.
   */
  http?: { timeoutMs?: number; retryDelaysMs?: readonly number[]; busyRetryDelaysMs?: readonly number[]; maxInFlight?: number };
}

export interface KeyDeskServices {
  handlers: KeyDeskHandlers;
  dispose(): Promise<void>;
}

const NO_BROWSER: SsoPorts = {
  openBrowser: () => Promise.reject(AppError.because('UNSUPPORTED', 'sso-needs-browser', {}, 'Single sign-on needs a browser, which this host does not offer.')),
};

export function createKeyDeskServices(deps: KeyDeskServiceDeps): KeyDeskServices {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silentLogger;
  const settings = createSettingsStore({ userDataDir: deps.userDataDir, now, log });
  const profiles = createProfileStore({ userDataDir: deps.userDataDir, now, log });
  const clipboard = createClipboardGuard(deps.clipboard, deps.setTimer ?? defaultSetTimer);
  const vault = createSecretVault(deps.setTimer ?? defaultSetTimer);
  const sessions = createSessionManager({
    createClient: (serverUrl) =>
      createOrganizationClient({
        baseUrl: serverUrl,
        fetch: deps.fetch,
        log,
        timeoutMs: deps.http?.timeoutMs,
        retryDelaysMs: deps.http?.retryDelaysMs,
        busyRetryDelaysMs: deps.http?.busyRetryDelaysMs,
        maxInFlight: deps.http?.maxInFlight,
      }),
    credentialStore: deps.credentialStore,
    profiles,
    localOrganization: deps.localOrganization,
    discover: (config) => discoverIdentityProvider(config, { fetch: deps.fetch, now, timeoutMs: deps.http?.timeoutMs }),
    sso: deps.sso ?? NO_BROWSER,
    now,
    log,
    onSessionEnded: () => {
      vault.clear();
      keys.sessionEnded();
      watch.sessionEnded();
    },
  });
  const activity = createActivityLog({
    userDataDir: deps.userDataDir,
    context: () => {
      const session = sessions.getSession();
      return session && { server: session.serverUrl, organization: session.organization, admin: session.user };
    },
    now,
    log,
    // Every change to the keys is recorded here: the expiry counts follow it.
    onAppended: () => watch.invalidate(),
  });
  const keys = createApiKeyFeature({
    organization: () => sessions.organization(),
    capabilities: () => sessions.capabilities(),
    here: () => {
      const session = sessions.getSession();
      return session && { server: session.serverUrl, organizationId: session.organization.id, organizationName: session.organization.name };
    },
    scope: () => {
      const session = sessions.getSession();
      return session ? `${session.connectionId} ${session.organization.id}` : '';
    },
    language: async () => (await settings.get()).language,
    userDataDir: deps.userDataDir,
    vault,
    activity,
    concurrency: deps.http?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    now,
    onRotationChanged: () => watch.invalidate(),
    log,
  });
  const notifiedKeys = createNotifiedKeys({ userDataDir: deps.userDataDir, now, log });
  const watch = createExpiryWatch({
    listApiKeys: (query) => keys.apiKeys.list(query),
    warningDays: async () => (await settings.get()).expiryWarningDays,
    context: () => {
      const session = sessions.getSession();
      return session && { server: session.serverUrl, organization: session.organization };
    },
    notified: notifiedKeys,
    notifier: deps.expiryAlerts?.notifier ?? null,
    badge: deps.expiryAlerts?.badge ?? null,
    overlaps: keys.overlaps,
    now,
    setTimer: deps.expiryTimer ?? deps.setTimer ?? defaultSetTimer,
    log,
  });
  /** A call that may start, switch or end the session: the watch follows it, on connect first. */
  const watching =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } finally {
        watch.sessionChanged();
      }
    };

  function fileRecoveries(): FileRecovery[] {
    const found = [
      { file: 'connections' as const, recovery: profiles.recovery },
      { file: 'settings' as const, recovery: settings.recovery },
    ];
    return found.flatMap(({ file, recovery }) => (recovery ? [{ file, ...recovery }] : []));
  }

  // Every handler is async, so that even a synchronous throw reaches the dispatcher as a rejection.
  const handlers: KeyDeskHandlers = {
    getAppInfo: async () => deps.appInfo,
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const saved = await settings.update(patch);
      deps.onSettingsChanged?.(saved);
      if (patch.expiryWarningDays !== undefined) watch.invalidate();
      return saved;
    },

    listConnections: async () => profiles.list(),
    removeConnection: async ({ id }) => {
      await sessions.removeConnection(id);
      return null;
    },
    getSession: async () => sessions.getSession(),
    signIn: watching(async (request) => sessions.signIn(request)),
    selectOrganization: watching(async ({ organizationId }) => sessions.selectOrganization(organizationId)),
    connectSaved: watching(async ({ id }) => sessions.connectSaved(id)),
    openLocalOrganization: watching(async () => sessions.openLocalOrganization()),
    startSsoSignIn: async (request) => sessions.startSsoSignIn(request),
    continueSsoSignIn: watching(async () => sessions.continueSsoSignIn()),
    chooseSsoOrganization: watching(async ({ organizationId }) => sessions.chooseSsoOrganization(organizationId)),
    cancelSsoSignIn: async () => {
      await sessions.cancelSsoSignIn();
      return null;
    },
    switchOrganization: watching(async ({ organizationId }) => sessions.switchOrganization(organizationId)),
    startOrganizationSwitch: watching(async ({ organizationId }) => sessions.startOrganizationSwitch(organizationId)),
    signOut: async () => {
      await sessions.signOut();
      return null;
    },

    ...keys.handlers,
    forgetSecret: async ({ apiKeyId }) => {
      vault.forget(apiKeyId);
      return null;
    },

    listActivity: async (query) => activity.read(query),
    getExpiryStatus: async () => watch.status(),

    copySecret: async ({ apiKeyId }) => {
      const secret = vault.get(apiKeyId);
      if (secret === undefined) {
        const message = 'The secret of this key is no longer available: it is shown only while the creation window is open.';
        throw AppError.because('NOT_FOUND', 'secret-gone', {}, message, { apiKeyId });
      }
      const { clipboardClearSeconds } = await settings.get();
      return clipboard.copy(secret, { secret: true, clearAfterSeconds: clipboardClearSeconds });
    },
    copyText: async ({ text }) => clipboard.copy(text, { secret: false, clearAfterSeconds: null }),

    checkForUpdates: async () => deps.updates.check(),
    listFileRecoveries: async () => {
      // Reading both files is what finds an unreadable one.
      await Promise.all([settings.get(), profiles.list()]);
      return fileRecoveries();
    },
  };

  let disposed: Promise<void> | undefined;
  return {
    handlers,
    dispose: () =>
      (disposed ??= (async () => {
        vault.clear();
        watch.dispose();
        // Each step is independent: one failing must not keep the others from running.
        const steps = await Promise.allSettled([clipboard.dispose(), sessions.dispose()]);
        // Then the files: a change still being written (a theme switched just before quitting)
        // is finished, not cut off, and nothing writes into the folder after dispose.
        steps.push(...(await Promise.allSettled([settings.settled(), profiles.settled(), activity.settled(), notifiedKeys.settled(), keys.settled()])));
        for (const step of steps) {
          if (step.status === 'rejected') log.warn('A service did not shut down cleanly');
        }
      })()),
  };
}
