/**
 * Reading the parts of a plan document that come as raw JSON (a file for the CLI, jsonb for the API): enterprise
 * profile, risk register and a saved solution. Every problem is reported at once, each naming its field.
 */
import { z } from 'zod';
import { checkSchedule } from '../core/planning/check-schedule.ts';
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import type { PlanResult } from '../core/planning/plan-result.ts';
import { riskEntryProblems, type RiskEntry } from '../core/planning/risk.ts';
import type { Atlas } from '../core/atlas/types.ts';
import type { EnterpriseType } from '../core/planning/candidates-defaults.ts';
import {
  ENTERPRISE_TYPES,
  EnterpriseProfile,
  PlanResult as PlanResultSchema,
  ScheduledStart,
} from '../contracts/planning.ts';
import type { PlanDocumentProfile } from './plan-document-types.ts';

/**
 * The enterprise profile of an instance file: the plans' EnterpriseProfile, any part of it. The enterprise type is
 * checked against the atlas (and Tupu's types) by parsePlanProfile, so that an unknown one is reported once.
 */
const profileSchema = EnterpriseProfile.partial().extend({ enterpriseType: z.string().optional() });

/**
 * A risk of a risk register file: RiskEntry of src/core/planning/risk.ts (planning.test.ts keeps them equal). Levels
 * and mitigation are checked by riskEntryProblems, so that every problem is reported at once.
 */
export const riskFileSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  initiativeId: z.string().optional(),
  likelihood: z.number(),
  impact: z.number(),
  mitigation: z.string(),
  exposure: z.number().optional(),
});

/** A saved solution: the API's PlanResult, where solutions saved by older versions may lack the gap, bound or stats. */
const solutionSchema = PlanResultSchema.extend({
  gap: PlanResultSchema.shape.gap.optional(),
  bound: PlanResultSchema.shape.bound.optional(),
  schedule: z.array(ScheduledStart.extend({ start: z.number().int() })),
  notSelected: PlanResultSchema.shape.notSelected.default([]),
  stats: PlanResultSchema.shape.stats.optional(),
});

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

function issues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    return `${prefix}${path}: ${issue.message}`;
  });
}

const isEnterpriseType = (id: string): id is EnterpriseType =>
  (ENTERPRISE_TYPES as readonly string[]).includes(id);

/** The enterprise profile; `enterpriseType` must be one of the atlas's enterprise types. */
export function parsePlanProfile(raw: unknown, atlas: Atlas, field = 'profile'): Parsed<PlanDocumentProfile> {
  const parsed = profileSchema.safeParse(raw ?? {});
  const problems = parsed.success ? [] : issues(field, parsed.error);
  const type = (raw as { enterpriseType?: unknown } | null | undefined)?.enterpriseType;
  const types = atlas.vocabulary.enterpriseTypes.map((t) => t.id);
  if (typeof type === 'string' && !types.includes(type)) {
    problems.push(
      `${field}.enterpriseType: "${type}" is not an enterprise type of ${atlas.meta.id} (${types.join(', ')})`,
    );
  } else if (typeof type === 'string' && !isEnterpriseType(type)) {
    problems.push(
      `${field}.enterpriseType: "${type}" is not an enterprise type Tupu plans for (${ENTERPRISE_TYPES.join(', ')})`,
    );
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const value = Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as PlanDocumentProfile;
  return { ok: true, value };
}

/** A risk register: schema, levels 1–5, mitigation present, initiative ids known, ids unique. */
export function parsePlanRisks(raw: unknown, instance: PlanInstance, field = 'risks'): Parsed<RiskEntry[]> {
  const parsed = z.array(riskFileSchema).safeParse(raw ?? []);
  if (!parsed.success) return { ok: false, problems: issues(field, parsed.error) };
  const ids = new Set(instance.initiatives.map((i) => i.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  parsed.data.forEach((entry, k) => {
    const risk: RiskEntry = Object.fromEntries(
      Object.entries(entry).filter(([, v]) => v !== undefined),
    ) as unknown as RiskEntry;
    for (const problem of riskEntryProblems(risk)) problems.push(`${field}[${k}]: ${problem}`);
    if (entry.initiativeId !== undefined && !ids.has(entry.initiativeId))
      problems.push(`${field}[${k}].initiativeId: "${entry.initiativeId}" is not an initiative of this plan`);
    if (seen.has(entry.id)) problems.push(`${field}[${k}].id: duplicate risk id "${entry.id}"`);
    seen.add(entry.id);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: parsed.data.map(
      (entry) =>
        Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as unknown as RiskEntry,
    ),
  };
}

/** A saved solution (the JSON `tupu plan` prints), checked against the instance: ids, horizon, budget, prerequisites. */
export function parsePlanSolution(
  raw: unknown,
  instance: PlanInstance,
  field = 'solution',
): Parsed<PlanResult> {
  const parsed = solutionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: issues(field, parsed.error) };
  const s = parsed.data;
  const hasPlan = s.status === 'optimal' || s.status === 'feasible';
  const problems = hasPlan
    ? checkSchedule(instance, s.schedule).map((v) => `${field}.schedule: ${v.message}`)
    : [];
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      status: s.status,
      objective: s.objective,
      gap: s.gap ?? null,
      bound: s.bound ?? null,
      schedule: [...s.schedule].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
      notSelected: s.notSelected.map((n) =>
        Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined)),
      ) as unknown as PlanResult['notSelected'],
      ...(s.reason === undefined ? {} : { reason: s.reason }),
      stats: s.stats ?? { variables: 0, rows: 0, seconds: 0 },
    },
  };
}

/** Initiatives naming a scenario code the atlas does not have. */
export function unknownScenarioProblems(instance: PlanInstance, atlas: Atlas): string[] {
  const codes = new Set(atlas.scenarios.map((s) => s.code));
  return instance.initiatives.flatMap((initiative, k) =>
    initiative.scenario !== undefined && !codes.has(initiative.scenario)
      ? [
          `initiatives[${k}].scenario: "${initiative.scenario}" (${initiative.id}) is not a scenario of ${atlas.meta.id}`,
        ]
      : [],
  );
}
