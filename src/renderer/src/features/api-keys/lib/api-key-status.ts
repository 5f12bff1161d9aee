// A key's status as the grid shows it. The server says whether a key has expired; "expiring
// soon" is computed here from the same clock reading for every row of a page.
import type { ApiKey, ApiKeyStatus } from '@shared/api-types';
import { EXPIRING_SOON_DAYS } from '@shared/roles';

const DAY_MS = 24 * 60 * 60 * 1000;

export function apiKeyStatus(key: Pick<ApiKey, 'expired' | 'expirationDate'>, now: number): ApiKeyStatus {
  const expiresAt = Date.parse(key.expirationDate);
  if (key.expired || expiresAt <= now) return 'EXPIRED';
  return expiresAt - now <= EXPIRING_SOON_DAYS * DAY_MS ? 'EXPIRING_SOON' : 'ACTIVE';
}
