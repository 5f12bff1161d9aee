// The suite's figures: requests by kind of attack, and how each was answered (accepted,
// refused, 5xx). Each test file writes its own tally; the global teardown adds them up,
// prints the table and keeps it as JSON beside the other results (docs/SECURITY.md quotes it).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Outcome = 'accepted' | 'refused' | 'serverError';
export type Counts = Record<Outcome, number>;
export type Figures = Record<string, Counts>;

export const FIGURES_DIR = join(process.env.KEYDESK_RESULTS_DIR ?? 'test-summary', 'hostile-figures');

export class Tally {
  private readonly figures: Figures = {};

  record(kind: string, outcome: Outcome): void {
    const counts = (this.figures[kind] ??= { accepted: 0, refused: 0, serverError: 0 });
    counts[outcome] += 1;
  }

  /** A REST answer's outcome by its status. */
  recordStatus(kind: string, status: number): void {
    this.record(kind, status >= 500 ? 'serverError' : status >= 400 ? 'refused' : 'accepted');
  }

  write(name: string): void {
    mkdirSync(FIGURES_DIR, { recursive: true });
    writeFileSync(join(FIGURES_DIR, `${name}.json`), JSON.stringify(this.figures, null, 2));
  }
}

export function readAllFigures(): Figures {
  const total: Figures = {};
  let files: string[];
  try {
    files = readdirSync(FIGURES_DIR).filter((file) => file.endsWith('.json') && file !== 'total.json');
  } catch {
    return total;
  }
  for (const file of files) {
    const figures = JSON.parse(readFileSync(join(FIGURES_DIR, file), 'utf8')) as Figures;
    for (const [kind, counts] of Object.entries(figures)) {
      const sum = (total[kind] ??= { accepted: 0, refused: 0, serverError: 0 });
      sum.accepted += counts.accepted;
      sum.refused += counts.refused;
      sum.serverError += counts.serverError;
    }
  }
  return total;
}

/** The figures as a Markdown table, kinds sorted, with a total row. */
export function figuresTable(figures: Figures): string {
  const rows = Object.entries(figures).sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce(
    (sum, [, counts]) => ({ accepted: sum.accepted + counts.accepted, refused: sum.refused + counts.refused, serverError: sum.serverError + counts.serverError }),
    { accepted: 0, refused: 0, serverError: 0 },
  );
  const line = (kind: string, counts: Counts): string =>
    `| ${kind} | ${counts.accepted + counts.refused + counts.serverError} | ${counts.refused} | ${counts.accepted} | ${counts.serverError} |`;
  return [
    '| kind | requests | refused | accepted | 5xx |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(([kind, counts]) => line(kind, counts)),
    line('**total**', total),
  ].join('\n');
}
