/** The assessment as the API shows it (src/contracts/diagnosis.ts): summaries, answers, assignments, the detail. */
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type {
  Answer,
  AnswerValue,
  AssessmentDetail,
  AssessmentProfile,
  AssessmentSummary,
  Assignment,
} from '../../contracts/diagnosis.ts';
import type { MemberRow } from '../organisations/directory.ts';
import type { IndicatorSystemIndex } from './indicator-system-index.ts';
import type { EvidenceInfo } from './repositories/evidence.ts';
import type { AnswerRow, AssessmentRow, AssignmentRow, EventRow } from './repositories/assessments.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(
  row: AssessmentRow,
  index: IndicatorSystemIndex,
  answers: { answered: number; total: number },
): AssessmentSummary {
  const frozen = row.status === 'submitted' ? (row.result as DiagnosisResult | null) : null;
  return {
    id: row.id,
    modelId: row.modelId,
    modelVersion: row.modelVersion,
    modelTitle: index.summary.title,
    family: index.model.family,
    mode: row.mode,
    status: row.status,
    title: row.title,
    profile: row.profile as AssessmentProfile,
    createdAt: row.createdAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    version: row.version,
    answered: answers.answered,
    total: answers.total,
    score: frozen?.score ?? null,
    maxScore: frozen?.maxScore ?? null,
    percent: frozen?.percent ?? null,
    level: frozen?.level ?? null,
  };
}

export const presentAnswer = (a: AnswerRow): Answer => ({
  itemId: a.itemId,
  value: (a.value ?? null) as AnswerValue | null,
  answeredBy: a.answeredBy,
  answeredAt: a.answeredAt.toISOString(),
  verification: a.verification,
  verifiedValue: (a.verifiedValue ?? null) as AnswerValue | null,
  verificationReason: a.verificationReason,
  verifiedBy: a.verifiedBy,
  verifiedAt: iso(a.verifiedAt),
  version: a.version,
});

export const presentAssignment = (a: AssignmentRow & { userName: string | null }): Assignment => ({
  sectionId: a.sectionId,
  respondentRole: a.respondentRole,
  userId: a.userId,
  userName: a.userName,
});

/** What the detail use case gathers (show-assessment.ts). */
export interface AssessmentShown {
  row: AssessmentRow;
  index: IndicatorSystemIndex;
  progress: { answered: number; total: number };
  answers: AnswerRow[];
  assignments: (AssignmentRow & { userName: string | null })[];
  members: MemberRow[];
  events: EventRow[];
  evidence: EvidenceInfo[];
  canWrite: boolean;
}

export function presentDetail(shown: AssessmentShown): AssessmentDetail {
  return {
    assessment: presentSummary(shown.row, shown.index, shown.progress),
    answers: shown.answers.map(presentAnswer),
    assignments: shown.assignments.map(presentAssignment),
    assignableMembers: shown.members
      .map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email }))
      .sort((x, y) => x.displayName.localeCompare(y.displayName, 'zh-CN')),
    events: shown.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    evidence: shown.evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
    canWrite: shown.canWrite,
  };
}
