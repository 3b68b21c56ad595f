/**
 * CBC (COIN-OR Branch and Cut; Debian package `coinor-cbc`) as a second MILP solver, run as a child process on the
 * same LP text HiGHS reads. Optional: `findCbc()` is null when no `cbc` is on the PATH (or `TUPU_CBC=off`), and the
 * plan solver then runs HiGHS alone. The process reads its model from a private temporary folder that is removed
 * afterwards, and is killed when its signal aborts. It runs at the server's priority: at nice 10 on a busy machine it
 * got so little CPU that the race lost to HiGHS alone (bench/plan.bench.ts, atlas plans: 1.5 s against CBC's own 0.2 s),
 * and the server's event loop keeps its share beside one HiGHS thread and one CBC process (the bench's tick column).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import { relativeGap } from '../core/planning/plan-result.ts';
import type { MilpJob } from './run-milp.ts';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The `cbc` executable to use: `TUPU_CBC` (a path, or `off`), else the first `cbc` on the PATH; null when none. */
export function findCbc(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.TUPU_CBC?.trim();
  if (configured === 'off') return null;
  if (configured !== undefined && configured !== '') return executable(configured) ? configured : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'cbc');
    if (executable(candidate)) return candidate;
  }
  return null;
}

/** What CBC printed that matters: its result line, objective, bound and node count. */
export interface CbcReport {
  readonly result: string;
  readonly objective: number | null;
  /** "Upper bound" (maximisation) or "Lower bound" (minimisation) printed when the search stopped early. */
  readonly bound: number | null;
  readonly nodes: number | null;
}

const numberAfter = (text: string, label: string): number | null => {
  const match = new RegExp(`^${label}:\\s+(\\S+)`, 'm').exec(text);
  const value = match ? Number(match[1]) : NaN;
  return Number.isFinite(value) ? value : null;
};

/** Reads CBC's closing summary from its standard output. */
export function parseCbcReport(stdout: string): CbcReport {
  return {
    // an infeasibility found by preprocessing prints no Result line
    result:
      /^Result - (.*)$/m.exec(stdout)?.[1]?.trim() ??
      (/^Pre-processing says infeasible/m.test(stdout) ? 'Pre-processing says infeasible' : ''),
    objective: numberAfter(stdout, 'Objective value'),
    bound: numberAfter(stdout, 'Upper bound') ?? numberAfter(stdout, 'Lower bound'),
    nodes: numberAfter(stdout, 'Enumerated nodes'),
  };
}

/**
 * Reads a CBC solution file: a status line ("Optimal - objective value …", "Stopped on time - …",
 * "Infeasible - …") and then one line per non-zero column: index, name, value, reduced cost.
 */
export function parseCbcSolution(text: string): { status: string; columns: Record<string, number> } {
  const [status = '', ...lines] = text.split('\n');
  const columns: Record<string, number> = {};
  for (const line of lines) {
    const fields = line
      .trim()
      .replace(/^\*\*\s*/, '')
      .split(/\s+/);
    if (fields.length < 3) continue;
    const value = Number(fields[2]);
    if (fields[1] !== undefined && Number.isFinite(value)) columns[fields[1]] = value;
  }
  return { status: status.trim(), columns };
}

/** Turns CBC's report and solution into the outcome the plan solver reads (maximisation models). */
export function cbcOutcome(report: CbcReport, solutionText: string | null, seconds: number): MilpOutcome {
  const solution = solutionText === null ? null : parseCbcSolution(solutionText);
  const base = {
    solverStatus: report.result || solution?.status || 'no result',
    seconds,
    nodes: report.nodes,
  };
  const none = { objective: null, bound: null, gap: null, columns: {}, solver: 'cbc' as const };
  // "Infeasible - …", "Integer infeasible - …" (the LP relaxation is not, the integers are)
  if (/infeasible/i.test(report.result) || /infeasible/i.test(solution?.status ?? ''))
    return { status: 'infeasible', ...none, ...base };
  const hasSolution =
    solution !== null &&
    report.objective !== null &&
    /^(Optimal|Stopped)/.test(solution.status) &&
    !/no (feasible )?solution/i.test(solution.status) &&
    !/no (feasible )?solution/i.test(report.result);
  if (!hasSolution) return { status: 'unknown', ...none, ...base };
  const objective = report.objective;
  const optimal = report.result.startsWith('Optimal solution found');
  const exact = optimal && !/gap tolerance/.test(report.result);
  const bound = exact ? objective : report.bound;
  return {
    status: optimal ? 'optimal' : 'feasible',
    objective,
    bound,
    gap: bound === null ? null : relativeGap(objective, bound),
    columns: solution.columns,
    solver: 'cbc',
    ...base,
  };
}

/** Solves one MILP with CBC. Rejects with an AbortError when the signal aborts (the process is killed). */
export async function runCbc(
  cbc: string,
  job: MilpJob,
  signal?: AbortSignal,
  /** where its private folder is made (tests give their own) */
  workRoot: string = tmpdir(),
): Promise<MilpOutcome> {
  signal?.throwIfAborted();
  const dir = await mkdtemp(join(workRoot, 'tupu-cbc-'));
  const started = performance.now();
  try {
    const lpPath = join(dir, 'plan.lp');
    const solutionPath = join(dir, 'solution.txt');
    await writeFile(lpPath, job.lp);
    // timeMode elapsed: the limit is wall-clock, as HiGHS's is; ratioGap: the relative gap at which to stop.
    const args = [
      lpPath,
      'timeMode',
      'elapsed',
      'seconds',
      String(job.timeLimitSeconds),
      'ratioGap',
      String(job.mipRelGap),
      'solve',
      'solution',
      solutionPath,
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(cbc, args, {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        signal,
        killSignal: 'SIGKILL',
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.resume();
      child.on('error', reject);
      child.on('close', (code, killedBy) => {
        if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        else if (code !== 0) reject(new Error(`cbc exited with ${killedBy ?? `code ${code}`}`));
        else resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    const solutionText = await readFile(solutionPath, 'utf8').catch(() => null);
    return cbcOutcome(parseCbcReport(stdout), solutionText, (performance.now() - started) / 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
