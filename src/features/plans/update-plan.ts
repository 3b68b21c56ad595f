/**
 * PATCH of a plan at `version`: the title, the settings and the initiatives sent (by id; those left out kept), each a
 * part of the plan (`title`, `settings`, `initiatives.<id>`). Parts someone else changed since `version` answer
 * 409 stale_version; the others are merged into the stored plan, which must stay a valid instance (400 invalid_plan).
 */
import { markEdits, type PlanCandidate as Candidate } from '../../core/planning/candidates.ts';
import type { UpdatePlan } from '../../contracts/planning.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { partsToWrite, requireVersion } from '../../server/versioned-save.ts';
import { loadPlan } from './load-plan.ts';
import type { PlanChange, PlanRecord, PlanRepository } from './repository.ts';
import { savePlanChange } from './save-plan-change.ts';
import { readPlan, validInstance, type StoredPlan } from './stored-plan.ts';

export async function updatePlan(
  repo: Pick<PlanRepository, 'changePlan' | 'findPlan'>,
  tenant: TenantId,
  id: string,
  update: UpdatePlan,
): Promise<StoredPlan> {
  await loadPlan(repo, tenant, id);
  const version = requireVersion(update.version, 'plan');
  return savePlanChange(repo, tenant, id, (record) => planUpdate(record, update, version));
}

/** The change a PATCH at `version` makes to the stored plan (StaleSave for a part changed since). */
export function planUpdate(record: PlanRecord, body: UpdatePlan, version: number): PlanChange {
  const plan = readPlan(record);
  const sent = new Map<string, unknown>();
  const stored = new Map<string, unknown>();
  if (body.title !== undefined) {
    sent.set('title', body.title);
    stored.set('title', record.title);
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
  const parts = partsToWrite(sent, stored, record, version);
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
