// "Connect to JMap Cloud" as a flow apart from its form: the form's own checks, the
// sign-in, and for an account in several organizations the picker and its choice. The
// form keeps the field values (the password never reaches this store: it is an argument
// of submit, used once) and moves the focus to the place each event returns.
import { createStore } from 'zustand/vanilla';
import type { OrganizationMembership } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { SessionInfo } from '@shared/session';
import type { ConnectionsApi } from '@renderer/features/connections/lib/connections-api';
import { placeSignInError, type ErrorPlace } from '@renderer/features/connections/lib/sign-in-errors';
import { checkSignIn, SIGN_IN_FIELDS, type SignInCheck, type SignInValues } from '@renderer/features/connections/lib/sign-in-form';
import type { BusyAction } from '@renderer/features/connections/stores/connections-store';
import type { Flow } from '@renderer/lib/use-flow';

/** What is said at a place: the form's own check (an i18n key) or the error the services gave. */
export type Problem = { check: SignInCheck } | { error: AppError };

export type Picker = { organizations: OrganizationMembership[]; open: boolean; busyId: string | null; error: AppError | null };

export type SignInFlowState = {
  problems: Partial<Record<ErrorPlace, Problem>>;
  picker: Picker | null;
};

export type SignInFlowOptions = {
  api: Pick<ConnectionsApi, 'signIn' | 'selectOrganization'>;
  /** The connections store's run: one connection attempt at a time. */
  run<T>(action: BusyAction, attempt: () => Promise<T>): Promise<T | undefined>;
  onConnected(session: SessionInfo): void;
  /** A problem to show from the start (a saved connection whose keychain failed). */
  initial?: Partial<Record<ErrorPlace, Problem>>;
};

export type SignInFlow = Flow<SignInFlowState> & {
  /** "Connect": returns the place to move the focus to, or null. */
  submit(values: SignInValues, remember: boolean): Promise<ErrorPlace | null>;
  /** An organization chosen in the picker: returns the place to move the focus to, or null. */
  choose(organizationId: string): Promise<ErrorPlace | null>;
  closePicker(): void;
  /** The menu's "Switch organization" brings a closed picker back. */
  reopenPicker(): void;
};

export function createSignInFlow(options: SignInFlowOptions): SignInFlow {
  const store = createStore<SignInFlowState>()(() => ({ problems: options.initial ?? {}, picker: null }));
  const updatePicker = (change: (picker: Picker) => Picker | null): void => {
    const { picker } = store.getState();
    if (picker) store.setState({ picker: change(picker) });
  };
  const fail = (error: unknown): ErrorPlace => {
    const appError = AppError.from(error);
    const place = placeSignInError(appError);
    store.setState({ problems: { [place]: { error: appError } } });
    return place;
  };

  return {
    store,

    async submit(values, remember) {
      const checks = checkSignIn(values);
      const first = SIGN_IN_FIELDS.find((field) => checks[field]);
      if (first) {
        const problems: SignInFlowState['problems'] = {};
        for (const field of SIGN_IN_FIELDS) {
          const check = checks[field];
          if (check) problems[field] = { check };
        }
        store.setState({ problems });
        return first;
      }
      store.setState({ problems: {} });
      const request = { serverUrl: values.serverUrl.trim(), username: values.username.trim(), password: values.password, remember };
      const failed = await options.run({ kind: 'sign-in' }, async () => {
        try {
          const outcome = await options.api.signIn(request);
          if (outcome.status === 'signed-in') options.onConnected(outcome.session);
          else store.setState({ picker: { organizations: outcome.organizations, open: true, busyId: null, error: null } });
          return null;
        } catch (error) {
          return error;
        }
      });
      // Placed once the attempt is over, so that the focus lands in a field enabled again.
      return failed ? fail(failed) : null;
    },

    async choose(organizationId) {
      updatePicker((picker) => ({ ...picker, busyId: organizationId, error: null }));
      try {
        options.onConnected(await options.api.selectOrganization(organizationId));
        return null;
      } catch (failure) {
        const error = AppError.from(failure);
        if (placeSignInError(error) === 'alert') {
          updatePicker((picker) => ({ ...picker, busyId: null, error }));
          return null;
        }
        // The keychain or the server failed after the choice: say it at the form, where it can be fixed.
        store.setState({ picker: null });
        return fail(error);
      }
    },

    closePicker: () => updatePicker((picker) => ({ ...picker, open: false, error: null })),
    reopenPicker: () => updatePicker((picker) => ({ ...picker, open: true })),
  };
}
