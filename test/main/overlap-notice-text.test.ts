// The words of the reminder that a rotation's overlap has ended (the main process's own, in
// both languages): the old key by its title and date, beside its replacement.
import { describe, expect, it } from 'vitest';
import { overlapNoticeText } from '../../src/main/expiry-notice-text';
import type { OverlapNotice } from '../../src/shared/expiry-watch';

const overlap = (title: string) => ({
  id: crypto.randomUUID(),
  oldKey: { id: `${title}-old`, title, expirationDate: '2026-09-01T00:00:00.000Z' },
  replacement: { id: `${title}-new`, title: `${title} (2027)`, expirationDate: '2027-05-01T00:00:00.000Z' },
  keepUntil: '2026-05-03T12:00:00.000Z',
});
const notice = (...titles: string[]): OverlapNotice => ({ organization: { id: 'o', name: 'Demo Organization' }, overlaps: titles.map(overlap) });

describe('the ended-overlap reminder’s words', () => {
  it('names one old key, its date and its replacement', () => {
    expect(overlapNoticeText(notice('Nightly GIS sync'), 'en')).toEqual({
      title: 'An old API key is due for deletion — Demo Organization',
      body: '“Nightly GIS sync” was kept until May 3, 2026, beside “Nightly GIS sync (2027)”. Delete it now.',
    });
    expect(overlapNoticeText(notice('Nightly GIS sync'), 'fr').body).toBe('« Nightly GIS sync » devait être gardée jusqu’au 3 mai 2026, à côté de « Nightly GIS sync (2027) ». Supprimez-la maintenant.');
  });

  it('counts several', () => {
    expect(overlapNoticeText(notice('A', 'B'), 'en').title).toBe('2 old API keys are due for deletion — Demo Organization');
    expect(overlapNoticeText(notice('A', 'B'), 'fr').title).toBe('2 anciennes clés d’API sont à supprimer — Demo Organization');
  });
});
