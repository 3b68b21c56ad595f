import { beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type { PlanProjects, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import type {
  GradingModelView,
  MatchAnswer,
  PilotPoolEligibility,
  PoolList,
  PoolView,
  ProfileFields,
  ProviderClassesView,
  ProviderDirectory,
  ProviderGrade,
  ProviderProfileView,
  SupplyDemandView,
} from '../../contracts/providers.ts';
import { deliveryGatePasses } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { addMembership, createOrganisation, createUser } from '../../server/sessions/accounts.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';

type Err = {
  error: {
    code: string;
    message: string;
    details: { problems?: { field: string; message: string }[] } | null;
  };
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A profile serving GEN-PM-01 (MES) with one product, in the demo city, with variations per provider. */
function profile(i: number, over: Partial<ProfileFields> = {}): ProfileFields {
  return {
    types: ['production-software'],
    categories: ['light-products'],
    capabilities: ['GEN-PM-01'],
    industries: ['C34'],
    regions: ['990100'],
    products: [
      {
        id: `mes-${i}`,
        name: `轻量 MES ${i}`,
        scenarios: ['GEN-PM-01'],
        price: { min: 10 + i * 10, max: 30 + i * 10 },
        deployment: ['cloud'],
        pricing: ['subscription'],
      },
    ],
    references: [{ title: `案例 ${i}`, industry: 'C3484', region: '990100', scenarios: ['GEN-PM-01'] }],
    certifications: [{ name: 'ISO 9001', validUntil: '2027-12-31' }],
    ...over,
  };
}

describe.each(testEngines())('providers API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let region: string;
  let consultant: string;
  let cio: string;
  let cdo: string;
  let qimingId: string;
  /** six more providers: [cookie, organisation id] */
  const others: { cookie: string; id: string }[] = [];

  beforeAll(async () => {
    region = await api.signIn('region@demo.tupu.local');
    consultant = await api.signIn('consultant@demo.tupu.local');
    cio = await api.signIn('cio@demo.tupu.local');
    cdo = await api.signIn('cdo@demo.tupu.local');
    const me = await call<Me>(consultant, 'GET', '/api/auth/me');
    expect(me.body.organisation.orgKind).toBe('service_provider');
    qimingId = me.body.organisation.orgId;
    const regionMe = await call<Me>(region, 'GET', '/api/auth/me');
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (let i = 1; i <= 6; i++) {
      const org = await createOrganisation(api.database.db, {
        kind: 'service_provider',
        name: `测试服务商 ${i}`,
        parentId: regionMe.body.organisation.orgId,
        regionCode: '990100',
      });
      const user = await createUser(api.database.db, {
        email: `p${i}@providers.test`,
        displayName: `服务商 ${i}`,
        passwordHash,
      });
      await addMembership(api.database.db, { orgId: org.id, userId: user.id, role: 'admin' });
      others.push({ cookie: await api.signIn(`p${i}@providers.test`), id: org.id });
    }
  });

  const own = async (cookie: string) =>
    (await call<ProviderProfileView>(cookie, 'GET', '/api/provider-profile')).body;

  it('serves the grading model a provider answers, with the 工作实效 questions it computes', async () => {
    const { status, body } = await call<GradingModelView>(consultant, 'GET', '/api/providers/grading-model');
    expect(status).toBe(200);
    expect(body.summary.id).toBe('provider-grading-2024');
    expect(body.computed).toEqual(['按期完成率', '按预算完成率', '验收满意度']);
    const items = body.sections.flatMap((section) => section.items.map((item) => item.id));
    expect(items).toContain('服务企业数量');
    expect(items).toEqual(expect.arrayContaining(body.computed));
    // every organisation may read it (an enterprise sees what grades are made of); signed-out callers may not
    expect((await call(cio, 'GET', '/api/providers/grading-model')).status).toBe(200);
    expect((await call('', 'GET', '/api/providers/grading-model')).status).toBe(401);
  });

  it('saves a provider its own profile, versioned, with codes checked against the pack and the atlas', async () => {
    const first = await call<ProviderProfileView>(consultant, 'GET', '/api/provider-profile');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = first.body;
    expect([before.version, before.profile.name, before.profile.types]).toEqual([0, expect.any(String), []]);
    const noVersion = await call<Err>(consultant, 'PUT', '/api/provider-profile', { profile: profile(0) });
    expect([noVersion.status, noVersion.body.error.code]).toEqual([400, 'version_required']);

    const bad = await call<Err>(consultant, 'PUT', '/api/provider-profile', {
      version: 0,
      profile: profile(0, {
        types: ['astrology'],
        capabilities: ['GEN-PM-99'],
        industries: ['C99'],
      }),
      gradingAnswers: { 按期完成率: { 按期完成的项目数: 9, 已完成的项目数: 9 } },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_profile']);
    expect(bad.body.error.details?.problems?.map((p) => p.field)).toEqual([
      'profile.types.0',
      'profile.capabilities.0',
      'profile.industries.0',
      'gradingAnswers.按期完成率',
    ]);
    expect(bad.body.error.message).toMatch(/^profile\.types\.0: unknown provider type "astrology"/);
    expect((await own(consultant)).version).toBe(0);

    const saved = await call<ProviderProfileView>(consultant, 'PUT', '/api/provider-profile', {
      version: 0,
      profile: profile(0, { industries: ['3484'], capabilities: ['GEN-PM-01', 'GEN-PM-04'] }),
      gradingAnswers: { 服务企业数量: 'E', 小快轻准产品: 'D' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.profile.industries).toEqual(['C3484']);
    expect(saved.body.gradingAnswers).toEqual({ 服务企业数量: 'E', 小快轻准产品: 'D' });

    // a second first save (version 0) overwrites nothing: someone saved since
    const stale = await call<Err>(consultant, 'PUT', '/api/provider-profile', {
      version: 0,
      profile: profile(0, { regions: ['000000'] }),
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_version']);
    expect((await own(consultant)).profile.regions).toEqual(['990100']);

    // an enterprise has no provider profile
    const notProvider = await call<Err>(cio, 'PUT', '/api/provider-profile', {
      version: 0,
      profile: profile(0),
    });
    expect(notProvider.status).toBe(403);

    for (const [i, o] of others.entries()) {
      const r = await call<ProviderProfileView>(o.cookie, 'PUT', '/api/provider-profile', {
        version: 0,
        profile:
          i === 5
            ? profile(i + 1, {
                types: ['business-software'],
                capabilities: ['GEN-BM-01'],
                products: [],
                references: [],
                regions: ['310000'],
              })
            : profile(i + 1),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });

  it("serves the provider-classes pack's classes, types and categories in zh and en to any member", async () => {
    const classes = await call<ProviderClassesView>(cio, 'GET', '/api/providers/classes');
    expect(classes.status).toBe(200);
    expect(classes.body.pack.id).toBe('tzjei-010-2023');
    expect(classes.body.classes.map((c) => c.id)).toEqual([
      'consulting',
      'hardware',
      'industrial-software',
      'integration-platform',
    ]);
    const types = classes.body.classes.flatMap((c) => c.types);
    expect(types).toHaveLength(12);
    expect(types.find((x) => x.id === 'production-software')).toMatchObject({
      name: { zh: '生产制造数字化服务商', en: 'Production and manufacturing software' },
      assumed: false,
    });
    expect(types.find((x) => x.id === 'data-services')?.assumed).toBe(true);
    expect(classes.body.categories.map((c) => [c.id, c.name.zh])).toEqual([
      ['chain-leader', '链主企业'],
      ['integrated', '综合集成服务商'],
      ['light-products', '小快轻准产品服务商'],
    ]);
    const fromProvider = await call<ProviderClassesView>(consultant, 'GET', '/api/providers/classes');
    expect(fromProvider.body).toEqual(classes.body);
    const anonymous = await call<Err>('', 'GET', '/api/providers/classes');
    expect(anonymous.status).toBe(401);
  });

  it('lists the directory with filters, and shows a provider to any member', async () => {
    const all = await call<ProviderDirectory>(cio, 'GET', '/api/providers');
    expect(all.body.total).toBe(7);
    const mes = await call<ProviderDirectory>(cio, 'GET', '/api/providers?scenario=GEN-PM-01');
    expect(mes.body.total).toBe(6);
    const erp = await call<ProviderDirectory>(cio, 'GET', '/api/providers?type=business-software');
    expect(erp.body.providers.map((p) => p.name)).toEqual(['测试服务商 6']);
    const local = await call<ProviderDirectory>(cio, 'GET', '/api/providers?region=990102&industry=C3484');
    expect(local.body.total).toBe(6);
    const detail = await call<ProviderProfileView>(cio, 'GET', `/api/providers/${qimingId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.profile.products[0]?.name).toBe('轻量 MES 0');
    // its typed grading answers are its own
    expect(detail.body.gradingAnswers).toEqual({});
    // another id: its last digit changed (to 1 where it was 0), so never the provider's own
    const otherId = others[0]!.id.replace(/.$/, (d) => (d === '0' ? '1' : '0'));
    const none = await call<Err>(cio, 'GET', `/api/providers/${otherId}`);
    expect(none.status).toBe(404);
    const badQuery = await call<Err>(cio, 'GET', '/api/providers?industry=not-a-code');
    expect(badQuery.status).toBe(400);
  });

  it('ranks at least five providers for an initiative with the factor breakdown, and explains one left out', async () => {
    const res = await call<MatchAnswer>(cio, 'POST', '/api/providers/match', {
      initiative: { scenario: 'GEN-PM-01', industry: 'C3484', region: '990100', budget: 40 },
      options: { limit: 5, filters: { scenarioRequired: true } },
      whyNot: others[5]!.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { result, whyNot } = res.body;
    expect(result.providers).toBe(7);
    expect(result.considered).toBe(6);
    expect(result.entries.length).toBe(5);
    for (const e of result.entries) {
      expect(e.factors.map((f) => f.factor)).toEqual([
        'scenario',
        'industry',
        'region',
        'pool',
        'grade',
        'satisfaction',
        'price',
      ]);
      expect(e.total).toBeCloseTo(e.factors.reduce((a, f) => a + f.points, 0));
    }
    // the cheapest product (provider 0: 10–30 万元) fits the 40 万元 budget best
    expect(result.entries[0]!.factors.find((f) => f.factor === 'price')?.reason).toBe('within-budget');
    expect(whyNot?.known).toBe(true);
    expect(whyNot?.excludedBy.map((x) => x.filter)).toEqual(['scenarioRequired']);
    expect(whyNot?.shown).toBe(false);

    const bad = await call<Err>(cio, 'POST', '/api/providers/match', {
      initiative: { scenario: 'GEN-ZZ-01', industry: 'C99' },
      options: { filters: { types: ['astrology'] } },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_match']);
    expect(bad.body.error.details?.problems?.map((p) => p.field)).toEqual([
      'initiative.scenario',
      'initiative.industry',
      'options.filters.types.0',
    ]);
  });

  it("matches providers to an initiative of the enterprise's plan, and to no other organisation's plan", async () => {
    const plan = await call<PlanView>(cio, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title: '匹配规划' });
    expect(plan.status).toBe(201);
    const initiative = plan.body.initiatives[0]!;
    const res = await call<MatchAnswer>(
      cio,
      'POST',
      `/api/plans/${plan.body.id}/initiatives/${encodeURIComponent(initiative.id)}/providers`,
      { options: { limit: 5 } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result.initiative).toMatchObject({
      scenario: initiative.scenario,
      budget: initiative.capex,
      region: '990100',
    });
    expect(res.body.result.entries.length).toBeGreaterThanOrEqual(5);
    const missing = await call<Err>(
      cio,
      'POST',
      `/api/plans/${plan.body.id}/initiatives/NOPE-XX-01/providers`,
      {},
    );
    expect(missing.status).toBe(404);
    const foreign = await call<Err>(
      cdo,
      'POST',
      `/api/plans/${plan.body.id}/initiatives/${encodeURIComponent(initiative.id)}/providers`,
      {},
    );
    expect(foreign.status).toBe(404);
  });

  describe('pools', () => {
    let pool: PoolView;
    const step = (cookie: string, body: Record<string, unknown>) =>
      call<PoolView & Err>(cookie, 'POST', `/api/pools/${pool.id}/steps`, body);

    it('is opened by an authority only, with quotas of the pack types', async () => {
      const refused = await call<Err>(cio, 'POST', '/api/pools', {
        name: '企业的池',
        publicityDays: 7,
        quotas: {},
      });
      expect(refused.status).toBe(403);
      const badType = await call<Err>(region, 'POST', '/api/pools', {
        name: '坏配额',
        publicityDays: 7,
        quotas: { astrology: 2 },
      });
      expect([badType.status, badType.body.error.details?.problems?.[0]?.field]).toEqual([
        400,
        'quotas.astrology',
      ]);
      const opened = await call<PoolView>(region, 'POST', '/api/pools', {
        name: '示范市通用设备制造服务商资源池',
        region: '990100',
        industry: 'C34',
        publicityDays: 7,
        quotas: { 'production-software': 1 },
        requiredForPilot: true,
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      pool = opened.body;
      expect(pool.own).toBe(true);
      expect(pool.quotas).toEqual([{ typeId: 'production-software', quota: 1, members: 0 }]);
      const listed = await call<PoolList>(cio, 'GET', '/api/pools');
      expect(listed.body.pools.map((p) => [p.id, p.own, p.requiredForPilot])).toEqual([
        [pool.id, false, true],
      ]);
    });

    it('takes one application per provider, and refuses a second naming the pool', async () => {
      const applied = await step(consultant, { kind: 'apply', typeId: 'production-software', at: day(-30) });
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      expect(applied.body.memberships.map((m) => [m.providerId, m.state])).toEqual([[qimingId, 'applied']]);
      const twice = await step(consultant, { kind: 'apply', typeId: 'production-software' });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'already_applied']);
      expect(twice.body.error.message).toMatch(
        /^Pool “示范市通用设备制造服务商资源池”: .*already has an application/,
      );
      const view = await call<PoolView>(region, 'GET', `/api/pools/${pool.id}`);
      expect(view.body.memberships).toHaveLength(1);
      expect(view.body.memberships[0]!.history).toHaveLength(1);
      // an enterprise cannot apply; a provider cannot review
      expect((await step(cio, { kind: 'apply', typeId: 'production-software' })).status).toBe(403);
      const selfReview = await step(consultant, {
        kind: 'review',
        providerId: qimingId,
        scores: [{ expert: 'x', score: 100 }],
      });
      expect(selfReview.status).toBe(403);
    });

    it('reviews, publicises for the 公示 period, admits within the quota under the row lock', async () => {
      const reviewed = await step(region, {
        kind: 'review',
        providerId: qimingId,
        scores: [
          { expert: '专家甲', score: 80 },
          { expert: '专家乙', score: 70 },
        ],
        at: day(-20),
      });
      expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
      expect(reviewed.body.memberships[0]).toMatchObject({ state: 'publicised', reviewScore: 75 });
      // two more apply and are reviewed; one of them is still under 公示
      for (const [i, o] of others.slice(0, 2).entries()) {
        expect(
          (await step(o.cookie, { kind: 'apply', typeId: 'production-software', at: day(-30) })).status,
        ).toBe(200);
        const r = await step(region, {
          kind: 'review',
          providerId: o.id,
          scores: [{ expert: '专家甲', score: 90 }],
          at: i === 0 ? day(-20) : day(0),
        });
        expect(r.status).toBe(200);
      }
      const early = await step(region, { kind: 'admit', providerId: others[1]!.id });
      expect([early.status, early.body.error.code]).toEqual([409, 'publicity_not_over']);
      const future = await step(region, { kind: 'admit', providerId: qimingId, at: day(3) });
      expect([future.status, future.body.error.code]).toEqual([400, 'invalid_pool_step']);
      // the quota of one, two admissions at once: exactly one gets in
      const both = await Promise.all([
        step(region, { kind: 'admit', providerId: qimingId }),
        step(region, { kind: 'admit', providerId: others[0]!.id }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(both.find((r) => r.status === 409)?.body.error.code).toBe('quota_full');
      const view = (await call<PoolView>(region, 'GET', `/api/pools/${pool.id}`)).body;
      expect(view.quotas).toEqual([{ typeId: 'production-software', quota: 1, members: 1 }]);
      const admitted = view.memberships.filter((m) => m.state === 'admitted');
      expect(admitted).toHaveLength(1);
      // qiming's place: for the rest of this suite the admitted one is qiming; withdraw the other if it won
      if (admitted[0]!.providerId !== qimingId) {
        expect((await step(others[0]!.cookie, { kind: 'withdraw' })).status).toBe(200);
        expect((await step(region, { kind: 'admit', providerId: qimingId })).status).toBe(200);
      }
      // an enterprise sees the members and those under 公示, without scores or history
      const seen = (await call<PoolView>(cio, 'GET', `/api/pools/${pool.id}`)).body;
      expect(seen.own).toBe(false);
      for (const m of seen.memberships) {
        expect(['admitted', 'publicised']).toContain(m.state);
        expect([m.history, m.reviewScore]).toEqual([[], null]);
      }
    });

    it('warns, hears the appeal, orders rectification, removes, and keeps the full history', async () => {
      expect((await step(region, { kind: 'warn', providerId: qimingId, reason: '交付延期' })).status).toBe(
        200,
      );
      const appeal = await step(consultant, { kind: 'appeal', reason: '延期由企业需求变更导致' });
      expect(appeal.status).toBe(200);
      const twice = await step(consultant, { kind: 'appeal', reason: '再次申诉' });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'appeal_pending']);
      const upheld = await step(region, {
        kind: 'decide-appeal',
        providerId: qimingId,
        upheld: true,
        reason: '申诉成立',
      });
      expect(upheld.body.memberships.find((m) => m.providerId === qimingId)?.state).toBe('admitted');
      const badDeadline = await step(region, {
        kind: 'order-rectification',
        providerId: qimingId,
        reason: '质量问题',
        deadline: day(-1),
      });
      expect([badDeadline.status, badDeadline.body.error.code]).toEqual([400, 'bad_date']);
      expect(
        (
          await step(region, {
            kind: 'order-rectification',
            providerId: qimingId,
            reason: '质量问题',
            deadline: day(30),
          })
        ).status,
      ).toBe(200);
      // a provider cannot walk away from a rectification order
      const walk = await step(consultant, { kind: 'withdraw' });
      expect([walk.status, walk.body.error.code]).toEqual([409, 'wrong_state']);
      const history = (
        await call<PoolView>(consultant, 'GET', `/api/pools/${pool.id}`)
      ).body.memberships.find((m) => m.providerId === qimingId)!.history;
      expect(history.map((h) => [h.command.kind, h.to])).toEqual([
        ['apply', 'applied'],
        ['review', 'publicised'],
        ['admit', 'admitted'],
        ['warn', 'warned'],
        ['appeal', 'warned'],
        ['decide-appeal', 'admitted'],
        ['order-rectification', 'rectifying'],
      ]);
    });

    it("grades a provider: its own with the breakdown, a pool member's for an enterprise, 工作实效 from finished projects", async () => {
      // a finished project delivered by qiming: made from a solved plan, the provider set to qiming's id, accepted
      const plan = await call<PlanView>(cio, 'POST', '/api/plans', {
        ...DEMO_PLAN_REQUEST,
        title: '交付实效',
      });
      const solved = await call<PlanView>(cio, 'POST', `/api/plans/${plan.body.id}/solve`, {
        timeLimitSeconds: 5,
        frontier: false,
      });
      expect(solved.status, JSON.stringify(solved.body)).toBe(200);
      const made = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.body.id}/projects`, {});
      const project = made.body.projects[0]!;
      const patched = await call<{ version: number }>(cio, 'PATCH', `/api/projects/${project.id}`, {
        version: 1,
        provider: qimingId,
        reason: '选定服务商',
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      // 验收满意度 is given at acceptance, not before
      const early = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
        version: patched.body.version,
        rating: 5,
      });
      expect([early.status, early.body.error.code]).toEqual([409, 'not_accepted']);
      const cioMe = await call<Me>(cio, 'GET', '/api/auth/me');
      await api.database.db.insert(deliveryGatePasses).values({
        orgId: cioMe.body.organisation.orgId,
        projectId: project.id,
        gateId: 'acceptance',
        party: 'enterprise',
      });

      const mine = await call<ProviderGrade>(consultant, 'GET', `/api/providers/${qimingId}/grade`);
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect(mine.body.model.id).toBe('provider-grading-2024');
      expect(mine.body.dimensions.map((d) => [d.id, d.max])).toEqual([
        ['服务企业情况', 25],
        ['产品服务能力', 25],
        ['工作实效评价', 30],
        ['综合服务能力', 20],
      ]);
      // accepted today, planned for the end of its last period (after today): on time; nothing booked: on budget
      expect(mine.body.outcomes).toMatchObject({ finished: 1, onTime: 1, onBudget: 1, onTimeRate: 100 });
      expect(mine.body.breakdown?.answers).toEqual({ 服务企业数量: 'E', 小快轻准产品: 'D' });
      const dims = Object.fromEntries(mine.body.dimensions.map((d) => [d.id, d.score]));
      expect(dims['工作实效评价']).toBeGreaterThan(0);
      expect(mine.body.score).toBeCloseTo(mine.body.dimensions.reduce((a, d) => a + d.score, 0));
      expect(mine.body.outcomes.satisfaction).toBeNull();

      // the enterprise rates qiming's work at acceptance; the provider may not rate itself
      const byProvider = await call<Err>(consultant, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
        version: patched.body.version,
        rating: 5,
      });
      // qiming is named on the project but not invited into it: the project is not its to see
      expect([byProvider.status, byProvider.body.error.code]).toEqual([404, 'not_found']);
      const bad = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
        version: patched.body.version,
        rating: 6,
      });
      expect(bad.status).toBe(400);
      const rated = await call<ProjectView>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
        version: patched.body.version,
        rating: 4,
        comment: '按期交付，<b>培训</b>稍弱',
      });
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      expect(rated.body.acceptance).toMatchObject({ rating: 4, comment: '按期交付，<b>培训</b>稍弱' });
      expect(rated.body.acceptance?.ratedBy).toBe(cioMe.body.user.id);
      // a rating sent at the version before it is stale
      const stale = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
        version: patched.body.version,
        rating: 1,
      });
      expect(stale.status).toBe(409);
      const graded = await call<ProviderGrade>(consultant, 'GET', `/api/providers/${qimingId}/grade`);
      // 4 of 1 … 5 is 75 % satisfied, and 工作实效评价 counts it
      expect(graded.body.outcomes).toMatchObject({ rated: 1, satisfaction: 75 });
      const ratedDims = Object.fromEntries(graded.body.dimensions.map((d) => [d.id, d.score]));
      expect(ratedDims['工作实效评价']).not.toBe(dims['工作实效评价']);

      const seen = await call<ProviderGrade>(cio, 'GET', `/api/providers/${qimingId}/grade`);
      // the enterprise sees the rated grade (the score moved with the rating), without the breakdown
      expect([seen.status, seen.body.score, seen.body.breakdown]).toEqual([200, graded.body.score, null]);
      // provider 6 is in no pool: its grade is its own
      expect((await call<Err>(cio, 'GET', `/api/providers/${others[5]!.id}/grade`)).status).toBe(403);
      // under rectification qiming stands in the pool the pilot requires; provider 6 never applied
      const ok = await call<PilotPoolEligibility>(cio, 'GET', `/api/providers/${qimingId}/eligibility`);
      expect(ok.body.eligible).toBe(true);
      const outside = await call<PilotPoolEligibility>(
        cio,
        'GET',
        `/api/providers/${others[5]!.id}/eligibility`,
      );
      expect(outside.body.eligible).toBe(false);
      // and so the enterprise may invite qiming to its project, but not provider 6, which is refused by name
      const invitedOutside = await call<Err>(cio, 'POST', `/api/projects/${project.id}/invitations`, {
        providerOrgId: others[5]!.id,
      });
      expect(invitedOutside.status).toBe(400);
      expect(invitedOutside.body.error.code).toBe('provider_not_eligible');
      expect(invitedOutside.body.error.message).toContain('which your pilot requires');
      const invitations = async () =>
        (
          await call<{ invitations: { providerOrgId: string }[] }>(
            cio,
            'GET',
            `/api/projects/${project.id}/invitations`,
          )
        ).body.invitations;
      expect((await invitations()).map((i) => i.providerOrgId)).not.toContain(others[5]!.id);
      const invitedMember = await call(cio, 'POST', `/api/projects/${project.id}/invitations`, {
        providerOrgId: qimingId,
      });
      expect(invitedMember.status, JSON.stringify(invitedMember.body)).toBe(201);
      expect((await invitations()).map((i) => i.providerOrgId)).toContain(qimingId);
      // an organisation under no authority with a required pool may engage anyone
      const free = await call<PilotPoolEligibility>(
        await api.signIn('association@demo.tupu.local'),
        'GET',
        `/api/providers/${others[5]!.id}/eligibility`,
      );
      expect(free.body).toMatchObject({ eligible: true, requiredPools: [] });

      // the project's own match: its scenario and budget
      const match = await call<MatchAnswer>(cio, 'POST', `/api/projects/${project.id}/providers`, {});
      expect(match.status, JSON.stringify(match.body)).toBe(200);
      expect(match.body.result.initiative.scenario).toBe(project.scenario);
      expect((await call<Err>(cdo, 'POST', `/api/projects/${project.id}/providers`, {})).status).toBe(404);
    });

    it("shows an authority its enterprises' demand against the supply, and the scenarios no provider covers", async () => {
      const res = await call<SupplyDemandView>(region, 'GET', '/api/supply-demand');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.enterprises).toBe(1);
      expect(res.body.scenarios.length).toBeGreaterThan(0);
      for (const s of res.body.scenarios)
        expect(res.body.uncovered.includes(s.scenario)).toBe(s.providers.length === 0);
      const inPool = await call<SupplyDemandView>(region, 'GET', `/api/supply-demand?poolId=${pool.id}`);
      // only qiming stands in the pool (under rectification): the pool's supply is qiming's or none
      expect(inPool.body.scenarios.map((s) => s.scenario)).toEqual(res.body.scenarios.map((s) => s.scenario));
      for (const s of inPool.body.scenarios) expect(s.providers.filter((p) => p !== qimingId)).toEqual([]);
      expect(inPool.body.uncovered.length).toBeGreaterThanOrEqual(res.body.uncovered.length);
      expect((await call<Err>(cio, 'GET', '/api/supply-demand')).status).toBe(403);
    });

    it('removes a member, who may then appeal the removal but not apply again', async () => {
      const removed = await step(region, { kind: 'remove', providerId: qimingId, reason: '整改逾期未完成' });
      expect(removed.body.memberships.find((m) => m.providerId === qimingId)?.state).toBe('removed');
      const again = await step(consultant, { kind: 'apply', typeId: 'production-software' });
      expect([again.status, again.body.error.code]).toEqual([409, 'removed_from_pool']);
      expect((await step(consultant, { kind: 'appeal', reason: '整改已于期限内完成' })).status).toBe(200);
      const view = (await call<PoolView>(region, 'GET', `/api/pools/${pool.id}`)).body;
      const m = view.memberships.find((x) => x.providerId === qimingId)!;
      expect([m.state, m.appeal?.against, m.history.length]).toEqual(['removed', 7, 9]);
      expect(view.quotas).toEqual([{ typeId: 'production-software', quota: 1, members: 0 }]);
      // the pilot requires the pool: a removed provider may no longer be engaged by the region's enterprises
      const e = await call<PilotPoolEligibility>(cio, 'GET', `/api/providers/${qimingId}/eligibility`);
      expect([e.status, e.body.eligible, e.body.requiredPools.map((p) => [p.poolId, p.member])]).toEqual([
        200,
        false,
        [[pool.id, false]],
      ]);
      expect(e.body.message).toMatch(
        /is not a member of “示范市通用设备制造服务商资源池”, which your pilot requires/,
      );
    });
  });
});
