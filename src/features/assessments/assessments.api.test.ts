import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentSummary, ResultResponse } from '../../contracts/diagnosis.ts';
import type { IndicatorSystem, PointsIndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import { queryRows } from '../../db/client.ts';
import { answerTemplate } from '../../packs/model-sheet-template.ts';
import { ANSWER_COL, SHEET } from '../../packs/model-sheet-layout.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';
type Json = Record<string, unknown>;

/** Answers giving every question its best (or worst) option and every scene its top (or zero) level. */
function pointsAnswers(model: PointsIndicatorSystem, best: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of model.dimensions)
    for (const ind of d.indicators)
      for (const q of ind.questions) {
        if (q.type === 'ratio') out[q.id] = best ? 100 : 5;
        else if (q.type === 'single') {
          const sorted = [...q.options].sort((a, b) => a.points - b.points);
          out[q.id] = (best ? sorted[sorted.length - 1] : sorted[0])!.id;
        } else
          out[q.id] = best
            ? q.options.filter((o) => !o.exclusive).map((o) => o.id)
            : [q.options.find((o) => o.exclusive)?.id ?? q.options[0]!.id];
      }
  for (const s of model.scenes) out[s.id] = best ? model.sceneMax : 1;
  return out;
}

describe.each(testEngines())('assessments API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;
  let cdo: string;
  let viewer: string;

  const as = (cookie: string) => ({
    get: (url: string) => api.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: unknown) =>
      api.app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        ...(payload === undefined ? {} : { payload: payload as Json }),
      }),
    put: (url: string, payload: unknown) =>
      api.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as Json }),
    /** PUT answers with the versions of the answers now stored (changing an answer needs its version: hole 8) */
    answer: async (id: string, payload: { answers: Json }) => {
      const res = await api.app.inject({ method: 'GET', url: `/api/assessments/${id}`, headers: { cookie } });
      const answers = res.statusCode === 200 ? res.json<AssessmentDetail>().answers : [];
      const versions = Object.fromEntries(answers.map((a) => [a.itemId, a.version]));
      return api.app.inject({
        method: 'PUT',
        url: `/api/assessments/${id}/answers`,
        headers: { cookie },
        payload: { ...payload, versions },
      });
    },
    /** PUT assignments with the assessment's version now (a save without one is refused: hole 8) */
    assign: async (id: string, payload: Json) => {
      const res = await api.app.inject({ method: 'GET', url: `/api/assessments/${id}`, headers: { cookie } });
      const version = res.statusCode === 200 ? res.json<AssessmentDetail>().assessment.version : 1;
      return api.app.inject({
        method: 'PUT',
        url: `/api/assessments/${id}/assignments`,
        headers: { cookie },
        payload: { ...payload, version },
      });
    },
    upload: (url: string, body: Buffer) =>
      api.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: body,
      }),
  });
  const storedAnswers = async (id: string) =>
    queryRows<{ item_id: string; value: unknown; verified_value: unknown }>(
      api.database.db,
      sql`select item_id, value, verified_value from assessment_answers where assessment_id = ${id} order by item_id`,
    );
  const create = async (cookie: string, body: Json) => {
    const res = await as(cookie).post('/api/assessments', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AssessmentSummary>();
  };

  beforeAll(async () => {
    // cio and a viewer of the machinery company, cdo of another organisation
    ({ cio, cdo, viewer } = await signInDemoRoles(api));
  });

  it('lists the models of the three families with levels and dimensions, and serves a blank template', async () => {
    const res = await as(cio).get('/api/models');
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; family: string; levels: unknown[]; dimensions: unknown[] }[]>();
    expect(list.map((m) => m.family).sort()).toEqual([
      ...['checklist', 'checklist'],
      ...['points', 'points', 'points'],
      ...['staged', 'staged', 'staged', 'staged'],
    ]);
    const sme = list.find((m) => m.id === SME)!;
    expect(sme.levels.length).toBeGreaterThan(0);
    expect(sme.dimensions.length).toBeGreaterThan(0);
    const detail = await as(cio).get(`/api/models/${SME}`);
    expect(detail.json<{ sections: { items: unknown[] }[] }>().sections.length).toBeGreaterThan(2);
    const tpl = await as(cio).get(`/api/models/${SME}/template.xlsx`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toMatch(/spreadsheetml/);
    expect(tpl.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api.app.inject(`/api/models`)).statusCode).toBe(401);
    expect((await as(cio).get('/api/models/nope')).statusCode).toBe(404);
  });

  it('runs create → answer → result → submit → locked → reopen → resubmit → comparison', async () => {
    const model = api.packs.models.get(SME) as PointsIndicatorSystem;
    const first = await create(cio, { modelId: SME, title: '2024 自评', mode: 'self' });
    expect(first).toMatchObject({ status: 'draft', family: 'points', answered: 0, score: null });

    const some = {
      网络建设: ['B', 'C'],
      设备数字化: { 实现数字化的生产设备数量: 35, 生产设备数量: 100 },
      产品设计: 2,
    };
    const saved = await as(cio).answer(first.id, { answers: some });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ saved: 3, answered: 3 });

    const live = (await as(cio).get(`/api/assessments/${first.id}/result`)).json<ResultResponse>();
    expect(live.live).toBe(true);
    expect(live.result.score).toBeGreaterThan(0);
    expect(live.answered).toBe(3);
    expect(live.comparison).toBeNull();
    const withCodes = live.result.gaps.find((g) => g.scenarios.length > 0)!;
    expect(live.scenarios[withCodes.scenarios[0]!]?.zh).toBeTruthy();
    expect(live.result.nextLevel).not.toBeNull();

    // clearing an answer with null
    await as(cio).answer(first.id, { answers: { 产品设计: null } });
    expect((await storedAnswers(first.id)).map((r) => r.item_id)).not.toContain('产品设计');

    // answer everything at its best, submit: the result is frozen at the top level
    expect((await as(cio).answer(first.id, { answers: pointsAnswers(model, true) })).statusCode).toBe(200);
    const submitted = await as(cio).post(`/api/assessments/${first.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', percent: 100 });
    expect(submitted.json<AssessmentSummary>().level?.name).toBe(
      model.levels[model.levels.length - 1]!.name.zh,
    );

    const before = await storedAnswers(first.id);
    const lockedRes = await as(cio).answer(first.id, { answers: { 产品设计: 0 } });
    expect(lockedRes.statusCode).toBe(409);
    expect(lockedRes.json<{ error: { code: string } }>().error.code).toBe('assessment_locked');
    expect(await storedAnswers(first.id)).toEqual(before);
    expect((await as(cio).post(`/api/assessments/${first.id}/submit`)).statusCode).toBe(409);
    const frozen = (await as(cio).get(`/api/assessments/${first.id}/result`)).json<ResultResponse>();
    expect(frozen.live).toBe(false);
    expect(frozen.result.percent).toBe(100);

    expect((await as(cio).post(`/api/assessments/${first.id}/reopen`, { reason: '' })).statusCode).toBe(400);
    const reopened = await as(cio).post(`/api/assessments/${first.id}/reopen`, { reason: '补充证据' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'draft', score: null });
    expect((await as(cio).answer(first.id, { answers: { 产品设计: 3 } })).statusCode).toBe(200);
    expect((await as(cio).post(`/api/assessments/${first.id}/submit`)).statusCode).toBe(200);
    const detail = (await as(cio).get(`/api/assessments/${first.id}`)).json<AssessmentDetail>();
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'submitted', 'reopened', 'submitted']);
    expect(detail.events[2]?.note).toBe('补充证据');
    expect(detail.events[2]?.userName).toContain('林晓');
    expect(detail.canWrite).toBe(true);

    // a later, weaker assessment is compared with the first
    const second = await create(cio, { modelId: SME, title: '2025 复评' });
    await as(cio).answer(second.id, { answers: pointsAnswers(model, false) });
    expect((await as(cio).post(`/api/assessments/${second.id}/submit`)).statusCode).toBe(200);
    const cmp = (await as(cio).get(`/api/assessments/${second.id}/result`)).json<ResultResponse>();
    expect(cmp.comparison?.previous.id).toBe(first.id);
    expect(cmp.comparison?.scoreBefore).toBe(frozen.result.score);
    expect(cmp.comparison?.levelBefore?.id).toBe(model.levels[model.levels.length - 1]!.id);
    expect(cmp.comparison?.dimensions.length).toBe(model.dimensions.length);
    for (const d of cmp.comparison!.dimensions) expect(d.delta).toBeCloseTo(d.after - d.before, 6);
    expect(cmp.comparison!.dimensions.some((d) => d.delta < 0)).toBe(true);
    // the first has no earlier one
    expect(
      (await as(cio).get(`/api/assessments/${first.id}/result`)).json<ResultResponse>().comparison,
    ).toBeNull();

    const list = (await as(cio).get('/api/assessments')).json<AssessmentSummary[]>();
    expect(list.map((a) => a.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('refuses bad answers naming the item, and stores nothing of the batch', async () => {
    const a = await create(cio, { modelId: SME, title: 'bad inputs' });
    await as(cio).answer(a.id, { answers: { 网络建设: ['B'] } });
    const before = await storedAnswers(a.id);
    const cases: [Json, string, RegExp][] = [
      [{ 网络建设: ['Z'], 产品设计: 2 }, '网络建设', /unknown option/],
      [{ 设备数字化: 120, 产品设计: 2 }, '设备数字化', /between 0 and 100/],
      [{ 网络建设: ['A', 'B'] }, '网络建设', /cannot be combined/],
      [{ 不存在的题: 'A' }, '不存在的题', /unknown item/],
      [{ 产品设计: 9 }, '产品设计', /scene level/],
      [{ 设备数字化: 'lots' }, '设备数字化', /percentage/],
    ];
    for (const [answers, item, message] of cases) {
      const res = await as(cio).answer(a.id, { answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      const body = res.json<{
        error: {
          code: string;
          message: string;
          details: { problems: { itemId: string; message: string }[] };
        };
      }>();
      expect(body.error.code).toBe('invalid_answers');
      expect(body.error.message).toContain(item);
      expect(body.error.details.problems.find((p) => p.itemId === item)?.message).toMatch(message);
      expect(await storedAnswers(a.id)).toEqual(before);
    }
    const wrongType = await as(cio).answer(a.id, { answers: { 网络建设: true } });
    expect(wrongType.statusCode).toBe(400);
    expect(await storedAnswers(a.id)).toEqual(before);
  });

  it("hides another organisation's assessment (404) and lets a viewer read but not write (403)", async () => {
    const a = await create(cio, { modelId: SME, title: 'tenant' });
    await as(cio).answer(a.id, { answers: { 网络建设: ['B'] } });
    const before = await storedAnswers(a.id);
    expect((await as(cdo).get(`/api/assessments/${a.id}`)).statusCode).toBe(404);
    expect((await as(cdo).get(`/api/assessments/${a.id}/result`)).statusCode).toBe(404);
    expect((await as(cdo).answer(a.id, { answers: { 网络建设: ['C'] } })).statusCode).toBe(404);
    expect((await as(cdo).get('/api/assessments')).json<unknown[]>()).toEqual([]);
    expect((await as(cio).get('/api/assessments/not-a-uuid')).statusCode).toBe(404);

    expect((await as(viewer).get(`/api/assessments/${a.id}`)).json<AssessmentDetail>().canWrite).toBe(false);
    expect((await as(viewer).get(`/api/assessments/${a.id}/result`)).statusCode).toBe(200);
    const w = await as(viewer).answer(a.id, { answers: { 网络建设: ['C'] } });
    expect(w.statusCode).toBe(403);
    expect((await as(viewer).post('/api/assessments', { modelId: SME, title: 'x' })).statusCode).toBe(403);
    expect((await as(viewer).post(`/api/assessments/${a.id}/submit`)).statusCode).toBe(403);
    expect(await storedAnswers(a.id)).toEqual(before);
  });

  it('keeps evidence files (listed, downloadable) and refuses one over 20 MB with 413', async () => {
    const a = await create(cio, { modelId: SME, title: 'evidence' });
    const content = Buffer.from('网络拓扑图 v1');
    const up = await as(cio).upload(
      `/api/assessments/${a.id}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=${encodeURIComponent('拓扑图.txt')}&mediaType=text/plain`,
      content,
    );
    expect(up.statusCode, up.body).toBe(201);
    const ev = up.json<{ id: string; size: number; sha256: string }>();
    expect(ev.size).toBe(content.length);
    const detail = (await as(cio).get(`/api/assessments/${a.id}`)).json<AssessmentDetail>();
    expect(detail.evidence).toEqual([
      expect.objectContaining({ id: ev.id, itemId: '网络建设', fileName: '拓扑图.txt' }),
    ]);
    const down = await as(cio).get(`/api/assessments/${a.id}/evidence/${ev.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('拓扑图.txt'));
    expect((await as(cdo).get(`/api/assessments/${a.id}/evidence/${ev.id}`)).statusCode).toBe(404);

    const count = async () =>
      (await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from evidence_files`))[0]
        ?.n;
    const n = await count();
    const big = await as(cio).upload(
      `/api/assessments/${a.id}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=big.bin`,
      Buffer.alloc(20 * 1024 * 1024 + 1),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json<{ error: { code: string; message: string } }>().error.message).toMatch(/20 MB/);
    expect(await count()).toBe(n);
    const unknown = await as(cio).upload(
      `/api/assessments/${a.id}/evidence?itemId=nope&fileName=a.txt`,
      content,
    );
    expect(unknown.statusCode).toBe(400);
    expect(await count()).toBe(n);
  });

  it('imports a filled sheet, and refuses a wrong-model or badly filled one listing every problem', async () => {
    const sme = api.packs.models.get(SME)!;
    const a = await create(cio, { modelId: SME, title: 'import' });
    const fill = async (model: IndicatorSystem, values: Record<string, string | number>) => {
      const wb = answerTemplate(model);
      const ws = wb.getWorksheet(SHEET.answers)!;
      ws.eachRow((row, r) => {
        const id = row.getCell(1).text;
        if (r > 1 && id in values) row.getCell(ANSWER_COL).value = values[id]!;
      });
      // round-trip through exceljs as a user's save would
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      await new ExcelJS.Workbook().xlsx.load(buf as unknown as ArrayBuffer);
      return buf;
    };
    const url = `/api/assessments/${a.id}/import?fileName=answers.xlsx`;
    const wrong = await as(cio).upload(url, await fill(api.packs.models.get('cmmm-2020')!, {}));
    expect(wrong.statusCode).toBe(400);
    const wrongError = wrong.json<{ error: { code: string; message: string } }>().error;
    expect(wrongError.code).toBe('invalid_answer_sheet');
    expect(wrongError.message).toContain('cmmm-2020');
    expect(await storedAnswers(a.id)).toEqual([]);

    const bad = await as(cio).upload(
      url,
      await fill(sme, { 网络建设: 'B,Z', 设备数字化: 150, 设备联网: 40 }),
    );
    expect(bad.statusCode).toBe(400);
    const problems = bad.json<{
      error: { details: { problems: { sheet: string; row: number; question: string }[] } };
    }>().error.details.problems;
    expect(problems.map((p) => p.question).sort()).toEqual(['网络建设', '设备数字化']);
    for (const p of problems) {
      expect(p.sheet).toBe(SHEET.answers);
      expect(p.row).toBeGreaterThan(1);
    }
    expect(await storedAnswers(a.id)).toEqual([]);

    const good = await as(cio).upload(url, await fill(sme, { 网络建设: 'B,C', 设备数字化: 40 }));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 2, answered: 2 });
    expect((await storedAnswers(a.id)).map((r) => r.item_id).sort()).toEqual(['网络建设', '设备数字化']);
    expect((await as(cio).upload(url, Buffer.from('not a workbook'))).statusCode).toBe(400);
  });

  it('imports a JSON answer file without "model" (the assessment names it) and refuses one naming another model', async () => {
    const a = await create(cio, { modelId: SME, title: 'json import' });
    const url = `/api/assessments/${a.id}/import?fileName=answers.json`;
    const json = (body: unknown) => Buffer.from(JSON.stringify(body));
    const other = await as(cio).upload(url, json({ model: 'cmmm-2020', answers: { 网络建设: ['B'] } }));
    expect(other.statusCode).toBe(400);
    expect(other.json<{ error: { message: string } }>().error.message).toContain(
      `the answers are for model "cmmm-2020"`,
    );
    expect(await storedAnswers(a.id)).toEqual([]);
    const good = await as(cio).upload(url, json({ answers: { 网络建设: ['B', 'C'], 设备数字化: 40 } }));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 2, answered: 2 });
    expect((await storedAnswers(a.id)).map((r) => r.item_id).sort()).toEqual(['网络建设', '设备数字化']);
  });

  it('assessor mode keeps the answer and the correction with its reason; the correction scores', async () => {
    const a = await create(cio, { modelId: SME, title: 'assessor', mode: 'assessor' });
    await as(cio).answer(a.id, { answers: { 设备数字化: 90 } });
    const liveBefore = (await as(cio).get(`/api/assessments/${a.id}/result`)).json<ResultResponse>().result
      .score;
    const url = `/api/assessments/${a.id}/answers/${encodeURIComponent('设备数字化')}/verification`;
    expect((await as(cio).put(url, { verification: 'corrected', value: 15 })).statusCode).toBe(400);
    expect((await as(cio).put(url, { verification: 'corrected', value: 150, reason: 'x' })).statusCode).toBe(
      400,
    );
    const ok = await as(cio).put(url, { verification: 'corrected', value: 15, reason: '台账只有 15 台联网' });
    expect(ok.statusCode, ok.body).toBe(204);
    const detail = (await as(cio).get(`/api/assessments/${a.id}`)).json<AssessmentDetail>();
    expect(detail.answers.find((x) => x.itemId === '设备数字化')).toMatchObject({
      value: 90,
      verification: 'corrected',
      verifiedValue: 15,
      verificationReason: '台账只有 15 台联网',
    });
    const liveAfter = (await as(cio).get(`/api/assessments/${a.id}/result`)).json<ResultResponse>().result
      .score;
    expect(liveAfter).toBeLessThan(liveBefore);
    const self = await create(cio, { modelId: SME, title: 'self' });
    const r = await as(cio).put(
      `/api/assessments/${self.id}/answers/${encodeURIComponent('设备数字化')}/verification`,
      {
        verification: 'verified',
      },
    );
    expect(r.statusCode).toBe(409);
  });

  it('scores staged (weight table in the profile) and checklist assessments, refusing bad grades', async () => {
    const cmmm = api.packs.models.get('cmmm-2020')!;
    if (cmmm.family !== 'staged') throw new Error('cmmm is staged');
    expect(
      (
        await as(cio).post('/api/assessments', {
          modelId: 'cmmm-2020',
          title: 'x',
          profile: { weightTable: 'nope' },
        })
      ).statusCode,
    ).toBe(400);
    const s = await create(cio, {
      modelId: 'cmmm-2020',
      title: 'CMMM',
      profile: { weightTable: 'discrete' },
    });
    expect(s.profile.weightTable).toBe('discrete');
    const req = cmmm.areas[0]!.subdomains[0]!.requirements[0]!.id;
    expect((await as(cio).answer(s.id, { answers: { [req]: 0.7 } })).statusCode).toBe(400);
    expect((await as(cio).answer(s.id, { answers: { [req]: 0.8 } })).statusCode).toBe(200);
    const sr = (await as(cio).get(`/api/assessments/${s.id}/result`)).json<ResultResponse>();
    expect(sr.result.family).toBe('staged');
    expect(sr.result.levelScores.length).toBe(cmmm.rules.levels.length);

    const ics = api.packs.models.get('ics-security-2024')!;
    if (ics.family !== 'checklist') throw new Error('ics is a checklist');
    const c = await create(cio, { modelId: 'ics-security-2024', title: 'ICS' });
    const item = ics.parts[0]!.groups[0]!.items[0]!.id;
    expect((await as(cio).answer(c.id, { answers: { [item]: 'maybe' } })).statusCode).toBe(400);
    expect((await as(cio).answer(c.id, { answers: { [item]: 'met' } })).statusCode).toBe(200);
    const cr = (await as(cio).get(`/api/assessments/${c.id}/result`)).json<ResultResponse>();
    expect(cr.result).toMatchObject({ family: 'checklist', score: 1 });
    // the cause of an unreachable next level is carried as data, for the web to say in its language
    expect(cr.result.nextLevel).toMatchObject({ reachable: false, target: null, why: { kind: 'no-levels' } });

    const assign = await as(cio).assign(c.id, {
      assignments: [{ sectionId: ics.parts[0]!.id, respondentRole: 'frontline' }],
    });
    expect(assign.statusCode, assign.body).toBe(204);
    expect(
      (
        await as(cio).assign(c.id, {
          assignments: [{ sectionId: 'nope', respondentRole: 'manager' }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await as(cio).get(`/api/assessments/${c.id}`)).json<AssessmentDetail>().assignments).toEqual([
      { sectionId: ics.parts[0]!.id, respondentRole: 'frontline', userId: null, userName: null },
    ]);
  });

  it("assigns a section to a named member of the organisation, and refuses anyone else's with 400 naming the section", async () => {
    const a = await create(cio, { modelId: SME, title: 'field diagnosis' });
    const me = async (cookie: string) =>
      (await as(cookie).get('/api/auth/me')).json<{ user: { id: string; displayName: string } }>().user;
    const consultant = await me(await api.signIn('consultant@demo.tupu.local'));
    const outsider = await me(cdo);
    const sme = api.packs.models.get(SME)!;
    if (sme.family !== 'points') throw new Error('sme is a points model');
    const [first, second] = sme.dimensions.map((d) => d.id);

    // a viewer reads whom a section can go to: the organisation's members only
    const before = (await as(viewer).get(`/api/assessments/${a.id}`)).json<AssessmentDetail>();
    const members = before.assignableMembers.map((m) => m.userId);
    expect(members).toContain(consultant.id);
    expect(members).not.toContain(outsider.id);

    const ok = await as(cio).assign(a.id, {
      assignments: [
        { sectionId: first, respondentRole: 'department_head', userId: consultant.id },
        { sectionId: second, respondentRole: 'manager' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const saved = [
      {
        sectionId: first,
        respondentRole: 'department_head',
        userId: consultant.id,
        userName: consultant.displayName,
      },
      { sectionId: second, respondentRole: 'manager', userId: null, userName: null },
    ].sort((x, y) => (x.sectionId! < y.sectionId! ? -1 : 1));
    expect((await as(viewer).get(`/api/assessments/${a.id}`)).json<AssessmentDetail>().assignments).toEqual(
      saved,
    );

    // a user of another organisation: 400 naming the section, and the stored assignments stay as they were
    const refused = await as(cio).assign(a.id, {
      assignments: [
        { sectionId: first, respondentRole: 'manager' },
        { sectionId: second, respondentRole: 'frontline', userId: outsider.id },
      ],
    });
    expect(refused.statusCode).toBe(400);
    const error = refused.json<{ error: { message: string; details: unknown } }>().error;
    expect(error.message).toContain(`section "${second}"`);
    expect(error.message).toContain('not a member');
    expect(error.details).toEqual({ sections: [{ sectionId: second, userId: outsider.id }] });
    const stored = await queryRows<{ section_id: string; respondent_role: string; user_id: string | null }>(
      api.database.db,
      sql`select section_id, respondent_role, user_id from assessment_assignments where assessment_id = ${a.id} order by section_id`,
    );
    expect(stored).toEqual(
      saved.map((x) => ({ section_id: x.sectionId, respondent_role: x.respondentRole, user_id: x.userId })),
    );
    // a user id that is no id at all is refused by the schema
    const garbled = await as(cio).assign(a.id, {
      assignments: [{ sectionId: first, respondentRole: 'manager', userId: 'someone' }],
    });
    expect(garbled.statusCode).toBe(400);
  });

  it('renders the diagnosis report as Word and PDF, for this organisation only', async () => {
    const a = await create(cio, { modelId: SME, title: 'report' });
    await as(cio).answer(a.id, { answers: { 网络建设: ['B', 'C'], 产品设计: 2 } });
    const docx = await as(cio).get(`/api/assessments/${a.id}/report.docx`);
    expect(docx.statusCode, docx.body.slice(0, 300)).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toMatch(/-诊断报告\.docx$/u);
    const pdf = await as(cio).get(`/api/assessments/${a.id}/report.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the English report's file name is English but for the typed title
    const pdfName = decodeURIComponent(String(pdf.headers['content-disposition']));
    expect(pdfName).toMatch(/-diagnosis-report\.pdf$/u);
    expect(pdfName).not.toContain('诊断报告');
    expect((await as(cdo).get(`/api/assessments/${a.id}/report.pdf`)).statusCode).toBe(404);
    expect((await as(cio).get(`/api/assessments/${a.id}/report.txt`)).statusCode).toBe(400);
  });
});
