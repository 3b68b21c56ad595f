/** One call from plan data to file bytes: build the document (buildPlanDocument) and render it as PDF or Word. */
import { buildPlanDocument } from './plan-document-model.ts';
import type { PlanDocumentInput } from './plan-document-types.ts';
import type { PdfPrinter } from './pdf.ts';

export const PLAN_DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type PlanDocumentFormat = (typeof PLAN_DOCUMENT_FORMATS)[number];

export const PLAN_DOCUMENT_CONTENT_TYPES: Readonly<Record<PlanDocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The plan document as file bytes; `printer` is the shared Chromium (prints the PDF, rasterises DOCX charts). */
export async function renderPlanDocument(
  input: PlanDocumentInput,
  format: PlanDocumentFormat,
  printer: PdfPrinter,
): Promise<Buffer> {
  const doc = buildPlanDocument(input);
  // the writers (docx, ECharts) load on the first document, not when the server or CLI starts
  if (format === 'pdf') return (await import('./plan-pdf.ts')).planPdf(doc, printer);
  return (await import('./plan-docx.ts')).planDocx(doc, printer);
}
