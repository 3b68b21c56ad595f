import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/reports/chart-svg.ts';
import { escapeHtml } from '../../src/reports/pdf.ts';
import { REPORT_CSS } from '../../src/reports/report-css.ts';
import { usePdfPrinter } from '../support/pdf-printer.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('PDF printing in Debian Chromium', () => {
  const printer = usePdfPrinter();
  const dir = useTempDir('tupu-pdf-');

  it('prints Chinese text and an inline SVG chart that read back from the PDF', async () => {
    const svg = chartSvg(
      { xAxis: { data: ['一月', '二月'] }, yAxis: {}, series: [{ type: 'bar', data: [3, 5] }] },
      { width: 400, height: 200 },
    );
    const hostile = '<script>alert(1)</script>';
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${REPORT_CSS}</style></head><body>
      <h1>数字化转型诊断报告</h1><p>${escapeHtml(hostile)}</p><div class="chart">${svg}</div></body></html>`;
    const pdf = await printer.print(html, { headerTitle: '图谱 Tupu' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('数字化转型诊断报告');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('二月');
  });
});
