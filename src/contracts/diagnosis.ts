import { z } from 'zod';

/**
 * Request and response shapes of the diagnosis (评估诊断) API: models, assessments, answers, evidence, results.
 * Shared by the server (validation, OpenAPI) and the web app (types only). Imports nothing but zod.
 */

export const ASSESSMENT_MODES = ['self', 'assessor'] as const;
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];
export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
/** respondents the guide names in 二（三）: 企业管理者、各业务部门责任人、一线技术工人 */
export const RESPONDENT_ROLES = ['manager', 'department_head', 'frontline'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];
export const FAMILIES = ['points', 'staged', 'checklist'] as const;
export type IndicatorSystemFamily = (typeof FAMILIES)[number];

/** Evidence files and answer sheets are refused above this size (413). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * What an answer sheet may hold, checked before it is parsed (413 answer_sheet_over_limit naming the limit and the
 * sheet). The shipped templates have at most ~150 rows, ~1,000 cells and 40 KB of sheet XML; a cell holds at most
 * 32,767 characters in Excel itself. Parsing runs in a worker thread with its own memory and time limits.
 */
export const ANSWER_SHEET_LIMITS = {
  /** uncompressed bytes of one XML part of the workbook (a sheet, the shared strings, the styles …) */
  partBytes: 16 * 1024 * 1024,
  /** uncompressed bytes of the whole workbook */
  totalBytes: 64 * 1024 * 1024,
  /** files inside the workbook's zip */
  entries: 1000,
  /** rows of one sheet */
  rows: 10_000,
  /** cells of one sheet */
  cells: 100_000,
  /** characters of one cell or shared string (Excel's own limit) */
  cellChars: 32_767,
  /** answers (questions and scenes) in one .json answer file */
  answers: 10_000,
  /** old-generation heap of the worker thread that parses the sheet, in MB */
  workerMemoryMb: 256,
  /** time the worker thread may take, in seconds; it is terminated then */
  workerSeconds: 20,
} as const;

const Text = z.object({ zh: z.string(), en: z.string() });
export type Text = z.infer<typeof Text>;

/** An answer as the engine reads it: "B" | ["B","C"] | 35 | {numerator: n, denominator: d} | "met" | 0.8 */
export const AnswerValue = z.union([
  z.string().max(200),
  z.array(z.string().max(20)).max(50),
  z.number(),
  z.record(z.string(), z.number()),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

// ── models ────────────────────────────────────────────────────────────────────────────────────────────────

export const ItemKind = z.enum(['question', 'scene', 'requirement', 'check']);
export type ItemKind = z.infer<typeof ItemKind>;

/** A section of the answer form (dimension, scene group, area or part) and the items answered in it. */
export const Section = z.object({
  id: z.string(),
  name: Text,
  kind: z.enum(['dimension', 'scenes', 'area', 'part']),
  items: z.array(z.object({ id: z.string(), kind: ItemKind })),
});
export type Section = z.infer<typeof Section>;

export const IndicatorSystemSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: Text,
  description: Text.nullable(),
  family: z.enum(FAMILIES),
  atlas: z.string(),
  levels: z.array(z.object({ id: z.string(), name: Text })),
  dimensions: z.array(z.object({ id: z.string(), name: Text })),
  /** staged models: the weight tables to choose from (e.g. 流程型 / 离散型) */
  weightTables: z.array(z.object({ id: z.string(), name: Text })),
  itemCount: z.number().int(),
});
export type IndicatorSystemSummary = z.infer<typeof IndicatorSystemSummary>;

/** The full indicator system (src/core/diagnosis/model-schema.ts IndicatorSystem) plus its form sections. */
export const IndicatorSystemDetail = z.object({
  summary: IndicatorSystemSummary,
  model: z.looseObject({ family: z.enum(FAMILIES) }),
  sections: z.array(Section),
});

// ── assessments ───────────────────────────────────────────────────────────────────────────────────────────

/** Model-specific profile: the weight table and tailored-out sub-domains of staged models, plus free notes. */
export const AssessmentProfile = z.looseObject({
  weightTable: z.string().optional(),
  notApplicable: z.array(z.string()).optional(),
});
export type AssessmentProfile = z.infer<typeof AssessmentProfile>;

/**
 * A profile as a request gives it: only the fields a model reads, each then checked against the model's own values
 * (checkProfile in src/features/assessments/answer-checks.ts: a weight table of the model, tailorable sub-domains).
 */
export const AssessmentProfileInput = z.strictObject({
  weightTable: z.string().max(100).optional(),
  notApplicable: z.array(z.string().max(100)).max(500).optional(),
});

export const CreateAssessment = z.object({
  modelId: z.string().min(1),
  mode: z.enum(ASSESSMENT_MODES).default('self'),
  title: z.string().trim().min(1, 'a title is required').max(200),
  profile: AssessmentProfileInput.default({}),
});
export type CreateAssessment = z.input<typeof CreateAssessment>;

const LevelRef = z.object({ id: z.string(), name: z.string() });

export const AssessmentSummary = z.object({
  id: z.string(),
  modelId: z.string(),
  modelVersion: z.string(),
  modelTitle: Text,
  family: z.enum(FAMILIES),
  mode: z.enum(ASSESSMENT_MODES),
  status: z.enum(ASSESSMENT_STATUSES),
  title: z.string(),
  profile: AssessmentProfile,
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  /** the assessment's version (section assignments, submit, reopen): send it with SaveAssignments */
  version: z.number().int(),
  answered: z.number().int(),
  total: z.number().int(),
  /** frozen at submission; null for drafts */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().nullable(),
  level: LevelRef.nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

/**
 * GET /api/assessments' filters, all optional and combined: `q` in the title (any case), the status, the indicator
 * system, and the year of the assessment's date (submitted, else created; UTC).
 */
export const AssessmentListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  modelId: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type AssessmentListQuery = z.infer<typeof AssessmentListQuery>;

export const Answer = z.object({
  itemId: z.string(),
  value: AnswerValue.nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string(),
  verification: z.enum(['verified', 'corrected']).nullable(),
  verifiedValue: AnswerValue.nullable(),
  verificationReason: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** the answer's version: send it in SaveAnswers.versions when changing this answer */
  version: z.number().int(),
});
export type Answer = z.infer<typeof Answer>;

export const Assignment = z.object({
  sectionId: z.string(),
  respondentRole: z.enum(RESPONDENT_ROLES),
  /** the named colleague who answers the section, a member of the assessment's organisation */
  userId: z.string().nullable(),
  /** that colleague's display name (null when nobody is named, or the user is gone) */
  userName: z.string().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/** A member of the assessment's organisation a section can be assigned to (never anyone of another organisation). */
export const AssignableMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
});
export type AssignableMember = z.infer<typeof AssignableMember>;

export const AssessmentEvent = z.object({
  id: z.string(),
  kind: z.enum(['created', 'submitted', 'reopened']),
  note: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
});
export type AssessmentEvent = z.infer<typeof AssessmentEvent>;

export const Evidence = z.object({
  id: z.string(),
  itemId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const AssessmentDetail = z.object({
  assessment: AssessmentSummary,
  answers: z.array(Answer),
  assignments: z.array(Assignment),
  /** the organisation's members, whom a section can be assigned to */
  assignableMembers: z.array(AssignableMember),
  events: z.array(AssessmentEvent),
  evidence: z.array(Evidence),
  /** whether the signed-in user may change it (editor or admin) */
  canWrite: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

/** Autosave: a batch of answers; null clears an answer. Every value is checked; nothing is stored if one is bad. */
export const SaveAnswers = z.object({
  answers: z.record(z.string(), AnswerValue.nullable()),
  /**
   * item → the version of its answer when loaded (Answer.version; 0 or left out: there was no answer). An item
   * someone else changed since answers 409 stale_version naming it; other items saved by others do not matter.
   */
  versions: z.record(z.string(), z.number().int().min(0)).default({}),
});
export type SaveAnswers = z.input<typeof SaveAnswers>;
export const SaveAnswersResult = z.object({
  saved: z.number().int(),
  answered: z.number().int(),
  /** item → the new version of its answer (0: cleared), to send with the next change of it */
  versions: z.record(z.string(), z.number().int()),
});

export const SaveAssignments = z.object({
  /** the assessment version edited (AssessmentSummary.version): required, 409 stale_version when changed since */
  version: z.number().int().min(1).optional(),
  assignments: z.array(
    z.object({
      sectionId: z.string().min(1),
      respondentRole: z.enum(RESPONDENT_ROLES),
      /** a member of the assessment's organisation (400 naming the section otherwise); null or absent: nobody named */
      userId: z.uuid('userId must be a user id').nullable().default(null),
    }),
  ),
});
export type SaveAssignments = z.input<typeof SaveAssignments>;

export const Verify = z.discriminatedUnion('verification', [
  z.object({ verification: z.literal('verified'), reason: z.string().trim().max(2000).default('') }),
  z.object({
    verification: z.literal('corrected'),
    value: AnswerValue,
    reason: z.string().trim().min(1, 'say why the answer is corrected').max(2000),
  }),
]);
export type Verify = z.input<typeof Verify>;

export const Reopen = z.object({ reason: z.string().trim().min(1, 'say why it is reopened').max(2000) });

/** One answer problem, located in the item (and in the sheet for imports). */
export const AnswerProblem = z.object({
  itemId: z.string(),
  message: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().nullable().optional(),
});
export type AnswerProblem = z.infer<typeof AnswerProblem>;

export const ImportResult = z.object({ imported: z.number().int(), answered: z.number().int() });

// ── results ───────────────────────────────────────────────────────────────────────────────────────────────

const AnswerShown = z.union([z.string(), z.array(z.string()), z.number()]).nullable();
const DimensionScore = z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number() });

/** Why the next level cannot be reached, as data (Unreachable of src/core/diagnosis/result.ts). */
export const Unreachable = z.discriminatedUnion('kind', [
  /** the score can reach at most `reachable`, the level needs `needed` */
  z.object({ kind: z.literal('score-cap'), reachable: z.number(), needed: z.number() }),
  /** the model has too few scenes for the level's scene gate */
  z.object({ kind: z.literal('too-few-scenes') }),
  /** not enough scenes can be raised to meet the scene gate */
  z.object({ kind: z.literal('scenes-cannot-rise') }),
  /** S cannot reach `minS` even with every requirement fully met (staged family) */
  z.object({ kind: z.literal('staged-cap'), minS: z.number() }),
  /** a checklist has no levels */
  z.object({ kind: z.literal('no-levels') }),
]);
export type Unreachable = z.infer<typeof Unreachable>;

/** DiagnosisResult of src/core/diagnosis/result.ts */
export const DiagnosisResult = z.object({
  model: z.object({ id: z.string(), version: z.string() }),
  family: z.enum(FAMILIES),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  level: LevelRef.nullable(),
  dimensions: z.array(DimensionScore),
  subDimensions: z.array(DimensionScore),
  scenes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      group: z.string(),
      constrained: z.boolean(),
      level: z.number(),
    }),
  ),
  levelScores: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      score: z.number(),
      passed: z.boolean(),
      counted: z.boolean(),
    }),
  ),
  gaps: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      current: AnswerShown,
      best: AnswerShown,
      lostPoints: z.number(),
      scenarios: z.array(z.string()),
    }),
  ),
  nextLevel: z
    .union([
      z.object({
        reachable: z.literal(true),
        target: LevelRef,
        changes: z.array(
          z.object({
            itemId: z.string(),
            kind: z.enum(['question', 'scene', 'requirement']),
            name: z.string(),
            from: AnswerShown,
            to: AnswerShown,
            gain: z.number(),
            step: z.number(),
            scenarios: z.array(z.string()),
          }),
        ),
        changeCount: z.number(),
        totalStep: z.number(),
      }),
      z.object({
        reachable: z.literal(false),
        target: LevelRef.nullable(),
        /** in English, for logs; show `why` in the reader's language */
        reason: z.string(),
        /** absent in results frozen before it existed */
        why: Unreachable.optional(),
      }),
    ])
    .nullable(),
});
export type DiagnosisResultBody = z.infer<typeof DiagnosisResult>;

export const Comparison = z.object({
  previous: z.object({ id: z.string(), title: z.string(), submittedAt: z.string().nullable() }),
  scoreBefore: z.number(),
  scoreAfter: z.number(),
  levelBefore: LevelRef.nullable(),
  levelAfter: LevelRef.nullable(),
  dimensions: z.array(
    z.object({ id: z.string(), name: z.string(), before: z.number(), after: z.number(), delta: z.number() }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;

export const ResultResponse = z.object({
  /** true while a draft (computed now from the answers); false when frozen at submission */
  live: z.boolean(),
  result: DiagnosisResult,
  /** atlas scenario code → name, for every code in gaps and next-level changes */
  scenarios: z.record(z.string(), Text),
  /** the atlas pack the codes belong to */
  atlas: z.string(),
  answered: z.number().int(),
  total: z.number().int(),
  /** the organisation's previous submitted assessment of the same model, if any */
  comparison: Comparison.nullable(),
});
export type ResultResponse = z.infer<typeof ResultResponse>;
