import {
  AlignmentType,
  Document,
  Header,
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
import { diagnosisCharts, type ReportChart } from './diagnosis-charts.ts';
import { fileSize, formatNumber, type DiagnosisReport, type ScenarioRef } from './diagnosis-report-model.ts';
import { reportText } from './diagnosis-report-text.ts';
import { A4_PAGE, BLUE, GREY, HEADING_FONT, pageNumberFooter, para, reportStyles } from './docx-style.ts';
import type { PdfPrinter } from './pdf.ts';
import { svgsToPng } from './svg-to-png.ts';

/** Text width of an A4 page with 2 cm margins, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = 620;

type Cell = string | Paragraph[];
interface Col {
  label: string;
  /** percent of the table width */
  width: number;
  num?: boolean;
}

const n = formatNumber;
const pct = (x: number) => `${n(x)}%`;

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    keepNext: true,
    children: [new TextRun(text)],
  });
}

function table(cols: Col[], rows: Cell[][]): Table {
  const cell = (c: Cell, col: Col | undefined, header: boolean) =>
    new TableCell({
      width: { size: col?.width ?? 10, type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F5FA' } } : {}),
      children:
        typeof c === 'string'
          ? [
              new Paragraph({
                alignment: col?.num ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text: c, bold: header, size: 18 })],
              }),
            ]
          : c.length > 0
            ? c
            : [new Paragraph('')],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: cols.map((c) => Math.round((c.width / 100) * 9000)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c) => cell(c.label, c, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, cols[i], false)) }),
      ),
    ],
  });
}

function scenarioLines(refs: ScenarioRef[]): Paragraph[] {
  return refs.map(
    (s) =>
      new Paragraph({
        children: [
          new TextRun({ text: s.name, size: 18 }),
          new TextRun({ text: ` ${s.code}${s.category ? ` · ${s.category}` : ''}`, size: 14, color: GREY }),
        ],
      }),
  );
}

function chartParagraphs(chart: ReportChart | undefined, png: Buffer | undefined): Paragraph[] {
  if (!chart || !png) return [];
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  const transformation = { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(chart.svg, 'utf8'),
          fallback: { type: 'png', data: png },
          transformation,
          altText: { name: chart.id, title: chart.caption, description: chart.caption },
        }),
      ],
    }),
    para(chart.caption, { size: 18, color: '4E5969' }, AlignmentType.CENTER),
  ];
}

/**
 * The report as a Word document: the same sections as the PDF, tables with repeated header rows, charts as SVG with
 * a PNG fallback (rasterised in the caller's shared browser), page numbers in the footer.
 */
export async function diagnosisDocx(report: DiagnosisReport, printer: PdfPrinter): Promise<Buffer> {
  const t = reportText(report.lang);
  const charts = diagnosisCharts(report);
  const pngs = await svgsToPng(printer, charts);
  const chartOf = (id: ReportChart['id']) => {
    const i = charts.findIndex((c) => c.id === id);
    return chartParagraphs(charts[i], pngs[i]);
  };
  const { cover, summary } = report;
  const body: (Paragraph | Table)[] = [];

  const coverChildren: Paragraph[] = [
    new Paragraph({ spacing: { before: 3000 }, children: [] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [new TextRun({ text: cover.title, size: 56, bold: true, color: BLUE, font: HEADING_FONT })],
    }),
    para(cover.modelTitle, { size: 28, color: '4E5969' }),
    new Paragraph({
      spacing: { before: 600, after: 400 },
      children: [new TextRun({ text: cover.organisation, size: 36, bold: true, font: HEADING_FONT })],
    }),
    ...[
      [t.assessment, cover.assessmentTitle],
      ...(cover.organisationKind !== null ? [[t.organisation, cover.organisationKind]] : []),
      [t.model, cover.modelTitle],
      [t.version, cover.modelVersion],
      [t.mode, cover.mode],
      [t.date, cover.date],
    ].map(
      ([k, v]) =>
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new TextRun({ text: `${k ?? ''}${t.labelGap}`, color: GREY, size: 22 }),
            new TextRun({ text: v ?? '', size: 22 }),
          ],
        }),
    ),
  ];

  body.push(heading(t.sections.summary, 1));
  body.push(
    table(
      [
        { label: t.score, width: 34 },
        { label: t.percent, width: 33 },
        { label: t.level, width: 33 },
      ],
      [
        [
          `${n(summary.score)} / ${n(summary.maxScore)}`,
          pct(summary.percent),
          report.family === 'checklist' ? '—' : (summary.levelName ?? t.noLevel),
        ],
      ],
    ),
  );
  body.push(para(summary.reading));
  const rates = (xs: typeof summary.strengths) =>
    xs.length ? t.list(xs.map((d) => t.dimRate(d.name, n(d.percent)))) : t.none;
  body.push(
    new Paragraph({
      children: [
        new TextRun({ text: `${t.strengths}${t.colon}`, bold: true }),
        new TextRun(rates(summary.strengths)),
      ],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [
        new TextRun({ text: `${t.weaknesses}${t.colon}`, bold: true }),
        new TextRun(rates(summary.weaknesses)),
      ],
    }),
  );
  body.push(...chartOf('radar'));

  body.push(heading(t.sections.level, 1));
  body.push(...report.level.explanation.map((p) => para(p)));
  if (report.level.rows.length)
    body.push(
      table(
        [
          { label: t.levelName, width: 14 },
          { label: t.levelRequirement, width: report.family === 'staged' ? 58 : 44 },
          ...(report.family === 'staged' ? [{ label: t.levelScore, width: 14, num: true }] : []),
          ...(report.family === 'points' ? [{ label: t.position, width: 28 }] : []),
          { label: t.levelStatus, width: 14 },
        ],
        report.level.rows.map((l) => [
          l.name,
          l.requirement,
          ...(report.family === 'staged' ? [n(l.score ?? 0)] : []),
          ...(report.family === 'points' ? [l.position ?? ''] : []),
          l.status,
        ]),
      ),
    );

  body.push(heading(t.sections.dimensions, 1));
  body.push(
    table(
      [
        { label: t.dimension, width: 46 },
        { label: t.score, width: 18, num: true },
        { label: t.maxScore, width: 18, num: true },
        { label: t.percent, width: 18, num: true },
      ],
      report.dimensions.map((d) => [d.name, n(d.score), n(d.max), pct(d.percent)]),
    ),
  );

  const d = report.detail;
  if (d.kind === 'scenes') {
    body.push(heading(t.sections.scenes, 1), ...chartOf('detail'));
    body.push(
      table(
        [
          { label: t.scene, width: 24 },
          { label: t.sceneGroup, width: 42 },
          { label: t.constrained, width: 14 },
          { label: t.sceneLevel, width: 20 },
        ],
        d.rows.map((s) => [s.name, s.groupName, s.constrained ? '✔' : '', s.levelLabel]),
      ),
    );
  } else {
    body.push(
      heading(d.kind === 'subdomains' ? t.sections.subdomains : t.sections.groups, 1),
      ...chartOf('detail'),
    );
    body.push(
      table(
        [
          { label: d.kind === 'subdomains' ? t.area : t.part, width: 22 },
          { label: d.kind === 'subdomains' ? t.subdomain : t.group, width: 36 },
          { label: t.score, width: 14, num: true },
          { label: t.maxScore, width: 14, num: true },
          { label: t.percent, width: 14, num: true },
        ],
        d.rows.map((r) => [r.parent, r.name, n(r.score), n(r.max), pct(r.percent)]),
      ),
    );
  }

  const gaps = report.gaps;
  body.push(heading(t.sections.gaps, 1));
  if (gaps.rows.length === 0) body.push(para(t.noGaps));
  else {
    body.push(
      table(
        [
          { label: t.item, width: report.family === 'points' ? 18 : 40 },
          { label: t.current, width: report.family === 'points' ? 21 : 11 },
          { label: t.best, width: report.family === 'points' ? 21 : 11 },
          { label: t.lostPoints, width: 10, num: true },
          { label: t.scenarios, width: 30 },
        ],
        gaps.rows.map((g) => [g.name, g.current, g.best, n(g.lostPoints), scenarioLines(g.scenarios)]),
      ),
    );
    if (gaps.more > 0) body.push(para(t.moreGaps(gaps.more), { color: GREY, size: 18 }));
  }
  if (gaps.scenarios.length) {
    body.push(heading(t.topScenarios, 2));
    body.push(
      table(
        [
          { label: t.scenarioCode, width: 15 },
          { label: t.scenarioName, width: 22 },
          { label: t.category, width: 13 },
          { label: t.addressedLoss, width: 13, num: true },
          { label: t.addressedItems, width: 37 },
        ],
        gaps.scenarios.map((s) => [s.code, s.name, s.category, n(s.lostPoints), t.list(s.items)]),
      ),
    );
  }

  const todo = report.todo;
  body.push(heading(t.sections.todo, 1), para(todo.intro));
  if (todo.rows.length)
    body.push(
      table(
        [
          { label: '#', width: 5 },
          { label: '☐', width: 5 },
          { label: t.item, width: 22 },
          { label: t.change, width: 32 },
          { label: t.gain, width: 12, num: true },
          { label: t.scenarios, width: 24 },
        ],
        todo.rows.map((r) => [
          String(r.step),
          '☐',
          r.name,
          [
            new Paragraph({
              children: [
                new TextRun({ text: `${r.from} → `, size: 18 }),
                new TextRun({ text: r.to, bold: true, size: 18 }),
              ],
            }),
          ],
          n(r.gain),
          scenarioLines(r.scenarios),
        ]),
      ),
    );

  const cmp = report.comparison;
  if (cmp) {
    body.push(heading(t.sections.comparison, 1));
    body.push(
      para(
        `${t.total}${t.colon}${n(cmp.previousScore)}${cmp.previousLevel !== null ? t.paren(cmp.previousLevel) : ''} → ${n(cmp.score)}${cmp.level !== null ? t.paren(cmp.level) : ''}`,
      ),
      ...chartOf('comparison'),
      table(
        [
          { label: t.dimension, width: 40 },
          { label: `${t.previous} ${t.percent}`, width: 20, num: true },
          { label: `${t.this} ${t.percent}`, width: 20, num: true },
          { label: t.delta, width: 20, num: true },
        ],
        cmp.rows.map((r) => [
          r.name,
          pct(r.previousPercent),
          pct(r.percent),
          `${r.delta > 0 ? '+' : ''}${n(r.delta)}`,
        ]),
      ),
    );
  }

  body.push(heading(t.sections.evidence, 1));
  if (report.evidence.length === 0) body.push(para(t.noEvidence, { color: GREY }));
  else
    body.push(
      table(
        [
          { label: t.evidenceItem, width: 30 },
          { label: t.file, width: 40 },
          { label: t.size, width: 12, num: true },
          { label: t.uploadedAt, width: 18 },
        ],
        report.evidence.flatMap((ev) =>
          ev.files.map((f, i) => [i === 0 ? ev.itemName : '', f.fileName, fileSize(f.size), f.uploadedAt]),
        ),
      ),
    );

  const m = report.methods;
  body.push(
    heading(t.sections.methods, 1),
    new Paragraph({
      children: [new TextRun({ text: `${t.source}${t.colon}`, bold: true }), new TextRun(m.source)],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: `${t.publisher}${t.colon}`, bold: true }), new TextRun(m.publisher)],
    }),
    para(m.scoring),
  );
  if (m.uncertainty.length)
    body.push(
      heading(t.uncertainty, 2),
      ...m.uncertainty.map((u) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(u)] })),
    );
  body.push(para(m.disclaimer, { color: GREY, size: 18 }));

  const page = A4_PAGE;
  const doc = new Document({
    creator: 'Tupu 图谱',
    title: `${cover.title} — ${cover.organisation}`,
    description: cover.modelTitle,
    styles: {
      default: {
        ...reportStyles({ size: 28, before: 360, after: 120 }),
        heading2: {
          run: { font: HEADING_FONT, size: 23, bold: true, color: '1F2329' },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
      },
    },
    sections: [
      { properties: { page }, children: coverChildren },
      {
        properties: { page },
        headers: {
          default: new Header({
            children: [
              para(
                `${t.headerTitle} · ${cover.organisation}`,
                { size: 16, color: '888888' },
                AlignmentType.RIGHT,
              ),
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
  return Packer.toBuffer(doc);
}
