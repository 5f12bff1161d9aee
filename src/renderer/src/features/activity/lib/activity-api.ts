// The activity feature's way to the services.
import type { ActivityQuery } from '@shared/activity-log';
import { call } from '@renderer/lib/keydesk-client';

export const activityApi = {
  list: (query: ActivityQuery) => call('listActivity', query),
};

export type ActivityApi = typeof activityApi;
