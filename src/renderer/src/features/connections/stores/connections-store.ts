// The connection screen's state: saved connections (never a secret: the main process keeps
// passwords nowhere and refresh tokens in the keychain) and which attempt is running, so
// that only one connection attempt runs at a time. Its actions say how an attempt ended;
// the screen decides where to show it.
import { create } from 'zustand';
import { AppError } from '@shared/errors';
import type { ConnectionProfile, SessionInfo } from '@shared/session';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import { needsPassword } from '@renderer/features/connections/lib/sign-in-errors';

/** What is running: a sign-in (password or single sign-on), the local organization, or a saved connection by id. */
export type BusyAction = { kind: 'sign-in' } | { kind: 'sso' } | { kind: 'local' } | { kind: 'saved'; id: string };

/** How "Connect" on a saved connection ended. */
export type SavedConnectOutcome =
  | { kind: 'connected'; session: SessionInfo }
  /** Sign in with the password again; `keychainError` says why the saved sign-in could not be kept. */
  | { kind: 'needs-password'; keychainError: AppError | null }
  /** A single sign-on connection with no remembered sign-in: through the browser again. */
  | { kind: 'needs-sso' }
  | { kind: 'failed'; error: AppError }
  /** Another attempt was running: nothing was done. */
  | { kind: 'busy' };

export type OpenLocalOutcome = { kind: 'connected'; session: SessionInfo } | { kind: 'failed'; error: AppError } | { kind: 'busy' };

type ConnectionsState = {
  profiles: ConnectionProfile[];
  loadError: AppError | null;
  busy: BusyAction | null;
  load(): Promise<void>;
  remove(id: string): Promise<void>;
  /** Runs `attempt` unless another one is running; always clears the busy mark. */
  run<T>(action: BusyAction, attempt: () => Promise<T>): Promise<T | undefined>;
  connectSaved(profile: ConnectionProfile): Promise<SavedConnectOutcome>;
  openLocal(): Promise<OpenLocalOutcome>;
};

export const useConnectionsStore = create<ConnectionsState>()((set, get) => ({
  profiles: [],
  loadError: null,
  busy: null,

  async load() {
    set({ loadError: null });
    try {
      set({ profiles: await connectionsApi.list() });
    } catch (error) {
      set({ loadError: AppError.from(error) });
    }
  },

  async remove(id) {
    await connectionsApi.remove(id);
    set({ profiles: get().profiles.filter((profile) => profile.id !== id) });
  },

  async run(action, attempt) {
    if (get().busy) return undefined;
    set({ busy: action });
    try {
      return await attempt();
    } finally {
      set({ busy: null });
    }
  },

  async connectSaved(profile) {
    // Without a remembered sign-in there is nothing to try: the password (or the browser) is needed.
    if (!profile.remembered) return profile.identityProvider ? { kind: 'needs-sso' } : { kind: 'needs-password', keychainError: null };
    const outcome = await get().run<SavedConnectOutcome>({ kind: 'saved', id: profile.id }, async () => {
      try {
        return { kind: 'connected', session: await connectionsApi.connectSaved(profile.id) };
      } catch (failure) {
        const error = AppError.from(failure);
        if (!needsPassword(error)) return { kind: 'failed', error };
        if (profile.identityProvider) return { kind: 'needs-sso' };
        return { kind: 'needs-password', keychainError: error.code === 'KEYCHAIN_UNAVAILABLE' ? error : null };
      }
    });
    return outcome ?? { kind: 'busy' };
  },

  async openLocal() {
    const outcome = await get().run<OpenLocalOutcome>({ kind: 'local' }, async () => {
      try {
        return { kind: 'connected', session: await connectionsApi.openLocalOrganization() };
      } catch (error) {
        return { kind: 'failed', error: AppError.from(error) };
      }
    });
    return outcome ?? { kind: 'busy' };
  },
}));
