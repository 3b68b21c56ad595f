import { beforeAll, describe, expect, it } from 'vitest';
import type {
  Answer,
  AssessmentDetail,
  AssessmentSummary,
  ResultResponse,
} from '../../src/contracts/diagnosis.ts';
import type { OrganisationList, OrganisationView } from '../../src/contracts/organisations.ts';
import type { PlanDocumentView } from '../../src/contracts/plan-document.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import type { StaleVersionDetails } from '../../src/contracts/versioning.ts';
import type { PointsIndicatorSystem } from '../../src/core/diagnosis/model-schema.ts';
import { useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';

interface ErrorJson<D = unknown> {
  error: { code: string; message: string; details: D };
}
type Stale<T> = ErrorJson<StaleVersionDetails & { current: T }>;

const SME = 'sme-digital-level-2024';
const CIO = 'cio@demo.tupu.local';

/**
 * Lost updates (hole 8): two people save the same record. Each editable record carries a version; a save of an
 * older version that would erase someone else's change answers 409 stale_version with what changed and the record
 * as it is now; changes to different parts (initiatives, document sections, answers) are both kept; concurrent
 * risk adds are both kept; answers saved while the assessment is submitted are refused, not stored.
 */
describe.each(testEngines())('lost updates on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { call } = api;
  // two clients: the demo CIO signed in twice (two browsers)
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = await api.signIn(CIO);
    bob = await api.signIn(CIO);
  });

  const newPlan = async (): Promise<PlanView> => {
    const created = await call<PlanView>(alice, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const getPlan = async (cookie: string, id: string) =>
    (await call<PlanView>(cookie, 'GET', `/api/plans/${id}`)).body;

  describe('plans', () => {
    it('returns the version with every read, and refuses a whole-record save without one (version_required)', async () => {
      const plan = await newPlan();
      expect(plan.version).toBe(1);
      expect((await getPlan(bob, plan.id)).version).toBe(1);
      const res = await call<ErrorJson>(alice, 'PATCH', `/api/plans/${plan.id}`, { title: 'no version' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('version_required');
      expect(res.body.error.message).toMatch(/version/);
      const risk = plan.risks[0]!;
      const put = await call<ErrorJson>(alice, 'PUT', `/api/plans/${plan.id}/risks/${risk.id}`, {
        title: risk.title,
        likelihood: 1,
        impact: 1,
        mitigation: risk.mitigation,
      });
      expect(put.body.error.code).toBe('version_required');
      const doc = await call<ErrorJson>(alice, 'PUT', `/api/plans/${plan.id}/document`, {
        edits: { vision: 'x' },
      });
      expect(doc.body.error.code).toBe('version_required');
      const after = await getPlan(alice, plan.id);
      expect(after.title).toBe(plan.title);
      expect(after.version).toBe(1);
    });

    it('the same initiative saved by two: the second gets 409 with what changed, the first change intact', async () => {
      const plan = await newPlan();
      const loadedA = await getPlan(alice, plan.id);
      const loadedB = await getPlan(bob, plan.id);
      const first = loadedA.initiatives[0]!;
      const mine = { ...first, capex: first.capex + 10 };
      const a = await call<PlanView>(alice, 'PATCH', `/api/plans/${plan.id}`, {
        version: loadedA.version,
        initiatives: [mine],
      });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.version).toBe(loadedA.version + 1);

      const theirs = { ...loadedB.initiatives[0]!, capex: first.capex + 99 };
      const b = await call<Stale<PlanView>>(bob, 'PATCH', `/api/plans/${plan.id}`, {
        version: loadedB.version,
        initiatives: [theirs],
      });
      expect(b.status).toBe(409);
      expect(b.body.error.code).toBe('stale_version');
      expect(b.body.error.message).toMatch(/since you opened it/);
      expect(b.body.error.details.currentVersion).toBe(a.body.version);
      expect(b.body.error.details.changed).toEqual([`initiatives.${first.id}`]);
      expect(b.body.error.details.current.initiatives[0]!.capex).toBe(first.capex + 10);

      const now = await getPlan(bob, plan.id);
      expect(now.initiatives.find((i) => i.id === first.id)!.capex).toBe(first.capex + 10);
      expect(now.version).toBe(a.body.version);

      // with the current version the merged change goes through
      const retry = await call<PlanView>(bob, 'PATCH', `/api/plans/${plan.id}`, {
        version: b.body.error.details.currentVersion,
        initiatives: [{ ...b.body.error.details.current.initiatives[0]!, capex: first.capex + 99 }],
      });
      expect(retry.status).toBe(200);
      expect(retry.body.initiatives[0]!.capex).toBe(first.capex + 99);
    });

    it('different initiatives saved by two at the same version: both kept', async () => {
      const plan = await newPlan();
      const [one, two] = plan.initiatives;
      const a = await call<PlanView>(alice, 'PATCH', `/api/plans/${plan.id}`, {
        version: plan.version,
        initiatives: [{ ...one!, capex: one!.capex + 1 }],
      });
      expect(a.status).toBe(200);
      const b = await call<PlanView>(bob, 'PATCH', `/api/plans/${plan.id}`, {
        version: plan.version,
        initiatives: [{ ...two!, duration: two!.duration + 1 }],
      });
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      const now = await getPlan(alice, plan.id);
      expect(now.initiatives.find((i) => i.id === one!.id)!.capex).toBe(one!.capex + 1);
      expect(now.initiatives.find((i) => i.id === two!.id)!.duration).toBe(two!.duration + 1);
      expect(now.initiatives).toHaveLength(plan.initiatives.length);
    });

    it('settings and title: the second save of the same field gets 409 naming it', async () => {
      const plan = await newPlan();
      const budgetA = plan.settings.budget.map((b) => b + 100);
      const budgetB = plan.settings.budget.map((b) => b + 200);
      const a = await call<PlanView>(alice, 'PATCH', `/api/plans/${plan.id}`, {
        version: plan.version,
        title: 'Alice 的规划',
        settings: { ...plan.settings, budget: budgetA },
      });
      expect(a.status).toBe(200);
      const b = await call<Stale<PlanView>>(bob, 'PATCH', `/api/plans/${plan.id}`, {
        version: plan.version,
        title: 'Bob 的规划',
        settings: { ...plan.settings, budget: budgetB },
      });
      expect(b.status).toBe(409);
      expect(b.body.error.details.changed).toEqual(['settings', 'title']);
      expect(b.body.error.details.current).toMatchObject({ title: 'Alice 的规划' });
      const now = await getPlan(bob, plan.id);
      expect(now.title).toBe('Alice 的规划');
      expect(now.settings.budget).toEqual(budgetA);
    });

    it('a risk edited by two: the second gets 409, another risk edited meanwhile is kept', async () => {
      const plan = await newPlan();
      const risk = plan.risks[0]!;
      const edit = (likelihood: number) => ({
        version: plan.version,
        title: risk.title,
        likelihood,
        impact: risk.impact,
        mitigation: risk.mitigation,
      });
      const a = await call<PlanView>(alice, 'PUT', `/api/plans/${plan.id}/risks/${risk.id}`, edit(5));
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      const b = await call<Stale<PlanView>>(bob, 'PUT', `/api/plans/${plan.id}/risks/${risk.id}`, edit(1));
      expect(b.status).toBe(409);
      expect(b.body.error.details.changed).toEqual([`risks.${risk.id}`]);
      expect((await getPlan(alice, plan.id)).risks.find((r) => r.id === risk.id)!.likelihood).toBe(5);

      // another risk edited at the old version is kept: nobody changed it
      const other = plan.risks[1]!;
      const c = await call<PlanView>(bob, 'PUT', `/api/plans/${plan.id}/risks/${other.id}`, {
        version: plan.version,
        title: `${other.title}（改）`,
        likelihood: other.likelihood,
        impact: other.impact,
        mitigation: other.mitigation,
      });
      expect(c.status).toBe(200);
      expect(c.body.risks.find((r) => r.id === risk.id)!.likelihood).toBe(5);
    });

    it('concurrent risk adds by two are all kept, each with its own id', async () => {
      const plan = await newPlan();
      const titles = ['并发风险甲', '并发风险乙', '并发风险丙', '并发风险丁'];
      const added = await Promise.all(
        titles.map((title, k) =>
          call<PlanView>(k % 2 === 0 ? alice : bob, 'POST', `/api/plans/${plan.id}/risks`, {
            title,
            likelihood: 2,
            impact: 3,
            mitigation: '分批实施',
          }),
        ),
      );
      expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const now = await getPlan(alice, plan.id);
      expect(now.risks.map((r) => r.title)).toEqual(expect.arrayContaining(titles));
      expect(new Set(now.risks.map((r) => r.id)).size).toBe(now.risks.length);
      expect(now.risks).toHaveLength(plan.risks.length + titles.length);
    });

    it('plan document: different sections by two are both kept, the same section gets 409', async () => {
      const plan = await newPlan();
      const url = `/api/plans/${plan.id}/document`;
      const loadedA = (await call<PlanDocumentView>(alice, 'GET', url)).body;
      const loadedB = (await call<PlanDocumentView>(bob, 'GET', url)).body;
      expect(loadedA.version).toBe(plan.version);
      const a = await call<PlanDocumentView>(alice, 'PUT', url, {
        version: loadedA.version,
        edits: { vision: 'Alice 的目标愿景' },
      });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.version).toBe(loadedA.version + 1);
      const b = await call<PlanDocumentView>(bob, 'PUT', url, {
        version: loadedB.version,
        edits: { strategy: 'Bob 的总体战略' },
      });
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      const text = (view: PlanDocumentView, id: string) => view.sections.find((s) => s.id === id)?.text;
      expect(text(b.body, 'vision')).toBe('Alice 的目标愿景');
      expect(text(b.body, 'strategy')).toBe('Bob 的总体战略');

      const c = await call<Stale<PlanDocumentView>>(bob, 'PUT', url, {
        version: loadedB.version,
        edits: { vision: 'Bob 的目标愿景' },
      });
      expect(c.status).toBe(409);
      expect(c.body.error.code).toBe('stale_version');
      expect(c.body.error.details.changed).toEqual(['document.zh.strategy', 'document.zh.vision']);
      expect(text(c.body.error.details.current, 'vision')).toBe('Alice 的目标愿景');
      const now = (await call<PlanDocumentView>(alice, 'GET', url)).body;
      expect(text(now, 'vision')).toBe('Alice 的目标愿景');
      expect(text(now, 'strategy')).toBe('Bob 的总体战略');
    });
  });

  describe('assessments', () => {
    const createAssessment = async (): Promise<AssessmentSummary> => {
      const res = await call<AssessmentSummary>(alice, 'POST', '/api/assessments', {
        modelId: SME,
        title: '并发自评',
        mode: 'self',
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const detail = async (cookie: string, id: string) =>
      (await call<AssessmentDetail>(cookie, 'GET', `/api/assessments/${id}`)).body;
    const versionsOf = (answers: Answer[]) => Object.fromEntries(answers.map((a) => [a.itemId, a.version]));

    it('answers of different items by two are both kept; overwriting a changed answer gets 409', async () => {
      const created = await createAssessment();
      const url = `/api/assessments/${created.id}/answers`;
      const base = await call<{ versions: Record<string, number> }>(alice, 'PUT', url, {
        answers: { 产品设计: 1 },
      });
      expect(base.status, JSON.stringify(base.body)).toBe(200);
      const loadedA = await detail(alice, created.id);
      const loadedB = await detail(bob, created.id);
      expect(loadedA.answers.find((a) => a.itemId === '产品设计')?.version).toEqual(expect.any(Number));

      const a = await call(alice, 'PUT', url, {
        answers: { 产品设计: 3 },
        versions: versionsOf(loadedA.answers),
      });
      expect(a.status).toBe(200);
      // Bob's autosave of another item: kept, no conflict
      const b = await call(bob, 'PUT', url, {
        answers: { 工艺设计: 2 },
        versions: versionsOf(loadedB.answers),
      });
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      // Bob overwriting the answer Alice changed since he loaded it
      const c = await call<Stale<{ answers: Answer[] }>>(bob, 'PUT', url, {
        answers: { 产品设计: 0 },
        versions: versionsOf(loadedB.answers),
      });
      expect(c.status).toBe(409);
      expect(c.body.error.code).toBe('stale_version');
      expect(c.body.error.details.changed).toEqual(['产品设计']);
      expect(c.body.error.details.current.answers).toMatchObject([{ itemId: '产品设计', value: 3 }]);
      // an item Bob thought unanswered, answered meanwhile by Alice
      const d = await call<Stale<unknown>>(bob, 'PUT', url, { answers: { 工艺设计: 1, 营销管理: 1 } });
      expect(d.status).toBe(409);
      expect(d.body.error.details.changed).toEqual(['工艺设计']);

      const now = await detail(alice, created.id);
      const value = (id: string) => now.answers.find((x) => x.itemId === id)?.value;
      expect(value('产品设计')).toBe(3);
      expect(value('工艺设计')).toBe(2);
      expect(value('营销管理')).toBeUndefined();
    });

    it('section assignments: a save of an older version gets 409, none without a version', async () => {
      const created = await createAssessment();
      const url = `/api/assessments/${created.id}/assignments`;
      const model = api.packs.models.get(SME) as PointsIndicatorSystem;
      const section = model.dimensions[0]!.id;
      const missing = await call<ErrorJson>(alice, 'PUT', url, {
        assignments: [{ sectionId: section, respondentRole: 'manager' }],
      });
      expect(missing.body.error.code).toBe('version_required');
      const a = await call(alice, 'PUT', url, {
        version: created.version,
        assignments: [{ sectionId: section, respondentRole: 'manager' }],
      });
      expect(a.status).toBe(204);
      const b = await call<Stale<{ assignments: { respondentRole: string }[] }>>(bob, 'PUT', url, {
        version: created.version,
        assignments: [{ sectionId: section, respondentRole: 'frontline' }],
      });
      expect(b.status).toBe(409);
      expect(b.body.error.details.changed).toEqual(['assignments']);
      expect(b.body.error.details.current.assignments).toMatchObject([{ respondentRole: 'manager' }]);
      const now = await detail(alice, created.id);
      expect(now.assessment.version).toBe(created.version + 1);
      expect(now.assignments).toMatchObject([{ sectionId: section, respondentRole: 'manager' }]);
    });

    it('answers saved while the assessment is being submitted are refused or in the frozen result, never lost', async () => {
      const items = [
        ...['工艺设计', '营销管理', '售后服务', '计划排程', '生产管控', '质量管理', '设备管理', '安全生产'],
        ...['能耗管理', '采购管理', '仓储物流', '财务管理', '人力资源', '协同办公', '决策支持'],
      ];
      for (let round = 0; round < 4; round++) {
        const created = await createAssessment();
        const url = `/api/assessments/${created.id}`;
        expect((await call(alice, 'PUT', `${url}/answers`, { answers: { 产品设计: 0 } })).status).toBe(200);
        // one save per item, started a fraction of a millisecond apart, from just before the submit to after it
        const saves = items.map((item, k) =>
          new Promise((resolve) => setTimeout(resolve, k / 2 + round / 4)).then(() =>
            call<ErrorJson>(bob, 'PUT', `${url}/answers`, { answers: { [item]: 3 } }),
          ),
        );
        const submit = await call<AssessmentSummary>(alice, 'POST', `${url}/submit`, {});
        const results = await Promise.all(saves);
        expect(submit.status).toBe(200);
        const frozen = (await call<ResultResponse>(alice, 'GET', `${url}/result`)).body;
        expect(frozen.live).toBe(false);
        const stored = new Set((await detail(alice, created.id)).answers.map((a) => a.itemId));
        results.forEach((res, k) => {
          if (res.status === 200) expect(stored.has(items[k]!)).toBe(true);
          else {
            expect(res.status).toBe(409);
            expect(res.body.error.code).toBe('assessment_locked');
            expect(stored.has(items[k]!), `${items[k]} refused but stored`).toBe(false);
          }
        });
        // what is stored is what was scored: after a reopen the live result is the frozen one
        expect((await call(alice, 'POST', `${url}/reopen`, { reason: '核对' })).status).toBe(200);
        const live = (await call<ResultResponse>(alice, 'GET', `${url}/result`)).body;
        expect(live.live).toBe(true);
        expect(live.answered).toBe(stored.size);
        expect(live.result.score).toBe(frozen.result.score);
      }
    });

    it('a save after a submit is refused, not stored', async () => {
      const created = await createAssessment();
      const url = `/api/assessments/${created.id}`;
      await detail(bob, created.id);
      expect((await call(alice, 'POST', `${url}/submit`, {})).status).toBe(200);
      const late = await call<ErrorJson>(bob, 'PUT', `${url}/answers`, { answers: { 产品设计: 3 } });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('assessment_locked');
      expect((await detail(alice, created.id)).answers).toEqual([]);
    });
  });

  describe('organisations', () => {
    it('a rename of an older version gets 409 naming the name; none without a version', async () => {
      const list = (await call<OrganisationList>(alice, 'GET', '/api/organisations')).body;
      const own = list.organisations[0]!;
      expect(own.version).toEqual(expect.any(Number));
      const url = `/api/organisations/${own.id}`;
      const missing = await call<ErrorJson>(alice, 'PATCH', url, { name: '无版本' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('version_required');
      const a = await call<OrganisationView>(alice, 'PATCH', url, {
        version: own.version,
        name: '明远（甲改）',
      });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.version).toBe(own.version + 1);
      const b = await call<Stale<OrganisationView>>(bob, 'PATCH', url, {
        version: own.version,
        name: '明远（乙改）',
      });
      expect(b.status).toBe(409);
      expect(b.body.error.details).toMatchObject({
        currentVersion: own.version + 1,
        changed: ['name'],
        current: { name: '明远（甲改）' },
      });
      const now = (await call<OrganisationList>(bob, 'GET', '/api/organisations')).body;
      expect(now.organisations[0]!.name).toBe('明远（甲改）');
    });
  });
});
