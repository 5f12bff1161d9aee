// The words of the expiry notifications (the main process's own, in both languages) and the
// Windows taskbar badge drawn without Electron.
import { inflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { badgeDescription, expiryNoticeText } from '../../src/main/expiry-notice-text';
import { BADGE_SIZE, badgeMask, badgePng, badgeText } from '../../src/main/badge-image';
import type { ExpiryNotice } from '../../src/shared/expiry-watch';

const key = (title: string, expirationDate = '2026-05-03T12:00:00.000Z') => ({ id: title, title, expirationDate });
const notice = (kind: ExpiryNotice['kind'], titles: string[]): ExpiryNotice => ({
  kind,
  organization: { id: 'o', name: 'Demo Organization' },
  warningDays: 14,
  keys: titles.map((title) => key(title)),
});

describe('the expiry notifications’ words', () => {
  it('name one key with its date', () => {
    expect(expiryNoticeText(notice('expiring', ['Nightly GIS sync']), 'en')).toEqual({
      title: 'An API key expires soon — Demo Organization',
      body: '“Nightly GIS sync” expires on May 3, 2026.',
    });
    expect(expiryNoticeText(notice('expired', ['Nightly GIS sync']), 'fr')).toEqual({
      title: 'Une clé d’API a expiré — Demo Organization',
      body: '« Nightly GIS sync » a expiré le 3 mai 2026.',
    });
  });

  it('count several keys and name the first three', () => {
    expect(expiryNoticeText(notice('expiring', ['A', 'B']), 'en')).toEqual({ title: '2 API keys expire within 14 days — Demo Organization', body: '“A” and “B”.' });
    expect(expiryNoticeText(notice('expired', ['A', 'B', 'C', 'D', 'E']), 'en')).toEqual({ title: '5 API keys have expired — Demo Organization', body: '“A”, “B”, “C” and 2 more.' });
    expect(expiryNoticeText(notice('expiring', ['A', 'B', 'C', 'D']), 'fr')).toEqual({
      title: '4 clés d’API expirent d’ici 14 jours — Demo Organization',
      body: '« A », « B », « C » et 1 autre.',
    });
  });

  it('describe the badge for screen readers', () => {
    expect(badgeDescription(1, 'en')).toBe('1 API key needs attention');
    expect(badgeDescription(7, 'fr')).toBe('7 clés d’API demandent votre attention');
  });
});

/** The mask as text rows, to read the digits. */
const picture = (text: string): string[] => {
  const mask = badgeMask(text);
  const rows: string[] = [];
  for (let y = 0; y < BADGE_SIZE; y += 1) rows.push([...mask.slice(y * BADGE_SIZE, (y + 1) * BADGE_SIZE)].map((lit) => (lit ? '#' : '.')).join(''));
  return rows.filter((row) => row.includes('#'));
};

/** Reads our PNG back: signature, chunk CRCs, size, and the RGBA pixels. */
function decode(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  return { width, height, pixel: (x, y) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 1 + x * 4 + 4)] };
}

describe('the taskbar badge', () => {
  it('writes the count, up to 99, then 99+', () => {
    expect([badgeText(0), badgeText(7), badgeText(42), badgeText(100), badgeText(5000)]).toEqual(['0', '7', '42', '99+', '99+']);
  });

  it('draws the digits centred and readable', () => {
    const five = picture('5');
    // 5 rows of the glyph at scale 4: 20 rows, 12 columns wide.
    expect(five).toHaveLength(20);
    expect(five[0]?.replace(/\./g, '')).toHaveLength(12);
    expect(five.map((row) => row.slice(10, 22)).filter((_, index) => index % 4 === 0)).toEqual([
      '############',
      '####........',
      '############',
      '........####',
      '############',
    ]);
    expect(picture('42')).toHaveLength(15);
    expect(picture('99+')).toHaveLength(10);
  });

  it('is a 32 × 32 PNG: white digits on a red disc, transparent corners', () => {
    const image = decode(badgePng(8));
    expect([image.width, image.height]).toEqual([32, 32]);
    expect(image.pixel(0, 0)[3]).toBe(0);
    expect(image.pixel(16, 3)).toEqual([0xd3, 0x2f, 0x2f, 255]);
    // The middle bar of the 8.
    expect(image.pixel(16, 15)).toEqual([255, 255, 255, 255]);
  });
});
