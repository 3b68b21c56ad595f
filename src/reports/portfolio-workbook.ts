/**
 * 企业总览 as an Excel workbook, for a pilot authority or a service provider reporting to its superiors: sheet 1 one
 * row per enterprise (its latest diagnosis and plan, and counts), sheet 2 the totals and the level distribution per
 * indicator system. Chinese or English throughout; dates are real Excel dates, scores and NPV real numbers.
 */
import ExcelJS from 'exceljs';
import type { Portfolio, PortfolioAssessment, PortfolioPlan } from '../contracts/portfolio.ts';
import { addSheet } from './workbook-sheet.ts';

export type PortfolioLang = 'zh' | 'en';

/** A level of an indicator system named in both languages, looked up by model id and level id; undefined when unknown. */
export type LevelNames = (modelId: string, levelId: string) => { zh: string; en: string } | undefined;

const WORDS = {
  zh: {
    sheets: { enterprises: '企业总览', summary: '汇总' },
    columns: {
      name: '企业',
      region: '行政区划代码',
      model: '最近一次诊断 · 指标体系',
      status: '诊断状态',
      level: '等级',
      score: '得分',
      max: '满分',
      date: '诊断日期',
      assessments: '诊断次数',
      plan: '最近一次规划',
      planStatus: '规划求解状态',
      npv: '净现值（万元）',
      plans: '规划数',
    },
    assessment: { draft: '草稿', submitted: '已提交' } satisfies Record<
      PortfolioAssessment['status'],
      string
    >,
    plan: {
      optimal: '最优',
      feasible: '可行（未证最优）',
      infeasible: '无可行方案',
      unknown: '未知',
    } satisfies Record<NonNullable<PortfolioPlan['status']>, string>,
    notSolved: '未求解',
    noLevel: '未达一级',
    truncated: (shown: number, matching: number) =>
      `注：按名称排序仅导出前 ${shown} 家（共 ${matching} 家符合），请按名称搜索以缩小范围。`,
    summary: {
      title: '企业总览 汇总',
      exportedOn: '导出日期',
      search: '名称搜索',
      enterprises: '企业总数',
      diagnosed: '已提交诊断的企业',
      planned: '已有规划的企业',
      matching: '符合搜索的企业',
      exported: '本表导出的企业',
      distribution: '等级分布（各企业最近一次提交的诊断）',
      model: '指标体系',
      level: '等级',
      count: '企业数',
      none: '尚无已提交的诊断',
      item: '项目',
      value: '数值',
    },
  },
  en: {
    sheets: { enterprises: 'Portfolio', summary: 'Summary' },
    columns: {
      name: 'Enterprise',
      region: 'Region code',
      model: 'Latest diagnosis · indicator system',
      status: 'Diagnosis status',
      level: 'Level',
      score: 'Score',
      max: 'Max',
      date: 'Diagnosed on',
      assessments: 'Diagnoses',
      plan: 'Latest plan',
      planStatus: 'Plan status',
      npv: 'NPV (10k CNY)',
      plans: 'Plans',
    },
    assessment: { draft: 'draft', submitted: 'submitted' },
    plan: {
      optimal: 'optimal',
      feasible: 'feasible (not proven optimal)',
      infeasible: 'infeasible',
      unknown: 'unknown',
    },
    notSolved: 'not solved',
    noLevel: 'below level 1',
    truncated: (shown: number, matching: number) =>
      `Note: only the first ${shown} by name of ${matching} matching enterprises are exported; search by name to narrow the list.`,
    summary: {
      title: 'Enterprise portfolio summary',
      exportedOn: 'Exported on',
      search: 'Name search',
      enterprises: 'Enterprises',
      diagnosed: 'With a submitted diagnosis',
      planned: 'With a plan',
      matching: 'Matching the search',
      exported: 'Exported in this workbook',
      distribution: "Levels (each enterprise's latest submitted diagnosis)",
      model: 'Indicator system',
      level: 'Level',
      count: 'Enterprises',
      none: 'No submitted diagnosis yet',
      item: 'Item',
      value: 'Value',
    },
  },
} satisfies Record<PortfolioLang, unknown>;

const DATE_FORMAT = 'yyyy-mm-dd';
const SCORE_FORMAT = '0.##';
const NPV_FORMAT = '#,##0.0';

/** Midnight UTC of the ISO time's calendar day (UTC), which Excel shows as that day whatever the reader's zone. */
const excelDate = (iso: string): Date => {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

/** `tupu-portfolio-YYYYMMDD.xlsx` for the day of `now` (UTC). */
export function portfolioFileName(now: Date): string {
  return `tupu-portfolio-${now.toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`;
}

export interface PortfolioWorkbookInput {
  portfolio: Portfolio;
  lang: PortfolioLang;
  levelNames: LevelNames;
  /** the name search the portfolio was loaded with ('' for none) */
  q: string;
  now: Date;
}

/** The portfolio as a workbook: "企业总览"/"Portfolio" with one row per enterprise, and "汇总"/"Summary". */
export function portfolioWorkbook(input: PortfolioWorkbookInput): ExcelJS.Workbook {
  const { portfolio, lang, levelNames, q, now } = input;
  const w = WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu';
  wb.created = now;

  const levelName = (modelId: string, level: { id: string; name: string } | null): string =>
    level ? (levelNames(modelId, level.id)?.[lang] ?? level.name) : w.noLevel;

  const c = w.columns;
  const sheet = addSheet(wb, w.sheets.enterprises, [
    { header: c.name, width: 34 },
    { header: c.region, width: 12 },
    { header: c.model, width: 36 },
    { header: c.status, width: 11 },
    { header: c.level, width: 18 },
    { header: c.score, width: 9 },
    { header: c.max, width: 8 },
    { header: c.date, width: 12 },
    { header: c.assessments, width: 10 },
    { header: c.plan, width: 32 },
    { header: c.planStatus, width: 16 },
    { header: c.npv, width: 14 },
    { header: c.plans, width: 8 },
  ]);
  for (const e of portfolio.enterprises) {
    const a = e.latestAssessment;
    const p = e.latestPlan;
    sheet.add([
      e.name,
      e.regionCode,
      a ? (a.modelTitle?.[lang] ?? a.modelId) : null,
      a ? w.assessment[a.status] : null,
      a?.status === 'submitted' ? levelName(a.modelId, a.level) : null,
      a?.score != null ? { value: a.score, numFmt: SCORE_FORMAT } : null,
      a?.maxScore ?? null,
      a ? { value: excelDate(a.updatedAt), numFmt: DATE_FORMAT } : null,
      e.assessmentCount,
      p?.title ?? null,
      p ? (p.status ? w.plan[p.status] : w.notSolved) : null,
      p?.objective != null ? { value: p.objective, numFmt: NPV_FORMAT } : null,
      e.planCount,
    ]);
  }
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 13 } };
  if (portfolio.truncated) {
    sheet.add([]);
    const note = sheet.add([w.truncated(portfolio.enterprises.length, portfolio.matching)]);
    note.font = { italic: true, color: { argb: 'FFB45309' } };
  }

  const s = w.summary;
  const summary = addSheet(wb, w.sheets.summary, [
    { header: s.item, width: 40 },
    { header: s.value, width: 24 },
    { width: 10 },
  ]);
  const t = portfolio.totals;
  summary.add([s.exportedOn, { value: excelDate(now.toISOString()), numFmt: DATE_FORMAT }]);
  if (q) summary.add([s.search, q]);
  summary.add([s.enterprises, t.enterprises]);
  summary.add([s.diagnosed, t.diagnosed]);
  summary.add([s.planned, t.planned]);
  if (q) summary.add([s.matching, portfolio.matching]);
  summary.add([s.exported, portfolio.enterprises.length]);
  if (portfolio.truncated) {
    summary.add([w.truncated(portfolio.enterprises.length, portfolio.matching)]).font = { italic: true };
  }
  summary.add([]);
  summary.add([s.distribution]).font = { bold: true };
  summary.add([s.model, s.level, s.count]).font = { bold: true };
  if (t.levelsByModel.length === 0) summary.add([s.none]);
  for (const m of t.levelsByModel) {
    const title = m.modelTitle?.[lang] ?? m.modelId;
    for (const l of m.levels) summary.add([title, levelName(m.modelId, l.level), l.enterprises]);
  }
  return wb;
}
