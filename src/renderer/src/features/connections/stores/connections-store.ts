// The connection screen's state: saved connections (never a secret: the main process keeps
// passwords nowhere and refresh tokens in the keychain) and which attempt is running, so
// that only one connection attempt runs at a time.
import { create } from 'zustand';
import type { ConnectionProfile } from '@shared/session';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';

/** What is running: a sign-in, the local organization, or a saved connection by id. */
export type BusyAction = { kind: 'sign-in' } | { kind: 'local' } | { kind: 'saved'; id: string };

type ConnectionsState = {
  profiles: ConnectionProfile[];
  loadError: string | null;
  busy: BusyAction | null;
  load(): Promise<void>;
  remove(id: string): Promise<void>;
  /** Runs `attempt` unless another one is running; always clears the busy mark. */
  run<T>(action: BusyAction, attempt: () => Promise<T>): Promise<T | undefined>;
};

export const useConnectionsStore = create<ConnectionsState>()((set, get) => ({
  profiles: [],
  loadError: null,
  busy: null,

  async load() {
    set({ loadError: null });
    try {
      set({ profiles: await call('listConnections') });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  async remove(id) {
    await call('removeConnection', { id });
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
}));
