import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocumentView } from '../../contracts/plan-document.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { DEFAULT_RISKS } from '../../core/planning/default-risks.ts';
import { organisationOf } from '../organisations/directory.ts';
import { findPlan, savePlanDocument } from './repository.ts';
import { PLAN_SECTION_IDS } from '../../reports/plan-document-types.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { testTenant } from '../../../tests/support/tenant.ts';
import type { TenantId } from '../../server/access/tenant.ts';

/** The body text of a Word file: every paragraph's runs joined, paragraphs on their own lines. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml in the file');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe.each(testEngines())('plan document API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let cio: string; // admin of 明远精密机械
  let cdo: string; // admin of another organisation
  let viewer: string; // viewer of 明远精密机械
  let tenant: TenantId;
  let orgName: string;

  beforeAll(async () => {
    let orgId: string;
    ({ orgId, cio, cdo, viewer } = await signInDemoRoles(api));
    tenant = testTenant(orgId);
    orgName = (await organisationOf(api.database.db, tenant))!.name;
  });
  const download = (cookie: string, url: string) =>
    api.app.inject({ method: 'GET', url, headers: { cookie } });

  let plan: PlanView;
  /** The plan's version now, sent with each save (a save without one is refused: lost updates, hole 8). */
  const versionOf = async (id: string) => (await call<PlanView>(cio, 'GET', `/api/plans/${id}`)).body.version;

  it('answers 409 plan_not_solved for a plan never optimised, and lists its sections all the same', async () => {
    const created = await call<PlanView>(cio, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(created.status).toBe(201);
    plan = created.body;
    const docx = await download(cio, `/api/plans/${plan.id}/document.docx`);
    expect(docx.statusCode).toBe(409);
    expect(docx.json()).toMatchObject({ error: { code: 'plan_not_solved' } });
    expect(docx.json<{ error: { message: string } }>().error.message).toMatch(/optimise the plan first/);

    const { status, body } = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: false, blocked: 'not_solved' });
    expect(body.sections.map((s) => s.id)).toEqual([...PLAN_SECTION_IDS]);
  });

  it('renders the solved plan as a Word file with the organisation and every section title', async () => {
    const solved = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status).toBe(200);
    expect(solved.body.solution?.result.status).toBe('optimal');

    const sections = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(sections.body).toMatchObject({ ready: true, blocked: null });
    const vision = sections.body.sections.find((s) => s.id === 'vision')!;
    expect(vision.title).toBe('一、目标愿景');
    expect(vision.prefilled.length).toBeGreaterThan(20);
    expect(vision).toMatchObject({ edited: false, text: vision.prefilled });

    const res = await download(cio, `/api/plans/${plan.id}/document.docx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('明远精密 数字化转型规划.docx')}`,
    );
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(res.rawPayload);
    expect(text).toContain(orgName);
    for (const section of sections.body.sections) expect(text).toContain(section.title);
    // the first paragraph of the pre-filled vision text is printed as it is
    expect(text).toContain(vision.prefilled.split('\n')[0]);

    const english = await download(cio, `/api/plans/${plan.id}/document.docx?lang=en`);
    expect(english.statusCode).toBe(200);
    expect(await docxText(english.rawPayload)).toContain('Vision');
  });

  it('prints the default risks of a new plan in the document language, and a typed risk as typed', async () => {
    const [first, second] = DEFAULT_RISKS;
    const en = await docxText(
      (await download(cio, `/api/plans/${plan.id}/document.docx?lang=en`)).rawPayload,
    );
    const zh = await docxText(
      (await download(cio, `/api/plans/${plan.id}/document.docx?lang=zh`)).rawPayload,
    );
    for (const risk of DEFAULT_RISKS) {
      expect(en).toContain(risk.title.en);
      expect(en).toContain(risk.mitigation.en);
      expect(en).not.toContain(risk.title.zh);
      expect(zh).toContain(risk.title.zh);
      expect(zh).not.toContain(risk.title.en);
    }
    expect(first?.title.en).toMatch(/^Weak data foundation/);

    const typed = {
      title: '供应链数字化协同不足 (typed)',
      likelihood: 2,
      impact: 2,
      mitigation: '逐步接入核心供应商',
    };
    const put = await call<PlanView>(cio, 'PUT', `/api/plans/${plan.id}/risks/R2`, {
      ...typed,
      version: await versionOf(plan.id),
    });
    expect(put.status).toBe(200);
    const enTyped = await docxText(
      (await download(cio, `/api/plans/${plan.id}/document.docx?lang=en`)).rawPayload,
    );
    expect(enTyped).toContain(typed.title);
    expect(enTyped).toContain(typed.mitigation);
    expect(enTyped).not.toContain(second!.title.en);
    expect(enTyped).toContain(first!.title.en);
    // put the default risk back (in English, as the English plan page would save it: still a default risk)
    await call(cio, 'PUT', `/api/plans/${plan.id}/risks/R2`, {
      version: put.body.version,
      title: second!.title.en,
      likelihood: second!.likelihood,
      impact: second!.impact,
      mitigation: second!.mitigation.en,
    });
    const zhAgain = await docxText((await download(cio, `/api/plans/${plan.id}/document.docx`)).rawPayload);
    expect(zhAgain).toContain(second!.title.zh);
  });

  it('prints an edited section instead of its pre-filled text, and keeps the edit until reset', async () => {
    const edit = '目标愿景（编辑）：三年内建成省级智能工厂，关键工序数控化率达到 90%。';
    const saved = await call<PlanDocumentView>(cio, 'PUT', `/api/plans/${plan.id}/document`, {
      version: await versionOf(plan.id),
      edits: { vision: edit, strategy: '   ' },
    });
    expect(saved.status).toBe(200);
    const vision = saved.body.sections.find((s) => s.id === 'vision')!;
    expect(vision).toMatchObject({ edited: true, text: edit });
    expect(saved.body.sections.find((s) => s.id === 'strategy')?.edited).toBe(false);
    expect((await findPlan(api.database.db, tenant, plan.id))?.document).toEqual({ zh: { vision: edit } });

    const text = await docxText((await download(cio, `/api/plans/${plan.id}/document.docx`)).rawPayload);
    expect(text).toContain(edit);
    expect(text).not.toContain(vision.prefilled.split('\n')[0]);

    // sending the pre-filled text back is a reset: nothing is stored
    const reset = await call<PlanDocumentView>(cio, 'PUT', `/api/plans/${plan.id}/document`, {
      version: await versionOf(plan.id),
      edits: { vision: vision.prefilled },
    });
    expect(reset.body.sections.find((s) => s.id === 'vision')?.edited).toBe(false);
    await call(cio, 'PUT', `/api/plans/${plan.id}/document`, {
      version: await versionOf(plan.id),
      edits: { vision: edit },
    });
  });

  it('rejects an unknown section by name and stores nothing', async () => {
    const { status, body } = await call<{ error: { message: string } }>(
      cio,
      'PUT',
      `/api/plans/${plan.id}/document`,
      { version: await versionOf(plan.id), edits: { vision: 'replaced?', appendix: 'more' } },
    );
    expect(status).toBe(400);
    expect(body.error.message).toContain('appendix');
    const after = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(after.body.sections.find((s) => s.id === 'vision')?.text).not.toBe('replaced?');
    expect(after.body.sections.find((s) => s.id === 'vision')?.edited).toBe(true);
  });

  const ZH_EDIT = '目标愿景（编辑）：三年内建成省级智能工厂，关键工序数控化率达到 90%。';
  const EN_EDIT =
    'Vision (edited) — a provincial smart factory within three years, 90% of key processes on CNC.';
  const section = (view: PlanDocumentView, id: string) => view.sections.find((s) => s.id === id)!;

  it('keeps the edits per language: a Chinese edit does not show in English, and each export prints its own', async () => {
    const english = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document?lang=en`);
    expect(english.status).toBe(200);
    const enVision = section(english.body, 'vision');
    expect(enVision).toMatchObject({ edited: false, text: enVision.prefilled });
    expect(enVision.text).not.toContain(ZH_EDIT);

    const savedEn = await call<PlanDocumentView>(cio, 'PUT', `/api/plans/${plan.id}/document?lang=en`, {
      version: await versionOf(plan.id),
      edits: { vision: EN_EDIT },
    });
    expect(savedEn.status).toBe(200);
    expect(section(savedEn.body, 'vision')).toMatchObject({ edited: true, text: EN_EDIT });
    // saving English kept the Chinese edit
    const chinese = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document?lang=zh`);
    expect(section(chinese.body, 'vision')).toMatchObject({ edited: true, text: ZH_EDIT });
    expect((await findPlan(api.database.db, tenant, plan.id))?.document).toEqual({
      zh: { vision: ZH_EDIT },
      en: { vision: EN_EDIT },
    });

    const zhText = await docxText(
      (await download(cio, `/api/plans/${plan.id}/document.docx?lang=zh`)).rawPayload,
    );
    expect(zhText).toContain(ZH_EDIT);
    expect(zhText).not.toContain(EN_EDIT);
    const enText = await docxText(
      (await download(cio, `/api/plans/${plan.id}/document.docx?lang=en`)).rawPayload,
    );
    expect(enText).toContain(EN_EDIT);
    expect(enText).not.toContain(ZH_EDIT);
    // a section edited in neither language prints the English pre-filled text
    expect(enText).toContain(section(english.body, 'strategy').prefilled.split('\n')[0]);
  });

  it('reads a row saved before edits were per language (flat shape) as the Chinese edits', async () => {
    const old = '旧版保存的目标愿景文字。';
    expect(await savePlanDocument(api.database.db, tenant, plan.id, () => ({ vision: old }))).toBe(true);
    const chinese = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(section(chinese.body, 'vision')).toMatchObject({ edited: true, text: old });
    const english = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document?lang=en`);
    expect(section(english.body, 'vision').edited).toBe(false);
    expect(await docxText((await download(cio, `/api/plans/${plan.id}/document.docx`)).rawPayload)).toContain(
      old,
    );

    // saving English rewrites the row in the per-language shape, the old text kept as Chinese
    await call(cio, 'PUT', `/api/plans/${plan.id}/document?lang=en`, {
      version: await versionOf(plan.id),
      edits: { vision: EN_EDIT },
    });
    expect((await findPlan(api.database.db, tenant, plan.id))?.document).toEqual({
      zh: { vision: old },
      en: { vision: EN_EDIT },
    });
    await call(cio, 'PUT', `/api/plans/${plan.id}/document?lang=zh`, {
      version: await versionOf(plan.id),
      edits: { vision: ZH_EDIT },
    });
  });

  it('a what-if copy carries the document edits of both languages', async () => {
    const copy = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/copy`, { title: '假设：预算加倍' });
    expect(copy.status).toBe(201);
    const chinese = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${copy.body.id}/document?lang=zh`);
    expect(section(chinese.body, 'vision')).toMatchObject({ edited: true, text: ZH_EDIT });
    const english = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${copy.body.id}/document?lang=en`);
    expect(section(english.body, 'vision')).toMatchObject({ edited: true, text: EN_EDIT });
    const text = await docxText((await download(cio, `/api/plans/${copy.body.id}/document.docx`)).rawPayload);
    expect(text).toContain(ZH_EDIT);

    // the copy's edits are its own: editing the copy leaves the original as it was (a section sent empty is
    // reset; one left out is kept as stored, so that two people editing different sections both keep theirs)
    await call(cio, 'PUT', `/api/plans/${copy.body.id}/document?lang=zh`, {
      version: await versionOf(copy.body.id),
      edits: { vision: '' },
    });
    const original = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(section(original.body, 'vision').text).toBe(ZH_EDIT);
    expect((await findPlan(api.database.db, tenant, copy.body.id))?.document).toEqual({
      en: { vision: EN_EDIT },
    });
  });

  it('a bad body or language writes nothing', async () => {
    const before = (await findPlan(api.database.db, tenant, plan.id))?.document;
    expect(before).toEqual({ zh: { vision: ZH_EDIT }, en: { vision: EN_EDIT } });
    const bad: [string, unknown][] = [
      ['?lang=en', { edits: { vision: 'not a section', appendix: 'x' } }],
      ['?lang=en', { edits: { vision: 3 } }],
      ['?lang=en', { edits: { vision: 'x'.repeat(100_001) } }],
      ['?lang=en', { vision: 'no edits object' }],
      ['?lang=fr', { edits: { vision: 'French?' } }],
    ];
    for (const [query, body] of bad) {
      const res = await call<{ error: { code: string } }>(
        cio,
        'PUT',
        `/api/plans/${plan.id}/document${query}`,
        { version: await versionOf(plan.id), ...(body as object) },
      );
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await findPlan(api.database.db, tenant, plan.id))?.document).toEqual(before);
    }
  });

  it('lets viewers read and download but not edit; other organisations see no plan', async () => {
    expect((await call(viewer, 'GET', `/api/plans/${plan.id}/document`)).status).toBe(200);
    expect((await call(viewer, 'PUT', `/api/plans/${plan.id}/document`, { edits: {} })).status).toBe(403);
    expect((await call(cdo, 'GET', `/api/plans/${plan.id}/document`)).status).toBe(404);
    expect((await download(cdo, `/api/plans/${plan.id}/document.docx`)).statusCode).toBe(404);
    expect((await download(cio, `/api/plans/${plan.id}/document.txt`)).statusCode).toBe(400);
  });

  it('answers 409 again once the plan changed since its optimisation', async () => {
    const budget = plan.settings.budget.map((b) => b * 2);
    expect(
      (
        await call(cio, 'PATCH', `/api/plans/${plan.id}`, {
          version: await versionOf(plan.id),
          settings: { ...plan.settings, budget },
        })
      ).status,
    ).toBe(200);
    const res = await download(cio, `/api/plans/${plan.id}/document.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'plan_not_solved', details: { reason: 'stale' } } });
    const sections = await call<PlanDocumentView>(cio, 'GET', `/api/plans/${plan.id}/document`);
    expect(sections.body).toMatchObject({ ready: false, blocked: 'stale' });
  });
});
