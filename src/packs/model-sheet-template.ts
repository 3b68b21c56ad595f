import ExcelJS from 'exceljs';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { textIn } from '../core/shared/text.ts';
import {
  ANSWER_COL,
  answerRows,
  SETTING_ROWS,
  SHEET,
  SHEET_NAMES,
  type SheetLang,
} from './model-sheet-layout.ts';

/** Everything the template writes itself, per language. */
const WORDS = {
  zh: {
    title: (title: string, id: string) => `${title}（${id}）`,
    fill: (answers: string) => `请在「${answers}」表的“答案”列填写每一题（下拉选择，或按提示填写）。`,
    points: '多选题填写字母并用逗号分隔，如 B,C；比率题填写 0–100 的百分数。',
    scenes: (sheet: string, max: number) => `在「${sheet}」表为每个场景选择等级 0–${max}（0 = 尚未开展）。`,
    settings: (sheet: string) => `在「${sheet}」表选择权重表，并列出不适用（裁剪）的能力子域。`,
    score: (id: string) =>
      `完成后，在图谱网页上打开这份诊断，点“导入答卷”上传本文件；或在命令行运行：tupu score --model ${id} --answers <本文件>.xlsx`,
    keep: '请勿修改编号列和隐藏的元数据表。',
    answerHeaders: ['编号 ID', '分组 Group', '名称 Name', '题目 Question', '选项 Options', '答案 Answer'],
    invalidAnswer: '无效答案',
    allowed: (xs: string[]) => `可选：${xs.join(', ')}`,
    invalidNumber: '无效数值',
    between: (min: number, max: number) => `请填写 ${min}–${max} 之间的数`,
    multiTitle: '多选',
    multiPrompt: (letters: string) => `字母用逗号分隔：${letters}`,
    sceneHeaders: {
      id: '场景 Scene',
      group: '分组 Group',
      constrained: '约束性 Constrained',
      level: '等级 Level',
    },
    sceneLevel: (n: number) => `${n} 级`,
    yes: '是',
    no: '否',
    settingHeaders: ['设置 Setting', '值 Value', '说明 Note'],
    weightTable: '权重表 weightTable',
    noWeightTables: '（本模型不使用权重表）',
    listSep: '；',
    notApplicable: '不适用的能力子域 notApplicable',
    tailorable: (ids: string) => `逗号分隔；可裁剪：${ids || '无'}`,
    idSep: '、',
  },
  en: {
    title: (title: string, id: string) => `${title} (${id})`,
    fill: (answers: string) =>
      `Answer every question in the "Answer" column of the "${answers}" sheet (pick from the dropdown, or as the hint says).`,
    points:
      'Multiple-choice questions: letters separated by commas, e.g. B,C; ratio questions: a percentage from 0 to 100.',
    scenes: (sheet: string, max: number) =>
      `In the "${sheet}" sheet, choose a level 0–${max} for every scene (0 = not started).`,
    settings: (sheet: string) =>
      `In the "${sheet}" sheet, choose the weight table and list the sub-domains that do not apply (tailored out).`,
    score: (id: string) =>
      `Then open this assessment in Tupu on the web and upload this file with "Import answer sheet"; or, from a command line, run: tupu score --model ${id} --answers <this file>.xlsx`,
    keep: 'Do not change the ID column or the hidden metadata sheet.',
    answerHeaders: ['ID', 'Group', 'Name', 'Question', 'Options', 'Answer'],
    invalidAnswer: 'Invalid answer',
    allowed: (xs: string[]) => `Allowed: ${xs.join(', ')}`,
    invalidNumber: 'Invalid number',
    between: (min: number, max: number) => `Enter a number from ${min} to ${max}`,
    multiTitle: 'Multiple choice',
    multiPrompt: (letters: string) => `Letters separated by commas: ${letters}`,
    sceneHeaders: { id: 'Scene ID', group: 'Scene (group)', constrained: 'Constrained', level: 'Level' },
    sceneLevel: (n: number) => `Level ${n}`,
    yes: 'Yes',
    no: 'No',
    settingHeaders: ['Setting', 'Value', 'Note'],
    weightTable: 'Weight table (weightTable)',
    noWeightTables: '(this model uses no weight table)',
    listSep: '; ',
    notApplicable: 'Sub-domains not applicable (notApplicable)',
    tailorable: (ids: string) => `Comma-separated IDs; may be tailored out: ${ids || 'none'}`,
    idSep: ', ',
  },
} as const;

/**
 * A dropdown's list as a data-validation formula: a quoted literal, each quote in a value doubled, so that a pack
 * value with a quote in it stays text in the list and never ends the literal (`"a""b,c"`, not `"a"b,c"`).
 */
export function listFormula(values: readonly (string | number)[]): string {
  return `"${values.map((v) => String(v).replaceAll('"', '""')).join(',')}"`;
}

/**
 * A blank answer workbook for a model in `lang`: instructions, one answer row per question with a dropdown (or numeric
 * bounds), scenes with 0–max dropdowns, and a hidden sheet carrying the model id, version and language so a filled
 * sheet can be checked. Ids and positions are the same in both languages, so either imports.
 */
export function answerTemplate(model: IndicatorSystem, lang: SheetLang = 'zh'): ExcelJS.Workbook {
  const w = WORDS[lang];
  const names = SHEET_NAMES[lang];
  const tx = (t: Parameters<typeof textIn>[0]) => textIn(t, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tupu 图谱';
  const info = wb.addWorksheet(names.instructions);
  info.getColumn(1).width = 110;
  const lines = [
    w.title(model.meta.title[lang], `${model.meta.id} v${model.meta.version}`),
    lang === 'zh' ? model.meta.title.en : `Official title: ${model.meta.title.zh}`,
    '',
    w.fill(names.answers),
    model.family === 'points' ? w.points : '',
    model.family === 'points' && model.scenes.length > 0 ? w.scenes(names.scenes, model.sceneMax) : '',
    model.family === 'staged' ? w.settings(names.settings) : '',
    w.score(model.meta.id),
    w.keep,
  ];
  lines.filter((l, i) => l !== '' || i === 2).forEach((l) => info.addRow([l]));

  const ws = wb.addWorksheet(names.answers);
  const widths = [16, 26, 16, 60, 60, 14];
  ws.columns = w.answerHeaders.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of answerRows(model, lang)) {
    const row = ws.addRow([r.id, r.group, r.name, r.prompt, r.options, null]);
    row.alignment = { wrapText: true, vertical: 'top' };
    const cell = row.getCell(ANSWER_COL);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if ('list' in r.allowed)
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(r.allowed.list)],
        showErrorMessage: true,
        errorTitle: w.invalidAnswer,
        error: w.allowed(r.allowed.list),
      };
    else if ('min' in r.allowed)
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [r.allowed.min, r.allowed.max],
        showErrorMessage: true,
        errorTitle: w.invalidNumber,
        error: w.between(r.allowed.min, r.allowed.max),
      };
    else
      cell.dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [r.allowed.free.length * 2],
        showInputMessage: true,
        promptTitle: w.multiTitle,
        prompt: w.multiPrompt(r.allowed.free),
      };
  }

  if (model.family === 'points' && model.scenes.length > 0) {
    const sc = wb.addWorksheet(names.scenes);
    const levelCol = 4 + model.sceneMax;
    const groups = new Map(model.sceneGroups.map((g) => [g.id, tx(g.name)]));
    sc.columns = [
      { header: w.sceneHeaders.id, width: 14 },
      { header: w.sceneHeaders.group, width: lang === 'zh' ? 20 : 32 },
      { header: w.sceneHeaders.constrained, width: 12 },
      ...Array.from({ length: model.sceneMax }, (_, i) => ({ header: w.sceneLevel(i + 1), width: 36 })),
      { header: w.sceneHeaders.level, width: 10 },
    ];
    sc.getRow(1).font = { bold: true };
    for (const s of model.scenes) {
      // the id stays in column A (it is what is read back); the English sheet names the scene and its group in B
      const group = lang === 'zh' ? s.group : `${tx(s.name)} (${groups.get(s.group) ?? s.group})`;
      const row = sc.addRow([s.id, group, s.constrained ? w.yes : w.no, ...s.levels.map((d) => tx(d)), null]);
      row.alignment = { wrapText: true, vertical: 'top' };
      const cell = row.getCell(levelCol);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(Array.from({ length: model.sceneMax + 1 }, (_, i) => i))],
        showErrorMessage: true,
        error: `0–${model.sceneMax}`,
      };
    }
  }

  if (model.family === 'staged') {
    const st = wb.addWorksheet(names.settings);
    st.columns = w.settingHeaders.map((header, i) => ({ header, width: [30, 40, 70][i] ?? 30 }));
    const tables = model.rules.weightTables;
    st.getRow(SETTING_ROWS.weightTable).values = [
      w.weightTable,
      tables[0]?.id ?? '',
      tables.map((t) => `${t.id} = ${tx(t.name)}`).join(w.listSep) || w.noWeightTables,
    ];
    if (tables.length > 0)
      st.getCell(SETTING_ROWS.weightTable, 2).dataValidation = {
        type: 'list',
        allowBlank: false,
        formulae: [listFormula(tables.map((t) => t.id))],
      };
    const tailorable = model.areas.flatMap((a) =>
      a.subdomains.filter((s) => s.tailorable).map((s) => (lang === 'zh' ? s.id : `${s.id} (${tx(s.name)})`)),
    );
    st.getRow(SETTING_ROWS.notApplicable).values = [
      w.notApplicable,
      '',
      w.tailorable(tailorable.join(w.idSep)),
    ];
  }

  const meta = wb.addWorksheet(SHEET.meta, { state: 'veryHidden' });
  meta.addRow(['model', model.meta.id]);
  meta.addRow(['version', model.meta.version]);
  meta.addRow(['family', model.family]);
  meta.addRow(['lang', lang]);
  return wb;
}
