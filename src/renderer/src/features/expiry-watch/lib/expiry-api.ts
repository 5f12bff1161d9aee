// The expiry watch's way to the services.
import { call } from '@renderer/lib/keydesk-client';

export const expiryApi = {
  /** The current organization's counts; the services check again first if something changed. */
  status: () => call('getExpiryStatus'),
};
