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

export function renderIcon(svg = readFileSync(svgPath)) {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: ICON_SIZE }, background: 'rgba(0,0,0,0)', font: { loadSystemFonts: false } });
  const image = resvg.render();
  if (image.width !== ICON_SIZE || image.height !== ICON_SIZE) {
    throw new Error(`build/icon.svg rendered to ${image.width}×${image.height}; it must be square (${ICON_SIZE}×${ICON_SIZE}).`);
  }
  return image.asPng();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const png = renderIcon();
  if (process.argv.includes('--check')) {
    let current = null;
    try {
      current = readFileSync(pngPath);
    } catch {
      // reported below
    }
    if (!current || !current.equals(png)) {
      console.error('build/icon.png is missing or out of date: run `node scripts/generate-icons.mjs` and commit it.');
      process.exit(1);
    }
    console.log('build/icon.png matches build/icon.svg.');
  } else {
    writeFileSync(pngPath, png);
    console.log(`Wrote build/icon.png (${ICON_SIZE}×${ICON_SIZE}, ${png.length} bytes).`);
  }
}
