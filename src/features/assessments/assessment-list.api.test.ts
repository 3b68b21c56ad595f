import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentSummary } from '../../contracts/diagnosis.ts';
import { signInDemoRoles, useApiApp, type DemoRoles } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';
const CMMM = 'cmmm-2020';

describe.each(testEngines())('the assessment list: filters and deleting drafts, on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { call } = api;
  let roles: DemoRoles;
  const ids: Record<'draft2025' | 'draftCmmm' | 'submitted', string> = {
    draft2025: '',
    draftCmmm: '',
    submitted: '',
  };

  const create = async (cookie: string, modelId: string, title: string) => {
    const res = await call<AssessmentSummary>(cookie, 'POST', '/api/assessments', { modelId, title });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const titles = async (query: string) => {
    const res = await call<AssessmentSummary[]>(roles.cio, 'GET', `/api/assessments${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.map((a) => a.title).sort();
  };

  beforeAll(async () => {
    roles = await signInDemoRoles(api);
    ids.draft2025 = await create(roles.cio, SME, '2025年度 数字化水平 草稿');
    ids.draftCmmm = await create(roles.cio, CMMM, '智能制造 能力成熟度 自评');
    ids.submitted = await create(roles.cio, SME, '2026年度 数字化水平');
    await call(roles.cio, 'PUT', `/api/assessments/${ids.submitted}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'C' },
    });
    expect((await call(roles.cio, 'POST', `/api/assessments/${ids.submitted}/submit`, {})).status).toBe(200);
    // the draft's date is last year's: the year filter reads the created date of a draft
    await api.database.db.execute(
      sql`update assessments set created_at = '2025-03-01T08:00:00Z' where id = ${ids.draft2025}`,
    );
    // another organisation's assessment never shows, whatever the filter
    await create(roles.cdo, SME, '2026年度 数字化水平 江川');
  });

  it('filters by title, status, indicator system and year, combined', async () => {
    expect(await titles('')).toEqual(
      ['2025年度 数字化水平 草稿', '2026年度 数字化水平', '智能制造 能力成熟度 自评'].sort(),
    );
    expect(await titles(`?q=${encodeURIComponent('数字化水平')}`)).toEqual(
      ['2025年度 数字化水平 草稿', '2026年度 数字化水平'].sort(),
    );
    expect(await titles('?status=draft')).toEqual(
      ['2025年度 数字化水平 草稿', '智能制造 能力成熟度 自评'].sort(),
    );
    expect(await titles('?status=submitted')).toEqual(['2026年度 数字化水平']);
    expect(await titles(`?modelId=${CMMM}`)).toEqual(['智能制造 能力成熟度 自评']);
    expect(await titles('?year=2025')).toEqual(['2025年度 数字化水平 草稿']);
    expect(await titles(`?status=draft&modelId=${SME}&q=${encodeURIComponent('草稿')}`)).toEqual([
      '2025年度 数字化水平 草稿',
    ]);
    expect(await titles('?year=2030')).toEqual([]);
  });

  it('refuses a filter it cannot read, naming it', async () => {
    const res = await call<{ error: { message: string } }>(roles.cio, 'GET', '/api/assessments?status=done');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/status/);
  });

  it('deletes a draft with its answers: 204, then gone from the list and not found', async () => {
    await call(roles.cio, 'PUT', `/api/assessments/${ids.draftCmmm}/answers`, { answers: {} });
    const res = await call(roles.cio, 'DELETE', `/api/assessments/${ids.draftCmmm}`);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await call(roles.cio, 'GET', `/api/assessments/${ids.draftCmmm}`)).status).toBe(404);
    expect(await titles('')).not.toContain('智能制造 能力成熟度 自评');
    expect((await call(roles.cio, 'DELETE', `/api/assessments/${ids.draftCmmm}`)).status).toBe(404);
  });

  it('refuses to delete a submitted assessment with 409, and keeps it', async () => {
    const res = await call<{ error: { code: string; message: string } }>(
      roles.cio,
      'DELETE',
      `/api/assessments/${ids.submitted}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('assessment_submitted');
    expect(res.body.error.message).toMatch(/only drafts/);
    const kept = await call<AssessmentDetail>(roles.cio, 'GET', `/api/assessments/${ids.submitted}`);
    expect(kept.status).toBe(200);
    expect(kept.body.assessment.status).toBe('submitted');
  });

  it('refuses a viewer (403) and another organisation (404), deleting nothing', async () => {
    expect((await call(roles.viewer, 'DELETE', `/api/assessments/${ids.draft2025}`)).status).toBe(403);
    expect((await call(roles.cdo, 'DELETE', `/api/assessments/${ids.draft2025}`)).status).toBe(404);
    expect(await titles('?year=2025')).toEqual(['2025年度 数字化水平 草稿']);
  });
});
