// "Sign in with single sign-on" as a flow apart from its form: the form's own checks, the
// wait for the browser (with Cancel), the organization picker, and where a refusal is said.
// The renderer never sees a token: only the steps (SsoStep) and, while the browser is
// open, the sign-in page's address, which the web preview's page opens itself.
import { createStore } from 'zustand/vanilla';
import type { OrganizationMembership } from '@shared/api-types';
import { AppError } from '@shared/errors';
import { identityProviderConfigSchema } from '@shared/identity-provider';
import { serverUrlSchema, type ConnectionProfile, type SessionInfo, type SsoStep } from '@shared/session';
import type { ConnectionsApi } from '@renderer/features/connections/lib/connections-api';
import type { BusyAction } from '@renderer/features/connections/stores/connections-store';
import type { Flow } from '@renderer/lib/use-flow';

export type SsoValues = { serverUrl: string; issuer: string; clientId: string; audience: string };
export type SsoField = keyof SsoValues;
export const SSO_FIELDS: readonly SsoField[] = ['serverUrl', 'issuer', 'clientId', 'audience'];

export type SsoFlowState =
  | { step: 'form'; invalid: SsoField[]; error: AppError | null }
  | { step: 'waiting'; authorizationUrl: string; openedBy: 'system' | 'page'; expiresAt: string; cancelling: boolean }
  | { step: 'choose'; organizations: OrganizationMembership[]; busyId: string | null; error: AppError | null };

export type SsoFlowOptions = {
  api: Pick<ConnectionsApi, 'startSso' | 'continueSso' | 'chooseSsoOrganization' | 'cancelSso'>;
  /** The connections store's run: one connection attempt at a time. */
  run<T>(action: BusyAction, attempt: () => Promise<T>): Promise<T | undefined>;
  onConnected(session: SessionInfo): void;
  /** The web preview's page opens the sign-in page itself (in a new tab). */
  openPage(url: string): void;
};

export type SsoFlow = Flow<SsoFlowState> & {
  /** "Sign in with single sign-on" for a new connection: false when a field must be fixed first. */
  submit(values: SsoValues, remember: boolean): Promise<boolean>;
  /** A saved single sign-on connection without a remembered sign-in. */
  startSaved(profile: ConnectionProfile): Promise<void>;
  choose(organizationId: string): Promise<void>;
  /** Cancel while the browser is open, or close the picker. */
  cancel(): Promise<void>;
};

/** The form's own checks, with the same schemas the services validate with. */
export function invalidSsoFields(values: SsoValues): SsoField[] {
  const invalid: SsoField[] = [];
  if (!serverUrlSchema.safeParse(values.serverUrl).success) invalid.push('serverUrl');
  const config = identityProviderConfigSchema.safeParse({ issuer: values.issuer, clientId: values.clientId, audience: values.audience });
  for (const issue of config.success ? [] : config.error.issues) {
    const field = issue.path[0];
    if ((field === 'issuer' || field === 'clientId' || field === 'audience') && !invalid.includes(field)) invalid.push(field);
  }
  return invalid;
}

export function createSsoFlow(options: SsoFlowOptions): SsoFlow {
  const store = createStore<SsoFlowState>()(() => ({ step: 'form', invalid: [], error: null }));
  /** Replaces the state: each step is a whole member of the union, never merged with the last. */
  const show = (state: SsoFlowState): void => store.setState(state, true);

  /** Follows the steps the services give until one needs the user (or ends the sign-in). */
  async function follow(first: SsoStep): Promise<void> {
    let step = first;
    while (step.status === 'waiting-for-browser') {
      show({ step: 'waiting', authorizationUrl: step.authorizationUrl, openedBy: step.openedBy, expiresAt: step.expiresAt, cancelling: false });
      if (step.openedBy === 'page') options.openPage(step.authorizationUrl);
      step = await options.api.continueSso();
    }
    if (step.status === 'choose-organization') {
      show({ step: 'choose', organizations: step.organizations, busyId: null, error: null });
      return;
    }
    show({ step: 'form', invalid: [], error: null });
    options.onConnected(step.session);
  }

  /** Runs one attempt; a refusal goes back to the form, said there (Cancel says nothing). */
  async function attempt(begin: () => Promise<SsoStep>): Promise<void> {
    const failed = await options.run({ kind: 'sso' }, async () => {
      try {
        await follow(await begin());
        return null;
      } catch (error) {
        return AppError.from(error);
      }
    });
    if (failed) show({ step: 'form', invalid: [], error: failed.code === 'SSO_CANCELLED' ? null : failed });
  }

  return {
    store,

    async submit(values, remember) {
      const invalid = invalidSsoFields(values);
      show({ step: 'form', invalid, error: null });
      if (invalid.length > 0) return false;
      const identityProvider = { issuer: values.issuer.trim(), clientId: values.clientId.trim(), audience: values.audience.trim() };
      await attempt(() => options.api.startSso({ serverUrl: values.serverUrl.trim(), identityProvider, remember }));
      return true;
    },

    startSaved: (profile) => attempt(() => options.api.startSso({ connectionId: profile.id, remember: profile.remembered })),

    async choose(organizationId) {
      const state = store.getState();
      if (state.step !== 'choose') return;
      show({ ...state, busyId: organizationId, error: null });
      const failed = await options.run({ kind: 'sso' }, async () => {
        try {
          await follow(await options.api.chooseSsoOrganization(organizationId));
          return null;
        } catch (error) {
          return AppError.from(error);
        }
      });
      if (!failed) return;
      // Not an administrator there: the picker stays, to choose another organization.
      if (failed.code === 'NOT_ADMINISTRATOR') show({ ...state, busyId: null, error: failed });
      else show({ step: 'form', invalid: [], error: failed.code === 'SSO_CANCELLED' ? null : failed });
    },

    async cancel() {
      const state = store.getState();
      if (state.step === 'waiting') show({ ...state, cancelling: true });
      else show({ step: 'form', invalid: [], error: null });
      // The waiting attempt then ends with SSO_CANCELLED, which returns to the form.
      await options.api.cancelSso().catch(() => undefined);
    },
  };
}
