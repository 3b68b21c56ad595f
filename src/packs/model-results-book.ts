import ExcelJS from 'exceljs';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { flatQuestions } from '../core/diagnosis/points-flat.ts';
import { changeKindText } from '../core/diagnosis/change-kind-text.ts';
import { optionLabels } from '../core/diagnosis/option-labels.ts';
import type { AnswerShown, Change, DiagnosisResult, Unreachable } from '../core/diagnosis/result.ts';
import { unreachableText } from '../core/diagnosis/unreachable-text.ts';
import { textIn, type LocalizedText, type ZhText } from '../core/shared/text.ts';
import type { SheetProblem } from './model-answers-read.ts';
import type { SheetLang } from './model-sheet-layout.ts';
import { addSheet, type SheetCell as Cell } from '../reports/workbook-sheet.ts';

export interface ScoredSheet {
  file: string;
  result: DiagnosisResult;
}

/** A percentage 0–100 as an Excel percentage (a 0–1 value shown as `35%`, `60.5%`, `33.33%`). */
export function percentCell(percent: number): { value: number; numFmt: string } {
  return { value: percent / 100, numFmt: Number.isInteger(percent) ? '0%' : '0.0#%' };
}

/** The ids of the model's ratio questions, whose answers are percentages (points family only). */
function ratioQuestionIds(model: IndicatorSystem): ReadonlySet<string> {
  if (model.family !== 'points') return new Set();
  return new Set(flatQuestions(model).flatMap((q) => (q.def.type === 'ratio' ? [q.def.id] : [])));
}

/** A sheet with a bold, frozen header row. */
/**
 * The workbook's own words per language. The Chinese sheet names and headers are those of every results workbook made
 * so far (Chinese with English); the English workbook is English only.
 */
const WORDS = {
  zh: {
    sheets: { results: '结果 Results', errors: '错误 Errors', gaps: '差距 Gaps', next: '下一级 Next level' },
    results: {
      file: '文件 File',
      model: '模型 Model',
      version: '版本 Version',
      score: '得分 Score',
      max: '满分 Max',
      percent: '百分比 %',
      level: '等级 Level',
      next: '下一级 Next level',
      changes: '需改进项数 Changes',
    },
    errors: {
      file: '文件 File',
      sheet: '工作表 Sheet',
      row: '行 Row',
      question: '题目 Question',
      message: '问题 Message',
    },
    gaps: {
      id: '编号 ID',
      name: '名称 Name',
      current: '当前 Current',
      best: '最佳 Best',
      lost: '失分 Lost',
      scenarios: '场景 Scenarios',
    },
    next: {
      id: '编号 ID',
      kind: '类型 Kind',
      name: '名称 Name',
      from: '从 From',
      to: '到 To',
      gain: '得分增加 Gain',
      scenarios: '场景 Scenarios',
    },
    noLevel: '未达级',
    atTop: '（已最高）',
    unreachable: '不可达',
    topReached: '已达最高等级',
    why: (w: Unreachable): string => unreachableText(w, 'zh'),
    kind: (k: Change['kind']): string => changeKindText(k, 'zh'),
  },
  en: {
    sheets: { results: 'Results', errors: 'Errors', gaps: 'Gaps', next: 'Next level' },
    results: {
      file: 'File',
      model: 'Model',
      version: 'Version',
      score: 'Score',
      max: 'Max',
      percent: '%',
      level: 'Level',
      next: 'Next level',
      changes: 'Changes',
    },
    errors: { file: 'File', sheet: 'Sheet', row: 'Row', question: 'Question', message: 'Message' },
    gaps: { id: 'ID', name: 'Name', current: 'Current', best: 'Best', lost: 'Lost', scenarios: 'Scenarios' },
    next: {
      id: 'ID',
      kind: 'Kind',
      name: 'Name',
      from: 'From',
      to: 'To',
      gain: 'Gain',
      scenarios: 'Scenarios',
    },
    noLevel: 'below level 1',
    atTop: '(top level)',
    unreachable: 'unreachable',
    topReached: 'The highest level is reached',
    why: (w: Unreachable): string => unreachableText(w, 'en'),
    kind: (k: Change['kind']): string => changeKindText(k, 'en'),
  },
} as const;

/**
 * Names of the model's levels, dimensions and items (questions and scenes, requirements, checklist items) by id, in
 * `lang`: a diagnosis result stores them in Chinese. The items are named as the engine names them (a requirement or a
 * checklist item by its text).
 */
export function indicatorSystemNames(model: IndicatorSystem, lang: SheetLang) {
  const levels = new Map<string, string>();
  const dimensions = new Map<string, string>();
  const items = new Map<string, string>();
  const put = (map: Map<string, string>, id: string, text: ZhText | LocalizedText) =>
    map.set(id, textIn(text, lang));
  if (model.family === 'points') {
    for (const l of model.levels) put(levels, l.id, l.name);
    for (const d of model.dimensions) {
      put(dimensions, d.id, d.name);
      for (const ind of d.indicators) for (const q of ind.questions) put(items, q.id, q.name);
    }
    for (const sc of model.scenes) put(items, sc.id, sc.name);
  } else if (model.family === 'staged') {
    for (const l of model.rules.levels) put(levels, l.id, l.name);
    for (const a of model.areas) {
      put(dimensions, a.id, a.name);
      for (const sd of a.subdomains) for (const r of sd.requirements) put(items, r.id, r.text);
    }
  } else
    for (const p of model.parts) {
      put(dimensions, p.id, p.name);
      for (const g of p.groups) for (const it of g.items) put(items, it.id, it.text);
    }
  const named = (map: Map<string, string>) => (x: { id: string; name: string }) => map.get(x.id) ?? x.name;
  return { level: named(levels), dimension: named(dimensions), item: named(items) };
}

/**
 * One results workbook: a row per scored answer sheet (score, percentage, level, dimension scores, next-level change
 * count) and an errors sheet naming the file, sheet, row and question of each bad input. With a single sheet, gaps and
 * the next-level to-do list get their own sheets. Percentages (the overall one, and the answers and targets of the
 * model's ratio questions) are Excel percentages, shown with a % sign. In `lang`: sheet names, headers, the
 * workbook's own words and the model's names of levels, dimensions and items, and the kind of each next-level change (Chinese also gives each header in
 * English, as it always has; an English workbook is English only, ids aside).
 */
export function resultsWorkbook(
  model: IndicatorSystem,
  scored: readonly ScoredSheet[],
  errors: readonly SheetProblem[],
  lang: SheetLang = 'zh',
): ExcelJS.Workbook {
  const w = WORDS[lang];
  const name = indicatorSystemNames(model, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu 图谱';
  const dims = scored[0]?.result.dimensions ?? [];
  const results = addSheet(wb, w.sheets.results, [
    { header: w.results.file, width: 30 },
    { header: w.results.model, width: 24 },
    { header: w.results.version, width: 10 },
    { header: w.results.score, width: 10 },
    { header: w.results.max, width: 10 },
    { header: w.results.percent, width: 10 },
    { header: w.results.level, width: 10 },
    ...dims.map((d) => ({ header: `${name.dimension(d)} (${d.max})`, width: 14 })),
    { header: w.results.next, width: 14 },
    { header: w.results.changes, width: 14 },
  ]);
  for (const { file, result: r } of scored) {
    const next = r.nextLevel;
    results.add([
      file,
      r.model.id,
      r.model.version,
      r.score,
      r.maxScore,
      percentCell(r.percent),
      r.level ? name.level(r.level) : w.noLevel,
      ...r.dimensions.map((d) => d.score),
      next === null ? w.atTop : next.reachable ? name.level(next.target) : w.unreachable,
      next?.reachable ? next.changeCount : null,
    ]);
  }
  const errorSheet = addSheet(wb, w.sheets.errors, [
    { header: w.errors.file, width: 30 },
    { header: w.errors.sheet, width: 16 },
    { header: w.errors.row, width: 8 },
    { header: w.errors.question, width: 16 },
    { header: w.errors.message, width: 80 },
  ]);
  for (const e of errors) errorSheet.add([e.file, e.sheet, e.row, e.question, e.message]);

  const only = scored.length === 1 ? scored[0]?.result : undefined;
  if (!only) return wb;
  const ratios = ratioQuestionIds(model);
  /**
   * An answer as shown: a choice question's options by letter and full text in `lang`, one a line (the labels the
   * web result page and the diagnosis report show, src/core/diagnosis/option-labels.ts); a ratio answer as a
   * percentage; grades and scene levels as they are.
   */
  const show = (itemId: string, v: AnswerShown, ratio: boolean): Cell => {
    if (typeof v === 'number' && ratio) return percentCell(v);
    const labels = optionLabels(model, itemId, v, lang);
    if (labels) return labels.map((o) => (o.text === o.id ? o.id : `${o.id}. ${o.text}`)).join('\n');
    return Array.isArray(v) ? v.join(',') : v === null ? '' : String(v);
  };
  /** answers of several lines wrap in their cells, read from the top */
  const wrap = (row: ExcelJS.Row, columns: number[]) => {
    for (const c of columns) row.getCell(c).alignment = { wrapText: true, vertical: 'top' };
  };
  const gaps = addSheet(wb, w.sheets.gaps, [
    { header: w.gaps.id, width: 16 },
    { header: w.gaps.name, width: 40 },
    { header: w.gaps.current, width: 40 },
    { header: w.gaps.best, width: 40 },
    { header: w.gaps.lost, width: 10 },
    { header: w.gaps.scenarios, width: 30 },
  ]);
  for (const g of only.gaps) {
    const ratio = ratios.has(g.itemId);
    const row = gaps.add([
      g.itemId,
      name.item({ id: g.itemId, name: g.name }),
      show(g.itemId, g.current, ratio),
      show(g.itemId, g.best, ratio),
      g.lostPoints,
      g.scenarios.join(', '),
    ]);
    wrap(row, [3, 4]);
  }
  const todo = addSheet(wb, w.sheets.next, [
    { header: w.next.id, width: 16 },
    { header: w.next.kind, width: 12 },
    { header: w.next.name, width: 30 },
    { header: w.next.from, width: 40 },
    { header: w.next.to, width: 40 },
    { header: w.next.gain, width: 12 },
    { header: w.next.scenarios, width: 30 },
  ]);
  const next = only.nextLevel;
  if (next?.reachable)
    for (const c of next.changes) {
      const ratio = c.kind === 'question' && ratios.has(c.itemId);
      const row = todo.add([
        c.itemId,
        w.kind(c.kind),
        name.item({ id: c.itemId, name: c.name }),
        show(c.itemId, c.from, ratio),
        show(c.itemId, c.to, ratio),
        c.gain,
        c.scenarios.join(', '),
      ]);
      wrap(row, [4, 5]);
    }
  // a result made before causes were stored has only the engine's English reason
  else todo.add([next === null ? w.topReached : next.why ? w.why(next.why) : next.reason]);
  return wb;
}
