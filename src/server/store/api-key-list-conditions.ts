// The key list's filters as SQL terms, sorted by what they need: terms that any sort index
// can check from its own columns (role and the three dates, see migration 7), text filters
// that the trigram index serves (3 characters or more), and text filters that need the
// table row (shorter ones, or every one on a SQLite without FTS5). Their meaning is the
// one of shared/api-key-list-evaluation.ts, which the tests hold this SQL to.
import { foldCase } from '../../shared/api-key-list-evaluation';
import type { ApiKeyListFilters } from '../../shared/api-key-list-query';
import { EXPIRING_SOON_DAYS } from '../../shared/roles';
import type { Database } from '../db/database';
import { statement } from './statement-cache';

export type Bind = string | number;
export interface Term {
  sql: string;
  args: Bind[];
}

/** A filter on the first column of a sort index (after the organization): a narrow range of it. */
export interface IndexRange {
  index: string;
  term: Term;
  /** Its number of entries, when known without counting them (the counts table's, for a role). */
  size: number | null;
}

export interface ListConditions {
  /** Checked from any sort index's own columns, without reading the row. */
  indexed: Term[];
  /** The sort indexes whose first column a filter restricts. */
  ranges: IndexRange[];
  /** FTS5 query of the text filters the trigram index serves, or null. */
  match: string | null;
  /** Text filters as substring tests on the row: those the index cannot serve. */
  scanned: Term[];
  /** Every text filter on the row (title, creator, search) as a substring test. */
  allText: Term[];
  /** The sort fields whose order clusters the matches of a text filter on the row. */
  clusteredBy: ('title' | 'createdBy')[];
}

/**
 * The text filters: FTS5 column (null: all three), the row's folded column, and the sort
 * fields whose order groups its matches together. The id is in every sort index, so its
 * filter is checked there, never on the row; ids are ASCII (UUIDs), which SQL's lower()
 * folds as JavaScript does.
 */
const TEXT_FILTERS = {
  search: { column: null, row: 'k.search_text', clusters: ['title', 'createdBy'] },
  title: { column: 'title', row: 'k.title_folded', clusters: ['title'] },
  id: { column: 'id', row: null, clusters: [] },
  createdBy: { column: 'creator', row: 'k.creator_folded', clusters: ['createdBy'] },
} as const;

const searchIndexes = new WeakMap<Database, boolean>();
function hasSearchIndex(db: Database): boolean {
  let present = searchIndexes.get(db);
  if (present === undefined) {
    present = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'api_key_text'").get() !== undefined;
    searchIndexes.set(db, present);
  }
  return present;
}

/** An FTS5 phrase: the text quoted, so that no character of it is query syntax. */
const phrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** One end of an interval: the value, and whether it belongs to it. */
type Bound = { value: string; inclusive: boolean };
type Interval = { from?: Bound; to?: Bound };

/** The tighter of two lower (or upper) bounds; at the same value, the exclusive one. */
function tighter(a: Bound | undefined, b: Bound | undefined, lower: boolean): Bound | undefined {
  if (!a || !b) return a ?? b;
  if (a.value === b.value) return a.inclusive ? b : a;
  return (a.value > b.value) === lower ? a : b;
}

function intersect(...intervals: Interval[]): Interval {
  return intervals.reduce((all, one) => ({ from: tighter(all.from, one.from, true), to: tighter(all.to, one.to, false) }), {});
}

function intervalTerms(column: string, interval: Interval): Term[] {
  const terms: Term[] = [];
  if (interval.from) terms.push({ sql: `${column} ${interval.from.inclusive ? '>=' : '>'} ?`, args: [interval.from.value] });
  if (interval.to) terms.push({ sql: `${column} ${interval.to.inclusive ? '<=' : '<'} ?`, args: [interval.to.value] });
  return terms;
}

const join = (terms: Term[]): Term => ({ sql: terms.map((term) => term.sql).join(' AND '), args: terms.flatMap((term) => term.args) });

/** [from, before) of a pair of filters. */
const halfOpen = (from: string | undefined, before: string | undefined): Interval => ({
  from: from === undefined ? undefined : { value: from, inclusive: true },
  to: before === undefined ? undefined : { value: before, inclusive: false },
});

function statusInterval(status: ApiKeyListFilters['status'], now: Date): Interval {
  const nowIso = now.toISOString();
  if (status === 'EXPIRED') return { to: { value: nowIso, inclusive: true } };
  if (status === 'ACTIVE') return { from: { value: nowIso, inclusive: false } };
  if (status === 'EXPIRING_SOON') {
    const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString();
    return { from: { value: nowIso, inclusive: false }, to: { value: soon, inclusive: true } };
  }
  return {};
}

export function listConditions(db: Database, organizationId: string, filters: ApiKeyListFilters, now: Date): ListConditions {
  const indexed: Term[] = [];
  const ranges: IndexRange[] = [];
  const narrow = (index: string, terms: Term[], size: number | null = null): void => {
    if (terms.length === 0) return;
    indexed.push(...terms);
    ranges.push({ index, term: join(terms), size });
  };
  if (filters.role !== undefined) {
    const counted = statement(db, 'SELECT count FROM api_key_counts WHERE organization_id = ? AND role = ?').get(organizationId, filters.role) as { count: number } | undefined;
    narrow('api_keys_by_role', [{ sql: 'k.role = ?', args: [filters.role] }], counted?.count ?? 0);
  }
  const expiration = intersect(statusInterval(filters.status, now), halfOpen(filters.expiresFrom, filters.expiresBefore));
  narrow('api_keys_by_expiration', intervalTerms('k.expiration_date', expiration));
  narrow('api_keys_by_creation', intervalTerms('k.creation_date', halfOpen(filters.createdFrom, filters.createdBefore)));
  if (filters.neverUsed === true) narrow('api_keys_by_last_use', [{ sql: 'k.last_used_date IS NULL', args: [] }]);
  // Never used or used before: two ranges of the index (NULLs come first), which SQLite
  // would read as two scans; as a check it costs nothing, so it narrows nothing here.
  if (filters.unusedSince !== undefined) indexed.push({ sql: '(k.last_used_date IS NULL OR k.last_used_date < ?)', args: [filters.unusedSince] });

  const phrases: string[] = [];
  const scanned: Term[] = [];
  const allText: Term[] = [];
  const clusteredBy = new Set<'title' | 'createdBy'>();
  const indexAvailable = hasSearchIndex(db);
  for (const [name, { column, row, clusters }] of Object.entries(TEXT_FILTERS)) {
    const value = filters[name as keyof typeof TEXT_FILTERS];
    if (value === undefined || value === '') continue;
    const needle = foldCase(value);
    // A trigram index finds substrings of 3 characters or more only.
    const indexable = indexAvailable && [...needle].length >= 3;
    if (indexable) phrases.push(column === null ? phrase(needle) : `${column} : ${phrase(needle)}`);
    if (row === null) {
      indexed.push({ sql: 'instr(lower(k.id), ?) > 0', args: [needle] });
      continue;
    }
    const onRow = { sql: `instr(${row}, ?) > 0`, args: [needle] };
    allText.push(onRow);
    if (!indexable) scanned.push(onRow);
    clusters.forEach((field) => clusteredBy.add(field));
  }
  return { indexed, ranges, match: phrases.length === 0 ? null : phrases.join(' AND '), scanned, allText, clusteredBy: [...clusteredBy] };
}
