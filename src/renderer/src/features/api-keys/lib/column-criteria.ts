// Which criterion of the filter bar each column's menu filters by ("Filter by Title…").
import type { GridFilterName } from '@shared/grid-settings';

export const COLUMN_CRITERIA: Readonly<Record<string, GridFilterName>> = {
  title: 'title',
  id: 'id',
  createdBy: 'createdBy',
  creationDate: 'created',
  expirationDate: 'expires',
  lastUsedDate: 'lastUse',
  role: 'role',
  status: 'status',
};
