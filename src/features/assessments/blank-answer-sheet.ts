import type { SHEET_LANGS } from '../../packs/model-sheet-layout.ts';
import { workbookBytes } from '../../reports/workbook-file.ts';
import type { IndicatorSystemIndex } from './indicator-system-index.ts';

/** A blank .xlsx answer sheet of the indicator system (dropdowns, hidden model id), named for it in `lang`. */
export async function blankAnswerSheet(
  index: IndicatorSystemIndex,
  lang: (typeof SHEET_LANGS)[number],
): Promise<{ fileName: string; content: Buffer }> {
  // exceljs loads on the first blank sheet, not at server start
  const { answerTemplate } = await import('../../packs/model-sheet-template.ts');
  const content = await workbookBytes(answerTemplate(index.model, lang));
  const m = index.model.meta;
  const fileName = lang === 'en' ? `${m.id}-${m.version}-answers.xlsx` : `${m.id}-${m.version}-答卷.xlsx`;
  return { fileName, content };
}
