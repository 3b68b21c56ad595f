/**
 * 企业总览 as an Excel workbook, for a pilot authority or a service provider reporting to its superiors: sheet 1 one
 * row per enterprise (its latest diagnosis and plan, and counts), sheet 2 the totals and the level distribution per
 * indicator system. Chinese or English throughout; dates are real Excel dates, scores and NPV real numbers.
 */
import ExcelJS from 'exceljs';
import type { Portfolio, PortfolioAssessment, PortfolioPlan } from '../contracts/portfolio.ts';
import { addedOptions } from '../core/diagnosis/option-labels.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { AnswerShown, DiagnosisResult } from '../core/diagnosis/result.ts';
import { indicatorSystemItems, indicatorSystemNames, type ReportItem } from './diagnosis-report-items.ts';
import { reportText } from './diagnosis-report-text.ts';
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
      provider: '服务商',
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
      withResults: '含诊断结果明细的企业',
      summaryOnly: (n: number) =>
        `另有 ${n} 家企业只导出摘要：明细仅对企业成员、管理该企业的服务商管理员，以及企业同意共享诊断结果的主管部门开放。`,
    },
    results: {
      dimensions: '维度得分',
      gaps: '差距',
      enterprise: '企业',
      model: '指标体系',
      assessment: '诊断',
      date: '提交日期',
      score: '总分',
      max: '满分',
      level: '等级',
      dimension: '维度',
      dimensionScore: '维度得分',
      dimensionMax: '维度满分',
      rate: '得分率',
      itemId: '编号',
      itemName: '题目 / 场景',
      current: '当前',
      best: '最佳',
      lost: '失分',
      none: '没有可导出明细的已提交诊断',
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
      provider: 'Provider',
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
      withResults: 'Enterprises with result details',
      summaryOnly: (n: number) =>
        `${n} more enterprise${n === 1 ? ' is' : 's are'} exported as summaries only: details are open to the enterprise's members, the administrators of the provider managing it, and an authority the enterprise shares its results with.`,
    },
    results: {
      dimensions: 'Dimension scores',
      gaps: 'Gaps',
      enterprise: 'Enterprise',
      model: 'Indicator system',
      assessment: 'Diagnosis',
      date: 'Submitted on',
      score: 'Score',
      max: 'Max',
      level: 'Level',
      dimension: 'Dimension',
      dimensionScore: 'Dimension score',
      dimensionMax: 'Dimension max',
      rate: 'Rate',
      itemId: 'ID',
      itemName: 'Question / scene',
      current: 'Current',
      best: 'Best',
      lost: 'Points lost',
      none: 'No submitted diagnosis whose details can be exported',
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

/** One enterprise's latest submitted result, for the results sheets (only those the reader may see in full). */
export interface PortfolioResult {
  enterprise: string;
  title: string;
  submittedAt: string | null;
  modelId: string;
  /** the indicator system, for its names in the workbook's language; undefined when not loaded here */
  model: IndicatorSystem | undefined;
  result: DiagnosisResult;
}

export interface PortfolioWorkbookInput {
  portfolio: Portfolio;
  /** the latest submitted results to detail, in the portfolio's order; none: the results sheets say so */
  results?: readonly PortfolioResult[];
  lang: PortfolioLang;
  levelNames: LevelNames;
  /** the name search the portfolio was loaded with ('' for none) */
  q: string;
  now: Date;
}

/** The portfolio as a workbook: "企业总览"/"Portfolio" with one row per enterprise, and "汇总"/"Summary". */
export function portfolioWorkbook(input: PortfolioWorkbookInput): ExcelJS.Workbook {
  const { portfolio, lang, levelNames, q, now, results = [] } = input;
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
    { header: c.provider, width: 30 },
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
      e.provider?.name ?? null,
    ]);
  }
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 14 } };
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
  summary.add([s.withResults, results.length]);
  const summaryOnly = portfolio.enterprises.filter((e) => !e.canReadResult).length;
  if (summaryOnly > 0) summary.add([s.summaryOnly(summaryOnly)]).font = { italic: true };
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
  resultSheets(wb, lang, results, levelNames, portfolio);
  return wb;
}

const PERCENT_FORMAT = '0.0%';

/**
 * 维度得分 / Dimension scores (one row per enterprise and dimension, with its total, level and rate) and 差距 / Gaps
 * (one row per item below its best, with the answers in words), for the results the reader may see in full.
 */
function resultSheets(
  wb: ExcelJS.Workbook,
  lang: PortfolioLang,
  results: readonly PortfolioResult[],
  levelNames: LevelNames,
  portfolio: Portfolio,
): void {
  const w = WORDS[lang].results;
  const t = reportText(lang);
  const titleOf = (modelId: string) =>
    portfolio.enterprises.find((e) => e.latestAssessment?.modelId === modelId)?.latestAssessment
      ?.modelTitle ?? null;
  const modelName = (r: PortfolioResult) =>
    r.model ? r.model.meta.title[lang] || r.model.meta.title.zh : (titleOf(r.modelId)?.[lang] ?? r.modelId);

  const dims = addSheet(wb, w.dimensions, [
    { header: w.enterprise, width: 34 },
    { header: w.model, width: 30 },
    { header: w.assessment, width: 26 },
    { header: w.date, width: 12 },
    { header: w.score, width: 9 },
    { header: w.max, width: 8 },
    { header: w.level, width: 16 },
    { header: w.dimension, width: 22 },
    { header: w.dimensionScore, width: 12 },
    { header: w.dimensionMax, width: 12 },
    { header: w.rate, width: 10 },
  ]);
  const gaps = addSheet(wb, w.gaps, [
    { header: w.enterprise, width: 34 },
    { header: w.model, width: 30 },
    { header: w.itemId, width: 14 },
    { header: w.itemName, width: 30 },
    { header: w.current, width: 36 },
    { header: w.best, width: 44 },
    { header: w.lost, width: 10 },
  ]);
  if (results.length === 0) {
    dims.add([w.none]);
    gaps.add([w.none]);
    return;
  }
  for (const r of results) {
    const names = r.model ? indicatorSystemNames(r.model, lang) : new Map<string, string>();
    const items = r.model ? indicatorSystemItems(r.model, lang) : new Map<string, ReportItem>();
    const res = r.result;
    const level = res.level
      ? (levelNames(r.modelId, res.level.id)?.[lang] ?? res.level.name)
      : WORDS[lang].noLevel;
    const date = r.submittedAt ? { value: excelDate(r.submittedAt), numFmt: DATE_FORMAT } : null;
    for (const d of res.dimensions) {
      dims.add([
        r.enterprise,
        modelName(r),
        r.title,
        date,
        { value: res.score, numFmt: SCORE_FORMAT },
        res.maxScore,
        res.family === 'checklist' ? null : level,
        names.get(d.id) ?? d.name,
        { value: d.score, numFmt: SCORE_FORMAT },
        d.max,
        d.max > 0 ? { value: d.score / d.max, numFmt: PERCENT_FORMAT } : null,
      ]);
    }
    for (const g of res.gaps) {
      const item = items.get(g.itemId);
      const show = (v: AnswerShown): string =>
        item ? item.brief(v) : v === null ? t.noAnswer : Array.isArray(v) ? v.join(', ') : String(v);
      const added = addedOptions(g.current, g.best);
      gaps.add([
        r.enterprise,
        modelName(r),
        g.itemId,
        item?.name ?? g.name,
        show(g.current),
        added !== null && added.length > 0 && (g.current as string[]).length > 0
          ? `${t.added}${t.colon}${show(added)}`
          : show(g.best),
        { value: g.lostPoints, numFmt: SCORE_FORMAT },
      ]);
    }
  }
  dims.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  gaps.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
}
