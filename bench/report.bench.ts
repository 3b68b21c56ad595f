/**
 * Report benchmark: N diagnosis reports (BENCH_REPORTS, default 100) of the SME model printed to PDF with ONE shared
 * browser, time per report; baseline in the same run: printing a trivial one-line HTML page N times with the same
 * browser (the fixed cost of a Chromium print). Then N DOCX reports (charts rasterised in the same browser).
 */
import type { Atlas } from '../src/core/atlas/types.ts';
import { diagnose } from '../src/core/diagnosis/diagnose.ts';
import { loadAtlasPacks } from '../src/packs/atlas-load.ts';
import { loadIndicatorSystemById } from '../src/packs/model-load.ts';
import { diagnosisCharts } from '../src/reports/diagnosis-charts.ts';
import { diagnosisDocx } from '../src/reports/diagnosis-docx.ts';
import { diagnosisPdf } from '../src/reports/diagnosis-pdf.ts';
import { buildDiagnosisReport, type DiagnosisReport } from '../src/reports/diagnosis-report-model.ts';
import { SME_ANSWERS, SME_PREVIOUS_ANSWERS } from '../src/reports/diagnosis-sample-answers.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';

const ms = (t0: number) => performance.now() - t0;

export default async function bench(): Promise<void> {
  const n = Number(process.env.BENCH_REPORTS ?? 100);
  const m = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  const a = await loadAtlasPacks('packs/atlas');
  if (!m.ok || !a.ok) throw new Error('packs do not load');
  const model = m.model;
  const atlas: Atlas | undefined = a.catalog.get(model.meta.atlas);
  const result = diagnose(model, SME_ANSWERS).result;
  const previous = diagnose(model, SME_PREVIOUS_ANSWERS).result;
  const report = (i: number): DiagnosisReport =>
    buildDiagnosisReport({
      model,
      result,
      previous,
      ...(atlas ? { atlas } : {}),
      organisation: { name: `宁波精工机械有限公司 ${i}`, kind: 'enterprise' },
      assessment: { title: '2024 年度自评', mode: 'self', submittedAt: '2024-11-05' },
      evidence: [{ itemId: '网络建设', fileName: '网络拓扑图.pdf', size: 120_000, uploadedAt: '2024-10-01' }],
      lang: 'zh',
    });

  const printer = new PdfPrinter();
  try {
    let t0 = performance.now();
    await printer.print('<p>warm-up</p>');
    console.log(`browser start + first print: ${ms(t0).toFixed(0)} ms`);

    t0 = performance.now();
    for (let i = 0; i < n; i++) await printer.print(`<!doctype html><p>一行 ${i}</p>`);
    const base = ms(t0) / n;
    console.log(`baseline: trivial one-line page × ${n}: ${base.toFixed(1)} ms / print`);

    t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes += (await diagnosisPdf(report(i), printer)).length;
    const pdf = ms(t0) / n;
    console.log(
      `diagnosis PDF × ${n}: ${pdf.toFixed(1)} ms / report (${(bytes / n / 1024).toFixed(0)} KB each) — ${(pdf / base).toFixed(1)}× the trivial print`,
    );

    t0 = performance.now();
    for (let i = 0; i < n; i++) report(i);
    const reportDataMs = ms(t0) / n;
    t0 = performance.now();
    for (let i = 0; i < n; i++) diagnosisCharts(report(i));
    console.log(
      `  of which, without the browser: report data ${reportDataMs.toFixed(2)} ms, data + 3 SVG charts ${(ms(t0) / n).toFixed(1)} ms`,
    );

    t0 = performance.now();
    bytes = 0;
    for (let i = 0; i < n; i++) bytes += (await diagnosisDocx(report(i), printer)).length;
    const docx = ms(t0) / n;
    console.log(
      `diagnosis DOCX × ${n}: ${docx.toFixed(1)} ms / report (${(bytes / n / 1024).toFixed(0)} KB each, 3 charts rasterised) — ${(docx / base).toFixed(1)}× the trivial print`,
    );
  } finally {
    await printer.close();
  }
}
