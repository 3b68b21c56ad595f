import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import { queryRows } from '../../db/client.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';
const CMMM = 'cmmm-2020';

interface ErrorJson {
  error: { code: string; message: string; details: unknown };
}

describe.each(testEngines())('assessment profile values on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;
  beforeAll(async () => {
    cio = await api.signIn('cio@demo.tupu.local');
  });
  const post = (url: string, payload: object) =>
    api.app.inject({ method: 'POST', url, headers: { cookie: cio }, payload });
  const upload = (url: string, file: object) =>
    api.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(JSON.stringify(file)),
    });
  const titled = async (title: string) =>
    (
      await queryRows<{ n: number }>(
        api.database.db,
        sql`select count(*)::int as n from assessments where title = ${title}`,
      )
    )[0]!.n;

  it('refuses a weight table the model does not have, through the API, naming weightTable', async () => {
    for (const modelId of [SME, CMMM]) {
      const res = await post('/api/assessments', {
        modelId,
        title: `html ${modelId}`,
        profile: { weightTable: '<b>x</b>' },
      });
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json<ErrorJson>();
      expect(error.message).toMatch(/^weightTable: /);
      expect(error.message).toContain('"<b>x</b>"');
      expect(await titled(`html ${modelId}`)).toBe(0);
    }
  });

  it('refuses tailoring on a model without sub-domains, and profile fields no model reads', async () => {
    const na = await post('/api/assessments', {
      modelId: SME,
      title: 'na',
      profile: { notApplicable: ['A1'] },
    });
    expect(na.statusCode).toBe(400);
    expect(na.json<ErrorJson>().error.message).toMatch(/^notApplicable: /);
    const extra = await post('/api/assessments', {
      modelId: SME,
      title: 'extra',
      profile: { note: '<script>' },
    });
    expect(extra.statusCode).toBe(400);
    expect(await titled('na')).toBe(0);
    expect(await titled('extra')).toBe(0);
  });

  it('refuses weightTable "<b>x</b>" from an imported answer file, storing neither profile nor answers', async () => {
    for (const modelId of [SME, CMMM]) {
      const created = await post('/api/assessments', { modelId, title: `import ${modelId}` });
      expect(created.statusCode, created.body).toBe(201);
      const a = created.json<AssessmentSummary>();
      const res = await upload(`/api/assessments/${a.id}/import?fileName=answers.json`, {
        model: modelId,
        answers: {},
        weightTable: '<b>x</b>',
      });
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json<{ error: { code: string; details: { problems: { message: string }[] } } }>();
      expect(error.code).toBe('invalid_answer_sheet');
      expect(error.details.problems[0]?.message).toMatch(/^weightTable: .*"<b>x<\/b>"/);
      const detail = await api.app.inject({ url: `/api/assessments/${a.id}`, headers: { cookie: cio } });
      expect(detail.json<{ assessment: AssessmentSummary }>().assessment.profile).toEqual(a.profile);
    }
  });
});
