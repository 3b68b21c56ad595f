import { buildDiagnosisReport, type DiagnosisReportInput } from './diagnosis-report-model.ts';
import type { PdfPrinter } from './pdf.ts';

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Build and render a diagnosis report in one call (what the CLI and the API routes use). */
export async function renderDiagnosisReport(
  input: DiagnosisReportInput,
  format: ReportFormat,
  printer: PdfPrinter,
): Promise<Buffer> {
  const report = buildDiagnosisReport(input);
  // the writers (docx, ECharts) load on the first report, not when the server or CLI starts
  if (format === 'pdf') return (await import('./diagnosis-pdf.ts')).diagnosisPdf(report, printer);
  return (await import('./diagnosis-docx.ts')).diagnosisDocx(report, printer);
}
