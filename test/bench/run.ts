import { benchColdStart } from './cold-start-bench.ts';
import { benchCost } from './cost-bench.ts';
import { benchLoad } from './load-bench.ts';
import { printResult } from './print.ts';
import { benchTemplates } from './templates-bench.ts';
import type { BenchResult } from './types.ts';

/** `npm run bench`: every figure the issues ask for, each against its baseline measured in the same run. */
const benches: Array<() => Promise<BenchResult>> = [benchColdStart, benchTemplates, benchCost, benchLoad];

let missed = 0;
for (const bench of benches) missed += printResult(await bench());
console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
