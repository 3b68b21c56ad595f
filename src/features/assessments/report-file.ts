import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type { Db } from '../../db/client.ts';
import { renderDiagnosisReport, REPORT_MEDIA_TYPES } from '../../reports/diagnosis-report-file.ts';
import type { PdfPrinter } from '../../reports/pdf.ts';
import { organisationOf } from '../organisations/directory.ts';
import { currentResult } from './diagnose-assessment.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import { findPreviousSubmitted, listAnswers } from './repositories/assessments.ts';
import { listEvidence } from './repositories/evidence.ts';

export type ReportFormat = keyof typeof REPORT_MEDIA_TYPES;

/**
 * The diagnosis report of the assessment as a PDF or Word file (live result for drafts, frozen for submitted), with
 * the organisation's name, the evidence list and the previous submitted result to compare with.
 */
export async function reportFile(
  db: Db,
  atlases: AtlasCatalog,
  printer: PdfPrinter,
  loaded: LoadedAssessment,
  output: { format: ReportFormat; lang: 'zh' | 'en' },
  now: () => Date = () => new Date(),
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { row, index, scope } = loaded;
  const { tenant } = scope;
  const [answers, evidence, org, previous] = await Promise.all([
    listAnswers(db, tenant, row.id),
    listEvidence(db, tenant, row.id),
    organisationOf(db, tenant),
    findPreviousSubmitted(db, tenant, row.modelId, row.id, row.submittedAt),
  ]);
  const { result } = currentResult(loaded, answers);
  const atlas = atlases.get(index.model.meta.atlas);
  const content = await renderDiagnosisReport(
    {
      model: index.model,
      result,
      organisation: { name: org?.name ?? '', ...(org ? { kind: org.kind } : {}) },
      assessment: {
        title: row.title,
        mode: row.mode,
        submittedAt: row.submittedAt,
        createdAt: row.createdAt,
      },
      ...(atlas ? { atlas } : {}),
      ...(previous?.result ? { previous: previous.result as DiagnosisResult } : {}),
      evidence: evidence.map((e) => ({
        itemId: e.itemId,
        fileName: e.fileName,
        size: e.size,
        uploadedAt: e.uploadedAt,
      })),
      lang: output.lang,
      generatedAt: now(),
    },
    output.format,
    printer,
  );
  return {
    // the title is as typed; the rest of the name in the report's language
    fileName: `${row.title}-${output.lang === 'en' ? 'diagnosis-report' : '诊断报告'}.${output.format}`,
    mediaType: REPORT_MEDIA_TYPES[output.format],
    content,
  };
}
