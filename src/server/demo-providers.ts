import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../db/seed/demo-region.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo region's provider pool, through the real API: the demo provider (启明数字化服务) saves its profile, the
 * demo authority opens a pool for general-equipment makers (C34), and the provider applies, is reviewed two weeks
 * ago, publicised for seven days and admitted. Fictional, like the rest of the demo.
 */
export async function seedDemoProviders(app: FastifyInstance): Promise<void> {
  const as = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: DEMO_PASSWORD },
    });
    ok(res, `sign in as ${email}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    return async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const r = await app.inject({ method, url, headers: { cookie }, payload });
      ok(r, `${method} ${url}`);
      return r.json<Record<string, unknown>>();
    };
  };
  const provider = await as('consultant@demo.tupu.local');
  const region = await as('region@demo.tupu.local');
  const me = await provider('GET', '/api/provider-profile');
  if (me.version !== 0) return;
  const providerId = String((me.profile as { id: string }).id);
  await provider('PUT', '/api/provider-profile', {
    version: 0,
    profile: {
      types: ['planning-consulting', 'production-software'],
      categories: ['integrated'],
      capabilities: ['GEN-CX-01', 'GEN-PM-01', 'GEN-PM-04', 'GEN-PM-05'],
      industries: ['C34', 'C26'],
      regions: ['990100'],
      products: [
        {
          id: 'qm-mes-lite',
          name: '启明轻量 MES（演示）',
          scenarios: ['GEN-PM-01'],
          price: { min: 15, max: 40 },
          deployment: ['cloud'],
          pricing: ['subscription'],
        },
        {
          id: 'qm-aps',
          name: '启明排产 APS（演示）',
          scenarios: ['GEN-PM-04'],
          price: { min: 20, max: 60 },
          deployment: ['cloud', 'on-premises'],
          pricing: ['subscription', 'licence'],
        },
      ],
      references: [
        { title: '某机械厂设备联网（演示）', industry: 'C3484', region: '990100', scenarios: ['GEN-PM-05'] },
      ],
      certifications: [{ name: 'ISO 9001（演示）' }],
    },
    gradingAnswers: { 服务企业数量: 'C', 细分行业服务企业: 'B', 小快轻准产品: 'C', 本地服务: 'C' },
  });
  const pool = await region('POST', '/api/pools', {
    name: '示范市通用设备制造服务商资源池（演示）',
    region: '990100',
    industry: 'C34',
    publicityDays: 7,
    quotas: { 'production-software': 6, 'planning-consulting': 3 },
    requiredForPilot: true,
  });
  const steps = `/api/pools/${String(pool.id)}/steps`;
  await provider('POST', steps, { kind: 'apply', typeId: 'production-software', at: day(-21) });
  await region('POST', steps, {
    kind: 'review',
    providerId,
    scores: [
      { expert: '专家甲', score: 82 },
      { expert: '专家乙', score: 76 },
    ],
    at: day(-14),
  });
  await region('POST', steps, { kind: 'admit', providerId });
}

function ok(res: { statusCode: number; body: string }, what: string): void {
  if (res.statusCode >= 300)
    throw new Error(`demo providers: ${what} failed with ${res.statusCode}: ${res.body}`);
}
