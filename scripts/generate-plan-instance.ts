/**
 * Developer tool: prints a benchmark planning instance (the generator bench/plan.bench.ts uses) as `tupu plan` input,
 * so a bench case can be solved, inspected or exported to another solver:
 *   npx tsx scripts/generate-plan-instance.ts 40 8 20241217 > 40x8.json
 *   node bin/tupu.js plan --input 40x8.json --write-lp 40x8.lp
 */
import { generatePlanInstance } from '../src/core/planning/fixtures/generate-instance.ts';

const [initiatives, periods, seed] = process.argv.slice(2).map(Number);
if (!Number.isInteger(initiatives) || !Number.isInteger(periods) || !Number.isInteger(seed))
  throw new Error('usage: generate-plan-instance.ts <initiatives> <periods> <seed>');
process.stdout.write(
  `${JSON.stringify(generatePlanInstance(initiatives ?? 0, periods ?? 0, seed ?? 0), null, 2)}\n`,
);
