// The expiry watch's counts for the banner: asked when the banner appears, again whenever
// `refreshKey` changes (the keys changed or were refreshed, the days changed), when the
// window comes back to the front, and every few minutes (the services check every hour and
// after every change; asking costs nothing when nothing changed).
import type { ExpiryStatus } from '@shared/expiry-watch';
import { useEffect, useState } from 'react';
import { expiryApi } from '@renderer/features/expiry-watch/lib/expiry-api';

const POLL_MS = 5 * 60_000;

export function useExpiryStatus(refreshKey: string): ExpiryStatus | null {
  const [status, setStatus] = useState<ExpiryStatus | null>(null);
  useEffect(() => {
    let current = true;
    const ask = (): void => {
      expiryApi
        .status()
        .then((next) => current && setStatus(next))
        // The banner is a convenience: a failed ask leaves it as it was (the grid says errors).
        .catch(() => undefined);
    };
    ask();
    const timer = setInterval(ask, POLL_MS);
    window.addEventListener('focus', ask);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener('focus', ask);
    };
  }, [refreshKey]);
  return status;
}
