import ExcelJS from 'exceljs';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { flatQuestions } from '../core/diagnosis/points-flat.ts';
import type { AnswerShown, DiagnosisResult } from '../core/diagnosis/result.ts';
import type { SheetProblem } from './model-answers-read.ts';

export interface ScoredSheet {
  file: string;
  result: DiagnosisResult;
}

/** A cell value, with the Excel number format it is shown in when it is not plain. */
type Cell = ExcelJS.CellValue | { value: number; numFmt: string };

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
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly { header: string; width: number }[],
): { add(cells: readonly Cell[]): void } {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  return {
    add(cells) {
      const row = ws.addRow(cells.map((c) => (isFormatted(c) ? c.value : c)));
      cells.forEach((c, i) => {
        if (isFormatted(c)) row.getCell(i + 1).numFmt = c.numFmt;
      });
    },
  };
}

const isFormatted = (c: Cell): c is { value: number; numFmt: string } =>
  typeof c === 'object' && c !== null && 'numFmt' in c;

/**
 * One results workbook: a row per scored answer sheet (score, percentage, level, dimension scores, next-level change
 * count) and an errors sheet naming the file, sheet, row and question of each bad input. With a single sheet, gaps and
 * the next-level to-do list get their own sheets. Percentages (the overall one, and the answers and targets of the
 * model's ratio questions) are Excel percentages, shown with a % sign.
 */
export function resultsWorkbook(
  model: IndicatorSystem,
  scored: readonly ScoredSheet[],
  errors: readonly SheetProblem[],
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu 图谱';
  const dims = scored[0]?.result.dimensions ?? [];
  const results = addSheet(wb, '结果 Results', [
    { header: '文件 File', width: 30 },
    { header: '模型 Model', width: 24 },
    { header: '版本 Version', width: 10 },
    { header: '得分 Score', width: 10 },
    { header: '满分 Max', width: 10 },
    { header: '百分比 %', width: 10 },
    { header: '等级 Level', width: 10 },
    ...dims.map((d) => ({ header: `${d.name} (${d.max})`, width: 14 })),
    { header: '下一级 Next level', width: 14 },
    { header: '需改进项数 Changes', width: 14 },
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
      r.level?.name ?? '未达级',
      ...r.dimensions.map((d) => d.score),
      next === null ? '（已最高）' : next.reachable ? next.target.name : '不可达',
      next?.reachable ? next.changeCount : null,
    ]);
  }
  const errorSheet = addSheet(wb, '错误 Errors', [
    { header: '文件 File', width: 30 },
    { header: '工作表 Sheet', width: 16 },
    { header: '行 Row', width: 8 },
    { header: '题目 Question', width: 16 },
    { header: '问题 Message', width: 80 },
  ]);
  for (const e of errors) errorSheet.add([e.file, e.sheet, e.row, e.question, e.message]);

  const only = scored.length === 1 ? scored[0]?.result : undefined;
  if (!only) return wb;
  const ratios = ratioQuestionIds(model);
  /** An answer as shown: option letters, grades and scene levels as text, a ratio answer as a percentage. */
  const show = (v: AnswerShown, ratio: boolean): Cell => {
    if (typeof v === 'number' && ratio) return percentCell(v);
    return Array.isArray(v) ? v.join(',') : v === null ? '' : String(v);
  };
  const gaps = addSheet(wb, '差距 Gaps', [
    { header: '编号 ID', width: 16 },
    { header: '名称 Name', width: 40 },
    { header: '当前 Current', width: 16 },
    { header: '最佳 Best', width: 16 },
    { header: '失分 Lost', width: 10 },
    { header: '场景 Scenarios', width: 30 },
  ]);
  for (const g of only.gaps) {
    const ratio = ratios.has(g.itemId);
    gaps.add([
      g.itemId,
      g.name,
      show(g.current, ratio),
      show(g.best, ratio),
      g.lostPoints,
      g.scenarios.join(', '),
    ]);
  }
  const todo = addSheet(wb, '下一级 Next level', [
    { header: '编号 ID', width: 16 },
    { header: '类型 Kind', width: 12 },
    { header: '名称 Name', width: 30 },
    { header: '从 From', width: 16 },
    { header: '到 To', width: 16 },
    { header: '得分增加 Gain', width: 12 },
    { header: '场景 Scenarios', width: 30 },
  ]);
  const next = only.nextLevel;
  if (next?.reachable)
    for (const c of next.changes) {
      const ratio = c.kind === 'question' && ratios.has(c.itemId);
      todo.add([
        c.itemId,
        c.kind,
        c.name,
        show(c.from, ratio),
        show(c.to, ratio),
        c.gain,
        c.scenarios.join(', '),
      ]);
    }
  else todo.add([next === null ? '已达最高等级' : next.reason]);
  return wb;
}
