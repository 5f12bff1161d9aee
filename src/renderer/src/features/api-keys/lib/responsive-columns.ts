// A narrow window keeps the columns an audit needs most: the others give way, one at a
// time in this order, until the rest fit without scrolling sideways. The title and the row
// actions never give way. A column the admin hid stays hidden; one that gave way comes
// back when the window widens again.
import type { GridColumn } from '@shared/grid-settings';

/** First to give way first. */
export const GIVE_WAY_ORDER: readonly GridColumn[] = ['id', 'creationDate', 'createdBy', 'lastUsedDate', 'role', 'expirationDate', 'status'];

/**
 * The columns that give way in `available` pixels, given each visible column's width (its
 * minimum, for a flexible one) and the width nothing can take (row actions, scroll bar).
 */
export function columnsGivingWay(
  available: number,
  widths: Readonly<Record<GridColumn, number>>,
  hidden: readonly GridColumn[],
  reserved: number,
  /** Columns the admin asked back while they had given way: they stay. */
  kept: readonly GridColumn[] = [],
): GridColumn[] {
  const shown = (Object.keys(widths) as GridColumn[]).filter((column) => !hidden.includes(column));
  let needed = reserved + shown.reduce((sum, column) => sum + widths[column], 0);
  const away: GridColumn[] = [];
  for (const column of GIVE_WAY_ORDER) {
    if (needed <= available) break;
    if (!shown.includes(column) || kept.includes(column)) continue;
    away.push(column);
    needed -= widths[column];
  }
  return away;
}
