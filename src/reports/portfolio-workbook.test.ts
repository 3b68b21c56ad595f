import { describe, expect, it } from 'vitest';
import type { Portfolio, PortfolioEnterprise } from '../contracts/portfolio.ts';
import { portfolioFileName, portfolioWorkbook } from './portfolio-workbook.ts';

const enterprise = (name: string): PortfolioEnterprise => ({
  id: name,
  name,
  regionCode: '990100',
  latestAssessment: {
    id: `${name}-a`,
    title: 'diagnosis',
    modelId: 'm',
    modelTitle: { zh: '指标体系', en: 'Index' },
    status: 'submitted',
    score: 61.5,
    maxScore: 100,
    level: { id: 'L3', name: '三级' },
    updatedAt: '2026-03-04T23:30:00.000Z',
  },
  assessmentCount: 2,
  latestPlan: {
    id: `${name}-p`,
    title: 'plan',
    status: 'feasible',
    objective: 1234.56,
    updatedAt: '2026-03-05',
  },
  planCount: 1,
  myRole: null,
  canStartAssessment: false,
  canReadResult: false,
  provider: null,
  sharedWithYou: false,
  latestResult: null,
});

const portfolio = (truncated: boolean): Portfolio => ({
  totals: {
    enterprises: 5,
    diagnosed: 2,
    planned: 2,
    levelsByModel: [
      {
        modelId: 'm',
        modelTitle: { zh: '指标体系', en: 'Index' },
        levels: [
          { level: null, enterprises: 1 },
          { level: { id: 'L3', name: '三级' }, enterprises: 1 },
        ],
      },
    ],
  },
  enterprises: [enterprise('甲'), enterprise('乙')],
  matching: truncated ? 5 : 2,
  truncated,
  limit: 2,
});

const levelNames = (modelId: string, levelId: string) =>
  modelId === 'm' && levelId === 'L3' ? { zh: '三级', en: 'Level 3' } : undefined;
const now = new Date('2026-11-25T10:00:00Z');
const values = (row: { values: unknown }) => (row.values as unknown[]).slice(1);

describe('portfolioWorkbook', () => {
  it('names the file by the UTC day', () => {
    expect(portfolioFileName(now)).toBe('tupu-portfolio-20261125.xlsx');
  });

  it('writes one row per enterprise with the level in the language, the UTC day as a date and numbers as numbers', () => {
    const ws = portfolioWorkbook({ portfolio: portfolio(false), lang: 'en', levelNames, q: '', now })
      .worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(values(ws.getRow(2))).toEqual([
      '甲',
      '990100',
      'Index',
      'submitted',
      'Level 3',
      61.5,
      100,
      new Date('2026-03-04T00:00:00Z'),
      2,
      'plan',
      'feasible (not proven optimal)',
      1234.56,
      1,
    ]);
    expect(ws.getCell('L2').numFmt).toBe('#,##0.0');
  });

  it('says in a note row below the enterprises, and in the summary, when the list was cut', () => {
    const wb = portfolioWorkbook({ portfolio: portfolio(true), lang: 'zh', levelNames, q: '', now });
    const [sheet, summary] = wb.worksheets;
    expect(sheet!.rowCount).toBe(5);
    expect(sheet!.getCell('A5').value).toBe(
      '注：按名称排序仅导出前 2 家（共 5 家符合），请按名称搜索以缩小范围。',
    );
    const summaryRows: unknown[][] = [];
    summary!.eachRow((row) => summaryRows.push(values(row)));
    expect(summaryRows).toContainEqual([sheet!.getCell('A5').value]);
    expect(summaryRows).toContainEqual(['指标体系', '未达一级', 1]);
    expect(summaryRows).toContainEqual(['指标体系', '三级', 1]);
  });

  it('leaves out the note when every matching enterprise is listed', () => {
    const ws = portfolioWorkbook({ portfolio: portfolio(false), lang: 'zh', levelNames, q: '', now })
      .worksheets[0]!;
    expect(ws.rowCount).toBe(3);
  });
});
