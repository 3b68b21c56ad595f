import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { TYPE_DEFAULTS } from '../core/planning/candidates-defaults.ts';
import { horizonYears, nextQuarter } from '../core/planning/plan-calendar.ts';
import { PLAN_DEFAULTS } from '../core/planning/plan-instance.ts';
import { DEMO_PASSWORD } from '../db/seed/demo-region.ts';
import { seedDemoProviders } from './demo-providers.ts';
import { seedDemoLedgers } from '../features/evaluation/demo-ledgers.ts';

/**
 * Fill the demo enterprise with what a CIO would have after a year on Tupu: two submitted SME digital-level
 * self-assessments (2025 and 2026, so the comparison shows) and a solved transformation plan. It goes through
 * the real API in-process, so the demo data is exactly what the product itself would store. The API stamps
 * everything "now", so afterwards the earlier year's assessment is moved back in time (`backdate`): the one thing the
 * demo writes to the database itself, since no user can date their own history.
 */
export async function seedDemoContent(app: FastifyInstance, db: Db): Promise<void> {
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'cio@demo.tupu.local', password: DEMO_PASSWORD },
  });
  expectOk(signIn, 'sign in as the demo CIO');
  const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { cookie }, payload });
    expectOk(res, `${method} ${url}`);
    return res.json<Record<string, unknown>>();
  };

  const existing: unknown = await call('GET', '/api/assessments');
  if (Array.isArray(existing) && existing.length > 0) return; // seeded before, or the demo user has been at work

  let lastAssessment = '';
  for (const year of DEMO_YEARS) {
    const created = await call('POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      mode: 'self',
      title: `${year.year}年度中小企业数字化水平自评`,
    });
    const id = String((created.assessment as { id?: string } | undefined)?.id ?? created.id);
    await call('PUT', `/api/assessments/${id}/answers`, { answers: year.answers });
    await call('POST', `/api/assessments/${id}/submit`, {});
    await backdate(db, id, year.yearsAgo);
    lastAssessment = id;
  }

  // the demo plan starts next quarter and runs the specialized SME's eight quarters; its title names those years
  const start = nextQuarter(new Date());
  const years = horizonYears(start, PLAN_DEFAULTS.periodsPerYear, TYPE_DEFAULTS['specialized-sme'].periods);
  const plan = await call('POST', '/api/plans', {
    title: `${years.first}—${years.last} 数字化转型规划（演示）`,
    settings: { start },
    atlasPackId: 'guide-2024',
    profile: {
      name: '明远精密机械有限公司（演示）',
      industry: '通用设备制造',
      processType: 'discrete',
      employees: 420,
      revenue: 38000,
      enterpriseType: 'specialized-sme',
    },
    painPoints: [
      'unplanned-downtime',
      'manual-inspection',
      'schedule-disruption',
      'inventory-slow',
      'energy-opaque',
    ],
    assessmentId: lastAssessment,
  });
  const planId = String((plan.plan as { id?: string } | undefined)?.id ?? plan.id);
  await call('POST', `/api/plans/${planId}/solve`, { timeLimitSeconds: 5, frontier: true });
  await seedDemoProviders(app);
  // the enterprise's own ledgers, so evaluation has KPI values computed from them
  await seedDemoLedgers(app, cookie);
}

/**
 * Move an assessment's whole history (created, answered, verified, submitted, its events and evidence) `years` back,
 * so that the demo's 2025 self-assessment reads as a year before the 2026 one, as a real history would.
 */
async function backdate(db: Db, assessmentId: string, years: number): Promise<void> {
  if (years === 0) return;
  const by = sql`make_interval(years => ${years})`;
  await db.execute(
    sql`update assessments set created_at = created_at - ${by}, submitted_at = submitted_at - ${by}
        where id = ${assessmentId}`,
  );
  await db.execute(
    sql`update assessment_answers set answered_at = answered_at - ${by}, verified_at = verified_at - ${by}
        where assessment_id = ${assessmentId}`,
  );
  await db.execute(sql`update assessment_events set at = at - ${by} where assessment_id = ${assessmentId}`);
  await db.execute(
    sql`update evidence_files set uploaded_at = uploaded_at - ${by} where assessment_id = ${assessmentId}`,
  );
}

function expectOk(res: { statusCode: number; body: string }, what: string): void {
  if (res.statusCode >= 300)
    throw new Error(`demo content: ${what} failed with ${res.statusCode}: ${res.body}`);
}

const SCENES_2025 = {
  产品设计: 1,
  计划排程: 1,
  生产管控: 2,
  质量管理: 1,
  设备管理: 1,
  采购管理: 1,
  仓储物流: 1,
  财务管理: 2,
};
const SCENES_2026 = {
  ...SCENES_2025,
  工艺设计: 1,
  计划排程: 2,
  质量管理: 2,
  设备管理: 2,
  安全生产: 1,
  能耗管理: 1,
  仓储物流: 2,
  人力资源: 1,
  协同办公: 2,
};

const DEMO_YEARS = [
  {
    year: 2025,
    yearsAgo: 1,
    answers: {
      网络建设: ['B', 'C'],
      设备数字化: 35,
      设备联网: 20,
      数据采集: ['B', 'C', 'D'],
      信息系统: 'B',
      网络安全: ['B'],
      数据安全: ['B'],
      规划实施: 'B',
      管理机制: ['B'],
      人才建设: ['B'],
      资金保障: 2,
      绿色低碳: 'A',
      产品质量: 'B',
      市场表现: 'B',
      价值效益: 'A',
      ...SCENES_2025,
    },
  },
  {
    year: 2026,
    yearsAgo: 0,
    answers: {
      网络建设: ['B', 'C', 'D'],
      设备数字化: 55,
      设备联网: 45,
      数据采集: ['B', 'C', 'D', 'E', 'F'],
      信息系统: 'C',
      网络安全: ['B', 'C'],
      数据安全: ['B', 'C'],
      规划实施: 'C',
      管理机制: ['B', 'C'],
      人才建设: ['B', 'C'],
      资金保障: 4,
      绿色低碳: 'B',
      产品质量: 'B',
      市场表现: 'B',
      价值效益: 'B',
      ...SCENES_2026,
    },
  },
];
