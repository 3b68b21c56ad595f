/**
 * `tupu plan --input instance.json [--time-limit s] [--greedy] [--frontier] [--write-lp model.lp]`: the optimal
 * portfolio and schedule of transformation initiatives under a per-period budget (guide 二(一) 投入预算 / 实施项目清单),
 * printed as JSON. `--write-lp` also saves the MILP exactly as HiGHS receives it (CPLEX LP text), so anyone can check
 * the model or solve it with another solver.
 */
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { buildPlanModel } from '../../core/planning/plan-model.ts';
import { greedyPlan } from '../../core/planning/greedy.ts';
import { formatPlanProblem, parsePlanInstance } from '../../core/planning/validate-instance.ts';
import { solveBudgetFrontier } from '../../solver/solve-frontier.ts';
import { DEFAULT_TIME_LIMIT_SECONDS, solvePlan } from '../../solver/solve-plan.ts';
import { closeSolverThread } from '../../solver/solver-thread.ts';
import { CliError } from '../cli-error.ts';

interface PlanOptions {
  readonly input: string;
  readonly timeLimit: string;
  readonly gap?: string;
  readonly greedy?: boolean;
  readonly frontier?: boolean;
  readonly writeLp?: string;
}

function positiveNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0))
    throw new CliError(`${flag} must be a positive number (got "${text}")`);
  return value;
}

const round = (value: number | null, digits = 4): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

async function runPlan(options: PlanOptions): Promise<void> {
  const timeLimitSeconds = positiveNumber(options.timeLimit, '--time-limit');
  const mipRelGap = options.gap === undefined ? undefined : positiveNumber(options.gap, '--gap');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(options.input, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`cannot read ${options.input}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parsePlanInstance(raw);
  if (!parsed.ok) {
    throw new CliError(
      `${options.input}: ${parsed.problems.length} problem(s)\n${parsed.problems.map((p) => `${options.input}: ${formatPlanProblem(p)}`).join('\n')}`,
    );
  }
  const instance = parsed.instance;
  if (options.writeLp !== undefined) {
    const model = buildPlanModel(instance);
    try {
      await writeFile(options.writeLp, model.lp);
    } catch (err) {
      throw new CliError(
        `cannot write ${options.writeLp}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  try {
    const solveOptions = { timeLimitSeconds, ...(mipRelGap === undefined ? {} : { mipRelGap }) };
    const result = await solvePlan(instance, solveOptions);
    const output: Record<string, unknown> = {
      status: result.status,
      objective: round(result.objective),
      gap: result.gap,
      ...(result.stoppedBy === undefined ? {} : { stoppedBy: result.stoppedBy }),
      ...(result.solver === undefined ? {} : { solver: result.solver }),
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      schedule: result.schedule,
      notSelected: result.notSelected,
      stats: result.stats,
    };
    if (options.greedy) {
      const greedy = greedyPlan(instance);
      output.greedy = {
        status: greedy.status,
        objective: round(greedy.objective),
        ratioToOptimum:
          greedy.objective !== null && result.objective !== null && result.objective > 0
            ? round(greedy.objective / result.objective, 6)
            : null,
        schedule: greedy.schedule,
        ...(greedy.reason === undefined ? {} : { reason: greedy.reason }),
      };
    }
    if (options.frontier) {
      const points = await solveBudgetFrontier(instance, solveOptions);
      output.frontier = points.map((p) => ({
        ...p,
        objective: round(p.objective),
        marginalValuePerUnit: round(p.marginalValuePerUnit, 6),
      }));
    }
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await closeSolverThread();
  }
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description(
      'optimal portfolio and schedule of initiatives under a per-period budget (HiGHS MILP, raced against CBC when cbc is installed), as JSON',
    )
    .requiredOption('-i, --input <file>', 'plan instance (JSON): periods, budget, initiatives …')
    .option('-t, --time-limit <seconds>', 'solver time limit per solve', String(DEFAULT_TIME_LIMIT_SECONDS))
    .option('--gap <relative>', 'relative optimality gap at which the solver may stop (default 1e-4)')
    .option('--greedy', 'also run the greedy baseline and report its value as a ratio of the optimum')
    .option(
      '--frontier',
      'also solve at 50 %, 60 % … 150 % of the budget (marginal value per extra unit of budget)',
    )
    .option(
      '--write-lp <file>',
      'also write the MILP as HiGHS receives it (CPLEX LP text), to check it or solve it with another solver',
    )
    .action(async (options: PlanOptions) => {
      await runPlan(options);
    });
}
