import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '../core/atlas/types.ts';
import { workbookBytes } from '../reports/workbook-file.ts';
import { atlasResolverFor, loadAtlasPacks } from './atlas-load.ts';
import { buildAtlasWorkbook } from './atlas-xlsx-export.ts';
import { importAtlasWorkbook, type AtlasImportResult } from './atlas-xlsx-import.ts';
import { SHEETS } from './atlas-xlsx-layout.ts';

const root = 'src/packs/fixtures/atlas/good';

async function fixtures(): Promise<{ base: Atlas; child: Atlas }> {
  const r = await loadAtlasPacks(root);
  if (!r.ok) throw new Error('fixtures do not load');
  return { base: r.catalog.get('fixture-base')!, child: r.catalog.get('fixture-child')! };
}

/** write the workbook to bytes as the export does (text neutralised) and read it back, as a person saving it in Excel would */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await workbookBytes(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return back;
}

async function importIt(
  wb: ExcelJS.Workbook,
  options: { id?: string; extends?: string } = {},
): Promise<AtlasImportResult> {
  return importAtlasWorkbook(await roundTrip(wb), { resolve: await atlasResolverFor(root), ...options });
}

const problemsOf = (r: AtlasImportResult) => (r.ok ? [] : r.problems);

describe('atlas Excel template', () => {
  it('round-trips a stand-alone pack: export → import gives the same pack', async () => {
    const { base } = await fixtures();
    const r = await importIt(buildAtlasWorkbook(base));
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.own).toEqual(base.own);
  });

  it('round-trips an extending pack, whose vocabulary stays inherited', async () => {
    const { child } = await fixtures();
    const r = await importIt(buildAtlasWorkbook(child));
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.own).toEqual(child.own);
    expect(r.atlas.own.vocabulary).toBeUndefined();
    expect(r.atlas.scenarios).toHaveLength(5);
  });

  it('round-trips the shipped guide pack, scenario economics included', async () => {
    const loaded = await loadAtlasPacks('packs/atlas');
    const guide = loaded.ok ? loaded.catalog.get('guide-2024') : undefined;
    if (!guide) throw new Error('guide-2024 does not load');
    expect(guide.own.scenarios.every((s) => s.economics !== undefined)).toBe(true);
    const r = await importAtlasWorkbook(await roundTrip(buildAtlasWorkbook(guide)), {
      resolve: await atlasResolverFor('packs/atlas'),
    });
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.own).toEqual(guide.own);
  });

  it('round-trips names, descriptions and list entries that a spreadsheet would read as formulas', async () => {
    const { base } = await fixtures();
    const hostile = structuredClone(base);
    const [first, second] = hostile.own.scenarios;
    if (!first || !second) throw new Error('the fixture has fewer than two scenarios');
    first.name = { zh: '=HYPERLINK("http://evil","x")', en: '+1+1' };
    first.description = { zh: '@SUM(A1)', en: '-2+3' };
    first.elements.data = [{ zh: '=A1', en: "'=already marked" }, ...first.elements.data];
    second.name = { zh: "'普通的引号", en: "'plain quote" };
    hostile.own.painPoints[0]!.name = { zh: '-停机', en: "=cmd|' /C calc'!A0" };
    hostile.own.kpis[0]!.name = { zh: '+研发周期', en: '@design' };
    const written = await roundTrip(buildAtlasWorkbook(hostile));
    const texts: string[] = [];
    written.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void texts.push(c.text))));
    expect(texts).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
    const r = await importAtlasWorkbook(written, { resolve: await atlasResolverFor(root) });
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.own).toEqual(hostile.own);
  });

  it('writes the five sheets with dropdowns for category and chain', async () => {
    const { base } = await fixtures();
    const wb = await roundTrip(buildAtlasWorkbook(base));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    const scenarios = wb.getWorksheet(SHEETS.scenarios)!;
    expect(scenarios.getCell('D2').dataValidation).toMatchObject({ type: 'list' });
    expect(String(scenarios.getCell('D2').dataValidation.formulae[0])).toContain('ReadMe');
    expect(wb.getWorksheet(SHEETS.links)!.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    expect(scenarios.getCell('H2').value).toBe('产品三维模型'); // data.zh, one entry per line
  });

  it('can override the id on import', async () => {
    const { base } = await fixtures();
    const r = await importIt(buildAtlasWorkbook(base), { id: 'my-atlas' });
    expect(r.ok && r.atlas.meta.id).toBe('my-atlas');
  });

  it('names the sheet and column of a missing column', async () => {
    const { base } = await fixtures();
    const wb = buildAtlasWorkbook(base);
    wb.getWorksheet(SHEETS.scenarios)!.spliceColumns(18, 1); // valueTags
    wb.getWorksheet(SHEETS.links)!.spliceColumns(3, 1); // chain
    expect(problemsOf(await importIt(wb))).toEqual([
      '场景 Scenarios: missing column "valueTags" (价值标签)',
      '链接 Links: missing column "chain" (链类型)',
    ]);
  });

  it('names the sheet, row and column of merged cells', async () => {
    const { base } = await fixtures();
    const wb = buildAtlasWorkbook(base);
    wb.getWorksheet(SHEETS.scenarios)!.mergeCells('B3:C3');
    expect(problemsOf(await importIt(wb))).toEqual([
      '场景 Scenarios!3:B(name.zh): merged cells B3:C3 are not allowed; unmerge them',
    ]);
  });

  it('reports bad values at sheet!row:column, all at once', async () => {
    const { base } = await fixtures();
    const wb = buildAtlasWorkbook(base);
    const scenarios = wb.getWorksheet(SHEETS.scenarios)!;
    scenarios.getCell('R3').value = 'quality\nspeed'; // valueTags of GEN-PM-01
    scenarios.getCell('I4').value = 'only one\nand two'; // data.en of GEN-PM-02: 2 English lines for 1 Chinese
    scenarios.getCell('D5').value = 'marketing'; // category of GEN-OM-01
    scenarios.getCell('A2').value = 'GEN-PM-1'; // bad code format
    const links = wb.getWorksheet(SHEETS.links)!;
    links.getCell('F2').value = 'maybe';
    links.getCell('B3').value = 'GEN-PM-09';
    expect(problemsOf(await importIt(wb))).toEqual([
      // found while reading cells
      '场景 Scenarios!4:I(data.en): 2 English entries for 1 Chinese entries in data.zh; give one English line per Chinese line',
      '链接 Links!2:F(prerequisite): bad value "maybe": expected TRUE or FALSE',
      // found by the pack checks
      expect.stringMatching(/^场景 Scenarios!2:A\(code\): scenario code must look like GEN-PM-03/),
      '场景 Scenarios!3:R(valueTags): unknown value tag "speed"',
      '场景 Scenarios!5:D(category): unknown category "marketing"',
      '链接 Links!3:B(to): link to unknown scenario GEN-PM-09',
    ]);
  });

  it('says which sheet is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expect(problemsOf(await importIt(wb))).toEqual([
      'workbook: missing sheet "场景 Scenarios"',
      'workbook: missing sheet "说明 ReadMe" (it holds the pack metadata)',
    ]);
  });
});
