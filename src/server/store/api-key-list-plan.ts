// How the key list reads its candidates, chosen by estimated cost (microseconds of CPU per
// unit of work, measured at 100,000 keys on a 2-core Xeon: docs/benchmarks.md). Sources:
// - the search index's matches (when text filters are selective), read in rowid order;
// - a range of a sort index whose first column a filter restricts (role, expiration,
//   creation, never used), counted up to PROBE_LIMIT entries to know whether it is narrow;
// - the organization's whole stretch of a sort index;
// - the whole table, in table order (for short text filters that no index serves).
// Through an index, text filters are checked either against the set of the search index's
// matches (cheap per entry, but the set costs its size) or on each candidate's row.
import type { Database } from '../db/database';
import type { ListConditions, Term } from './api-key-list-conditions';
import { statement } from './statement-cache';

export const COST = {
  /** An index entry read and checked. */
  entry: 0.1,
  /** A table row read from an index entry (rows in another order than the table's). */
  row: 1.5,
  /** A match of the search index read with its row (matches come in rowid order). */
  matchWithRow: 0.9,
  /** A match of the search index put in the set that index entries are checked against. */
  matchInSet: 0.35,
  /** A row of a whole-table scan. */
  scannedRow: 0.25,
  /** A candidate sorted, once read. */
  sorted: 0.3,
};
/** How far the matches are counted before being called large. */
export const PROBE_LIMIT = 5000;
/** How far an index range is counted before being called as large as the organization. */
const RANGE_PROBE_LIMIT = 20_000;

const MATCHES = 'k.rowid IN (SELECT rowid FROM api_key_text WHERE api_key_text MATCH ?)';

/** Text filters checked against the matches' set (`set`) or on the row (`row`). */
export type TextCheck = 'set' | 'row';

/** A way to read the candidates: the FROM clause that makes SQLite read them so, and its WHERE. */
export interface Access {
  from: string;
  where: Term;
  cost: number;
  /** Whether the search index's matches drive (all the text filters already applied). */
  byMatches: boolean;
  textCheck: TextCheck;
  /** Whether reading the candidates reads their rows too (not only index entries). */
  readsRows: boolean;
  /** At most how many keys pass (the candidates read). */
  candidates: number;
}

export class ListPlanner {
  private exactMatches: number | undefined;
  private probedMatches: number | undefined;

  constructor(
    private readonly db: Database,
    readonly organizationId: string,
    readonly conditions: ListConditions,
    readonly orgTotal: number,
  ) {}

  /** Every condition as one WHERE, text filters checked as asked. */
  where(textCheck: TextCheck): Term {
    const { indexed, match, scanned, allText } = this.conditions;
    const terms: Term[] = [{ sql: 'k.organization_id = ?', args: [this.organizationId] }, ...indexed];
    if (match === null || textCheck === 'row') terms.push(...allText);
    else terms.push({ sql: MATCHES, args: [match] }, ...scanned);
    return { sql: terms.map((term) => term.sql).join(' AND '), args: terms.flatMap((term) => term.args) };
  }

  /** How many keys (of every organization) the text filters' search index matches. */
  matches(): number {
    const { match } = this.conditions;
    if (match === null) return 0;
    if (this.exactMatches === undefined) {
      const probed = this.probeMatches();
      this.exactMatches = probed < PROBE_LIMIT ? probed : this.count('SELECT COUNT(*) AS n FROM api_key_text WHERE api_key_text MATCH ?', [match]);
    }
    return this.exactMatches;
  }

  /** The matches, counted no further than PROBE_LIMIT: a lower bound when large. */
  matchesAtLeast(): number {
    return this.exactMatches ?? this.probeMatches();
  }

  /** The cheapest way to read every candidate (to count them, or to sort them). */
  cheapestAccess(): Access {
    const { conditions, orgTotal } = this;
    const hasText = conditions.allText.length > 0;
    const hasShortText = conditions.scanned.length > 0;
    const options: { lowerBound: number; build: () => Access | null }[] = [];
    const throughIndex = (from: string, entries: number): void => {
      // Text on the row: every entry that passes the index's own checks reads its row.
      options.push({
        lowerBound: entries * (COST.entry + (hasText ? COST.row : 0)),
        build: () => ({
          from,
          where: this.where('row'),
          cost: entries * (COST.entry + (hasText ? COST.row : 0)),
          byMatches: false,
          textCheck: 'row',
          readsRows: hasText,
          candidates: entries,
        }),
      });
      if (conditions.match === null) return;
      const setCost = (matches: number): number => entries * (COST.entry + (hasShortText ? COST.row : 0)) + matches * COST.matchInSet;
      options.push({
        lowerBound: setCost(this.matchesAtLeast()),
        build: () => ({
          from,
          where: this.where('set'),
          cost: setCost(this.matches()),
          byMatches: false,
          textCheck: 'set',
          readsRows: hasShortText,
          candidates: Math.min(entries, this.matches()),
        }),
      });
    };
    throughIndex('api_keys k INDEXED BY api_keys_by_id', orgTotal);
    // Ranges of known size first; each other one counted no further than the narrowest so far.
    let narrowest = orgTotal;
    for (const range of [...conditions.ranges].sort((a, b) => (a.size === null ? 1 : 0) - (b.size === null ? 1 : 0))) {
      const limit = Math.min(narrowest, RANGE_PROBE_LIMIT);
      const entries = range.size ?? this.probeRange(range.index, range.term, limit);
      if (entries >= limit) continue;
      narrowest = entries;
      throughIndex(`api_keys k INDEXED BY ${range.index}`, entries);
    }
    if (conditions.match !== null) {
      // Rowid lookups stay allowed under NOT INDEXED: the matches drive, no index competes.
      options.push({
        lowerBound: this.matchesAtLeast() * COST.matchWithRow,
        build: () => ({
          from: 'api_keys k NOT INDEXED',
          where: this.where('set'),
          cost: this.matches() * COST.matchWithRow,
          byMatches: true,
          textCheck: 'set',
          readsRows: true,
          candidates: this.matches(),
        }),
      });
    }
    if (hasText) {
      const cost = this.tableTotal() * COST.scannedRow;
      options.push({
        lowerBound: cost,
        build: () => ({ from: 'api_keys k NOT INDEXED', where: this.where('row'), cost, byMatches: false, textCheck: 'row', readsRows: true, candidates: orgTotal }),
      });
    }
    // Cheapest lower bounds first: an option whose bound exceeds the best cost so far is
    // never built (building one may count the matches, which is what a bound avoids).
    let best: Access | null = null;
    for (const option of options.sort((a, b) => a.lowerBound - b.lowerBound)) {
      if (best && option.lowerBound >= best.cost) break;
      const access = option.build();
      if (access && (!best || access.cost < best.cost)) best = access;
    }
    if (!best) throw new Error('The key list has no way to read its candidates.');
    return best;
  }

  count(sql: string, args: (string | number)[]): number {
    return (statement(this.db, sql).get(...args) as { n: number }).n;
  }

  private probeMatches(): number {
    this.probedMatches ??= this.count('SELECT COUNT(*) AS n FROM (SELECT 1 FROM api_key_text WHERE api_key_text MATCH ? LIMIT ?)', [
      this.conditions.match ?? '',
      PROBE_LIMIT,
    ]);
    return this.probedMatches;
  }

  /** The entries of an index range, counted up to `limit`. */
  private probeRange(index: string, term: Term, limit: number): number {
    const sql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM api_keys k INDEXED BY ${index} WHERE k.organization_id = ? AND ${term.sql} LIMIT ?)`;
    return this.count(sql, [this.organizationId, ...term.args, limit]);
  }

  private tableTotal(): number {
    return (statement(this.db, 'SELECT SUM(count) AS n FROM api_key_counts').get() as { n: number | null }).n ?? 0;
  }
}
