import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/core/atlas/types.ts';
import type { PlanInstance } from '../../src/core/planning/plan-instance.ts';
import type { PlanResult } from '../../src/core/planning/plan-result.ts';
import { parsePlanInstance } from '../../src/core/planning/validate-instance.ts';
import { loadAtlasPacks } from '../../src/packs/atlas-load.ts';
import { renderPlanDocument } from '../../src/reports/plan-document-file.ts';
import type { PlanDocumentInput } from '../../src/reports/plan-document-types.ts';
import { solvePlan } from '../../src/solver/solve-plan.ts';
import { closeSolverThread } from '../../src/solver/solver-thread.ts';
import { runTupu, runTupuOk } from '../support/cli.ts';
import { usePdfPrinter } from '../support/pdf-printer.ts';
import { useTempDir } from '../support/temp-dir.ts';

const SECTION_TITLES = [
  '目标愿景',
  '分类推进策略',
  '任务框架',
  '系统架构',
  '技术路线',
  '标准体系',
  '实施任务',
  '投入预算',
  '保障条件',
  '风险评估',
];
const HOSTILE_ORG = '<script>alert(1)</script>机械有限公司';

/** The text of a .docx: word/document.xml without tags, entities decoded. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return xml
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

const pdfText = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
/** pdftotext breaks table cells over lines; compare without whitespace. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('plan document (转型规划方案) as DOCX and PDF, read back', () => {
  const dir = useTempDir('tupu-plan-doc-');
  const printer = usePdfPrinter();
  let instance: PlanInstance;
  let solution: PlanResult;
  let atlas: Atlas;
  let input: PlanDocumentInput;

  beforeAll(async () => {
    const parsed = parsePlanInstance(
      JSON.parse(readFileSync('examples/plan/sme-12.json', 'utf8')) as unknown,
    );
    if (!parsed.ok) throw new Error('sme-12 does not parse');
    instance = parsed.instance;
    const catalog = await loadAtlasPacks('packs/atlas');
    if (!catalog.ok) throw new Error('atlas packs do not load');
    const guide = catalog.catalog.get('guide-2024');
    if (guide === undefined) throw new Error('guide-2024 missing');
    atlas = guide;
    solution = await solvePlan(instance, { timeLimitSeconds: 10 });
    input = {
      organisation: { name: HOSTILE_ORG },
      profile: { industry: '通用设备制造', processType: 'discrete', enterpriseType: 'specialized-sme' },
      settings: { ...instance, start: { year: 2027, quarter: 1 } },
      initiatives: instance.initiatives,
      solution,
      risks: [
        {
          id: 'R1',
          title: '数据质量不足',
          initiativeId: 'PM-04',
          likelihood: 3,
          impact: 4,
          mitigation: '数据治理',
        },
      ],
      atlas,
      lang: 'zh',
      generatedAt: new Date(),
    };
  }, 120_000);

  afterAll(() => closeSolverThread());

  const scheduledNames = (): { project: string; scenario: string; code: string } => {
    const withScenario = solution.schedule
      .map(({ id }) => instance.initiatives.find((i) => i.id === id))
      .find((i) => i?.scenario !== undefined);
    const scenario = atlas.scenarios.find((s) => s.code === withScenario?.scenario);
    return {
      project: withScenario?.name ?? '?',
      scenario: scenario?.name.zh ?? '?',
      code: scenario?.code ?? '?',
    };
  };

  it('PDF: section titles, a project, a scenario name and the organisation (as text) read back', async () => {
    expect(['optimal', 'feasible']).toContain(solution.status);
    const file = join(dir, 'plan.pdf');
    const bytes = await renderPlanDocument(input, 'pdf', printer);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(file, bytes);
    const text = squeeze(pdfText(file));
    expect(text).toContain('数字化转型规划方案');
    for (const title of SECTION_TITLES) expect(text).toContain(title);
    const { project, scenario, code } = scheduledNames();
    expect(text).toContain(squeeze(project));
    expect(text).toContain(squeeze(`${code}${scenario}`));
    expect(text).toContain('GB/T36073-2018');
    expect(text).toContain(squeeze(HOSTILE_ORG));
  });

  it('DOCX: section titles, a project, a scenario name, charts and the organisation read back', async () => {
    const file = join(dir, 'plan.docx');
    writeFileSync(file, await renderPlanDocument(input, 'docx', printer));
    const text = docxText(file);
    expect(text).toContain('数字化转型规划方案');
    for (const title of SECTION_TITLES) expect(text).toContain(title);
    const { project, scenario, code } = scheduledNames();
    expect(text).toContain(project);
    expect(text).toContain(`${code} ${scenario}`);
    expect(text).toContain(HOSTILE_ORG);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing.match(/word\/media\/\S+\.png/g)?.length).toBe(2);
    const styles = execFileSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' });
    expect(styles).toContain('w:eastAsia="宋体"');
  });

  it('CLI: `tupu plan report` with a saved solution writes the DOCX and prints its path; bad input exits 1', () => {
    const solutionFile = join(dir, 'solution.json');
    writeFileSync(solutionFile, JSON.stringify(solution));
    const out = join(dir, 'cli.docx');
    const printed = runTupuOk([
      ...['plan', 'report', '--input', 'examples/plan/sme-12.json', '--solution', solutionFile],
      ...['--out', out, '--org', '示例机械'],
    ]);
    expect(printed.trim()).toBe(out);
    expect(docxText(out)).toContain('示例机械');

    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        periods: 4,
        budget: 100,
        profile: { enterpriseType: 'giant' },
        initiatives: [{ id: 'A', scenario: 'GEN-XX-99', cost: 10, duration: 1, annualBenefit: 5 }],
      }),
    );
    const { status, stderr } = runTupu(['plan-report', '--input', bad, '--out', join(dir, 'bad.docx')]);
    expect(status).toBe(1);
    expect(stderr).toContain('GEN-XX-99');
    expect(stderr).toContain('giant');
  }, 120_000);
});
