import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';

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
