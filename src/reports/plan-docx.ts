/**
 * The plan document as a Word file: cover, contents (Word's table of contents field, with page numbers once Word
 * updates it on opening; until then, and in LibreOffice, the section list without them), the sections with their
 * tables (header rows repeat on every page) and charts (SVG with a PNG fallback rasterised in the caller's shared
 * Chromium), Chinese fonts in the styles.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartSvg } from './chart-svg.ts';
import { leadIn } from './plan-document-format.ts';
import type { PlanChart, PlanDocument, PlanTable } from './plan-document-types.ts';
import { A4_PAGE, BLUE, GREY, HEADING_FONT, pageNumberFooter, para, reportStyles } from './docx-style.ts';
import type { PdfPrinter } from './pdf.ts';
import { svgToPng } from './svg-to-png.ts';

/** Text width of an A4 page with 2 cm margins: in pixels at 96 dpi, and in twentieths of a point. */
const TEXT_WIDTH_PX = 640;
const TEXT_WIDTH_TWIP = 9638;

function caption(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ text, bold: true, size: 18, color: '4E5969' })],
  });
}

/** A cell's lines (a table cell may hold several, separated by newlines). */
function cellParagraphs(text: string, align: 'left' | 'right' | undefined, bold: boolean): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold, size: 17 })],
      }),
  );
}

function tableBlock(table: PlanTable, number: number, label: string): (Paragraph | Table)[] {
  const head = caption(`${label} ${number} ${table.title}`);
  if (table.rows.length === 0) return [head, para(table.emptyText ?? '—', { color: GREY, size: 18 })];
  const total = table.columns.reduce((t, c) => t + (c.width ?? 1), 0);
  const widths = table.columns.map((c) => Math.round(((c.width ?? 1) / total) * TEXT_WIDTH_TWIP));
  const cell = (text: string, k: number, header: boolean, bold: boolean) =>
    new TableCell({
      width: { size: widths[k] ?? 1000, type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      ...(header || bold
        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: header ? 'F2F5FA' : 'F7F8FA' } }
        : {}),
      children: cellParagraphs(text, table.columns[k]?.align, header || bold),
    });
  return [
    head,
    new Table({
      width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: table.columns.map((c, k) => cell(c.label, k, true, true)),
        }),
        ...table.rows.map((row, r) => {
          const isTotal = table.totalRow === true && r === table.rows.length - 1;
          return new TableRow({
            cantSplit: true,
            children: table.columns.map((_, k) => cell(row[k] ?? '', k, false, isTotal)),
          });
        }),
      ],
    }),
  ];
}

async function chartBlock(
  chart: PlanChart,
  number: number,
  label: string,
  printer: PdfPrinter,
): Promise<Paragraph[]> {
  const svg = chartSvg(chart.option, { width: chart.width, height: chart.height });
  const png = await svgToPng(printer, svg, { width: chart.width, height: chart.height });
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  const title = `${label} ${number} ${chart.title}`;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg, 'utf8'),
          fallback: { type: 'png', data: png },
          transformation: {
            width: Math.round(chart.width * scale),
            height: Math.round(chart.height * scale),
          },
          altText: { name: chart.id, title, description: title },
        }),
      ],
    }),
    para(title, { size: 18, color: '4E5969' }, AlignmentType.CENTER),
  ];
}

function leadRuns(line: string): TextRun[] {
  const lead = leadIn(line);
  return lead === undefined
    ? [new TextRun(line)]
    : [new TextRun({ text: lead.label, bold: true }), new TextRun(lead.rest)];
}

/** The plan document as .docx bytes; `printer` rasterises the charts' PNG fallbacks. */
export async function planDocx(doc: PlanDocument, printer: PdfPrinter): Promise<Buffer> {
  const zh = doc.lang === 'zh';
  const tableLabel = zh ? '表' : 'Table';
  const figureLabel = zh ? '图' : 'Figure';
  const cover: Paragraph[] = [
    new Paragraph({ spacing: { before: 3600 }, children: [] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.title, size: 56, bold: true, color: BLUE, font: HEADING_FONT })],
    }),
    new Paragraph({
      spacing: { after: 720 },
      children: [new TextRun({ text: doc.organisation, size: 36, bold: true, font: HEADING_FONT })],
    }),
    para(doc.dateText, { size: 24, color: '4E5969' }),
    para(doc.subtitle, { size: 21, color: '4E5969' }),
    para(doc.labels.generatedBy, { size: 18, color: GREY }),
    new Paragraph({ children: [new PageBreak()] }),
    // looks like a level-1 heading but is not one, so the table of contents does not list itself
    new Paragraph({
      spacing: { before: 240, after: 160 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 2 } },
      children: [
        new TextRun({ text: doc.labels.contents, font: HEADING_FONT, size: 30, bold: true, color: '1F2329' }),
      ],
    }),
  ];
  // Word's own table of contents field over the Heading 1 sections: written with an entry per section (linked to it),
  // its page numbers filled in when Word updates the fields on opening (updateFields below)
  const contents = new TableOfContents(doc.labels.contents, { hyperlink: true, headingStyleRange: '1-1' });
  const body: (Paragraph | Table)[] = [];
  let tables = 0;
  let figures = 0;
  for (const section of doc.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        keepNext: true,
        children: [new TextRun(section.heading)],
      }),
    );
    for (const line of section.text.split('\n')) {
      if (line.trim() === '') continue;
      body.push(
        new Paragraph({
          spacing: { after: 100 },
          alignment: AlignmentType.JUSTIFIED,
          ...(zh ? { indent: { firstLine: 420 } } : {}),
          children: leadRuns(line),
        }),
      );
    }
    for (const chart of section.charts) {
      figures += 1;
      body.push(...(await chartBlock(chart, figures, figureLabel, printer)));
    }
    for (const table of section.tables) {
      tables += 1;
      body.push(...tableBlock(table, tables, tableLabel));
    }
  }
  const page = A4_PAGE;
  const document = new Document({
    creator: 'Tupu 图谱',
    title: `${doc.title} — ${doc.organisation}`,
    description: doc.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        ...reportStyles({ size: 30, before: 240, after: 160 }),
      },
      // the contents entries at 12 pt, as the list they replace (Word keeps the style when it updates the table)
      paragraphStyles: [
        {
          id: 'TOC1',
          name: 'toc 1',
          basedOn: 'Normal',
          next: 'Normal',
          uiPriority: 39,
          run: { size: 24 },
          paragraph: { spacing: { after: 100 } },
        },
      ],
    },
    sections: [
      { properties: { page }, children: [...cover, contents] },
      {
        properties: { page },
        headers: {
          default: new Header({
            children: [
              para(`${doc.organisation} · ${doc.title}`, { size: 16, color: '888888' }, AlignmentType.RIGHT),
            ],
          }),
        },
        footers: {
          default: pageNumberFooter(),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
