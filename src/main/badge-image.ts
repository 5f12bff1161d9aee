// The count badge Windows shows over the taskbar icon (BrowserWindow.setOverlayIcon: a
// 16 × 16 image; Electron's app.setBadgeCount works on macOS and Linux only). Drawn here as a
// 32 × 32 PNG (16 × 16 at scale factor 2): a red disc with the count in white, 1–99, then
// "99+". No Electron and no font: a 3 × 5 pixel digit font, scaled, so it is tested with Node.
import { crc32, deflateSync } from 'node:zlib';

export const BADGE_SIZE = 32;

// Each glyph: 5 rows of 3 pixels, '#' lit.
const GLYPHS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

/** The text in the badge: the count, or 99+. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(Math.max(0, Math.floor(count))));

/** 1 where the text's pixels are lit, on a BADGE_SIZE square grid, centred. */
export function badgeMask(text: string): Uint8Array {
  const scale = text.length === 1 ? 4 : text.length === 2 ? 3 : 2;
  const gap = scale;
  const width = text.length * 3 * scale + (text.length - 1) * gap;
  const height = 5 * scale;
  const left = Math.floor((BADGE_SIZE - width) / 2);
  const top = Math.floor((BADGE_SIZE - height) / 2);
  const mask = new Uint8Array(BADGE_SIZE * BADGE_SIZE);
  [...text].forEach((character, index) => {
    const glyph = GLYPHS[character] ?? GLYPHS['+'] ?? [];
    glyph.forEach((row, y) => {
      [...row].forEach((pixel, x) => {
        if (pixel !== '#') return;
        for (let dy = 0; dy < scale; dy += 1) {
          for (let dx = 0; dx < scale; dx += 1) {
            const px = left + index * (3 * scale + gap) + x * scale + dx;
            const py = top + y * scale + dy;
            mask[py * BADGE_SIZE + px] = 1;
          }
        }
      });
    });
  });
  return mask;
}

/** How much of a pixel the disc covers (4 × 4 samples), for a smooth edge. */
function discCoverage(x: number, y: number): number {
  const radius = BADGE_SIZE / 2;
  let inside = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const dx = x + (sx + 0.5) / 4 - radius;
      const dy = y + (sy + 0.5) / 4 - radius;
      if (dx * dx + dy * dy <= radius * radius) inside += 1;
    }
  }
  return inside / 16;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The badge for `count` as a PNG (RGBA, 8 bits). */
export function badgePng(count: number): Buffer {
  const mask = badgeMask(badgeText(count));
  // Each row: filter byte 0, then RGBA pixels.
  const rows = Buffer.alloc(BADGE_SIZE * (1 + BADGE_SIZE * 4));
  for (let y = 0; y < BADGE_SIZE; y += 1) {
    const row = y * (1 + BADGE_SIZE * 4);
    for (let x = 0; x < BADGE_SIZE; x += 1) {
      const at = row + 1 + x * 4;
      const lit = mask[y * BADGE_SIZE + x] === 1;
      // Material red 700 (#D32F2F) behind white digits: 5.6:1 contrast.
      rows[at] = lit ? 0xff : 0xd3;
      rows[at + 1] = lit ? 0xff : 0x2f;
      rows[at + 2] = lit ? 0xff : 0x2f;
      rows[at + 3] = Math.round(discCoverage(x, y) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(BADGE_SIZE, 0);
  header.writeUInt32BE(BADGE_SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
