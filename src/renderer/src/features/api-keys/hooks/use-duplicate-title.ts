// "A key named … already exists": peers (GitHub, GitLab) warn without refusing, since two
// applications may well share a name. Asked of the services a moment after typing stops;
// a failure warns of nothing (the server remains the judge of what it accepts). A name the
// form refuses (too long, a control character) is not asked about: no key can have it.
import { foldCase } from '@shared/api-key-list-evaluation';
import { useEffect, useState } from 'react';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { validateTitle } from '@renderer/features/api-keys/lib/create-form';

const DEBOUNCE_MS = 300;

/** The existing key's title when `title` (trimmed, any case) is one already, else null. */
export function useDuplicateTitle(title: string): string | null {
  const wanted = title.trim();
  const [found, setFound] = useState<{ for: string; title: string | null }>({ for: '', title: null });
  useEffect(() => {
    if (validateTitle(wanted) !== null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      apiKeysApi
        .list({ page: 0, pageSize: 100, sortField: 'title', sortDirection: 'asc', title: wanted })
        .then((page) => {
          const same = page.content.find((key) => foldCase(key.title.trim()) === foldCase(wanted));
          if (current) setFound({ for: wanted, title: same?.title ?? null });
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);
  return found.for === wanted ? found.title : null;
}
