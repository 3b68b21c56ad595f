import ExcelJS from 'exceljs';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { ANSWER_COL, answerRows, SETTING_ROWS, SHEET } from './model-sheet-layout.ts';

/**
 * A blank answer workbook for a model: instructions, one answer row per question with a dropdown (or numeric bounds),
 * scenes with 0–max dropdowns, and a hidden sheet carrying the model id and version so a filled sheet can be checked.
 */
export function answerTemplate(model: IndicatorSystem): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu 图谱';
  const info = wb.addWorksheet(SHEET.instructions);
  info.getColumn(1).width = 110;
  const lines = [
    `${model.meta.title.zh}（${model.meta.id} v${model.meta.version}）`,
    model.meta.title.en,
    '',
    `请在「${SHEET.answers}」表的“答案”列填写每一题（下拉选择，或按提示填写）。`,
    model.family === 'points' ? `多选题填写字母并用逗号分隔，如 B,C；比率题填写 0–100 的百分数。` : '',
    model.family === 'points' && model.scenes.length > 0
      ? `在「${SHEET.scenes}」表为每个场景选择等级 0–${model.sceneMax}（0 = 尚未开展）。`
      : '',
    model.family === 'staged' ? `在「${SHEET.settings}」表选择权重表，并列出不适用（裁剪）的能力子域。` : '',
    '完成后运行：tupu score --model ' + model.meta.id + ' --answers <本文件>.xlsx',
    '请勿修改编号列和隐藏的元数据表。',
  ];
  lines.filter((l, i) => l !== '' || i === 2).forEach((l) => info.addRow([l]));

  const ws = wb.addWorksheet(SHEET.answers);
  ws.columns = [
    { header: '编号 ID', width: 16 },
    { header: '分组 Group', width: 26 },
    { header: '名称 Name', width: 16 },
    { header: '题目 Question', width: 60 },
    { header: '选项 Options', width: 60 },
    { header: '答案 Answer', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of answerRows(model)) {
    const row = ws.addRow([r.id, r.group, r.name, r.prompt, r.options, null]);
    row.alignment = { wrapText: true, vertical: 'top' };
    const cell = row.getCell(ANSWER_COL);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if ('list' in r.allowed)
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${r.allowed.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '无效答案',
        error: `可选：${r.allowed.list.join(', ')}`,
      };
    else if ('min' in r.allowed)
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [r.allowed.min, r.allowed.max],
        showErrorMessage: true,
        errorTitle: '无效数值',
        error: `请填写 ${r.allowed.min}–${r.allowed.max} 之间的数`,
      };
    else
      cell.dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [r.allowed.free.length * 2],
        showInputMessage: true,
        promptTitle: '多选',
        prompt: `字母用逗号分隔：${r.allowed.free}`,
      };
  }

  if (model.family === 'points' && model.scenes.length > 0) {
    const sc = wb.addWorksheet(SHEET.scenes);
    const levelCol = 4 + model.sceneMax;
    sc.columns = [
      { header: '场景 Scene', width: 14 },
      { header: '分组 Group', width: 20 },
      { header: '约束性 Constrained', width: 12 },
      ...Array.from({ length: model.sceneMax }, (_, i) => ({ header: `${i + 1} 级`, width: 36 })),
      { header: '等级 Level', width: 10 },
    ];
    sc.getRow(1).font = { bold: true };
    for (const s of model.scenes) {
      const row = sc.addRow([s.id, s.group, s.constrained ? '是' : '否', ...s.levels.map((d) => d.zh), null]);
      row.alignment = { wrapText: true, vertical: 'top' };
      const cell = row.getCell(levelCol);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${Array.from({ length: model.sceneMax + 1 }, (_, i) => i).join(',')}"`],
        showErrorMessage: true,
        error: `0–${model.sceneMax}`,
      };
    }
  }

  if (model.family === 'staged') {
    const st = wb.addWorksheet(SHEET.settings);
    st.columns = [
      { header: '设置 Setting', width: 30 },
      { header: '值 Value', width: 40 },
      { header: '说明 Note', width: 70 },
    ];
    const tables = model.rules.weightTables;
    st.getRow(SETTING_ROWS.weightTable).values = [
      '权重表 weightTable',
      tables[0]?.id ?? '',
      tables.map((t) => `${t.id} = ${t.name.zh}`).join('；') || '（本模型不使用权重表）',
    ];
    if (tables.length > 0)
      st.getCell(SETTING_ROWS.weightTable, 2).dataValidation = {
        type: 'list',
        allowBlank: false,
        formulae: [`"${tables.map((t) => t.id).join(',')}"`],
      };
    const tailorable = model.areas.flatMap((a) => a.subdomains.filter((s) => s.tailorable).map((s) => s.id));
    st.getRow(SETTING_ROWS.notApplicable).values = [
      '不适用的能力子域 notApplicable',
      '',
      `逗号分隔；可裁剪：${tailorable.join('、') || '无'}`,
    ];
  }

  const meta = wb.addWorksheet(SHEET.meta, { state: 'veryHidden' });
  meta.addRow(['model', model.meta.id]);
  meta.addRow(['version', model.meta.version]);
  meta.addRow(['family', model.family]);
  return wb;
}
