// A multi-step flow is a small store of its own (zustand, vanilla): its state is a union,
// its events are plain functions, and tests drive it without rendering anything. This
// hook gives a component one flow for its lifetime and re-renders it on every step.
import { useState } from 'react';
import { useStore, type StoreApi } from 'zustand';

export type Flow<State> = { store: StoreApi<State> };

/** Creates the flow once (at the first render) and subscribes to its state. */
export function useFlow<State, F extends Flow<State>>(create: () => F & Flow<State>): [State, F] {
  const [flow] = useState(create);
  return [useStore(flow.store), flow];
}
