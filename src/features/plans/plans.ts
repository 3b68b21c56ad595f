/**
 * Planning use cases: read a stored plan, turn it into the optimiser's instance, present it with appraisal and risk
 * summary, solve it (optimal, greedy, budget frontier) and compare what-if copies.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FrontierPoint } from '../../core/planning/budget-frontier.ts';
import { adviseStrategy } from '../../core/planning/candidates-defaults.ts';
import {
  candidateBenefit,
  markEdits,
  toPlanInstanceInput,
  type PlanCandidate as Candidate,
} from '../../core/planning/candidates.ts';
import { periodUsage } from '../../core/planning/check-schedule.ts';
import { DEFAULT_RISKS } from '../../core/planning/default-risks.ts';
import { greedyPlan } from '../../core/planning/greedy.ts';
import type { PlanInstance, PlanInstanceInput } from '../../core/planning/plan-instance.ts';
import { assessRisk, riskEntryProblems, summariseRisks, type RiskEntry } from '../../core/planning/risk.ts';
import { appraiseInitiative } from '../../core/planning/start-value.ts';
import { parsePlanInstance, type PlanProblem } from '../../core/planning/validate-instance.ts';
import {
  EnterpriseProfile,
  GapRef,
  NotSelected,
  PlanCandidate,
  PlanSettings,
  PlanSolution,
  RiskInput,
  type PlanComparisonEntry,
  type PlanView,
  type UpdatePlan,
} from '../../contracts/planning.ts';
import type { PlanChange, PlanRow } from './repository.ts';
import { solveBudgetFrontier } from '../../solver/solve-frontier.ts';
import { solvePlan } from '../../solver/solve-plan.ts';
import { AppError, badRequest, notFound } from '../../server/app-error.ts';
import { changedSince, partsToWrite, StaleSave } from '../../server/versioned-save.ts';

/** The profile column: the enterprise profile with the chosen pain points and the diagnosis gaps used. */
const StoredProfile = EnterpriseProfile.extend({
  painPoints: z.array(z.string()).default([]),
  gaps: GapRef.array().default([]),
});
const StoredRisk = RiskInput.extend({ id: z.string() });

export interface StoredPlan {
  row: PlanRow;
  profile: z.infer<typeof EnterpriseProfile>;
  painPoints: string[];
  gaps: z.infer<typeof GapRef>[];
  settings: PlanSettings;
  initiatives: readonly Candidate[];
  risks: RiskEntry[];
  solution: PlanSolution | null;
}

/** The typed content of a plan row (the API writes only valid content; anything else is a server fault). */
export function readPlan(row: PlanRow): StoredPlan {
  const { painPoints, gaps, ...profile } = StoredProfile.parse(row.profile);
  const solution = row.solution === null ? null : PlanSolution.safeParse(row.solution);
  return {
    row,
    profile,
    painPoints,
    gaps,
    settings: PlanSettings.parse(row.settings),
    initiatives: PlanCandidate.array().parse(row.initiatives),
    risks: StoredRisk.array()
      .parse(row.risks)
      .map((r) => ({
        id: r.id,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        mitigation: r.mitigation,
        ...(r.initiativeId === undefined ? {} : { initiativeId: r.initiativeId }),
        ...(r.exposure === undefined ? {} : { exposure: r.exposure }),
      })),
    solution: solution?.success ? solution.data : null,
  };
}

export function instanceInput(
  plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>,
): PlanInstanceInput {
  return toPlanInstanceInput(plan.profile, plan.initiatives, plan.settings);
}

export function inputKey(input: PlanInstanceInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 24);
}

/** The plan's instance, or 400 invalid_plan with every problem. */
export function validInstance(plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>): PlanInstance {
  const parsed = parsePlanInstance(instanceInput(plan));
  if (!parsed.ok) throw invalidPlan(parsed.problems);
  return parsed.instance;
}

export function invalidPlan(problems: readonly PlanProblem[]): AppError {
  return new AppError(
    400,
    'invalid_plan',
    `The plan has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved`,
    { problems },
  );
}

function riskSummaryView(risks: readonly RiskEntry[]): PlanView['riskSummary'] {
  const summary = summariseRisks(risks);
  return {
    ...summary,
    byBand: { ...summary.byBand },
    top: [...summary.top],
    expectedLossByInitiative: { ...summary.expectedLossByInitiative },
  };
}

export function presentPlan(plan: StoredPlan): PlanView {
  const input = instanceInput(plan);
  const parsed = parsePlanInstance(input);
  const instance = parsed.ok ? parsed.instance : null;
  const byId = new Map(instance?.initiatives.map((i) => [i.id, i]));
  return {
    id: plan.row.id,
    title: plan.row.title,
    copiedFrom: plan.row.copiedFrom,
    assessmentId: plan.row.assessmentId,
    atlasPackId: plan.row.atlasPackId,
    profile: plan.profile,
    painPoints: plan.painPoints,
    gaps: plan.gaps,
    strategy: adviseStrategy(plan.profile.enterpriseType),
    settings: plan.settings,
    initiatives: plan.initiatives.map((candidate) => {
      const initiative = byId.get(candidate.id);
      const appraisal = instance && initiative ? appraiseInitiative(instance, initiative) : null;
      return {
        ...candidate,
        kpiDeltas: [...candidate.kpiDeltas],
        requires: [...candidate.requires],
        excludes: [...candidate.excludes],
        reasons: [...candidate.reasons],
        benefit: candidateBenefit(plan.profile, candidate),
        appraisal: appraisal && {
          npv: appraisal.npv,
          riskAdjustedNpv: appraisal.riskAdjustedNpv,
          irr: appraisal.irr,
          paybackYears: appraisal.paybackYears,
          discountedPaybackYears: appraisal.discountedPaybackYears,
          benefitCostRatio: appraisal.benefitCostRatio,
        },
      };
    }),
    risks: plan.risks.map(assessRisk),
    riskSummary: riskSummaryView(plan.risks),
    solution: plan.solution && { ...plan.solution, stale: plan.solution.inputKey !== inputKey(input) },
    problems: parsed.ok ? [] : [...parsed.problems],
    createdAt: plan.row.createdAt.toISOString(),
    updatedAt: plan.row.updatedAt.toISOString(),
    version: plan.row.version,
  };
}

/**
 * PATCH of a plan at `version`: the title, the settings and the initiatives sent (by id; those left out kept), each a
 * part of the plan (`title`, `settings`, `initiatives.<id>`). Parts someone else changed since `version` answer
 * StaleSave; the others are merged into the stored plan, which must stay a valid instance (400 invalid_plan).
 */
export function planUpdate(row: PlanRow, body: UpdatePlan, version: number): PlanChange {
  const plan = readPlan(row);
  const sent = new Map<string, unknown>();
  const stored = new Map<string, unknown>();
  if (body.title !== undefined) {
    sent.set('title', body.title);
    stored.set('title', row.title);
  }
  if (body.settings !== undefined) {
    sent.set('settings', body.settings);
    stored.set('settings', plan.settings);
  }
  const byId = new Map(plan.initiatives.map((c) => [c.id, c]));
  for (const candidate of body.initiatives ?? []) {
    sent.set(`initiatives.${candidate.id}`, candidate);
    stored.set(`initiatives.${candidate.id}`, byId.get(candidate.id));
  }
  const parts = partsToWrite(sent, stored, row, version);
  const writes = new Set(parts);
  const sentById = new Map((body.initiatives ?? []).map((c) => [c.id, c]));
  const pick = (c: Candidate): Candidate => {
    const mine = sentById.get(c.id);
    return mine && writes.has(`initiatives.${c.id}`) ? mine : c;
  };
  const added = (body.initiatives ?? []).filter((c) => !byId.has(c.id) && writes.has(`initiatives.${c.id}`));
  const next = {
    profile: plan.profile,
    settings: writes.has('settings') && body.settings ? body.settings : plan.settings,
    initiatives: markEdits(plan.initiatives, [...plan.initiatives.map(pick), ...added]),
  };
  validInstance(next);
  return {
    patch: {
      ...(writes.has('title') && body.title !== undefined ? { title: body.title } : {}),
      settings: next.settings,
      initiatives: next.initiatives,
    },
    parts,
    touchesInputs: true,
  };
}

type RiskEntryInput = z.infer<typeof RiskInput>;

function riskEntry(id: string, input: RiskEntryInput): RiskEntry {
  return {
    id,
    title: input.title,
    likelihood: input.likelihood,
    impact: input.impact,
    mitigation: input.mitigation,
    ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    ...(input.exposure === undefined ? {} : { exposure: input.exposure }),
  };
}

/** The register to store, or 400 naming every problem (a bad score, an initiative the plan does not have). */
function checkedRisks(plan: StoredPlan, risks: RiskEntry[]): RiskEntry[] {
  const problems = risks.flatMap(riskEntryProblems);
  if (problems.length > 0) throw badRequest(problems.join('; '), { problems });
  const unknown = risks.filter(
    (r) => r.initiativeId !== undefined && !plan.initiatives.some((i) => i.id === r.initiativeId),
  );
  if (unknown.length > 0)
    throw badRequest(`Unknown initiative ${unknown.map((r) => r.initiativeId).join(', ')}`);
  return risks;
}

/** Adds a risk to the stored register (the next free id R<n>): run under the row lock, no concurrent add is lost. */
export function riskAdd(row: PlanRow, input: RiskEntryInput): PlanChange {
  const plan = readPlan(row);
  const used = new Set(plan.risks.map((r) => r.id));
  let n = plan.risks.length + 1;
  while (used.has(`R${n}`)) n++;
  const id = `R${n}`;
  return {
    patch: { risks: checkedRisks(plan, [...plan.risks, riskEntry(id, input)]) },
    parts: [`risks.${id}`],
    touchesInputs: true,
  };
}

/** Replaces a risk edited at `version` (StaleSave when someone changed or removed it since; 404 for no such risk). */
export function riskReplace(
  row: PlanRow,
  riskId: string,
  input: RiskEntryInput,
  version: number,
): PlanChange {
  const plan = readPlan(row);
  const part = `risks.${riskId}`;
  const old = plan.risks.find((r) => r.id === riskId);
  if (!old) {
    if (changedSince(row.fieldVersions, version).includes(part))
      throw new StaleSave(row.version, changedSince(row.fieldVersions, version));
    throw notFound('Risk');
  }
  const entry = riskEntry(riskId, input);
  const parts = partsToWrite(new Map([[part, entry]]), new Map([[part, old]]), row, version);
  return {
    patch: {
      risks: checkedRisks(
        plan,
        plan.risks.map((r) => (r.id === riskId ? entry : r)),
      ),
    },
    parts,
    touchesInputs: true,
  };
}

/** Removes a risk (404 for no such risk). */
export function riskRemove(row: PlanRow, riskId: string): PlanChange {
  const plan = readPlan(row);
  if (!plan.risks.some((r) => r.id === riskId)) throw notFound('Risk');
  return {
    patch: { risks: plan.risks.filter((r) => r.id !== riskId) },
    parts: [`risks.${riskId}`],
    touchesInputs: true,
  };
}

export const DEFAULT_SOLVE_SECONDS = 10;
/** Each budget-frontier point gets at most this long. */
const FRONTIER_POINT_SECONDS = 5;

export async function solveStoredPlan(
  plan: StoredPlan,
  options: { timeLimitSeconds?: number | undefined; frontier?: boolean | undefined },
): Promise<PlanSolution> {
  const instance = validInstance(plan);
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_SOLVE_SECONDS;
  const result = await solvePlan(instance, { timeLimitSeconds });
  const greedy = greedyPlan(instance);
  const frontier: FrontierPoint[] =
    options.frontier === false
      ? []
      : await solveBudgetFrontier(instance, {
          timeLimitSeconds: Math.min(timeLimitSeconds, FRONTIER_POINT_SECONDS),
        });
  const usage = periodUsage(instance, result.schedule);
  return {
    result: {
      ...result,
      schedule: [...result.schedule],
      // the facts behind each reason, copied as the API sends them
      notSelected: result.notSelected.map((n) => NotSelected.parse(n)),
    },
    greedy: { ...greedy, schedule: [...greedy.schedule] },
    frontier,
    usage: { budget: [...usage.budget], effort: [...usage.effort] },
    solvedAt: new Date().toISOString(),
    timeLimitSeconds,
    inputKey: inputKey(instanceInput(plan)),
  };
}

/** Gaps of a frozen diagnosis result that name atlas scenarios (`gaps[]` and `nextLevel.changes[]`). */
export function gapsFromDiagnosis(result: unknown): z.infer<typeof GapRef>[] {
  const gaps: z.infer<typeof GapRef>[] = [];
  const take = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const entry of list as unknown[]) {
      const parsed = GapRef.safeParse(entry);
      if (parsed.success && parsed.data.scenarios.length > 0)
        gaps.push({ name: parsed.data.name, scenarios: parsed.data.scenarios });
    }
  };
  if (result && typeof result === 'object') {
    take((result as { gaps?: unknown }).gaps);
    const next = (result as { nextLevel?: unknown }).nextLevel;
    if (next && typeof next === 'object') take((next as { changes?: unknown }).changes);
  }
  return gaps;
}

/**
 * The starting risk register of every plan (风险评估, guide 二(一)): three common transformation risks to edit, stored
 * in Chinese; the plan page and the plan document show them in the reader's language (see localizeRisk).
 */
export function defaultRisks(): RiskEntry[] {
  return DEFAULT_RISKS.map((r) => ({
    id: r.id,
    title: r.title.zh,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigation: r.mitigation.zh,
  }));
}

export function comparisonEntry(plan: StoredPlan): PlanComparisonEntry {
  const totalBudget = plan.settings.budget.reduce((s, b) => s + b, 0);
  const solution = plan.solution;
  const budgetUsed = solution ? solution.usage.budget.reduce((s, b) => s + b, 0) : null;
  return {
    id: plan.row.id,
    title: plan.row.title,
    copiedFrom: plan.row.copiedFrom,
    status: solution?.result.status ?? null,
    objective: solution?.result.objective ?? null,
    gap: solution?.result.gap ?? null,
    stale: solution ? solution.inputKey !== inputKey(instanceInput(plan)) : false,
    selected: solution ? solution.result.schedule.map((s) => s.id).sort() : [],
    totalBudget,
    budgetUsed,
    budgetUse: budgetUsed === null || totalBudget === 0 ? null : budgetUsed / totalBudget,
    initiativeCount: plan.initiatives.length,
  };
}

/** The plan, its original and every copy of either, descendants included (what-if family). */
export function planFamily(rows: readonly PlanRow[], id: string): PlanRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let root = byId.get(id);
  const seen = new Set<string>();
  while (root?.copiedFrom && byId.has(root.copiedFrom) && !seen.has(root.id)) {
    seen.add(root.id);
    root = byId.get(root.copiedFrom);
  }
  if (!root) return [];
  const family = [root];
  for (let k = 0; k < family.length; k++) {
    const parent = family[k]?.id;
    for (const r of rows) if (r.copiedFrom === parent && !family.includes(r)) family.push(r);
  }
  return family;
}
