import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../core/atlas/types.ts';
import type { Assessment } from '../core/diagnosis/assessment.ts';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { DiagnosisResult } from '../core/diagnosis/result.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import { loadIndicatorSystemById } from '../packs/model-load.ts';
import { buildDiagnosisReport, GAP_LIMIT, type DiagnosisReportInput } from './diagnosis-report-model.ts';
import { SME_ANSWERS, SME_PREVIOUS_ANSWERS } from './diagnosis-sample-answers.ts';

const models = new Map<string, IndicatorSystem>();
let atlas: Atlas;
beforeAll(async () => {
  for (const id of ['sme-digital-level-2024', 'cmmm-2020', 'ics-security-2024']) {
    const r = await loadIndicatorSystemById('packs/models', id);
    if (!r.ok) throw new Error(`${id} does not load`);
    models.set(id, r.model);
  }
  const c = await loadAtlasPacks('packs/atlas');
  if (!c.ok) throw new Error('atlas does not load');
  atlas = c.catalog.get('guide-2024')!;
});

function run(id: string, a: Assessment): { model: IndicatorSystem; result: DiagnosisResult } {
  const model = models.get(id)!;
  const { result, problems } = diagnose(model, a);
  expect(problems).toEqual([]);
  return { model, result };
}

function input(id: string, a: Assessment, extra: Partial<DiagnosisReportInput> = {}): DiagnosisReportInput {
  return {
    ...run(id, a),
    organisation: { name: '宁波精工机械有限公司', kind: 'enterprise' },
    assessment: { title: '2024 年度自评', mode: 'self', submittedAt: '2024-11-05T08:00:00Z' },
    atlas,
    lang: 'zh',
    ...extra,
  };
}

describe('buildDiagnosisReport — points family (SME 2024)', () => {
  it('fills the cover, summary and level sections in Chinese', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    expect(r.cover).toEqual({
      title: '数字化转型诊断报告',
      organisation: '宁波精工机械有限公司',
      organisationKind: '企业',
      assessmentTitle: '2024 年度自评',
      modelTitle: '中小企业数字化水平评测指标（2024年版）',
      modelVersion: '1.0.0',
      date: '2024-11-05',
      mode: '自评',
    });
    expect([r.summary.score, r.summary.maxScore, r.summary.levelName]).toEqual([39.475, 100, '一级']);
    expect(r.summary.reading).toContain('得分 39.475 / 100');
    expect(r.summary.reading).toContain('当前等级为一级');
    expect(r.summary.reading).toContain('距离二级还需完成 1 项改进');
    // 基础 19.6/50 = 39.2 %, 管理 6.375/30 = 21.3 %, 成效 13.5/20 = 67.5 %
    expect(r.summary.strengths.map((d) => d.name)).toEqual(['数字化成效']);
    expect(r.summary.weaknesses.map((d) => d.name)).toEqual(['数字化管理', '数字化基础']);
    expect(r.level.rows.map((l) => [l.name, l.reached])).toEqual([
      ['一级', true],
      ['二级', false],
      ['三级', false],
      ['四级', false],
    ]);
    expect(r.level.explanation.join('')).toContain('要达到二级，需要：总分 ≥ 40');
    expect(r.level.explanation.join('')).toContain(
      '当前总分 39.475，13 个场景达到 2 级及以上（其中约束性 9 个）',
    );
  });

  it('names gap scenarios from the atlas and ranks scenarios by recoverable points', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    expect(r.gaps.rows.length).toBeGreaterThan(0);
    const lost = r.gaps.rows.map((g) => g.lostPoints);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    const withScenario = r.gaps.rows.find((g) => g.scenarios.some((s) => s.code === 'GEN-BM-03'));
    const ref = withScenario?.scenarios.find((s) => s.code === 'GEN-BM-03');
    const fromAtlas = atlas.scenarios.find((s) => s.code === 'GEN-BM-03')!;
    expect(ref?.name).toBe(fromAtlas.name.zh);
    expect(ref?.category).toBe(atlas.vocabulary.categories.find((c) => c.id === fromAtlas.category)!.name.zh);
    const sumOf = (code: string) =>
      r.gaps.rows
        .filter((g) => g.scenarios.some((s) => s.code === code))
        .reduce((s, g) => s + g.lostPoints, 0);
    for (const s of r.gaps.scenarios) expect(s.lostPoints).toBeCloseTo(sumOf(s.code), 6);
    // answers shown in words, not bare letters
    const security = r.gaps.rows.find((g) => g.itemId === '数据安全');
    expect(security?.current).toMatch(/^A\. /);
  });

  it('shows multiple-choice answers as option texts, the best one as what it adds, in either language', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    const network = r.gaps.rows.find((g) => g.itemId === '网络建设');
    expect(network?.current).toBe('B. 车间建成工控网络，支持自动…；C. 建成应用系统网络，实现大规…');
    expect(network?.best).toBe('新增：D. 建设/租用5G工业网络，满…；E. 网络全面覆盖生产现场与环节…');
    expect(r.gaps.rows.map((g) => `${g.current} ${g.best}`).join(' ')).not.toMatch(/\b[A-O]、[A-O]\b/);
    const en = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { lang: 'en' }));
    const networkEn = en.gaps.rows.find((g) => g.itemId === '网络建设');
    expect(networkEn?.current).toBe('B. Industrial control network…; C. Application system network…');
    expect(networkEn?.best).toMatch(/^add: D\. Own or leased 5G…; E\. Networks cover the whole…$/);
  });

  it("gives each level's threshold with the enterprise's position against each condition", () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    expect(r.level.rows.map((l) => l.position)).toEqual([
      '总分 39.475 ✓；15 个场景 ✓；约束性 10 个 ✓',
      '总分 39.475 ✗；13 个场景 ✓；约束性 9 个 ✓',
      '总分 39.475 ✗；1 个场景 ✗；约束性 0 个 ✗',
      '总分 39.475 ✗；0 个场景 ✗；约束性 0 个 ✗',
    ]);
    const en = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { lang: 'en' }));
    expect(en.level.rows[1]?.position).toBe('score 39.475 ✗; 13 scenes ✓; 9 constrained ✓');
  });

  it('turns the next-level path into a numbered to-do list that reaches the target', () => {
    const i = input('sme-digital-level-2024', SME_ANSWERS);
    const r = buildDiagnosisReport(i);
    expect(r.todo.target).toBe('二级');
    expect(r.todo.rows.map((x) => x.step)).toEqual([1]);
    const row = r.todo.rows[0]!;
    expect(row.gain).toBeGreaterThanOrEqual(40 - 39.475 - 1e-9);
    expect(row.from).not.toBe(row.to);
    expect(r.todo.intro).toContain('达到二级');
  });

  it('lists every scene with its level and group', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    if (r.detail.kind !== 'scenes') throw new Error('points family shows scenes');
    expect(r.detail.rows).toHaveLength(16);
    expect(r.detail.sceneMax).toBe(4);
    const decision = r.detail.rows.find((s) => s.id === '决策支持');
    expect([decision?.level, decision?.levelLabel, decision?.groupName]).toEqual([
      0,
      '未开展',
      '管理决策数字化',
    ]);
  });

  it('compares with the previous assessment per dimension', () => {
    const prev = run('sme-digital-level-2024', SME_PREVIOUS_ANSWERS).result;
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { previous: prev }));
    expect(r.comparison?.previousScore).toBe(prev.score);
    expect(r.comparison?.rows.map((x) => x.id)).toEqual(['数字化基础', '数字化管理', '数字化成效']);
    for (const row of r.comparison!.rows) expect(row.delta).toBeCloseTo(row.percent - row.previousPercent, 6);
    expect(r.comparison!.rows[0]!.delta).toBeGreaterThan(0);
    expect(buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS)).comparison).toBeNull();
  });

  it('indexes evidence by item in model order, with item names', () => {
    const r = buildDiagnosisReport(
      input('sme-digital-level-2024', SME_ANSWERS, {
        evidence: [
          { itemId: '资金保障', fileName: '2024预算.xlsx', size: 20480, uploadedAt: '2024-10-01T02:00:00Z' },
          {
            itemId: '网络建设',
            fileName: '网络拓扑.pdf',
            size: 1024,
            uploadedAt: new Date('2024-09-30T00:00:00Z'),
          },
          { itemId: '网络建设', fileName: '机房照片.jpg', size: 4096, uploadedAt: '2024-09-30T01:00:00Z' },
        ],
      }),
    );
    expect(r.evidence.map((e) => [e.itemId, e.itemName, e.files.map((f) => f.fileName)])).toEqual([
      ['网络建设', '网络建设', ['网络拓扑.pdf', '机房照片.jpg']],
      ['资金保障', '资金保障', ['2024预算.xlsx']],
    ]);
    expect(r.evidence[0]!.files[0]!.uploadedAt).toBe('2024-09-30');
  });

  it('carries the pack uncertainty notes, source and a disclaimer', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    expect(r.methods.uncertainty).toEqual(
      models.get('sme-digital-level-2024')!.meta.uncertainty.map((u) => u.zh),
    );
    const en = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { lang: 'en' }));
    expect(en.methods.uncertainty[0]).toMatch(/^Level thresholds/);
    expect(r.methods.source).toContain('工信厅企业〔2024〕56号');
    expect(r.methods.disclaimer).toContain('不构成任何官方评定');
  });

  it('speaks English when asked: structure names from the pack, scenarios from the atlas', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { lang: 'en' }));
    expect(r.cover.title).toBe('Digital Transformation Diagnosis Report');
    expect(r.cover.mode).toBe('Self-assessment');
    expect(r.summary.levelName).toBe('Level 1');
    expect(r.dimensions.map((d) => d.name)).toEqual(
      models.get('sme-digital-level-2024')!.family === 'points'
        ? (
            models.get('sme-digital-level-2024') as Extract<IndicatorSystem, { family: 'points' }>
          ).dimensions.map((d) => d.name.en)
        : [],
    );
    const names = r.gaps.scenarios.map((s) => s.name);
    expect(names.every((n) => /^[\x20-\x7e]+$/.test(n))).toBe(true);
    expect(r.todo.target).toBe('Level 2');
  });

  it('shows answers with the English option texts of the pack in an English report', () => {
    const r = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS, { lang: 'en' }));
    const row = (id: string) => r.gaps.rows.find((g) => g.itemId === id);
    expect([row('数据安全')?.current, row('绿色低碳')?.current, row('绿色低碳')?.best]).toEqual([
      'A. None',
      'B. Unchanged',
      'C. Decreased',
    ]);
    // long English options are clipped at a word, about twice as many characters as Chinese ones
    expect(row('人才建设')?.current).toBe('B. Full-time or part-time…');
    expect(row('信息系统')?.best).toBe('E. All business activities');
    expect(row('规划实施')?.best).toBe('F. Can already share digital…');
    expect(r.todo.rows.map((x) => [x.name, x.from, x.to])).toEqual([
      ['Green and low-carbon', 'B. Unchanged', 'C. Decreased'],
    ]);
    // and the Chinese report keeps the official Chinese wording
    const zh = buildDiagnosisReport(input('sme-digital-level-2024', SME_ANSWERS));
    expect(zh.gaps.rows.find((g) => g.itemId === '数据安全')?.current).toBe('A. 无');
  });

  it('prints the assessment date, else creation, else the generation date', () => {
    const base = input('sme-digital-level-2024', SME_ANSWERS);
    const at = (assessment: DiagnosisReportInput['assessment'], generatedAt?: string) =>
      buildDiagnosisReport({ ...base, assessment, ...(generatedAt ? { generatedAt } : {}) }).cover.date;
    expect(at({ title: 'x', mode: 'assessor', createdAt: '2024-01-02T00:00:00Z' })).toBe('2024-01-02');
    expect(at({ title: 'x', mode: 'assessor' }, '2025-03-04T10:00:00Z')).toBe('2025-03-04');
    expect(at({ title: 'x', mode: 'assessor' })).toBe('—');
  });
});

describe('buildDiagnosisReport — staged and checklist families', () => {
  it('staged (CMMM): level scores, sub-domain table with areas, requirement grades in words', () => {
    const model = models.get('cmmm-2020')!;
    if (model.family !== 'staged') throw new Error('staged');
    const answers: Assessment['answers'] = {};
    let i = 0;
    for (const a of model.areas)
      for (const s of a.subdomains)
        for (const q of s.requirements)
          answers[q.id] =
            q.level <= 1 ? 1 : q.level === 2 ? ([0.8, 0.5, 1][i++ % 3] ?? 0) : q.level === 3 ? 0.5 : 0;
    const r = buildDiagnosisReport(
      input('cmmm-2020', { model: 'cmmm-2020', answers, weightTable: 'discrete' }),
    );
    expect(r.summary.levelName).toBe('规划级');
    expect(r.level.rows.map((l) => [l.name, l.status])).toEqual([
      ['规划级', '通过'],
      ['规范级', '未通过'],
      ['集成级', '未通过'],
      ['优化级', '未通过'],
      ['引领级', '未通过'],
    ]);
    expect(r.level.explanation.join('')).toContain('要达到规范级');
    if (r.detail.kind !== 'subdomains') throw new Error('staged shows sub-domains');
    expect(r.detail.rows.find((x) => x.id === '生产作业')?.parent).toBe('生产');
    expect(r.gaps.rows).toHaveLength(GAP_LIMIT);
    expect(r.gaps.more).toBe(
      run('cmmm-2020', { model: 'cmmm-2020', answers, weightTable: 'discrete' }).result.gaps.length -
        GAP_LIMIT,
    );
    expect(r.todo.rows.length).toBeGreaterThan(0);
    expect(r.todo.rows[0]!.from).toBe('部分满足');
    expect(r.todo.rows[0]!.to).toBe('大部分满足');
  });

  it('checklist (ICS security): conformance by group, no levels, no to-do list', () => {
    const model = models.get('ics-security-2024')!;
    if (model.family !== 'checklist') throw new Error('checklist');
    const answers: Assessment['answers'] = {};
    let i = 0;
    for (const p of model.parts)
      for (const g of p.groups)
        for (const it of g.items) answers[it.id] = ['met', 'partly', 'not', 'met', 'na'][i++ % 5]!;
    const r = buildDiagnosisReport(input('ics-security-2024', { model: 'ics-security-2024', answers }));
    expect(r.summary.levelName).toBeNull();
    expect(r.summary.reading).toContain('总体符合度为 61.1%');
    expect(r.level.rows).toEqual([]);
    expect(r.todo.rows).toEqual([]);
    expect(r.todo.intro).toContain('不设等级');
    if (r.detail.kind !== 'groups') throw new Error('checklist shows groups');
    expect(r.detail.rows.find((x) => x.id === '资产管理')).toMatchObject({ parent: '安全管理', percent: 75 });
    const gap = r.gaps.rows.find((g) => g.itemId === 'ICS-03');
    expect([gap?.current, gap?.best]).toEqual(['不符合', '符合']);
  });
});
