// The Activity view's filters as the admin sets them (calendar days in their time zone,
// empty texts) and as the services take them (instants, absent fields). Pure.
import { MAX_ACTIVITY_FILTER_LENGTH, MAX_ACTIVITY_READ, type ActivityAction, type ActivityOutcomeStatus, type ActivityQuery } from '@shared/activity-log';
import { searchText } from '@shared/api-types';

export type ActivityFilters = {
  /** `organization`: the current one only; `all`: every organization this computer worked on. */
  scope: 'organization' | 'all';
  /** Empty: every action. */
  actions: ActivityAction[];
  outcomes: ActivityOutcomeStatus[];
  /** A key's id, or a part of its title. */
  apiKey: string;
  /** Calendar days (`YYYY-MM-DD`), both included; null: open. */
  from: string | null;
  to: string | null;
  text: string;
};

export const NO_FILTERS: ActivityFilters = { scope: 'organization', actions: [], outcomes: [], apiKey: '', from: null, to: null, text: '' };

/** What the view shows at once; the export asks for every match. */
export const SHOWN_ENTRIES = 1000;
export const EXPORTED_ENTRIES = MAX_ACTIVITY_READ;

/** The start of a calendar day in the admin's time zone, as an instant. */
function startOfDay(day: string, offsetDays = 0): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

export function toActivityQuery(filters: ActivityFilters, limit: number): ActivityQuery {
  const query: ActivityQuery = { scope: filters.scope, limit };
  if (filters.actions.length > 0) query.actions = filters.actions;
  if (filters.outcomes.length > 0) query.outcomes = filters.outcomes;
  const apiKey = searchText(filters.apiKey, MAX_ACTIVITY_FILTER_LENGTH);
  if (apiKey !== '') query.apiKey = apiKey;
  const text = searchText(filters.text, MAX_ACTIVITY_FILTER_LENGTH);
  if (text !== '') query.text = text;
  if (filters.from !== null) query.from = startOfDay(filters.from);
  // "To" includes its whole day: the range ends at the start of the next one.
  if (filters.to !== null) query.before = startOfDay(filters.to, 1);
  return query;
}

/** Whether anything narrows the entries (to tell "no activity yet" from "none match"). */
export function isFiltered(filters: ActivityFilters): boolean {
  const { actions, outcomes, apiKey, text, from, to } = filters;
  return actions.length > 0 || outcomes.length > 0 || apiKey.trim() !== '' || text.trim() !== '' || from !== null || to !== null;
}

/** A range the services would refuse: the admin is told before anything is asked. */
export function rangeIsBackwards(filters: ActivityFilters): boolean {
  return filters.from !== null && filters.to !== null && filters.from > filters.to;
}
