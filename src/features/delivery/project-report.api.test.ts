import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProjects, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { projectReport } from '../../reports/project-report-model.ts';
import { projectReportHtml } from '../../reports/project-report-pdf.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import type { DeliveryPackView } from '../../contracts/delivery.ts';

const run = promisify(execFile);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const HOSTILE = '<img src=x onerror=alert(1)>验收&评审';

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tupu-report-'));
  try {
    await writeFile(join(dir, 'r.pdf'), bytes);
    return (await run('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function docxParts(bytes: Buffer): Promise<{ text: string; media: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { text, media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')) };
}

describe.each(testEngines())('the project status report on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let cio: string;
  let cdo: string;
  let project: ProjectView;

  const download = (cookie: string, format: string, lang = 'zh') =>
    api.app.inject({
      method: 'GET',
      url: `/api/projects/${project.id}/report.${format}?lang=${lang}`,
      headers: { cookie },
    });

  beforeAll(async () => {
    ({ cio, cdo } = await signInDemoRoles(api));
    const plan = await call<PlanView>(cio, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title: '汇报' });
    await call(cio, 'POST', `/api/plans/${plan.body.id}/solve`, { timeLimitSeconds: 5, frontier: false });
    const made = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.body.id}/projects`, {});
    const id = made.body.projects[0]!.id;
    await call(cio, 'POST', `/api/projects/${id}/milestones`, { title: HOSTILE, due: day(-10) });
    const p = (await call<ProjectView>(cio, 'GET', `/api/projects/${id}`)).body;
    await call(cio, 'POST', `/api/projects/${id}/costs`, {
      period: p.startPeriod,
      amount: 7.25,
      note: '首付款',
    });
    const q = (await call<ProjectView>(cio, 'GET', `/api/projects/${id}`)).body;
    await call(cio, 'PUT', `/api/projects/${id}/checklists/process/items/change-control`, {
      version: q.version,
      ticked: true,
    });
    const r = (await call<ProjectView>(cio, 'GET', `/api/projects/${id}`)).body;
    const changed = await call<ProjectView>(cio, 'PATCH', `/api/projects/${id}`, {
      version: r.version,
      provider: '某集成商',
      reason: '更换服务商',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    project = changed.body;
  });

  it('writes a DOCX with the facts, the light and why, milestones, the budget chart, gates, supervision, risks and changes', async () => {
    const res = await download(cio, 'docx');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { text, media } = await docxParts(res.rawPayload);
    for (const heading of [
      '一、项目概况',
      '二、状态灯及原因',
      '三、里程碑',
      '四、预算与实际支出（按期）',
      '五、阶段关口',
      '六、过程监督检查',
      '七、风险',
      '八、变更记录',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(`${project.name.zh} — 项目推进情况汇报`);
    const zhLight = { 'on-track': '正常（绿）', 'at-risk': '有风险（黄）', late: '滞后（红）' }[
      project.light
    ];
    expect(project.light).not.toBe('on-track');
    expect(text).toContain(`当前状态：${zhLight}。`);
    expect(text).toContain(`里程碑“${HOSTILE}”已逾期 10 天。`);
    expect(text).toContain('某集成商');
    expect(text).toContain('更换服务商');
    expect(text).toContain('7.25');
    expect(text).toContain('诊断评估');
    expect(text).toContain('过程监督：已完成 1 / 3 项。');
    expect(text).toContain(project.start.zh);
    for (const risk of project.risks) expect(text).toContain(risk.title);
    // the budget chart: SVG with a PNG fallback
    expect(media.some((m) => m.endsWith('.svg'))).toBe(true);
    expect(media.some((m) => m.endsWith('.png'))).toBe(true);
  });

  it('writes a PDF in English and in Chinese whose text reads back', async () => {
    const en = await download(cio, 'pdf', 'en');
    expect(en.statusCode).toBe(200);
    expect(en.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(en.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('2 Status light and why');
    const enLight = { 'on-track': 'on track (green)', 'at-risk': 'at risk (amber)', late: 'late (red)' }[
      project.light
    ];
    expect(text).toContain(`Status: ${enLight}.`);
    expect(text).toContain('is 10 days overdue');
    expect(text).toContain('Budget and actual spend per period');
    expect(text).toContain('provider');
    expect(text).toContain('Process supervision: 1 of 3 items done.');
    expect(text).toContain(project.start.en);
    // the hostile title is printed as text, not run as markup
    expect(text).toContain('<img src=x onerror=alert(1)>');
    const zh = await download(cio, 'pdf', 'zh');
    expect((await pdfText(zh.rawPayload)).replace(/\s+/g, '')).toContain('八、变更记录');
  });

  it('escapes every string into the HTML it prints', () => {
    const pack: DeliveryPackView = {
      id: 'p',
      version: '1.0.0',
      title: { zh: 'p', en: 'p' },
      gates: [],
      supervision: [],
      roles: [],
      invited: [],
    };
    const hostile = {
      ...project,
      name: { zh: '<b>x</b>', en: '<b>x</b>' },
      provider: '"><script>1</script>',
    };
    const html = projectReportHtml(
      projectReport(hostile, pack, { lang: 'en', organisation: '<i>org</i>', today: '2027-01-01' }),
    );
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>org</i>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('is refused to another organisation', async () => {
    expect((await download(cdo, 'pdf')).statusCode).toBe(404);
  });
});
