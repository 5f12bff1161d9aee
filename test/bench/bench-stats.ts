// Percentiles and the machine's state, for the benchmarks' reports.
import { cpus, loadavg } from 'node:os';

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The 1-minute load average now: above the CPU count, other work competed with the measure. */
export const loadNow = (): number => loadavg()[0] ?? 0;

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}
