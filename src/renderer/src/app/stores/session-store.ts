// Who is signed in, to which organization. The session itself lives in the main process;
// this mirrors what getSession() says (never a token) so the shell knows what to show.
import { create } from 'zustand';
import { AppError } from '@shared/errors';
import type { SessionInfo } from '@shared/session';
import { sessionApi } from '@renderer/app/lib/session-api';

type SessionState = {
  /** False until the first getSession() has answered. */
  loaded: boolean;
  /** The signed-in session, or null when signed out. */
  session: SessionInfo | null;
  /** An organization switch or a sign-out that failed, until dismissed. */
  problem: { kind: 'switch' | 'sign-out'; error: AppError } | null;
  switching: boolean;
  /** Sign-out revokes the sign-in on the server, which can take a while when it is far or down. */
  signingOut: boolean;
  /** Set when the session ended by itself (revoked or expired sign-in), for the connection screen. */
  ended: boolean;
  load(): Promise<void>;
  /** After a call failed for lack of a session: asks the main process whether one is left. */
  verify(): Promise<void>;
  connected(session: SessionInfo): void;
  switchOrganization(organizationId: string): Promise<void>;
  signOut(): Promise<void>;
  dismissProblem(): void;
};

export const useSessionStore = create<SessionState>()((set, get) => ({
  loaded: false,
  session: null,
  problem: null,
  switching: false,
  signingOut: false,
  ended: false,

  async load() {
    try {
      const session = await sessionApi.get();
      set({ loaded: true, session });
    } catch {
      // Without a readable session the safe place is the connection screen.
      set({ loaded: true, session: null });
    }
  },

  async verify() {
    if (get().session === null) return;
    const session = await sessionApi.get().catch(() => null);
    if (session) set({ session });
    else set({ session: null, ended: true, switching: false });
  },

  connected(session) {
    set({ session, problem: null, ended: false });
  },

  async switchOrganization(organizationId) {
    set({ switching: true, problem: null });
    try {
      const session = await sessionApi.switchOrganization(organizationId);
      set({ session, switching: false });
    } catch (error) {
      set({ switching: false, problem: { kind: 'switch', error: AppError.from(error) } });
    }
  },

  async signOut() {
    if (get().signingOut) return;
    set({ signingOut: true });
    let problem: SessionState['problem'] = null;
    try {
      await sessionApi.signOut();
    } catch (error) {
      problem = { kind: 'sign-out', error: AppError.from(error) };
    }
    // Whatever the server said, show what the main process now holds.
    const session = await sessionApi.get().catch(() => null);
    set(session ? { session, problem, signingOut: false } : { session: null, problem, ended: false, signingOut: false });
  },

  dismissProblem() {
    set({ problem: null });
  },
}));
