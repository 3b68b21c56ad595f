import { AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';

/**
 * What every Word report shares: fonts, colours, a plain paragraph and the page-number footer. Latin text in a
 * sans font, Chinese in 宋体 / 黑体 (in every Chinese Word install; LibreOffice maps them to Noto CJK).
 */
export const BODY_FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '宋体' };
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' };
export const BLUE = '1F5FBF';
export const GREY = '86909C';

export function para(
  text: string,
  run: Partial<IRunOptions> = {},
  align?: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    ...(align === undefined ? {} : { alignment: align }),
    children: [new TextRun({ text, ...run })],
  });
}

/** "3 / 12" centred at the foot of every page. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
            size: 16,
            color: '888888',
          }),
        ],
      }),
    ],
  });
}

/** A4 with 2 cm margins, in twentieths of a point. */
export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

/** Body text in 宋体/Arial 10.5 pt, level-1 headings in 黑体 with a blue rule under them. */
export function reportStyles(heading1: { size: number; before: number; after: number }) {
  return {
    document: { run: { font: BODY_FONT, size: 21 }, paragraph: { spacing: { line: 300 } } },
    heading1: {
      run: { font: HEADING_FONT, size: heading1.size, bold: true, color: '1F2329' },
      paragraph: {
        spacing: { before: heading1.before, after: heading1.after },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 2 } },
      },
    },
  };
}
