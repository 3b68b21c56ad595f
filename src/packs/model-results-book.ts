import ExcelJS from 'exceljs';
import type { AnswerShown, DiagnosisResult } from '../core/diagnosis/result.ts';
import type { SheetProblem } from './model-answers-read.ts';

export interface ScoredSheet {
  file: string;
  result: DiagnosisResult;
}

/**
 * One results workbook: a row per scored answer sheet (score, level, dimension scores, next-level change count) and an
 * errors sheet naming the file, sheet, row and question of each bad input. With a single sheet, gaps and the
 * next-level to-do list get their own sheets.
 */
export function resultsWorkbook(
  scored: readonly ScoredSheet[],
  errors: readonly SheetProblem[],
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu 图谱';
  const ws = wb.addWorksheet('结果 Results');
  const dims = scored[0]?.result.dimensions ?? [];
  ws.columns = [
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
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const { file, result: r } of scored) {
    const next = r.nextLevel;
    ws.addRow([
      file,
      r.model.id,
      r.model.version,
      r.score,
      r.maxScore,
      r.percent,
      r.level?.name ?? '未达级',
      ...r.dimensions.map((d) => d.score),
      next === null ? '（已最高）' : next.reachable ? next.target.name : '不可达',
      next?.reachable ? next.changeCount : null,
    ]);
  }
  const es = wb.addWorksheet('错误 Errors');
  es.columns = [
    { header: '文件 File', width: 30 },
    { header: '工作表 Sheet', width: 16 },
    { header: '行 Row', width: 8 },
    { header: '题目 Question', width: 16 },
    { header: '问题 Message', width: 80 },
  ];
  es.getRow(1).font = { bold: true };
  for (const e of errors) es.addRow([e.file, e.sheet, e.row, e.question, e.message]);

  const only = scored.length === 1 ? scored[0]?.result : undefined;
  if (only) {
    const gs = wb.addWorksheet('差距 Gaps');
    gs.columns = [
      { header: '编号 ID', width: 16 },
      { header: '名称 Name', width: 40 },
      { header: '当前 Current', width: 16 },
      { header: '最佳 Best', width: 16 },
      { header: '失分 Lost', width: 10 },
      { header: '场景 Scenarios', width: 30 },
    ];
    gs.getRow(1).font = { bold: true };
    const show = (v: AnswerShown) => (Array.isArray(v) ? v.join(',') : v === null ? '' : String(v));
    for (const g of only.gaps)
      gs.addRow([g.itemId, g.name, show(g.current), show(g.best), g.lostPoints, g.scenarios.join(', ')]);
    const ns = wb.addWorksheet('下一级 Next level');
    ns.columns = [
      { header: '编号 ID', width: 16 },
      { header: '类型 Kind', width: 12 },
      { header: '名称 Name', width: 30 },
      { header: '从 From', width: 16 },
      { header: '到 To', width: 16 },
      { header: '得分增加 Gain', width: 12 },
      { header: '场景 Scenarios', width: 30 },
    ];
    ns.getRow(1).font = { bold: true };
    const next = only.nextLevel;
    if (next?.reachable)
      for (const c of next.changes)
        ns.addRow([c.itemId, c.kind, c.name, show(c.from), show(c.to), c.gain, c.scenarios.join(', ')]);
    else ns.addRow([next === null ? '已达最高等级' : next.reason]);
  }
  return wb;
}
