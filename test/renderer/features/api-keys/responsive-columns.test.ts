import { describe, expect, it } from 'vitest';
import type { GridColumn } from '@shared/grid-settings';
import { columnsGivingWay } from '@renderer/features/api-keys/lib/responsive-columns';

const WIDTHS: Record<GridColumn, number> = { title: 200, id: 140, createdBy: 140, creationDate: 150, expirationDate: 150, lastUsedDate: 150, role: 110, status: 150 };

describe('columns giving way in a narrow window', () => {
  it('keeps every column when they fit', () => {
    expect(columnsGivingWay(1400, WIDTHS, [], 64)).toEqual([]);
  });

  it('lets the least needed go first, and keeps title, status, expiration and role at 800 px', () => {
    expect(columnsGivingWay(1000, WIDTHS, [], 64)).toEqual(['id', 'creationDate']);
    expect(columnsGivingWay(768, WIDTHS, [], 64)).toEqual(['id', 'creationDate', 'createdBy', 'lastUsedDate']);
  });

  it('counts a column the admin hid as gone already', () => {
    expect(columnsGivingWay(1000, WIDTHS, ['lastUsedDate'], 64)).toEqual(['id']);
  });

  it('never takes the title away, however narrow', () => {
    expect(columnsGivingWay(100, WIDTHS, [], 64)).toEqual(['id', 'creationDate', 'createdBy', 'lastUsedDate', 'role', 'expirationDate', 'status']);
  });
});
