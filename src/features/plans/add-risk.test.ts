import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { RiskInput } from '../../contracts/planning.ts';
import { loadAtlasPacks } from '../../packs/atlas-load.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { testTenant } from '../../../tests/support/tenant.ts';
import { addRisk, riskAdd } from './add-risk.ts';
import { createPlan } from './create-plan.ts';
import { fakePlanRepository, type FakePlanRepository } from './fake-plan-repository.ts';
import type { StoredPlan } from './stored-plan.ts';

/** The clock of the use case: a new plan starts in the quarter after it, 2027 Q1. */
const TODAY = new Date('2026-12-02T09:00:00Z');
const tenant = testTenant('00000000-0000-4000-8000-000000000001');
const other = testTenant('00000000-0000-4000-8000-000000000002');
const risk: RiskInput = { title: '数据质量不足', likelihood: 3, impact: 4, mitigation: '先治理主数据' };

describe('addRisk (no database)', () => {
  let atlases: AtlasCatalog;
  let repo: FakePlanRepository;
  let plan: StoredPlan;
  beforeAll(async () => {
    const loaded = await loadAtlasPacks('packs/atlas');
    if (!loaded.ok) throw new Error('atlas packs do not load');
    atlases = loaded.catalog;
  });
  beforeEach(async () => {
    repo = fakePlanRepository(tenant);
    plan = await createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', DEMO_PLAN_REQUEST);
  });

  it('adds the risk as sent with the next free id, writing the part risks.<id> as a new version', async () => {
    const initiativeId = plan.initiatives[0]!.id;
    const saved = await addRisk(repo, tenant, plan.record.id, { ...risk, initiativeId, exposure: 12 });
    expect(saved.risks.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(saved.risks[3]).toEqual({ id: 'R4', ...risk, initiativeId, exposure: 12 });
    expect(saved.record.version).toBe(plan.record.version + 1);
    expect(saved.record.fieldVersions).toEqual({ 'risks.R4': plan.record.version + 1 });
  });

  it('each add sees the one before it: ids never repeat, also after a removal left a gap', async () => {
    await addRisk(repo, tenant, plan.record.id, { ...risk, title: 'a' });
    await addRisk(repo, tenant, plan.record.id, { ...risk, title: 'b' });
    const record = repo.records.get(plan.record.id)!;
    // R2 removed leaves R1 R3 R4 R5: counting on from the size, R5 is taken, so the next is R6
    const withGap = { ...record, risks: (record.risks as { id: string }[]).filter((r) => r.id !== 'R2') };
    const change = riskAdd(withGap, { ...risk, title: 'c' });
    const ids = (change.patch.risks as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(['R1', 'R3', 'R4', 'R5', 'R6']);
    expect(change.parts).toEqual(['risks.R6']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a risk naming an initiative the plan does not have, and stores nothing', async () => {
    await expect(
      addRisk(repo, tenant, plan.record.id, { ...risk, initiativeId: 'NO-SUCH-01' }),
    ).rejects.toMatchObject({ statusCode: 400, message: 'Unknown initiative NO-SUCH-01' });
    expect(repo.records.get(plan.record.id)).toBe(plan.record);
  });

  it("answers 404 for another tenant's plan and for no plan at all", async () => {
    await expect(addRisk(repo, other, plan.record.id, risk)).rejects.toMatchObject({ statusCode: 404 });
    await expect(addRisk(repo, tenant, '00000000-0000-4000-8000-0000000000ff', risk)).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(repo.records.get(plan.record.id)).toBe(plan.record);
  });
});
