// French typography in every French string: a narrow no-break space (U+202F) before "?",
// "!", ";" and ":", and inside « », so that a line never starts with the mark and the
// spacing matches French usage (issue 12: "Supprimer la clé d’API …?" had none).
import { describe, expect, it } from 'vitest';
import { catalogs } from '@renderer/app/i18n/catalogs';
import common from '@renderer/i18n/common-fr';
import errors from '@renderer/i18n/errors-fr';

/** Every string of a catalog, with its key path. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, path === '' ? key : `${path}.${key}`));
}

/** What is wrong with a French string's spacing, if anything. */
function mistakes(text: string): string[] {
  const found: string[] = [];
  // Before ? ! ; : — but not inside a time (14:02) or an address (https://).
  for (const match of text.matchAll(/(.)([?!;:])/gu)) {
    const [whole, before, mark] = match;
    const index = match.index ?? 0;
    if (mark === ':' && (/\d/.test(before ?? '') || text.slice(index + whole.length).startsWith('//'))) continue;
    if (before !== '\u202f') found.push(`“${text.slice(Math.max(0, index - 12), index + 2)}”: ${mark} needs a narrow no-break space before it`);
  }
  for (const match of text.matchAll(/«(.)|(.)»/gu)) {
    if ((match[1] ?? match[2]) !== '\u202f') found.push(`“${match[0]}”: « » need narrow no-break spaces inside`);
  }
  return found;
}

describe('French typography', () => {
  it('knows a mistake when it sees one', () => {
    expect(mistakes('Fermer sans copier?')).toHaveLength(1);
    expect(mistakes('Fermer sans copier ?')).toHaveLength(1);
    expect(mistakes('Fermer sans copier\u202f?')).toEqual([]);
    expect(mistakes('À 14:02, voir https://api.jmapcloud.io')).toEqual([]);
    expect(mistakes('la clé « X »')).toHaveLength(2);
  });

  it.each(Object.entries({ common, errors, ...catalogs.fr }))('is right in every string of the %s catalog', (_namespace, catalog) => {
    const wrong = strings(catalog, '').flatMap(([path, text]) => mistakes(text).map((mistake) => `${path}: ${mistake}`));
    expect(wrong).toEqual([]);
  });
});
