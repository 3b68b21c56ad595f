/** Print styles shared by every HTML → PDF report: A4, Chinese fonts first, tables that break cleanly. */
export const REPORT_CSS = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif; color: #1f2329;
         font-size: 10.5pt; line-height: 1.6; margin: 0; }
  h1 { font-size: 22pt; margin: 0 0 8pt; color: #1f5fbf; }
  h2 { font-size: 14pt; margin: 18pt 0 6pt; padding-bottom: 3pt; border-bottom: 1.5pt solid #1f5fbf; }
  h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
  table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 0.5pt solid #c9cdd4; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #f2f5fa; font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .cover { height: 245mm; display: flex; flex-direction: column; justify-content: center; page-break-after: always; }
  .cover .subtitle { font-size: 14pt; color: #4e5969; }
  .cover .meta { margin-top: 36pt; font-size: 11pt; color: #4e5969; }
  .muted { color: #86909c; }
  .chart { text-align: center; margin: 6pt 0; page-break-inside: avoid; }
  .tag { display: inline-block; padding: 0 4pt; margin: 0 2pt 2pt 0; border: 0.5pt solid #94bfff; border-radius: 2pt;
         background: #e8f3ff; font-size: 9pt; }
  .page-break { page-break-before: always; }
`;
