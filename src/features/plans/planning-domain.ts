/**
 * Pure planning domain pieces that belong in src/core/planning (no I/O, no HTTP): kept here until src/core is free
 * to take them. Only `gapsFromDiagnosis` reads a contract shape (GapRef, zod); the rest is plain data.
 */
import type { z } from 'zod';
import { defaultRiskRegister, type RiskCandidate } from '../../core/planning/default-risks.ts';
import type { RiskEntry } from '../../core/planning/risk.ts';
import { GapRef } from '../../contracts/planning.ts';

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
 * in Chinese, each linked to the initiative it threatens with an exposure (defaultRiskRegister); the plan page and
 * the plan document show them in the reader's language (see localizeRisk).
 */
export function defaultRisks(initiatives: readonly RiskCandidate[]): RiskEntry[] {
  return defaultRiskRegister(initiatives);
}

/** The id of a risk added to a register: the next free `R<n>`, counting on from the register's size. */
export function nextRiskId(risks: readonly { id: string }[]): string {
  const used = new Set(risks.map((r) => r.id));
  let n = risks.length + 1;
  while (used.has(`R${n}`)) n++;
  return `R${n}`;
}

/** A per-period list for a horizon of `periods`: cut, or extended by repeating its last value (0 for an empty one). */
export function resizePerPeriod(values: readonly number[], periods: number): number[] {
  const last = values[values.length - 1] ?? 0;
  return Array.from({ length: periods }, (_, t) => values[t] ?? last);
}

/** The plan, its original and every copy of either, descendants included (what-if family). */
export function planFamily<P extends { id: string; copiedFrom: string | null }>(
  plans: readonly P[],
  id: string,
): P[] {
  const byId = new Map(plans.map((r) => [r.id, r]));
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
    for (const r of plans) if (r.copiedFrom === parent && !family.includes(r)) family.push(r);
  }
  return family;
}
