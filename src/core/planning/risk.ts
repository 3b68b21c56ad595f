/**
 * Risk register (风险评估, guide 二(一)): likelihood × impact on 1–5 scales, a band per score, and plan-level
 * aggregation (count per band, top risks, expected loss).
 */

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';
export const RISK_BANDS: readonly RiskBand[] = ['low', 'medium', 'high', 'critical'];

export interface RiskEntry {
  readonly id: string;
  readonly title: string;
  /** The initiative this risk belongs to, if any. */
  readonly initiativeId?: string;
  /** 1 (rare) … 5 (almost certain). */
  readonly likelihood: number;
  /** 1 (negligible) … 5 (severe). */
  readonly impact: number;
  readonly mitigation: string;
  /** Money lost if the risk happens (same unit as plan costs); enables expected loss. */
  readonly exposure?: number;
}

export interface AssessedRisk extends RiskEntry {
  readonly score: number;
  readonly band: RiskBand;
  /** Probability the risk happens, from the likelihood level (see LIKELIHOOD_PROBABILITY). */
  readonly probability: number;
  /** probability × exposure; 0 when no exposure is given. */
  readonly expectedLoss: number;
}

/** Likelihood level → probability (midpoints of 0–20 %, 20–40 %, … 80–100 %). */
export const LIKELIHOOD_PROBABILITY: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = {
  1: 0.1,
  2: 0.3,
  3: 0.5,
  4: 0.7,
  5: 0.9,
};

/**
 * Impact level → the share of the initiative's budget at stake when the risk happens (Tupu's starting assumption, to
 * edit per risk): what a default risk's exposure is, as a share of its initiative's build cost.
 */
export const IMPACT_SHARE: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = {
  1: 0.05,
  2: 0.1,
  3: 0.2,
  4: 0.35,
  5: 0.5,
};

function isLevel(value: number): value is 1 | 2 | 3 | 4 | 5 {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Score = likelihood × impact (1–25). Throws on levels outside 1–5 (validate input first with riskEntryProblems). */
export function riskScore(likelihood: number, impact: number): number {
  if (!isLevel(likelihood) || !isLevel(impact))
    throw new RangeError(`risk levels must be integers 1–5 (got ${likelihood} × ${impact})`);
  return likelihood * impact;
}

/** Band of a 5×5 score: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function riskBand(score: number): RiskBand {
  if (score >= 20) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/** Problems with one register entry, each naming the risk and field. */
export function riskEntryProblems(entry: RiskEntry): string[] {
  const problems: string[] = [];
  if (!isLevel(entry.likelihood))
    problems.push(`risk ${entry.id}: likelihood must be an integer 1–5 (got ${entry.likelihood})`);
  if (!isLevel(entry.impact))
    problems.push(`risk ${entry.id}: impact must be an integer 1–5 (got ${entry.impact})`);
  if (entry.exposure !== undefined && !(entry.exposure >= 0))
    problems.push(`risk ${entry.id}: exposure must be ≥ 0 (got ${entry.exposure})`);
  if (entry.mitigation.trim() === '') problems.push(`risk ${entry.id}: mitigation is empty`);
  return problems;
}

export function assessRisk(entry: RiskEntry): AssessedRisk {
  const score = riskScore(entry.likelihood, entry.impact);
  const probability = LIKELIHOOD_PROBABILITY[entry.likelihood as 1 | 2 | 3 | 4 | 5];
  return {
    ...entry,
    score,
    band: riskBand(score),
    probability,
    expectedLoss: probability * (entry.exposure ?? 0),
  };
}

export interface RiskSummary {
  readonly count: number;
  readonly byBand: Readonly<Record<RiskBand, number>>;
  /** Highest score first; ties by impact, then id. */
  readonly top: readonly AssessedRisk[];
  readonly expectedLoss: number;
  readonly expectedLossByInitiative: Readonly<Record<string, number>>;
}

/** Highest score first; ties broken by impact (severity matters more than frequency), then id. */
export function compareRisks(a: AssessedRisk, b: AssessedRisk): number {
  return b.score - a.score || b.impact - a.impact || a.id.localeCompare(b.id);
}

/** Plan-level view of a register: counts per band, the `topN` worst risks and the total expected loss. */
export function summariseRisks(entries: readonly RiskEntry[], topN = 5): RiskSummary {
  const assessed = entries.map(assessRisk);
  const byBand: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const expectedLossByInitiative: Record<string, number> = {};
  let expectedLoss = 0;
  for (const risk of assessed) {
    byBand[risk.band] += 1;
    expectedLoss += risk.expectedLoss;
    if (risk.initiativeId !== undefined) {
      expectedLossByInitiative[risk.initiativeId] =
        (expectedLossByInitiative[risk.initiativeId] ?? 0) + risk.expectedLoss;
    }
  }
  return {
    count: assessed.length,
    byBand,
    top: [...assessed].sort(compareRisks).slice(0, topN),
    expectedLoss,
    expectedLossByInitiative,
  };
}
