/**
 * The plan document as print HTML (every text escaped, styles and SVG charts inline) and as PDF through a shared
 * `PdfPrinter` (Debian Chromium).
 */
import { chartSvg } from './chart-svg.ts';
import { leadIn } from './plan-document-format.ts';
import type { PlanDocument, PlanTable } from './plan-document-types.ts';
import { escapeHtml, type PdfPrinter } from './pdf.ts';
import { REPORT_CSS } from './report-css.ts';

const PLAN_CSS = `
  .toc { page-break-after: always; }
  .toc ol { list-style: none; padding: 0; margin: 12pt 0; font-size: 12pt; }
  .toc li { padding: 4pt 0; border-bottom: 0.5pt dotted #c9cdd4; }
  section.plan-section { page-break-before: always; }
  section.plan-section p { margin: 0 0 6pt; text-align: justify; }
  :lang(zh) section.plan-section p { text-indent: 2em; }
  .caption { font-size: 9.5pt; font-weight: 600; color: #4e5969; margin: 10pt 0 2pt; page-break-after: avoid; }
  table.plan { table-layout: fixed; font-size: 8.5pt; line-height: 1.45; }
  table.plan td { overflow-wrap: break-word; }
  table.plan th { font-size: 8pt; overflow-wrap: normal; padding-left: 3pt; padding-right: 3pt; }
  table.plan tr.total td { font-weight: 600; background: #f7f8fa; }
  .chart svg { max-width: 100%; height: auto; }
  .edited { font-size: 8pt; color: #86909c; margin: -4pt 0 6pt; }
`;

function cellHtml(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>');
}

function tableHtml(table: PlanTable, number: number, label: string): string {
  const caption = `<div class="caption">${escapeHtml(label)} ${number} ${escapeHtml(table.title)}</div>`;
  if (table.rows.length === 0) {
    return `${caption}<p class="muted">${escapeHtml(table.emptyText ?? '—')}</p>`;
  }
  const total = table.columns.reduce((t, c) => t + (c.width ?? 1), 0);
  const cols = table.columns
    .map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`)
    .join('');
  const head = table.columns
    .map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows
    .map((row, r) => {
      const isTotal = table.totalRow === true && r === table.rows.length - 1;
      const cells = table.columns
        .map((c, k) => `<td${c.align === 'right' ? ' class="num"' : ''}>${cellHtml(row[k] ?? '')}</td>`)
        .join('');
      return `<tr${isTotal ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `${caption}<table class="plan"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The whole plan document as one self-contained HTML page. */
export function planHtml(doc: PlanDocument): string {
  const zh = doc.lang === 'zh';
  const tableLabel = zh ? '表' : 'Table';
  const figureLabel = zh ? '图' : 'Figure';
  let tables = 0;
  let figures = 0;
  const sections = doc.sections
    .map((section) => {
      const paragraphs = section.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const lead = leadIn(line);
          return lead === undefined
            ? `<p>${escapeHtml(line)}</p>`
            : `<p><strong>${escapeHtml(lead.label)}</strong>${escapeHtml(lead.rest)}</p>`;
        })
        .join('');
      const charts = section.charts
        .map((chart) => {
          figures += 1;
          const svg = chartSvg(chart.option, { width: chart.width, height: chart.height });
          return `<div class="chart">${svg}<div class="caption">${figureLabel} ${figures} ${escapeHtml(chart.title)}</div></div>`;
        })
        .join('');
      const tablesHtml = section.tables
        .map((table) => {
          tables += 1;
          return tableHtml(table, tables, tableLabel);
        })
        .join('');
      return `<section class="plan-section" id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.heading)}</h2>${paragraphs}${charts}${tablesHtml}</section>`;
    })
    .join('\n');
  const toc = doc.sections.map((s) => `<li>${escapeHtml(s.heading)}</li>`).join('');
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>${REPORT_CSS}${PLAN_CSS}</style></head>
<body>
<div class="cover">
  <h1>${escapeHtml(doc.title)}</h1>
  <div class="subtitle">${escapeHtml(doc.organisation)}</div>
  <div class="meta">${escapeHtml(doc.dateText)}<br>${escapeHtml(doc.subtitle)}<br><span class="muted">${escapeHtml(doc.labels.generatedBy)}</span></div>
</div>
<div class="toc"><h2>${escapeHtml(doc.labels.contents)}</h2><ol>${toc}</ol></div>
${sections}
</body></html>`;
}

/** The plan document as PDF bytes. */
export async function planPdf(doc: PlanDocument, printer: PdfPrinter): Promise<Buffer> {
  return printer.print(planHtml(doc), { headerTitle: `${doc.organisation} · ${doc.title}` });
}
