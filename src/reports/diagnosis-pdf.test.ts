import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../core/atlas/types.ts';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import { loadIndicatorSystemById } from '../packs/model-load.ts';
import { diagnosisCharts } from './diagnosis-charts.ts';
import { diagnosisHtml } from './diagnosis-pdf.ts';
import { buildDiagnosisReport, type DiagnosisReportInput } from './diagnosis-report-model.ts';
import { SME_ANSWERS, SME_PREVIOUS_ANSWERS } from './diagnosis-sample-answers.ts';

let model: IndicatorSystem;
let atlas: Atlas;
beforeAll(async () => {
  const m = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  const a = await loadAtlasPacks('packs/atlas');
  if (!m.ok || !a.ok) throw new Error('packs do not load');
  model = m.model;
  atlas = a.catalog.get('guide-2024')!;
});

const hostile = '<img src=x onerror=alert(1)>"&\'';
function input(extra: Partial<DiagnosisReportInput> = {}): DiagnosisReportInput {
  return {
    model,
    result: diagnose(model, SME_ANSWERS).result,
    organisation: { name: hostile },
    assessment: { title: `<b>${hostile}</b>`, mode: 'assessor' },
    atlas,
    evidence: [
      { itemId: '网络建设', fileName: '</td><script>x</script>.pdf', size: 10, uploadedAt: '2024-01-01' },
    ],
    lang: 'zh',
    ...extra,
  };
}

describe('diagnosisHtml', () => {
  it('escapes every text that comes from users: organisation, title, evidence file names', () => {
    const html = diagnosisHtml(buildDiagnosisReport(input()));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b><');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;.pdf');
  });

  it('has every section in order, the charts inline and no external resources', () => {
    const html = diagnosisHtml(
      buildDiagnosisReport(input({ previous: diagnose(model, SME_PREVIOUS_ANSWERS).result })),
    );
    const order = [
      '一、总体结论',
      '二、等级与门槛',
      '三、维度得分',
      '四、数字化经营场景',
      '五、差距与对应场景',
      '六、晋级路径',
      '七、与上次评估对比',
      '八、佐证材料索引',
      '九、方法说明',
    ];
    const at = order.map((h) => html.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('现场评估');
  });

  it('shows the English option texts of the pack in an English report', () => {
    const html = diagnosisHtml(buildDiagnosisReport(input({ lang: 'en' })));
    expect(html).toContain('A. None');
    expect(html).toContain('C. Decreased');
    expect(html).not.toContain('A. 无');
  });
});

describe('diagnosisHtml — answers and levels explained', () => {
  it("shows a multiple choice's option texts in the gap table and the enterprise's position in the level table", () => {
    const html = diagnosisHtml(buildDiagnosisReport(input()));
    expect(html).toContain('B. 车间建成工控网络，支持自动…；C. 建成应用系统网络，实现大规…');
    expect(html).toContain('新增：D. 建设/租用5G工业网络，满…');
    expect(html).toContain('<th style="width:28%">本企业</th>');
    expect(html).toContain('总分 39.475 ✗；13 个场景 ✓；约束性 9 个 ✓');
    const en = diagnosisHtml(buildDiagnosisReport(input({ lang: 'en' })));
    expect(en).toContain('B. Industrial control network…; C. Application system network…');
    expect(en).toContain('score 39.475 ✗; 13 scenes ✓; 9 constrained ✓');
  });
});

describe('diagnosisCharts', () => {
  it('draws the radar, one bar per scene, and the comparison only when there is a previous diagnosis', () => {
    const without = diagnosisCharts(buildDiagnosisReport(input()));
    expect(without.map((c) => c.id)).toEqual(['radar', 'detail']);
    for (const s of model.family === 'points' ? model.scenes : [])
      expect(without[1]!.svg).toContain(s.name.zh);
    const withPrev = diagnosisCharts(
      buildDiagnosisReport(input({ previous: diagnose(model, SME_PREVIOUS_ANSWERS).result, lang: 'en' })),
    );
    expect(withPrev.map((c) => c.id)).toEqual(['radar', 'detail', 'comparison']);
    expect(withPrev[2]!.svg).toContain('Previous');
    expect(withPrev[0]!.svg).toContain('Digital foundation');
  });
});
