/** A data quality profile as an .xlsx workbook: the overview, the columns, and every rule with its offending rows. */
import ExcelJS from 'exceljs';
import type { Profile } from '../core/data-quality/profiler.ts';
import { workbookBytes } from '../reports/workbook-file.ts';

export async function profileWorkbook(profile: Profile, source: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const bold = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const overview = wb.addWorksheet('概览 Overview');
  overview.columns = [
    { header: '项目 Item', width: 28 },
    { header: '值 Value', width: 40 },
  ];
  overview.addRow(['文件 File', source]);
  overview.addRow(['行数 Rows', profile.rows]);
  overview.addRow(['总分 Score (0–100)', profile.score]);
  overview.addRow([
    '规则来源 Rules',
    profile.proposed ? '由数据推断 proposed from the data' : '规则文件 rules file',
  ]);
  for (const [d, v] of Object.entries(profile.dimensions))
    overview.addRow([`${d}（GB/T 36344）`, v ?? '未评价 not assessed']);
  bold(overview);

  const columns = wb.addWorksheet('列 Columns');
  columns.columns = [
    { header: '列 Column', width: 24 },
    { header: '类型 Type', width: 10 },
    { header: '空值 Nulls', width: 10 },
    { header: '不同值 Distinct', width: 14 },
    { header: '精确 Exact', width: 10 },
    { header: '重复 Duplicates', width: 14 },
    { header: '最小 Min', width: 18 },
    { header: '最大 Max', width: 18 },
    { header: '得分 Score', width: 10 },
    { header: '格式 Patterns', width: 50 },
  ];
  for (const c of profile.columns)
    columns.addRow([
      c.name,
      c.type,
      c.nulls,
      c.distinct,
      c.distinctExact ? '是 yes' : '估计 estimate',
      c.duplicates,
      c.min,
      c.max,
      c.score,
      c.patterns.map((p) => `${p.pattern} ×${p.count}`).join('; '),
    ]);
  bold(columns);

  const rules = wb.addWorksheet('规则 Rules');
  rules.columns = [
    { header: '规则 Rule', width: 30 },
    { header: '维度 Dimension', width: 12 },
    { header: '列 Columns', width: 24 },
    { header: '检查 Checked', width: 12 },
    { header: '不通过 Failed', width: 12 },
    { header: '得分 Score', width: 10 },
    { header: '说明 Note', width: 40 },
    { header: '不通过的行（前若干） Offending rows (first)', width: 60 },
  ];
  for (const r of profile.rules)
    rules.addRow([
      r.rule,
      r.dimension,
      r.columns.join(', '),
      r.checked,
      r.failed,
      r.score,
      r.message ?? '',
      r.rows.join(', '),
    ]);
  bold(rules);
  return workbookBytes(wb);
}
