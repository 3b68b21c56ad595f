import { describe, expect, it } from 'vitest';
import { ANSWER_SHEET_LIMITS, type AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import { useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';

const SME = 'sme-digital-level-2024';
const KB = 1024;

interface Listed {
  omitted?: number;
  message: string;
}

describe.each(testEngines())('error answers stay small on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all', overrides: { bodyLimit: 8 * KB * KB } });
  const importFile = (cookie: string, id: string, file: Buffer) =>
    api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/import?fileName=answers.json`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: file,
    });

  it('answers a 4 MB import with 300,000 unknown items in a few KB: refused by the answer-count limit', async () => {
    const cio = await api.signIn('cio@demo.tupu.local');
    const created = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: 'big',
    });
    const answers: Record<string, string> = {};
    for (let i = 0; i < 300_000; i++) answers[`k${i}`] = 'A';
    const file = Buffer.from(JSON.stringify({ model: SME, answers }));
    expect(file.length).toBeGreaterThan(3 * KB * KB);
    const res = await importFile(cio, created.body.id, file);
    expect(res.statusCode).toBe(413);
    expect(res.body.length).toBeLessThan(16 * KB);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('answer_sheet_over_limit');
  });

  it('answers an import of 9,000 unknown items (under the count limit) in a few KB, saying how many were left out', async () => {
    const cio = await api.signIn('cio@demo.tupu.local');
    const created = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: 'many unknown',
    });
    const count = ANSWER_SHEET_LIMITS.answers - 1_000;
    const answers: Record<string, string> = {};
    for (let i = 0; i < count; i++) answers[`k${i}`] = 'A';
    const res = await importFile(cio, created.body.id, Buffer.from(JSON.stringify({ model: SME, answers })));
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(16 * KB);
    const { error } = res.json<{
      error: { code: string; message: string; details: { problems: Listed[] } };
    }>();
    expect(error.code).toBe('invalid_answer_sheet');
    expect(error.message).toContain(`(and ${count - 1} more)`);
    const { problems } = error.details;
    expect(problems.length).toBeLessThanOrEqual(51);
    const last = problems[problems.length - 1]!;
    expect(last.omitted).toBe(count - (problems.length - 1));
    expect(last.message).toBe(`${last.omitted} more entries left out of this answer`);
  });

  it('answers a body with 100,000 invalid values (one schema issue each) in a few KB', async () => {
    const cio = await api.signIn('cio@demo.tupu.local');
    const created = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: 'many',
    });
    const answers: Record<string, boolean> = {};
    for (let i = 0; i < 100_000; i++) answers[`k${i}`] = true;
    const res = await api.app.inject({
      method: 'PUT',
      url: `/api/assessments/${created.body.id}/answers`,
      headers: { cookie: cio },
      payload: { answers },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(16 * KB);
    const { error } = res.json<{ error: { code: string; message: string; details: Listed[] } }>();
    expect(error.code).toBe('validation_error');
    expect(error.message.length).toBeLessThanOrEqual(1100);
    expect(error.details.length).toBeLessThanOrEqual(51);
    expect(error.details[error.details.length - 1]!.omitted).toBeGreaterThan(90_000);
  });

  it('cuts a long text in an error answer, saying how much was left out', async () => {
    const cio = await api.signIn('cio@demo.tupu.local');
    const plan = await api.call<PlanView>(cio, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(plan.status).toBe(201);
    const res = await api.app.inject({
      method: 'PUT',
      url: `/api/plans/${plan.body.id}/document?lang=zh`,
      headers: { cookie: cio },
      payload: { edits: { ['x'.repeat(200_000)]: 'text' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(16 * KB);
    const { error } = res.json<{ error: { message: string; details: { unknown: string[] } } }>();
    expect(error.message).toMatch(/… \(\d+ more characters\)$/);
    expect(error.details.unknown[0]).toMatch(/^x{500}… \(199500 more characters\)$/);
  });
});
