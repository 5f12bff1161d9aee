// The guided delete as a flow apart from its dialog: 1. confirm ("Delete API key TITLE?"),
// 2. find what the key owns and choose what happens to it, 3. delete, then the result. A key
// that owns nothing is deleted right after its one confirmation, as the portal's guide has it
// (there is nothing to choose). A key deleted meanwhile by someone else ends the flow as 'gone'. The dialog renders the
// step it is given and sends the events below; tests drive the same flow without a DOM.
//
// On a server without KeyDesk's one-request extensions (JMap Cloud), finding and deleting
// are many requests: while they run the flow polls the services' progress (what phase, how
// far), 'Cancel' works until the first change, and a failure after it is 'stopped': what was
// done and what was not, and 'Resume', which asks the same delete again (the services skip
// what is done).
import { createStore } from 'zustand/vanilla';
import type { ApiKey, DeleteApiKeyResult, Member, OwnedResources } from '@shared/api-types';
import type { DeleteProgress } from '@shared/delete-progress';
import { AppError, isAppError } from '@shared/errors';
import type { ResourcesFate } from '@shared/resources-fate';
import type { ApiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import type { Flow } from '@renderer/lib/use-flow';

/** The admin's answer while it is being given: the dialog's radio buttons and their fields. */
export type ResourcesChoice =
  | { kind: 'none' }
  | { kind: 'transfer'; member: Member | null }
  | { kind: 'delete-resources'; typedTitle: string };

/** The Editor members a transfer can go to. */
export type EditorsState = { status: 'loading' } | { status: 'ready'; members: Member[] } | { status: 'failed'; error: AppError };

export type ChooseStep = {
  step: 'choose';
  resources: OwnedResources;
  choice: ResourcesChoice;
  editors: EditorsState;
  /** The last "Delete" that failed (the choice is kept, to try again). */
  error: AppError | null;
};

export type DeleteFlowState =
  /** `cancelled`: the admin cancelled the search for what the key owns (nothing changed). */
  | { step: 'confirm'; cancelled?: true }
  /** `progress`: null until the services report one (always, with the server's extension). */
  | { step: 'finding'; progress: DeleteProgress | null }
  | { step: 'find-failed'; error: AppError }
  | ChooseStep
  | { step: 'deleting'; from: ChooseStep; fate: ResourcesFate; progress: DeleteProgress | null }
  /** Stopped by a failure after something changed: `progress` says what was done; resume() goes on. */
  | { step: 'stopped'; from: ChooseStep; fate: ResourcesFate; progress: DeleteProgress; error: AppError }
  /** `fate`: what was asked (a key that owned nothing has no counts of resources to show). */
  | { step: 'done'; result: DeleteApiKeyResult; fate: ResourcesFate }
  | { step: 'gone' };

export type DeleteFlow = Flow<DeleteFlowState> & {
  /** "OK" at step 1 (a key owning nothing is then deleted at once), and "Retry" when the owned resources could not be read. */
  findResources(): Promise<void>;
  choose(choice: ResourcesChoice): void;
  /** "Delete": runs only when fateOf the current choice is complete. */
  remove(): Promise<void>;
  /** "Cancel" while finding or deleting, honoured while nothing has changed yet. */
  cancel(): Promise<void>;
  /** "Resume" after a stop: the same delete again, from where it stopped. */
  resume(): Promise<void>;
};

export type DeleteFlowOptions = {
  apiKey: ApiKey;
  api: Pick<ApiKeysApi, 'ownedResources' | 'editorMembers' | 'remove' | 'deleteProgress' | 'cancelDelete'>;
  /** The key is deleted or gone: the list should be read again. */
  onChanged(): void;
  /** How often the progress is read while a step runs (default 250 ms). */
  pollMs?: number;
};

export const ownsNothing = (resources: OwnedResources): boolean => resources.dataSources.length === 0 && resources.projects.length === 0;

/** What the choice means once it is complete (the "Delete" button's rule), else null. */
export function fateOf(step: ChooseStep, keyTitle: string): ResourcesFate | null {
  if (ownsNothing(step.resources)) return { kind: 'nothing-owned' };
  const { choice } = step;
  if (choice.kind === 'transfer') return choice.member ? { kind: 'transfer', to: choice.member.id } : null;
  if (choice.kind === 'delete-resources') return choice.typedTitle.trim() === keyTitle.trim() ? { kind: 'delete-with-key' } : null;
  return null;
}

/** Whether the flow is waiting on the services (the dialog cannot be closed then). */
export const isBusy = (state: DeleteFlowState): boolean => state.step === 'finding' || state.step === 'deleting';

/** Whether "Cancel" can still stop the running step: nothing has changed on the server yet. */
export const canCancel = (state: DeleteFlowState): boolean =>
  (state.step === 'finding' || state.step === 'deleting') && state.progress !== null && !state.progress.changed;

const DEFAULT_POLL_MS = 250;

export function createDeleteFlow({ apiKey, api, onChanged, pollMs = DEFAULT_POLL_MS }: DeleteFlowOptions): DeleteFlow {
  const store = createStore<DeleteFlowState>()(() => ({ step: 'confirm' }));
  const set = (state: DeleteFlowState): void => store.setState(state, true);
  /** Changes the 'choose' step, if the flow is still there. */
  const updateChoose = (change: (step: ChooseStep) => ChooseStep): void => {
    const state = store.getState();
    if (state.step === 'choose') set(change(state));
  };

  /**
   * Reads the progress every `pollMs` while `running` is pending, into the step it started
   * in (never after it: a late answer must not bring a finished step back).
   */
  async function polling<T>(running: Promise<T>): Promise<T> {
    const { step } = store.getState();
    let settled = false;
    const poll = async (): Promise<void> => {
      while (!settled) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (settled) return;
        const progress = await api.deleteProgress(apiKey.id).catch(() => null);
        const now = store.getState();
        if (settled || progress === null || now.step !== step || (now.step !== 'finding' && now.step !== 'deleting')) continue;
        if (JSON.stringify(now.progress) !== JSON.stringify(progress)) set({ ...now, progress });
      }
    };
    void poll();
    try {
      return await running;
    } finally {
      settled = true;
    }
  }

  async function loadEditors(): Promise<void> {
    try {
      const members = await api.editorMembers();
      updateChoose((step) => ({ ...step, editors: { status: 'ready', members } }));
    } catch (error) {
      updateChoose((step) => ({ ...step, editors: { status: 'failed', error: AppError.from(error) } }));
    }
  }

  async function run(from: ChooseStep, fate: ResourcesFate): Promise<void> {
    set({ step: 'deleting', from, fate, progress: null });
    try {
      set({ step: 'done', result: await polling(api.remove(apiKey.id, fate)), fate });
    } catch (error) {
      if (isAppError(error, 'NOT_FOUND')) {
        set({ step: 'gone' });
        onChanged();
        return;
      }
      const failure = AppError.from(error);
      // Something changed before it stopped: say what, and offer to go on.
      const progress = await api.deleteProgress(apiKey.id).catch(() => null);
      if (progress?.changed && progress.stopped !== null) {
        set({ step: 'stopped', from, fate, progress, error: failure });
        onChanged();
        return;
      }
      set({ ...from, error: isAppError(failure, 'CANCELLED') ? null : failure });
      return;
    }
    onChanged();
  }

  return {
    store,

    async findResources() {
      const { step } = store.getState();
      if (step !== 'confirm' && step !== 'find-failed') return;
      set({ step: 'finding', progress: null });
      let resources: OwnedResources;
      try {
        resources = await polling(api.ownedResources(apiKey.id));
      } catch (error) {
        if (isAppError(error, 'NOT_FOUND')) {
          set({ step: 'gone' });
          onChanged();
        } else if (isAppError(error, 'CANCELLED')) {
          set({ step: 'confirm', cancelled: true });
        } else {
          set({ step: 'find-failed', error: AppError.from(error) });
        }
        return;
      }
      if (ownsNothing(resources)) {
        // Nothing to choose: "OK" was the confirmation. A failure comes back to a step 2
        // that says the key owns nothing, with the error and "Delete" to try again.
        await run({ step: 'choose', resources, choice: { kind: 'none' }, editors: { status: 'loading' }, error: null }, { kind: 'nothing-owned' });
        return;
      }
      // As the portal does: the transfer is chosen at once (it keeps the resources), the
      // Editor members listed; deleting them with the key stays the explicit alternative.
      set({ step: 'choose', resources, choice: { kind: 'transfer', member: null }, editors: { status: 'loading' }, error: null });
      void loadEditors();
    },

    choose(choice) {
      updateChoose((step) => ({ ...step, choice }));
    },

    async remove() {
      const from = store.getState();
      if (from.step !== 'choose') return;
      const fate = fateOf(from, apiKey.title);
      if (fate === null) return;
      await run(from, fate);
    },

    async cancel() {
      if (!canCancel(store.getState())) return;
      await api.cancelDelete(apiKey.id).catch(() => undefined);
    },

    async resume() {
      const state = store.getState();
      if (state.step !== 'stopped') return;
      await run(state.from, state.fate);
    },
  };
}
