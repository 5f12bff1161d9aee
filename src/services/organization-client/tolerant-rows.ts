// One row the client cannot read must not take the whole list with it: a key created with a
// date KeyDesk does not understand (issue 9: "+010000-01-01T…") made every listApiKeys fail
// until that key was deleted some other way. Unreadable rows are left out, counted, and
// logged by the endpoint and the field names at fault, never by a value: a value may be
// anything the server sent, a secret included.
import type { z } from 'zod';
import type { Logger } from '../logger';

/** Field names worth logging: short identifiers. Anything else is logged as "?". */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TolerantRows<T> {
  readonly rows: T[];
  /** How many rows were left out because they did not match the schema. */
  readonly unreadable: number;
}

export function readRowsTolerantly<T>(
  rows: readonly unknown[],
  schema: z.ZodType<T>,
  where: { method: string; path: string },
  log: Logger,
): TolerantRows<T> {
  const readable: T[] = [];
  let unreadable = 0;
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      readable.push(parsed.data);
      return;
    }
    unreadable += 1;
    const fields = unreadableFields(parsed.error);
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
    log.warn('A row of the answer was not understood and is left out', {
      method: where.method,
      path: where.path,
      row: index,
      fields,
      // The id helps find the row; only a UUID is echoed (whatever else sat there is not).
      id: typeof id === 'string' && UUID.test(id) ? id : undefined,
    });
  });
  return { rows: readable, unreadable };
}

/** The fields a parse failed on, as loggable names ("organizations.0.id,name"): never a value. */
export function unreadableFields(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => fieldName(issue.path)))].join(',');
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(row)';
  return path.map((key) => (typeof key === 'number' ? String(key) : FIELD_NAME.test(String(key)) ? String(key) : '?')).join('.');
}
