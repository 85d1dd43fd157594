import type { BenchResult } from './types.ts';

/** Prints one bench's block; returns how many of its targets were missed. */
export function printResult(result: BenchResult): number {
  let missed = 0;
  console.log(`\n${result.title}`);
  const width = Math.max(...result.rows.map((row) => row.name.length));
  for (const row of result.rows) {
    const verdict = row.ok === undefined ? ' ' : row.ok ? '✓' : '✗';
    if (row.ok === false) missed += 1;
    const value = row.unit === 'USD' ? row.value.toFixed(3) : Number.isInteger(row.value) ? String(row.value) : row.value >= 100 ? row.value.toFixed(0) : row.value >= 1 ? row.value.toFixed(1) : row.value.toPrecision(3);
    console.log(`  ${verdict} ${row.name.padEnd(width)}  ${value.padStart(10)} ${row.unit.padEnd(4)} ${row.target ? `(target ${row.target})` : ''}`);
  }
  for (const note of result.notes ?? []) console.log(`    · ${note}`);
  return missed;
}
