// The guided delete as a flow apart from its dialog: 1. confirm ("Delete API key TITLE?"),
// 2. find what the key owns and choose what happens to it, 3. delete, then the result. A
// key deleted meanwhile by someone else ends the flow as 'gone'. The dialog renders the
// step it is given and sends the events below; tests drive the same flow without a DOM.
//
// Made to grow (issue 11): on a server without the one-request extension, finding and
// deleting become long, progress-reporting, cancellable and resumable. That is new fields
// on 'finding' and 'deleting' (progress), and a 'stopped' step that keeps what was done
// with the same `fate` to resume with — new members of the union and new events, while
// the steps and events below keep their meaning.
import { createStore } from 'zustand/vanilla';
import type { ApiKey, DeleteApiKeyResult, Member, OwnedResources } from '@shared/api-types';
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
  | { step: 'confirm' }
  | { step: 'finding' }
  | { step: 'find-failed'; error: AppError }
  | ChooseStep
  | { step: 'deleting'; from: ChooseStep; fate: ResourcesFate }
  | { step: 'done'; result: DeleteApiKeyResult }
  | { step: 'gone' };

export type DeleteFlow = Flow<DeleteFlowState> & {
  /** "OK" at step 1, and "Retry" when the owned resources could not be read. */
  findResources(): Promise<void>;
  choose(choice: ResourcesChoice): void;
  /** "Delete": runs only when fateOf the current choice is complete. */
  remove(): Promise<void>;
};

export type DeleteFlowOptions = {
  apiKey: ApiKey;
  api: Pick<ApiKeysApi, 'ownedResources' | 'editorMembers' | 'remove'>;
  /** The key is deleted or gone: the list should be read again. */
  onChanged(): void;
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

export function createDeleteFlow({ apiKey, api, onChanged }: DeleteFlowOptions): DeleteFlow {
  const store = createStore<DeleteFlowState>()(() => ({ step: 'confirm' }));
  const set = (state: DeleteFlowState): void => store.setState(state, true);
  /** Changes the 'choose' step, if the flow is still there. */
  const updateChoose = (change: (step: ChooseStep) => ChooseStep): void => {
    const state = store.getState();
    if (state.step === 'choose') set(change(state));
  };

  async function loadEditors(): Promise<void> {
    try {
      const members = await api.editorMembers();
      updateChoose((step) => ({ ...step, editors: { status: 'ready', members } }));
    } catch (error) {
      updateChoose((step) => ({ ...step, editors: { status: 'failed', error: AppError.from(error) } }));
    }
  }

  return {
    store,

    async findResources() {
      const { step } = store.getState();
      if (step !== 'confirm' && step !== 'find-failed') return;
      set({ step: 'finding' });
      try {
        const resources = await api.ownedResources(apiKey.id);
        set({ step: 'choose', resources, choice: { kind: 'none' }, editors: { status: 'loading' }, error: null });
        if (!ownsNothing(resources)) void loadEditors();
      } catch (error) {
        if (isAppError(error, 'NOT_FOUND')) {
          set({ step: 'gone' });
          onChanged();
        } else {
          set({ step: 'find-failed', error: AppError.from(error) });
        }
      }
    },

    choose(choice) {
      updateChoose((step) => ({ ...step, choice }));
    },

    async remove() {
      const from = store.getState();
      if (from.step !== 'choose') return;
      const fate = fateOf(from, apiKey.title);
      if (fate === null) return;
      set({ step: 'deleting', from, fate });
      try {
        set({ step: 'done', result: await api.remove(apiKey.id, fate) });
      } catch (error) {
        if (!isAppError(error, 'NOT_FOUND')) {
          set({ ...from, error: AppError.from(error) });
          return;
        }
        set({ step: 'gone' });
      }
      onChanged();
    },
  };
}
