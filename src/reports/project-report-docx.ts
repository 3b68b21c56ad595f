/** The project status report as .docx: headings, paragraphs, tables, and the chart as SVG with a PNG fallback. */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartSvg } from './chart-svg.ts';
import { A4_PAGE, BLUE, GREY, HEADING_FONT, pageNumberFooter, para, reportStyles } from './docx-style.ts';
import type { PlanTable } from './plan-document-types.ts';
import type { PdfPrinter } from './pdf.ts';
import type { ProjectReport, ReportChart } from './project-report-model.ts';
import { svgToPng } from './svg-to-png.ts';

const TEXT_WIDTH_PX = 640;
const TEXT_WIDTH_TWIP = 9638;

const caption = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ text, bold: true, size: 18, color: '4E5969' })],
  });

function tableBlock(table: PlanTable): (Paragraph | Table)[] {
  const head = caption(table.title);
  if (table.rows.length === 0) return [head, para(table.emptyText ?? '—', { color: GREY, size: 18 })];
  const total = table.columns.reduce((t, c) => t + (c.width ?? 1), 0);
  const widths = table.columns.map((c) => Math.round(((c.width ?? 1) / total) * TEXT_WIDTH_TWIP));
  const cell = (text: string, k: number, bold: boolean, fill?: string) =>
    new TableCell({
      width: { size: widths[k] ?? 1000, type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: table.columns[k]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold, size: 17 })],
          }),
      ),
    });
  return [
    head,
    new Table({
      width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          children: table.columns.map((c, k) => cell(c.label, k, true, 'F2F5FA')),
        }),
        ...table.rows.map((row, r) => {
          const isTotal = table.totalRow === true && r === table.rows.length - 1;
          return new TableRow({
            cantSplit: true,
            children: table.columns.map((_, k) =>
              cell(row[k] ?? '', k, isTotal, isTotal ? 'F7F8FA' : undefined),
            ),
          });
        }),
      ],
    }),
  ];
}

async function chartBlock(chart: ReportChart, printer: PdfPrinter): Promise<Paragraph[]> {
  const svg = chartSvg(chart.option, { width: chart.width, height: chart.height });
  const png = await svgToPng(printer, svg, { width: chart.width, height: chart.height });
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg, 'utf8'),
          fallback: { type: 'png', data: png },
          transformation: {
            width: Math.round(chart.width * scale),
            height: Math.round(chart.height * scale),
          },
          altText: { name: chart.id, title: chart.title, description: chart.title },
        }),
      ],
    }),
    para(chart.title, { size: 18, color: '4E5969' }, AlignmentType.CENTER),
  ];
}

export async function projectReportDocx(report: ProjectReport, printer: PdfPrinter): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: report.title, size: 40, bold: true, color: BLUE, font: HEADING_FONT })],
    }),
    para(`${report.organisation} · ${report.dateText}`, { size: 20, color: '4E5969' }),
  ];
  for (const section of report.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        keepNext: true,
        children: [new TextRun(section.heading)],
      }),
    );
    for (const p of section.paragraphs) body.push(para(p));
    for (const chart of section.charts) body.push(...(await chartBlock(chart, printer)));
    for (const table of section.tables) body.push(...tableBlock(table));
  }
  const document = new Document({
    creator: 'Tupu',
    title: report.title,
    styles: { default: reportStyles({ size: 28, before: 320, after: 120 }) },
    sections: [{ properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children: body }],
  });
  return Packer.toBuffer(document);
}
