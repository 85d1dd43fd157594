import { benchColdStart } from './cold-start-bench.ts';
import { benchCost } from './cost-bench.ts';
import { benchTemplates } from './templates-bench.ts';
import type { BenchResult } from './types.ts';

/** `npm run bench`: every figure the issues ask for, each against its baseline measured in the same run. */
const benches: Array<() => Promise<BenchResult>> = [benchColdStart, benchTemplates, benchCost];

let missed = 0;
for (const bench of benches) {
  const result = await bench();
  console.log(`\n${result.title}`);
  const width = Math.max(...result.rows.map((row) => row.name.length));
  for (const row of result.rows) {
    const verdict = row.ok === undefined ? ' ' : row.ok ? '✓' : '✗';
    if (row.ok === false) missed += 1;
    const value = row.unit === 'USD' ? row.value.toFixed(3) : row.value >= 100 ? row.value.toFixed(0) : row.value >= 1 ? row.value.toFixed(1) : row.value.toPrecision(3);
    console.log(`  ${verdict} ${row.name.padEnd(width)}  ${value.padStart(10)} ${row.unit.padEnd(4)} ${row.target ? `(target ${row.target})` : ''}`);
  }
  for (const note of result.notes ?? []) console.log(`    · ${note}`);
}
console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
