// Who is signed in, to which organization. The session itself lives in the main process;
// this mirrors what getSession() says (never a token) so the shell knows what to show.
import { create } from 'zustand';
import { AppError } from '@shared/errors';
import type { SessionInfo } from '@shared/session';
import { sessionApi } from '@renderer/app/lib/session-api';
import { openSignInPage } from '@renderer/lib/open-sign-in-page';

/** A switch waiting for the browser: single sign-on whose provider changes organization only there (Auth0). */
export type SwitchInBrowser = { organizationName: string; authorizationUrl: string; openedBy: 'system' | 'page'; cancelling: boolean };

type SessionState = {
  /** False until the first getSession() has answered. */
  loaded: boolean;
  /** The signed-in session, or null when signed out. */
  session: SessionInfo | null;
  /** An organization switch or a sign-out that failed, until dismissed. */
  problem: { kind: 'switch' | 'sign-out'; error: AppError } | null;
  switching: boolean;
  switchInBrowser: SwitchInBrowser | null;
  /** Sign-out revokes the sign-in on the server, which can take a while when it is far or down. */
  signingOut: boolean;
  /** Set when the session ended by itself (revoked or expired sign-in), for the connection screen. */
  ended: boolean;
  load(): Promise<void>;
  /** After a call failed for lack of a session: asks the main process whether one is left. */
  verify(): Promise<void>;
  connected(session: SessionInfo): void;
  /** Stays in the organization it was in whatever fails; a Cancel in the app says nothing. */
  switchOrganization(organizationId: string): Promise<void>;
  /** Cancel while the browser is open for a switch. */
  cancelSwitch(): Promise<void>;
  signOut(): Promise<void>;
  dismissProblem(): void;
};

export const useSessionStore = create<SessionState>()((set, get) => ({
  loaded: false,
  session: null,
  problem: null,
  switching: false,
  switchInBrowser: null,
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
    const organizationName = get().session?.organizations.find((organization) => organization.id === organizationId)?.name ?? '';
    set({ switching: true, problem: null });
    try {
      let step = await sessionApi.startOrganizationSwitch(organizationId);
      while (step.status === 'waiting-for-browser') {
        set({ switchInBrowser: { organizationName, authorizationUrl: step.authorizationUrl, openedBy: step.openedBy, cancelling: false } });
        if (step.openedBy === 'page') openSignInPage(step.authorizationUrl);
        step = await sessionApi.continueInBrowser();
      }
      set({ session: step.status === 'signed-in' ? step.session : get().session, switching: false, switchInBrowser: null });
    } catch (error) {
      const failure = AppError.from(error);
      set({ switching: false, switchInBrowser: null, problem: failure.code === 'SSO_CANCELLED' ? null : { kind: 'switch', error: failure } });
    }
  },

  async cancelSwitch() {
    const waiting = get().switchInBrowser;
    if (!waiting) return;
    set({ switchInBrowser: { ...waiting, cancelling: true } });
    // The waiting switch then ends with SSO_CANCELLED, and the session stays where it was.
    await sessionApi.cancelInBrowser().catch(() => undefined);
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
