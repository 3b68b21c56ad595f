import { z } from 'zod';
import { ROLES } from './auth.ts';
import { AssessmentSummary, CreateAssessment } from './diagnosis.ts';
import { PLAN_STATUSES } from './planning.ts';

/**
 * 企业总览 — the portfolio of an organisation that looks after enterprises (a service provider's clients, an
 * authority's pilot enterprises, an association's members; the platform: every enterprise): per enterprise its
 * latest diagnosis and latest plan, and totals over the whole portfolio. Shared by the server (validation, OpenAPI)
 * and the web app (types only).
 */

/** At most this many enterprises per answer (`limit`); more are reported by `truncated`. */
export const PORTFOLIO_LIMIT_MAX = 500;
export const PORTFOLIO_LIMIT_DEFAULT = 200;

const Text = z.object({ zh: z.string(), en: z.string() });
const LevelRef = z.object({ id: z.string(), name: z.string() });

export const PortfolioQuery = z.object({
  /** only enterprises whose name contains this text, without regard to case */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PORTFOLIO_LIMIT_MAX).default(PORTFOLIO_LIMIT_DEFAULT),
});
export type PortfolioQuery = z.input<typeof PortfolioQuery>;

export const PortfolioAssessment = z.object({
  id: z.string(),
  title: z.string(),
  modelId: z.string(),
  /** the indicator system's title; null when this server has not loaded the model */
  modelTitle: Text.nullable(),
  status: z.enum(['draft', 'submitted']),
  /** frozen at submission; null for a draft */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  /** the level reached (its name as frozen, in Chinese); null for a draft, a checklist or below the first level */
  level: LevelRef.nullable(),
  /** submission time, or creation time for a draft */
  updatedAt: z.string(),
});
export type PortfolioAssessment = z.infer<typeof PortfolioAssessment>;

export const PortfolioPlan = z.object({
  id: z.string(),
  title: z.string(),
  /** the last solved roadmap's status; null when never solved */
  status: z.enum(PLAN_STATUSES).nullable(),
  /** the last solved roadmap's net present value (万元); null when never solved */
  objective: z.number().nullable(),
  updatedAt: z.string(),
});
export type PortfolioPlan = z.infer<typeof PortfolioPlan>;

export const PortfolioEnterprise = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  /** the newest assessment, draft or submitted */
  latestAssessment: PortfolioAssessment.nullable(),
  assessmentCount: z.number().int(),
  /** the most recently changed plan */
  latestPlan: PortfolioPlan.nullable(),
  planCount: z.number().int(),
  /**
   * the signed-in user's own role in this enterprise, or null. Only a member can open the enterprise's assessments
   * and plans (after switching to it, POST /api/auth/organisation); the portfolio shows summaries only.
   */
  myRole: z.enum(ROLES).nullable(),
  /**
   * whether the signed-in user may start an assessment of it from the portfolio (POST /api/portfolio/assessments):
   * an editor or administrator of it, or an administrator of the organisation that manages it
   */
  canStartAssessment: z.boolean(),
  /**
   * whether the signed-in user may read its latest submitted result in full (dimension scores, gaps; the
   * portfolio workbook's results sheets): a member of it, or an administrator of the service provider managing it
   */
  canReadResult: z.boolean(),
  /** the service provider the enterprise belongs to (its parent), or null */
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** for an authority: whether the enterprise shares its results with it now (its choice); false otherwise */
  sharedWithYou: z.boolean(),
  /** the latest submitted result's dimension scores, where `canReadResult`; else null */
  latestResult: z
    .object({
      assessmentId: z.string(),
      modelId: z.string(),
      submittedAt: z.string().nullable(),
      dimensions: z.array(z.object({ id: z.string(), name: Text, score: z.number(), max: z.number() })),
    })
    .nullable(),
});
export type PortfolioEnterprise = z.infer<typeof PortfolioEnterprise>;

export const LevelCount = z.object({
  /** null: submitted without reaching a level (or a checklist, which has none) */
  level: LevelRef.nullable(),
  enterprises: z.number().int(),
});

export const IndicatorSystemDistribution = z.object({
  modelId: z.string(),
  modelTitle: Text.nullable(),
  /** enterprises with a submitted assessment of this model, each counted once at its latest submitted level */
  levels: z.array(LevelCount),
});
export type IndicatorSystemDistribution = z.infer<typeof IndicatorSystemDistribution>;

export const PortfolioTotals = z.object({
  enterprises: z.number().int(),
  /** enterprises with at least one submitted assessment */
  diagnosed: z.number().int(),
  /** enterprises with at least one plan */
  planned: z.number().int(),
  levelsByModel: z.array(IndicatorSystemDistribution),
});
export type PortfolioTotals = z.infer<typeof PortfolioTotals>;

export const Portfolio = z.object({
  /** over the whole portfolio, whatever `q` and `limit` */
  totals: PortfolioTotals,
  /** enterprises matching `q`, by name, at most `limit` */
  enterprises: z.array(PortfolioEnterprise),
  /** how many enterprises match `q` */
  matching: z.number().int(),
  /** true when `matching` exceeds the enterprises listed: search by name to narrow */
  truncated: z.boolean(),
  limit: z.number().int(),
});
export type Portfolio = z.infer<typeof Portfolio>;

/**
 * POST /api/portfolio/assessments: start an assessment of one of the portfolio's enterprises while acting for the
 * provider (no switch first): the assessment as for POST /api/assessments, and whose it is.
 */
export const StartClientAssessment = CreateAssessment.extend({
  enterpriseId: z.string().uuid('enterpriseId must be an organisation id'),
});
export type StartClientAssessment = z.input<typeof StartClientAssessment>;

export const ClientAssessmentStarted = z.object({
  enterpriseId: z.string(),
  /**
   * `member`: the caller is an editor or administrator of the enterprise, and opens the assessment after switching
   * to it; `manager`: their organisation manages the enterprise and started it for the enterprise's own members
   */
  right: z.enum(['member', 'manager']),
  assessment: AssessmentSummary,
});
export type ClientAssessmentStarted = z.infer<typeof ClientAssessmentStarted>;

/** At most this many enterprises per imported workbook. */
export const ENTERPRISE_IMPORT_MAX_ROWS = 500;
/** The enterprise workbook's sheet and headers, in either language (the template's, GET …/enterprises-template.xlsx). */
export const ENTERPRISE_SHEET = {
  zh: { sheet: '企业', name: '企业名称', regionCode: '行政区划代码' },
  en: { sheet: 'Enterprises', name: 'Enterprise name', regionCode: 'Region code' },
} as const;

/** Why a cell of an imported enterprise workbook is refused; `message` says it in English, the codes let a UI word it. */
export const ENTERPRISE_PROBLEM_CODES = [
  'unreadable',
  'no_sheet',
  'header',
  'empty',
  'too_many_rows',
  'name_required',
  'name_invalid',
  'region_invalid',
  'duplicate_in_file',
  'name_taken',
] as const;

export const EnterpriseImportProblem = z.object({
  code: z.enum(ENTERPRISE_PROBLEM_CODES),
  /** the cell, as Excel names it: `企业!A3`; `file` for the workbook as a whole */
  cell: z.string(),
  /** the sheet row (1 is the header); null for the workbook as a whole */
  row: z.number().int().nullable(),
  /** the column's header, or null */
  column: z.string().nullable(),
  /** the value refused, when there is one */
  value: z.string().nullable(),
  /** the other row of a name given twice */
  otherRow: z.number().int().nullable(),
  message: z.string(),
});
export type EnterpriseImportProblem = z.infer<typeof EnterpriseImportProblem>;

export const EnterpriseImportResult = z.object({
  created: z.array(
    z.object({ row: z.number().int(), id: z.string(), name: z.string(), regionCode: z.string().nullable() }),
  ),
});
export type EnterpriseImportResult = z.infer<typeof EnterpriseImportResult>;

/** One step of an enterprise's sharing of its results with its authority: who shared, and who withdrew it. */
export const ResultShareStep = z.object({
  sharedBy: z.string().nullable(),
  sharedAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/**
 * GET/PUT /api/result-sharing: whether the enterprise lets its pilot authority read its latest submitted diagnosis
 * result in full (dimension scores, gaps) from the authority's portfolio; the enterprise's choice, with its history.
 */
export const ResultSharing = z.object({
  /** the nearest authority above the enterprise; null when there is none (nothing to share with) */
  authority: z.object({ id: z.string(), name: z.string() }).nullable(),
  shared: z.boolean(),
  /** newest first */
  history: z.array(ResultShareStep),
});
export type ResultSharing = z.infer<typeof ResultSharing>;

export const SetResultSharing = z.object({ shared: z.boolean() });
export type SetResultSharing = z.infer<typeof SetResultSharing>;

/**
 * GET /api/portfolio/result: an enterprise's latest submitted result, read-only, for one who may read it from the
 * portfolio (`canReadResult`): worded in `lang`.
 */
export const PortfolioResultQuery = z.object({
  enterpriseId: z.string().uuid('enterpriseId must be an organisation id'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const PortfolioResultView = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  assessment: z.object({
    id: z.string(),
    title: z.string(),
    modelId: z.string(),
    modelTitle: z.string(),
    submittedAt: z.string().nullable(),
  }),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  /** the level's name in `lang`; null below the first level or for a checklist */
  level: z.string().nullable(),
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number() })),
  /** items below their best, the answers in words, most points lost first */
  gaps: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      current: z.string(),
      best: z.string(),
      lostPoints: z.number(),
    }),
  ),
});
export type PortfolioResultView = z.infer<typeof PortfolioResultView>;
