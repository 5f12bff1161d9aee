// What the keys grid remembers in the settings file: its layout (hidden columns, widths,
// density, page size, sort) and the admin's saved views (a name, filters, a sort). Filters
// are kept as the admin chose them, relative where they were ("expiring in the next 30
// days" means the next 30 days on the day the view is opened), and turned into the list's
// instants by the renderer, in the admin's time zone.
import { z } from 'zod';
import { MAX_FILTER_TEXT_LENGTH } from './api-key-list-query';
import { API_KEY_SORT_FIELDS, API_KEY_STATUSES, hasControlCharacters } from './api-types';
import { API_KEY_ROLES } from './roles';

/** The grid's columns a user may hide or size (the row actions are always there). */
export const GRID_COLUMNS = ['title', 'id', 'createdBy', 'creationDate', 'expirationDate', 'lastUsedDate', 'role', 'status'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export const GRID_DENSITIES = ['compact', 'standard', 'comfortable'] as const;
export const GRID_PAGE_SIZES = [25, 50, 100] as const;
export const MAX_DAYS = 3650;
export const MAX_SAVED_VIEWS = 50;
export const VIEW_NAME_MAX_LENGTH = 60;

const gridSortSchema = z.strictObject({ field: z.enum(API_KEY_SORT_FIELDS), direction: z.enum(['asc', 'desc']) });
export type GridSort = z.infer<typeof gridSortSchema>;
export const DEFAULT_GRID_SORT: GridSort = { field: 'creationDate', direction: 'desc' };

export const gridLayoutSchema = z.strictObject({
  hiddenColumns: z
    .array(z.enum(GRID_COLUMNS))
    .refine((columns) => new Set(columns).size === columns.length, 'A column is named twice among the hidden ones.')
    .refine((columns) => !columns.includes('title'), 'The title column cannot be hidden.')
    .default([]),
  columnWidths: z.partialRecord(z.enum(GRID_COLUMNS), z.number().int().min(50).max(2000)).default({}),
  density: z.enum(GRID_DENSITIES).default('standard'),
  pageSize: z.union(GRID_PAGE_SIZES.map((size) => z.literal(size))).default(100),
  sort: gridSortSchema.default(DEFAULT_GRID_SORT),
});
export type GridLayout = z.infer<typeof gridLayoutSchema>;
export const DEFAULT_GRID_LAYOUT: GridLayout = gridLayoutSchema.parse({});

const days = z.number().int().min(1).max(MAX_DAYS);
const calendarDay = z.iso.date();

/** A date filter: between two calendar days (both included, either open), or the next / last N days. */
export const dateFilterSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('between'), from: calendarDay.nullable(), to: calendarDay.nullable() })
    .refine(({ from, to }) => from !== null || to !== null, 'A date range needs a start, an end or both.')
    .refine(({ from, to }) => from === null || to === null || from <= to, 'A date range must start before it ends.'),
  z.strictObject({ kind: z.literal('next-days'), days }),
  z.strictObject({ kind: z.literal('last-days'), days }),
]);
export type DateFilter = z.infer<typeof dateFilterSchema>;

export const lastUseFilterSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('never') }),
  /** Not used in the last N days, never-used keys included. */
  z.strictObject({ kind: z.literal('not-in-days'), days }),
]);
export type LastUseFilter = z.infer<typeof lastUseFilterSchema>;

const filterText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FILTER_TEXT_LENGTH)
  .refine((text) => !hasControlCharacters(text), 'A filter must not contain control characters.');

/** The filter bar's criteria, all combined (AND). */
export const gridFiltersSchema = z.strictObject({
  search: filterText.optional(),
  title: filterText.optional(),
  id: filterText.optional(),
  createdBy: filterText.optional(),
  role: z.enum(API_KEY_ROLES).optional(),
  status: z.enum(API_KEY_STATUSES).optional(),
  expires: dateFilterSchema.optional(),
  created: dateFilterSchema.optional(),
  lastUse: lastUseFilterSchema.optional(),
});
export type GridFilters = z.infer<typeof gridFiltersSchema>;
export type GridFilterName = keyof GridFilters;

export const viewNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the view a name.')
  .max(VIEW_NAME_MAX_LENGTH, `A view's name is at most ${VIEW_NAME_MAX_LENGTH} characters.`)
  .refine((name) => !hasControlCharacters(name), 'A view’s name must not contain control characters.');

export const savedViewSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: viewNameSchema,
  filters: gridFiltersSchema,
  sort: gridSortSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewsSchema = z
  .array(savedViewSchema)
  .max(MAX_SAVED_VIEWS, `At most ${MAX_SAVED_VIEWS} saved views.`)
  .refine((views) => new Set(views.map((view) => view.id)).size === views.length, 'Two saved views have the same id.')
  .refine((views) => new Set(views.map((view) => view.name.toLowerCase())).size === views.length, 'Two saved views have the same name.');
