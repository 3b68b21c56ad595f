import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { OtherModelsResponse } from '../../contracts/model-mapping.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

describe.each(testEngines())('estimates on other models on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;
  beforeAll(async () => {
    cio = await api.signIn('cio@demo.tupu.local');
  });
  const create = async (modelId: string, title: string) => {
    const res = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', { modelId, title });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const save = async (
    id: string,
    answers: Record<string, unknown>,
    versions: Record<string, number> = {},
  ) => {
    const res = await api.call<{ versions: Record<string, number> }>(
      cio,
      'PUT',
      `/api/assessments/${id}/answers`,
      {
        answers,
        versions,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.versions;
  };
  const estimates = (id: string, cookie = cio) =>
    api.call<OtherModelsResponse>(cookie, 'GET', `/api/assessments/${id}/other-models`);

  it('an SME 2024 draft: every other mapped model estimated from its scenes and indicators, marked an estimate', async () => {
    const id = await create('sme-digital-level-2024', 'estimate sme');
    await save(id, { 计划排程: 4, 生产管控: 2, 信息系统: 'E' });
    const res = await estimates(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      estimate: true,
      live: true,
      source: { id: 'sme-digital-level-2024' },
      mapping: { id: 'guide-2024' },
    });
    const ids = res.body.estimates.map((e) => e.model.id);
    expect(ids).toEqual([
      'cmmm-2020',
      'dtmm-gbt43439-2023',
      'iii-gbt23020',
      'dcmm-2018',
      'ics-security-2024',
      'eu-dmat',
      'siri',
    ]);
    const cmmm = res.body.estimates[0]!;
    // 计划排程 at 4 of 4 → 计划与调度 1; 信息系统 10 of 10 → 集成 1
    expect(cmmm.items.find((i) => i.id === '计划与调度')).toMatchObject({
      fraction: 1,
      via: [{ concept: '计划排程', from: [{ id: '计划排程', kind: 'scene', fraction: 1 }] }],
    });
    expect(cmmm.items.find((i) => i.id === '集成')?.fraction).toBe(1);
    expect(cmmm.coverage.total).toBe(20);
    expect(cmmm.levelBasis).toBe('staged-s');
  });

  it('a better answer never lowers the estimate (the saved answers are re-read)', async () => {
    const id = await create('sme-digital-level-2024', 'estimate better');
    const versions = await save(id, { 计划排程: 1 });
    const before = (await estimates(id)).body.estimates.find((e) => e.model.id === 'cmmm-2020')!;
    await save(id, { 计划排程: 3 }, versions);
    const after = (await estimates(id)).body.estimates.find((e) => e.model.id === 'cmmm-2020')!;
    expect(after.fraction!).toBeGreaterThan(before.fraction!);
    expect(after.items.find((i) => i.id === '计划与调度')?.fraction).toBe(0.75);
  });

  it('the other way round: a DTMM assessment estimates the SME scenes, with the scene gates flagged as left out', async () => {
    const id = await create('dtmm-gbt43439-2023', 'estimate dtmm');
    await save(id, { '计划调度-1': 1, '计划调度-2': 1, '计划调度-3': 0.5, '计划调度-4': 0, '计划调度-5': 0 });
    const res = await estimates(id);
    expect(res.status).toBe(200);
    const sme = res.body.estimates.find((e) => e.model.id === 'sme-digital-level-2024')!;
    expect(sme.items.find((i) => i.kind === 'scene' && i.id === '计划排程')?.fraction).toBe(0.5);
    expect(sme.gatesIgnored).toBe(true);
  });

  it('a model the mapping does not link gets no estimates', async () => {
    const id = await create('iii-grading-2022', 'estimate grading');
    const res = await estimates(id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ estimate: true, source: { id: 'iii-grading-2022' }, estimates: [] });
  });

  it('another organisation’s assessment answers 404, an unknown id 404', async () => {
    const id = await create('sme-digital-level-2024', 'estimate private');
    const other = await api.signIn('cdo@demo.tupu.local'); // administrator of another enterprise
    const res = await estimates(id, other);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('estimate private');
    expect((await estimates('00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});
