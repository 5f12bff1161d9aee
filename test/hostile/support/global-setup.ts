// Before the files: the figures of an earlier run are cleared. After them: the figures of
// every file are added up, printed and kept as total.json.
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIR, figuresTable, readAllFigures } from './figures';

export default function setup(): () => void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  return () => {
    const figures = readAllFigures();
    mkdirSync(FIGURES_DIR, { recursive: true });
    writeFileSync(join(FIGURES_DIR, 'total.json'), JSON.stringify(figures, null, 2));
    console.log(`\nHostile suite figures (${FIGURES_DIR}/total.json):\n\n${figuresTable(figures)}\n`);
  };
}
