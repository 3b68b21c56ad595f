/** The project status report as print HTML (every text escaped, the chart as inline SVG) and as PDF. */
import { chartSvg } from './chart-svg.ts';
import type { PlanTable } from './plan-document-types.ts';
import { escapeHtml, type PdfPrinter } from './pdf.ts';
import type { ProjectReport } from './project-report-model.ts';
import { REPORT_CSS } from './report-css.ts';

const CSS = `
  section { margin-top: 14pt; }
  .caption { font-size: 9.5pt; font-weight: 600; color: #4e5969; margin: 10pt 0 2pt; }
  table.report { table-layout: fixed; font-size: 8.5pt; width: 100%; }
  table.report td { overflow-wrap: break-word; }
  table.report tr.total td { font-weight: 600; background: #f7f8fa; }
  .chart svg { max-width: 100%; height: auto; }
`;

const cell = (text: string) => escapeHtml(text).replaceAll('\n', '<br>');

function tableHtml(table: PlanTable): string {
  const caption = `<div class="caption">${escapeHtml(table.title)}</div>`;
  if (table.rows.length === 0) return `${caption}<p class="muted">${escapeHtml(table.emptyText ?? '—')}</p>`;
  const total = table.columns.reduce((t, c) => t + (c.width ?? 1), 0);
  const cols = table.columns
    .map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`)
    .join('');
  const head = table.columns
    .map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows
    .map((row, r) => {
      const total = table.totalRow === true && r === table.rows.length - 1;
      const cells = table.columns
        .map((c, k) => `<td${c.align === 'right' ? ' class="num"' : ''}>${cell(row[k] ?? '')}</td>`)
        .join('');
      return `<tr${total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `${caption}<table class="report"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function projectReportHtml(report: ProjectReport): string {
  const sections = report.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
      const charts = s.charts
        .map(
          (c) =>
            `<div class="chart">${chartSvg(c.option, { width: c.width, height: c.height })}<div class="caption">${escapeHtml(c.title)}</div></div>`,
        )
        .join('');
      return `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.heading)}</h2>${paragraphs}${charts}${s.tables.map(tableHtml).join('')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>${REPORT_CSS}${CSS}</style></head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p class="muted">${escapeHtml(report.organisation)} · ${escapeHtml(report.dateText)}</p>
${sections}
</body></html>`;
}

export async function projectReportPdf(report: ProjectReport, printer: PdfPrinter): Promise<Buffer> {
  return printer.print(projectReportHtml(report), {
    headerTitle: `${report.organisation} · ${report.title}`,
  });
}
