// Renders build/icon.png (1024×1024) from build/icon.svg, the one icon source. electron-builder
// derives the Windows .ico, the macOS .icns and the Linux sizes from that PNG.
//   node scripts/generate-icons.mjs          writes build/icon.png
//   node scripts/generate-icons.mjs --check  exits 1 when build/icon.png is not what the SVG renders to
// resvg comes from the npm registry with a prebuilt binary per platform: no system package needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZE = 1024;
const svgPath = fileURLToPath(new URL('../build/icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('../build/icon.png', import.meta.url));

function render(svg, fitToWidth) {
  const options = { background: 'rgba(0,0,0,0)', font: { loadSystemFonts: false }, ...(fitToWidth ? { fitTo: { mode: 'width', value: ICON_SIZE } } : {}) };
  const image = new Resvg(svg, options).render();
  if (image.width !== ICON_SIZE || image.height !== ICON_SIZE) {
    throw new Error(`build/icon.svg rendered to ${image.width}×${image.height}; it must be square (${ICON_SIZE}×${ICON_SIZE}).`);
  }
  return image;
}

export function renderIcon(svg = readFileSync(svgPath)) {
  return render(svg, true).asPng();
}

/** The RGBA pixels of a PNG, decoded by resvg itself (the PNG embedded in an SVG of its size). */
function pixelsOfPng(png) {
  const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_SIZE}" height="${ICON_SIZE}"><image width="${ICON_SIZE}" height="${ICON_SIZE}" image-rendering="optimizeSpeed" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return render(wrapper, false).pixels;
}

/**
 * True when the PNG shows what the SVG renders to. Pixels, not bytes, with ±2 per channel:
 * anti-aliasing may differ by a unit between CPUs (SSE, NEON), and a PNG encoder may change.
 */
export function iconMatches(png, svg = readFileSync(svgPath)) {
  const expected = render(svg, true).pixels;
  let actual;
  try {
    actual = pixelsOfPng(png);
  } catch {
    return false;
  }
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (Math.abs(actual[i] - expected[i]) > 2) return false;
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    let current = null;
    try {
      current = readFileSync(pngPath);
    } catch {
      // reported below
    }
    if (!current || !iconMatches(current)) {
      console.error('build/icon.png is missing or out of date: run `node scripts/generate-icons.mjs` and commit it.');
      process.exit(1);
    }
    console.log('build/icon.png matches build/icon.svg.');
  } else {
    const png = renderIcon();
    writeFileSync(pngPath, png);
    console.log(`Wrote build/icon.png (${ICON_SIZE}×${ICON_SIZE}, ${png.length} bytes).`);
  }
}
