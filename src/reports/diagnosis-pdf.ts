import { diagnosisCharts, type ReportChart } from './diagnosis-charts.ts';
import { fileSize, formatNumber, type DiagnosisReport, type ScenarioRef } from './diagnosis-report-model.ts';
import { reportText } from './diagnosis-report-text.ts';
import { escapeHtml, type PdfPrinter } from './pdf.ts';
import { REPORT_CSS } from './report-css.ts';

/** Extra print styles of the diagnosis report (on top of the shared REPORT_CSS). */
const DIAGNOSIS_CSS = `
  .cover h1 { font-size: 28pt; margin-bottom: 4pt; }
  .cover .org { font-size: 18pt; font-weight: 600; margin-top: 28pt; word-break: break-all; }
  .cover table.meta-table { width: auto; margin-top: 24pt; font-size: 11pt; }
  .cover table.meta-table th, .cover table.meta-table td { border: none; padding: 2pt 12pt 2pt 0; background: none; }
  .cover table.meta-table th { color: #86909c; font-weight: normal; }
  .kpis { display: flex; gap: 8pt; margin: 8pt 0; }
  .kpi { flex: 1; border: 0.5pt solid #c9cdd4; border-radius: 3pt; padding: 6pt 8pt; }
  .kpi .v { font-size: 18pt; font-weight: 600; color: #1f5fbf; }
  .kpi .k { font-size: 9pt; color: #86909c; }
  .reading { background: #f7f9fc; border-left: 3pt solid #1f5fbf; padding: 6pt 10pt; }
  table { table-layout: fixed; word-break: break-word; overflow-wrap: anywhere; }
  td.small, th.small { font-size: 9pt; }
  .ok { color: #2e9e5b; } .bad { color: #d4380d; }
  .chart svg { max-width: 100%; height: auto; }
  .caption { font-size: 9pt; color: #4e5969; text-align: center; margin-top: 2pt; }
  .todo td.box { font-size: 12pt; text-align: center; }
  ul.notes { margin: 4pt 0; padding-left: 16pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .scenario { display: block; margin-bottom: 2pt; }
  .scenario .code { display: block; color: #86909c; font-size: 8pt; white-space: nowrap; line-height: 1.3; }
`;

interface Col {
  label: string;
  num?: boolean;
  width?: string;
}

const e = escapeHtml;

function table(cols: Col[], rows: string[][], cls = ''): string {
  const head = cols
    .map(
      (c) =>
        `<th${c.num ? ' class="num"' : ''}${c.width ? ` style="width:${c.width}"` : ''}>${e(c.label)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td${cols[i]?.num ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function scenarios(refs: ScenarioRef[]): string {
  return refs
    .map(
      (s) =>
        `<span class="scenario">${e(s.name)} <span class="code">${e(s.code)}${s.category ? ` · ${e(s.category)}` : ''}</span></span>`,
    )
    .join('');
}

function chart(c: ReportChart | undefined): string {
  return c ? `<div class="chart">${c.svg}<div class="caption">${e(c.caption)}</div></div>` : '';
}

const n = formatNumber;
const pct = (x: number) => `${n(x)}%`;

/** The report as one self-contained HTML document (inline styles and SVG charts, every text escaped). */
export function diagnosisHtml(
  report: DiagnosisReport,
  charts: ReportChart[] = diagnosisCharts(report),
): string {
  const t = reportText(report.lang);
  const chartOf = (id: ReportChart['id']) => charts.find((c) => c.id === id);
  const { cover, summary } = report;
  const parts: string[] = [];

  parts.push(`<section class="cover">
    <h1>${e(cover.title)}</h1>
    <div class="subtitle">${e(cover.modelTitle)}</div>
    <div class="org">${e(cover.organisation)}</div>
    <table class="meta-table">
      ${[
        [t.assessment, cover.assessmentTitle],
        ...(cover.organisationKind !== null ? [[t.organisation, cover.organisationKind]] : []),
        [t.model, `${cover.modelTitle}`],
        [t.version, cover.modelVersion],
        [t.mode, cover.mode],
        [t.date, cover.date],
      ]
        .map(([k, v]) => `<tr><th>${e(k ?? '')}</th><td>${e(v ?? '')}</td></tr>`)
        .join('')}
    </table>
  </section>`);

  parts.push(`<h2>${e(t.sections.summary)}</h2>
    <div class="kpis">
      <div class="kpi"><div class="v">${e(n(summary.score))} / ${e(n(summary.maxScore))}</div><div class="k">${e(t.score)}</div></div>
      <div class="kpi"><div class="v">${e(pct(summary.percent))}</div><div class="k">${e(t.percent)}</div></div>
      ${
        report.family === 'checklist'
          ? ''
          : `<div class="kpi"><div class="v">${e(summary.levelName ?? t.noLevel)}</div><div class="k">${e(t.level)}</div></div>`
      }
    </div>
    <p class="reading">${e(summary.reading)}</p>
    <p><b>${e(t.strengths)}${e(t.colon)}</b>${e(summary.strengths.length ? t.list(summary.strengths.map((d) => t.dimRate(d.name, n(d.percent)))) : t.none)}<br>
    <b>${e(t.weaknesses)}${e(t.colon)}</b>${e(summary.weaknesses.length ? t.list(summary.weaknesses.map((d) => t.dimRate(d.name, n(d.percent)))) : t.none)}</p>
    ${chart(chartOf('radar'))}`);

  parts.push(`<h2>${e(t.sections.level)}</h2>
    ${report.level.explanation.map((p) => `<p>${e(p)}</p>`).join('')}
    ${
      report.level.rows.length
        ? table(
            [
              { label: t.levelName, width: '14%' },
              { label: t.levelRequirement },
              ...(report.family === 'staged' ? [{ label: t.levelScore, num: true, width: '14%' }] : []),
              ...(report.family === 'points' ? [{ label: t.position, width: '28%' }] : []),
              { label: t.levelStatus, width: '14%' },
            ],
            report.level.rows.map((l) => [
              e(l.name),
              e(l.requirement),
              ...(report.family === 'staged' ? [e(n(l.score ?? 0))] : []),
              ...(report.family === 'points' ? [e(l.position ?? '')] : []),
              `<span class="${l.reached ? 'ok' : 'muted'}">${e(l.status)}</span>`,
            ]),
          )
        : ''
    }`);

  parts.push(`<h2>${e(t.sections.dimensions)}</h2>
    ${table(
      [
        { label: t.dimension },
        { label: t.score, num: true, width: '16%' },
        { label: t.maxScore, num: true, width: '16%' },
        { label: t.percent, num: true, width: '16%' },
      ],
      report.dimensions.map((d) => [e(d.name), e(n(d.score)), e(n(d.max)), e(pct(d.percent))]),
    )}`);

  const d = report.detail;
  if (d.kind === 'scenes')
    parts.push(`<h2>${e(t.sections.scenes)}</h2>
      ${chart(chartOf('detail'))}
      ${table(
        [
          { label: t.scene, width: '22%' },
          { label: t.sceneGroup },
          { label: t.constrained, width: '14%' },
          { label: t.sceneLevel, width: '16%' },
        ],
        d.rows.map((s) => [e(s.name), e(s.groupName), s.constrained ? '✔' : '', e(s.levelLabel)]),
      )}`);
  else
    parts.push(`<h2>${e(d.kind === 'subdomains' ? t.sections.subdomains : t.sections.groups)}</h2>
      ${chart(chartOf('detail'))}
      ${table(
        [
          { label: d.kind === 'subdomains' ? t.area : t.part, width: '22%' },
          { label: d.kind === 'subdomains' ? t.subdomain : t.group },
          { label: t.score, num: true, width: '14%' },
          { label: t.maxScore, num: true, width: '14%' },
          { label: t.percent, num: true, width: '14%' },
        ],
        d.rows.map((r) => [e(r.parent), e(r.name), e(n(r.score)), e(n(r.max)), e(pct(r.percent))]),
      )}`);

  const gaps = report.gaps;
  parts.push(`<h2>${e(t.sections.gaps)}</h2>
    ${
      gaps.rows.length === 0
        ? `<p>${e(t.noGaps)}</p>`
        : table(
            [
              // points answers are option texts; requirement grades are short, requirement texts long
              { label: t.item, width: report.family === 'points' ? '18%' : '40%' },
              { label: t.current, width: report.family === 'points' ? '21%' : '11%' },
              { label: t.best, width: report.family === 'points' ? '21%' : '11%' },
              { label: t.lostPoints, num: true, width: '10%' },
              { label: t.scenarios },
            ],
            gaps.rows.map((g) => [
              e(g.name),
              e(g.current),
              e(g.best),
              e(n(g.lostPoints)),
              scenarios(g.scenarios),
            ]),
            'small',
          ) + (gaps.more > 0 ? `<p class="muted">${e(t.moreGaps(gaps.more))}</p>` : '')
    }
    ${
      gaps.scenarios.length
        ? `<h3>${e(t.topScenarios)}</h3>` +
          table(
            [
              { label: t.scenarioCode, width: '15%' },
              { label: t.scenarioName, width: '22%' },
              { label: t.category, width: '13%' },
              { label: t.addressedLoss, num: true, width: '13%' },
              { label: t.addressedItems },
            ],
            gaps.scenarios.map((s) => [
              `<span style="white-space:nowrap">${e(s.code)}</span>`,
              e(s.name),
              e(s.category),
              e(n(s.lostPoints)),
              e(t.list(s.items)),
            ]),
          )
        : ''
    }`);

  const todo = report.todo;
  parts.push(`<h2>${e(t.sections.todo)}</h2>
    <p>${e(todo.intro)}</p>
    ${
      todo.rows.length
        ? table(
            [
              { label: '#', width: '5%' },
              { label: '☐', width: '5%' },
              { label: t.item, width: '24%' },
              { label: t.change },
              { label: t.gain, num: true, width: '12%' },
              { label: t.scenarios, width: '24%' },
            ],
            todo.rows.map((r) => [
              e(String(r.step)),
              '☐',
              e(r.name),
              `${e(r.from)} → <b>${e(r.to)}</b>`,
              e(n(r.gain)),
              scenarios(r.scenarios),
            ]),
            'todo small',
          )
        : ''
    }`);

  const cmp = report.comparison;
  if (cmp)
    parts.push(`<h2>${e(t.sections.comparison)}</h2>
      <p>${e(t.total)}${e(t.colon)}${e(n(cmp.previousScore))}${cmp.previousLevel !== null ? e(t.paren(cmp.previousLevel)) : ''} → <b>${e(n(cmp.score))}</b>${cmp.level !== null ? e(t.paren(cmp.level)) : ''}</p>
      ${chart(chartOf('comparison'))}
      ${table(
        [
          { label: t.dimension },
          { label: `${t.previous} ${t.percent}`, num: true, width: '18%' },
          { label: `${t.this} ${t.percent}`, num: true, width: '18%' },
          { label: t.delta, num: true, width: '14%' },
        ],
        cmp.rows.map((r) => [
          e(r.name),
          e(pct(r.previousPercent)),
          e(pct(r.percent)),
          `<span class="${r.delta > 0 ? 'ok' : r.delta < 0 ? 'bad' : 'muted'}">${r.delta > 0 ? '+' : ''}${e(n(r.delta))}</span>`,
        ]),
      )}`);

  parts.push(`<h2>${e(t.sections.evidence)}</h2>
    ${
      report.evidence.length === 0
        ? `<p class="muted">${e(t.noEvidence)}</p>`
        : table(
            [
              { label: t.evidenceItem, width: '30%' },
              { label: t.file },
              { label: t.size, num: true, width: '12%' },
              { label: t.uploadedAt, width: '16%' },
            ],
            report.evidence.flatMap((ev) =>
              ev.files.map((f, i) => [
                i === 0 ? e(ev.itemName) : '',
                e(f.fileName),
                e(fileSize(f.size)),
                e(f.uploadedAt),
              ]),
            ),
            'small',
          )
    }`);

  const m = report.methods;
  parts.push(`<h2>${e(t.sections.methods)}</h2>
    <p><b>${e(t.source)}${e(t.colon)}</b>${e(m.source)}<br><b>${e(t.publisher)}${e(t.colon)}</b>${e(m.publisher)}</p>
    <p>${e(m.scoring)}</p>
    ${m.uncertainty.length ? `<h3>${e(t.uncertainty)}</h3><ul class="notes">${m.uncertainty.map((u) => `<li>${e(u)}</li>`).join('')}</ul>` : ''}
    <p class="muted">${e(m.disclaimer)}</p>`);

  return `<!doctype html><html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<title>${e(`${cover.title} — ${cover.organisation}`)}</title>
<style>${REPORT_CSS}${DIAGNOSIS_CSS}</style></head><body>
${parts.join('\n')}
</body></html>`;
}

/** Print the report to PDF with the caller's shared printer (one browser for many reports). */
export async function diagnosisPdf(report: DiagnosisReport, printer: PdfPrinter): Promise<Buffer> {
  return printer.print(diagnosisHtml(report), {
    headerTitle: `${reportText(report.lang).headerTitle} · ${report.cover.organisation}`,
  });
}
