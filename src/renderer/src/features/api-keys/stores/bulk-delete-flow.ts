// "Delete selected…" as a flow apart from its dialog: 1. the selected keys (resolved to ids
// when "all N matching" was chosen) and the choice for what they own — one Editor receives
// every owned resource, or the resources are deleted with the keys once the number of keys
// is typed —, 2. the run, which the services carry out in the background (the flow polls its
// status: progress, Cancel), 3. the per-key result; a run stopped (a failure, a closed
// window, a crash) is shown the same way, with Resume. Tests drive it without a DOM.
import { createStore } from 'zustand/vanilla';
import type { Member } from '@shared/api-types';
import type { BulkDeleteStatus } from '@shared/bulk-delete';
import { AppError, isAppError } from '@shared/errors';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import type { BulkDeleteApi } from '@renderer/features/api-keys/lib/bulk-delete-api';
import type { EditorsState } from '@renderer/features/api-keys/stores/delete-flow';
import type { Flow } from '@renderer/lib/use-flow';

export type SelectedKey = { id: string; title: string };

/** What was selected: keys one by one, or every key matching a query (its count when chosen). */
export type BulkSelection = { kind: 'keys'; keys: SelectedKey[] } | { kind: 'matching'; query: ApiKeyQuery; total: number };

export type BulkChoice = { kind: 'transfer'; member: Member | null } | { kind: 'delete-resources'; typedCount: string };

export type BulkChooseStep = {
  step: 'choose';
  keys: SelectedKey[];
  choice: BulkChoice;
  editors: EditorsState;
  /** The last "Delete" that failed (the choice is kept, to try again). */
  error: AppError | null;
  starting: boolean;
};

export type BulkDeleteFlowState =
  | { step: 'resolving'; found: number; total: number }
  | { step: 'resolve-failed'; error: AppError }
  | BulkChooseStep
  /** The plan as the services report it: running (progress), stopped (Resume) or finished (results). */
  | { step: 'run'; status: BulkDeleteStatus; error: AppError | null }
  | { step: 'dismissed' };

export type BulkDeleteFlow = Flow<BulkDeleteFlowState> & {
  choose(choice: BulkChoice): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  resume(): Promise<void>;
  /** "Done" / "Dismiss": KeyDesk forgets the plan (not while it runs). */
  dismiss(): Promise<void>;
  /** The dialog closes: polling stops (the run goes on in the services). */
  stop(): void;
};

export type BulkDeleteFlowOptions = {
  api: Pick<BulkDeleteApi, 'list' | 'editorMembers' | 'start' | 'status' | 'resume' | 'cancel' | 'dismiss'>;
  /** Keys to choose for, or a plan already there (running, or stopped to resume). */
  from: BulkSelection | BulkDeleteStatus;
  /** Keys were deleted: the grid should be read again. */
  onChanged(): void;
  pollMs?: number;
};

/** The choice once complete (the "Delete" button's rule), as the services take it; else null. */
export function bulkFateOf(step: BulkChooseStep): { kind: 'transfer'; to: string } | { kind: 'delete-with-key' } | null {
  const { choice } = step;
  if (choice.kind === 'transfer') return choice.member ? { kind: 'transfer', to: choice.member.id } : null;
  return Number(choice.typedCount.trim()) === step.keys.length && /^\d+$/.test(choice.typedCount.trim()) ? { kind: 'delete-with-key' } : null;
}

const PAGE = 100;
const DEFAULT_POLL_MS = 300;
const isStatus = (from: BulkSelection | BulkDeleteStatus): from is BulkDeleteStatus => 'plan' in from;

export function createBulkDeleteFlow({ api, from, onChanged, pollMs = DEFAULT_POLL_MS }: BulkDeleteFlowOptions): BulkDeleteFlow {
  const initial: BulkDeleteFlowState = isStatus(from) ? { step: 'run', status: from, error: null } : { step: 'resolving', found: 0, total: from.kind === 'keys' ? from.keys.length : from.total };
  const store = createStore<BulkDeleteFlowState>()(() => initial);
  const set = (state: BulkDeleteFlowState): void => store.setState(state, true);
  let polling = false;
  let stopped = false;

  const updateChoose = (change: (step: BulkChooseStep) => BulkChooseStep): void => {
    const state = store.getState();
    if (state.step === 'choose') set(change(state));
  };

  /** Reads the status until the run ends; then the grid is read again. */
  async function follow(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      for (;;) {
        const state = store.getState();
        if (stopped || state.step !== 'run' || !state.status.running) return;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        const status = await api.status().catch(() => null);
        const now = store.getState();
        if (stopped || status === null || now.step !== 'run' || status.plan.id !== now.status.plan.id) continue;
        set({ ...now, status });
        if (!status.running) onChanged();
      }
    } finally {
      polling = false;
    }
  }

  /** Every key matching the query, page by page (sorted by id: stable while keys are deleted elsewhere). */
  async function resolve(selection: BulkSelection): Promise<SelectedKey[]> {
    if (selection.kind === 'keys') return selection.keys;
    const keys: SelectedKey[] = [];
    for (let page = 0; ; page += 1) {
      const answer = await api.list({ ...selection.query, page, pageSize: PAGE, sortField: 'id', sortDirection: 'asc' });
      keys.push(...answer.content.map((key) => ({ id: key.id, title: key.title })));
      set({ step: 'resolving', found: keys.length, total: answer.page.totalElements });
      if (answer.content.length < PAGE || keys.length >= answer.page.totalElements) return keys;
    }
  }

  async function open(selection: BulkSelection): Promise<void> {
    try {
      const keys = await resolve(selection);
      set({ step: 'choose', keys, choice: { kind: 'transfer', member: null }, editors: { status: 'loading' }, error: null, starting: false });
    } catch (error) {
      set({ step: 'resolve-failed', error: AppError.from(error) });
      return;
    }
    try {
      const members = await api.editorMembers();
      updateChoose((step) => ({ ...step, editors: { status: 'ready', members } }));
    } catch (error) {
      updateChoose((step) => ({ ...step, editors: { status: 'failed', error: AppError.from(error) } }));
    }
  }

  /** Runs a call that answers with the plan's status, then follows it. */
  async function running(work: () => Promise<BulkDeleteStatus>): Promise<void> {
    const state = store.getState();
    if (state.step !== 'run') return;
    try {
      set({ step: 'run', status: await work(), error: null });
      void follow();
    } catch (error) {
      set({ ...state, error: AppError.from(error) });
    }
  }

  if (isStatus(from)) void follow();
  else void open(from);

  return {
    store,

    choose(choice) {
      updateChoose((step) => ({ ...step, choice, error: null }));
    },

    async start() {
      const state = store.getState();
      if (state.step !== 'choose' || state.starting) return;
      const fate = bulkFateOf(state);
      if (fate === null) return;
      set({ ...state, starting: true, error: null });
      try {
        const status = await api.start({
          apiKeyIds: state.keys.map((key) => key.id),
          resources: fate,
          ...(fate.kind === 'delete-with-key' ? { confirmedCount: state.keys.length } : {}),
        });
        set({ step: 'run', status, error: null });
        void follow();
      } catch (error) {
        set({ ...state, starting: false, error: AppError.from(error) });
      }
    },

    async cancel() {
      const state = store.getState();
      if (state.step !== 'run' || !state.status.running) return;
      await api.cancel(state.status.plan.id).catch(() => undefined);
      set({ ...state, status: { ...state.status, cancelling: true } });
    },

    resume: () => running(async () => api.resume((store.getState() as { status: BulkDeleteStatus }).status.plan.id)),

    async dismiss() {
      const state = store.getState();
      if (state.step !== 'run') {
        set({ step: 'dismissed' });
        return;
      }
      if (state.status.running) return;
      try {
        await api.dismiss(state.status.plan.id);
        set({ step: 'dismissed' });
      } catch (error) {
        // Already forgotten (another window): nothing left to dismiss.
        if (isAppError(error, 'NOT_FOUND')) set({ step: 'dismissed' });
        else set({ ...state, error: AppError.from(error) });
      }
    },

    stop() {
      stopped = true;
    },
  };
}
