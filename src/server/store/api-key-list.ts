// The API-key list query, planned for 100,000 keys. The total comes from the counts table
// when only the role filters; otherwise it is counted through the cheapest way to read the
// candidates (api-key-list-plan.ts), and the page is read either by walking the sort index
// until it is full, or from those candidates, sorted (when they are few).
import type { ApiKeyListParams } from '../../shared/api-key-list-query';
import type { ApiKeyPage, ApiKeySortField } from '../../shared/api-types';
import type { ApiKeyRole } from '../../shared/roles';
import type { Database } from '../db/database';
import { listConditions } from './api-key-list-conditions';
import type { Term } from './api-key-list-conditions';
import { COST, ListPlanner, type Access, type TextCheck } from './api-key-list-plan';
import { selectKeys, toApiKey, type ApiKeyRow } from './api-key-store';
import { statement } from './statement-cache';

/** The route's parsed query (src/shared/api-key-list-query.ts), its sort in two fields. */
export type ApiKeyListQuery = Omit<ApiKeyListParams, 'sort'> & { sort: ApiKeySortField; direction: 'asc' | 'desc' };

// Each sort has an index (organization_id, column, id, filter columns); the id breaks ties
// so that pages are stable.
const SORTS: Record<ApiKeySortField, { column: string; index: string }> = {
  title: { column: 'k.title COLLATE NOCASE', index: 'api_keys_by_title' },
  id: { column: 'k.id', index: 'api_keys_by_id' },
  createdBy: { column: 'k.creator_name COLLATE NOCASE', index: 'api_keys_by_creator' },
  creationDate: { column: 'k.creation_date', index: 'api_keys_by_creation' },
  expirationDate: { column: 'k.expiration_date', index: 'api_keys_by_expiration' },
  role: { column: 'k.role', index: 'api_keys_by_role' },
  lastUsedDate: { column: 'k.last_used_date', index: 'api_keys_by_last_use' },
};

/** The plan chosen for one query: how the total was counted and the page read (for tests). */
export interface ListPlanChoice {
  count: 'counts table' | 'search index, other organizations subtracted' | 'from the source';
  source: string | null;
  textCheck: TextCheck | null;
  page: 'walk the sort index' | 'sort the source' | 'sort the source, counting as it goes' | 'none';
}

export function listApiKeys(
  db: Database,
  organizationId: string,
  query: ApiKeyListQuery,
  now: Date,
  onPlan?: (choice: ListPlanChoice) => void,
): ApiKeyPage {
  const conditions = listConditions(db, organizationId, query, now);
  const planner = new ListPlanner(db, organizationId, conditions, countFromTable(db, organizationId, undefined));
  const offset = query.page * query.size;
  const choice: ListPlanChoice = { count: 'from the source', source: null, textCheck: null, page: 'none' };
  let total: number | null = null;
  let rows: ApiKeyRow[] = [];
  const onlyRole = conditions.indexed.length === (query.role === undefined ? 0 : 1) && conditions.allText.length === 0;
  const access = onlyRole ? null : planner.cheapestAccess();
  if (access) Object.assign(choice, { source: access.byMatches ? 'search index' : access.from, textCheck: access.textCheck });
  // Where the walk's length does not depend on the total, the page may be chosen first:
  // sorting the candidates then gives the total in the same pass.
  if (access && clusters(planner, query)) {
    const plan = pagePlan(planner, query, access, access.candidates);
    if (!plan.walk) {
      const windowed = readSortedWithTotal(db, query, access);
      if (windowed) {
        ({ rows, total } = windowed);
        choice.page = 'sort the source, counting as it goes';
      }
    }
  }
  if (total === null) {
    if (access === null) {
      total = countFromTable(db, organizationId, query.role);
      choice.count = 'counts table';
    } else {
      const matchesOnly = countTextMatches(db, planner);
      choice.count = matchesOnly === null ? 'from the source' : 'search index, other organizations subtracted';
      total = matchesOnly ?? planner.count(`SELECT COUNT(*) AS n FROM ${access.from} WHERE ${access.where.sql}`, access.where.args);
    }
    if (total > offset) {
      const plan = pagePlan(planner, query, access, total);
      rows = readPage(db, query, plan);
      choice.page = plan.walk ? 'walk the sort index' : 'sort the source';
    }
  }
  onPlan?.(choice);
  return {
    content: rows.map((row) => toApiKey(row, now)),
    page: { number: query.page, size: query.size, totalElements: total, totalPages: Math.ceil(total / query.size) },
  };
}

/**
 * Matches of a text filter on the title or creator sit together in that order: where they
 * start is anyone's guess, so a walk of that sort index is planned as reading it whole.
 */
const clusters = (planner: ListPlanner, query: ApiKeyListQuery): boolean => (planner.conditions.clusteredBy as string[]).includes(query.sort);

interface PagePlan {
  walk: boolean;
  from: string;
  where: Term;
}

/**
 * Walking the sort index reads about (offset + size) × orgTotal / total entries, each
 * checked against the filters (text on its row, or against the matches' set); reading the
 * candidates as counted and sorting them reads each of them once. The cheaper one wins.
 */
function pagePlan(planner: ListPlanner, query: ApiKeyListQuery, access: Access | null, total: number): PagePlan {
  const { conditions, orgTotal } = planner;
  const offset = query.page * query.size;
  const walked = clusters(planner, query) ? orgTotal : Math.min(orgTotal, Math.ceil(((offset + query.size) * orgTotal) / Math.max(total, 1)));
  const rowCheck = walked * (COST.entry + (conditions.allText.length > 0 ? COST.row : 0));
  // The matches' set is worth building only if the count built it already, or it costs less than rows.
  const setKnown = access?.textCheck === 'set';
  const setCheck =
    conditions.match === null
      ? Infinity
      : walked * (COST.entry + (conditions.scanned.length > 0 ? COST.row : 0)) + (setKnown ? planner.matches() : planner.matchesAtLeast()) * COST.matchInSet;
  const walkCost = Math.min(rowCheck, setCheck) + query.size * COST.row;
  const sortCost = access === null ? Infinity : access.cost + total * (access.readsRows ? COST.sorted : COST.row);
  if (access && sortCost < walkCost) return { walk: false, from: access.from, where: access.where };
  return { walk: true, from: `api_keys k INDEXED BY ${SORTS[query.sort].index}`, where: planner.where(setCheck < rowCheck ? 'set' : 'row') };
}

function order(query: ApiKeyListQuery, walk: boolean): string {
  const sort = SORTS[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  // "+" keeps SQLite from ordering through another index than the source chosen.
  return walk ? `${sort.column} ${direction}, k.id ${direction}` : `+${sort.column} ${direction}, +k.id ${direction}`;
}

function readPage(db: Database, query: ApiKeyListQuery, plan: PagePlan): ApiKeyRow[] {
  const sql = `${selectKeys(plan.from)} WHERE ${plan.where.sql} ORDER BY ${order(query, plan.walk)} LIMIT ? OFFSET ?`;
  return statement(db, sql).all(...plan.where.args, query.size, query.page * query.size) as unknown as ApiKeyRow[];
}

/**
 * The page's ids and the total from one read of the candidates (a window count), then the
 * page's rows; null when the page is past the end (no row carries the total then).
 */
function readSortedWithTotal(db: Database, query: ApiKeyListQuery, access: Access): { rows: ApiKeyRow[]; total: number } | null {
  const sql = `SELECT k.id AS id, COUNT(*) OVER () AS total FROM ${access.from} WHERE ${access.where.sql} ORDER BY ${order(query, false)} LIMIT ? OFFSET ?`;
  const page = statement(db, sql).all(...access.where.args, query.size, query.page * query.size) as unknown as { id: string; total: number }[];
  const first = page[0];
  // No row to carry the total: none at all from the first page on, or the page is past the end.
  if (!first) return query.page === 0 ? { rows: [], total: 0 } : null;
  const ids = page.map((row) => row.id);
  const rows = statement(db, `${selectKeys()} WHERE k.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as unknown as ApiKeyRow[];
  const position = new Map(ids.map((id, index) => [id, index]));
  return { rows: rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)), total: first.total };
}

function countFromTable(db: Database, organizationId: string, role: ApiKeyRole | undefined): number {
  const row = (
    role === undefined
      ? statement(db, 'SELECT SUM(count) AS total FROM api_key_counts WHERE organization_id = ?').get(organizationId)
      : statement(db, 'SELECT SUM(count) AS total FROM api_key_counts WHERE organization_id = ? AND role = ?').get(organizationId, role)
  ) as { total: number | null };
  return row.total ?? 0;
}

/**
 * Matches of text filters alone in one organization. The index holds every organization's
 * keys, and checking each match's organization costs a row read per match; when the other
 * organizations hold fewer keys than there are matches, it is cheaper to subtract the
 * matches found by scanning the other organizations. Null when it is not.
 */
function countTextMatches(db: Database, planner: ListPlanner): number | null {
  const { indexed, scanned, match } = planner.conditions;
  if (indexed.length > 0 || scanned.length > 0 || match === null) return null;
  const others = statement(db, 'SELECT organization_id AS id, SUM(count) AS keys FROM api_key_counts WHERE organization_id <> ? GROUP BY organization_id HAVING keys > 0')
    .all(planner.organizationId) as unknown as { id: string; keys: number }[];
  const matches = planner.matches();
  if (others.reduce((sum, other) => sum + other.keys, 0) >= matches) return null;
  const text = planner.conditions.allText;
  const sql = `SELECT COUNT(*) AS n FROM api_keys k INDEXED BY api_keys_by_id WHERE k.organization_id = ? AND ${text.map((term) => term.sql).join(' AND ')}`;
  return matches - others.reduce((sum, other) => sum + planner.count(sql, [other.id, ...text.flatMap((term) => term.args)]), 0);
}
