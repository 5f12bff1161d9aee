// Every feature folder (and the app) has the same shape, so that a newcomer finds a
// feature's parts where every other feature keeps them; and tests live under test/, not
// beside the code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '../../src/renderer/src');
const PARTS = ['components', 'hooks', 'stores', 'lib', 'i18n'];

function entries(folder: string): { folders: string[]; files: string[] } {
  const all = readdirSync(folder, { withFileTypes: true });
  return { folders: all.filter((entry) => entry.isDirectory()).map((entry) => entry.name), files: all.filter((entry) => entry.isFile()).map((entry) => entry.name) };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the renderer’s folders', () => {
  const features = entries(join(RENDERER, 'features')).folders;

  it.each(features)('features/%s holds only components, hooks, stores, lib and i18n', (feature) => {
    const { folders, files } = entries(join(RENDERER, 'features', feature));
    expect(files).toEqual([]);
    expect(folders.filter((folder) => !PARTS.includes(folder))).toEqual([]);
  });

  it('the app has the same parts, beside its root component', () => {
    const { folders, files } = entries(join(RENDERER, 'app'));
    expect(files).toEqual(['app.tsx']);
    expect(folders.filter((folder) => !PARTS.includes(folder))).toEqual([]);
  });

  // A catalog past 250 lines keeps a part in a pair of its own (`<part>-en.ts`, `<part>-fr.ts`).
  it('a feature’s catalogs come in English and French', () => {
    for (const feature of features) {
      const i18n = entries(join(RENDERER, 'features', feature, 'i18n')).files.sort();
      const parts = i18n.filter((file) => file !== 'en.ts' && file !== 'fr.ts');
      expect(i18n.filter((file) => file === 'en.ts' || file === 'fr.ts'), feature).toEqual(['en.ts', 'fr.ts']);
      for (const part of parts.filter((file) => file.endsWith('-en.ts'))) expect(parts, feature).toContain(part.replace(/-en\.ts$/, '-fr.ts'));
      expect(parts.every((file) => /^[a-z]+(-[a-z]+)*-(en|fr)\.ts$/.test(file)), feature).toBe(true);
      expect(parts.filter((file) => file.endsWith('-en.ts')).length * 2, feature).toBe(parts.length);
    }
  });

  it('no test lives in src/', () => {
    const src = join(import.meta.dirname, '../../src');
    expect(filesUnder(src).filter((file) => /\.(test|spec)\.[cm]?tsx?$/.test(file))).toEqual([]);
  });
});
