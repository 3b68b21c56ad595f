/**
 * Delivery API shapes (组织落地实施, guide 二（二）): projects made from a solved plan, their team, milestones, cost
 * entries, checklists and gates, the status light and the roll-ups. One definition per concept; the server and the
 * web app both use these.
 */
import { z } from 'zod';
import { Evidence } from './diagnosis.ts';
import { RiskInput } from './planning.ts';
import { RecordVersion, VersionField } from './versioning.ts';

const Text = z.object({ zh: z.string(), en: z.string() });
/** ISO calendar date, 2027-03-31 */
export const IsoDate = z.iso.date();

export const PARTIES = ['enterprise', 'provider', 'authority'] as const;
export const Party = z.enum(PARTIES);
export const LIGHTS = ['on-track', 'at-risk', 'late'] as const;
export const Light = z.enum(LIGHTS);
export type Light = z.infer<typeof Light>;
export const CHANGE_KINDS = ['scope', 'budget', 'provider', 'dates'] as const;
/** a project's change history also records who was given access: a provider invited, accepting, declining, revoked */
export const RECORDED_CHANGE_KINDS = [
  ...CHANGE_KINDS,
  'provider-invited',
  'provider-accepted',
  'provider-declined',
  'provider-revoked',
] as const;

// ── the delivery pack ──────────────────────────────────────────────────────────────────────────────────────
export const ChecklistItemView = z.object({ id: z.string(), text: Text, evidence: z.boolean() });
export const DeliveryPackView = z.object({
  id: z.string(),
  version: z.string(),
  title: Text,
  gates: z.array(
    z.object({ id: z.string(), name: Text, party: Party, checklist: z.array(ChecklistItemView) }),
  ),
  supervision: z.array(z.object({ id: z.string(), name: Text, items: z.array(ChecklistItemView) })),
  roles: z.array(z.object({ id: z.string(), name: Text, party: Party })),
  /** what an organisation invited to a project may change there, per party */
  invited: z.array(
    z.object({
      party: Party,
      milestones: z.boolean(),
      costs: z.boolean(),
      checklists: z.array(z.string()),
    }),
  ),
});
export type DeliveryPackView = z.infer<typeof DeliveryPackView>;

// ── requests ───────────────────────────────────────────────────────────────────────────────────────────────
/** POST /api/plans/:id/projects: every scheduled initiative not yet a project, or the one named. */
export const CreateProjects = z.object({ initiativeId: z.string().min(1).optional() });
export type CreateProjects = z.infer<typeof CreateProjects>;

/** PATCH /api/projects/:id. A change of scope, budget, provider or dates needs a reason (it is recorded). */
export const UpdateProject = VersionField.extend({
  reason: z.string().trim().min(1).max(2000).optional(),
  name: Text.optional(),
  scope: Text.optional(),
  provider: z.string().trim().min(1).max(200).nullable().optional(),
  budget: z.array(z.number().min(0)).min(1).optional(),
  startPeriod: z.number().int().min(0).optional(),
  finishPeriod: z.number().int().min(0).optional(),
  /** close periods 1 … closedThrough + 1 for cost booking (0-based index; null opens all) */
  closedThrough: z.number().int().min(0).nullable().optional(),
});
export type UpdateProject = z.infer<typeof UpdateProject>;

export const AddTeamMember = z.object({
  role: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** the member's user account, when they have one: they then act for the role's party at the gates */
  userId: z.uuid().optional(),
});
export type AddTeamMember = z.infer<typeof AddTeamMember>;

export const AddMilestone = z.object({ title: z.string().trim().min(1).max(300), due: IsoDate });
export type AddMilestone = z.infer<typeof AddMilestone>;

export const UpdateMilestone = VersionField.extend({
  title: z.string().trim().min(1).max(300).optional(),
  due: IsoDate.optional(),
  /** the date it was done; null reopens it */
  doneOn: IsoDate.nullable().optional(),
});
export type UpdateMilestone = z.infer<typeof UpdateMilestone>;

export const AddCostEntry = z.object({
  /** 0-based plan period */
  period: z.number().int(),
  /** 万元; a correction is negative */
  amount: z.number(),
  note: z.string().max(500).optional(),
});
export type AddCostEntry = z.infer<typeof AddCostEntry>;

/** PUT /api/projects/:id/checklists/:checklistId/items/:itemId */
export const TickItem = VersionField.extend({
  ticked: z.boolean(),
  /** references of evidence files (required for items whose pack entry says evidence: true) */
  evidence: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type TickItem = z.infer<typeof TickItem>;

/** the top of the 验收满意度 scale (1 … ACCEPTANCE_RATING_SCALE), as the grading model reads it */
export const ACCEPTANCE_RATING_SCALE = 5;

/** PUT /api/projects/:id/acceptance-rating — the enterprise rates its provider's work after 竣工验收 */
export const RateAcceptance = VersionField.extend({
  rating: z.number().int().min(1).max(ACCEPTANCE_RATING_SCALE),
  comment: z.string().trim().max(1000).default(''),
});
export type RateAcceptance = z.infer<typeof RateAcceptance>;

// ── answers ────────────────────────────────────────────────────────────────────────────────────────────────
export const PeriodRollupView = z.object({
  period: z.number(),
  label: Text,
  planned: z.number(),
  actual: z.number(),
  due: z.number(),
  late: z.number(),
  slipDays: z.number(),
});

export const ProjectSummary = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  initiativeId: z.string(),
  scenario: z.string(),
  name: Text,
  provider: z.string().nullable(),
  startPeriod: z.number(),
  finishPeriod: z.number(),
  /** calendar labels of the start and finish periods (2027年Q1 / 2027 Q1) */
  start: Text,
  finish: Text,
  plannedStart: IsoDate,
  plannedFinish: IsoDate,
  budgetTotal: z.number(),
  actualTotal: z.number(),
  /** done milestones / all milestones */
  progress: z.number(),
  light: Light,
  /** the first gate not passed; null when all have */
  currentGate: z.string().nullable(),
  version: RecordVersion,
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const LightReasonView = z.object({
  kind: z.enum(['overdue', 'done-late', 'overrun']),
  milestoneId: z.string().optional(),
  /** days (overdue, done-late) or overrun share of the budget to date; null for spend with no budget to date */
  amount: z.number().nullable(),
  light: Light,
});

export const ProjectView = ProjectSummary.extend({
  scope: Text,
  budget: z.array(z.number()),
  calendar: z.object({
    start: z.object({ year: z.number(), quarter: z.number() }),
    periodsPerYear: z.number(),
  }),
  kpiTargets: z.array(
    z.object({
      kpi: z.string(),
      name: Text,
      unit: z.string(),
      improvement: z.number(),
      valueTag: z.string(),
    }),
  ),
  risks: z.array(RiskInput.extend({ id: z.string() })),
  closedThrough: z.number().nullable(),
  packId: z.string(),
  /** 验收满意度: the enterprise's rating of the provider's work; null while not rated */
  acceptance: z
    .object({
      rating: z.number(),
      comment: z.string(),
      ratedBy: z.string().nullable(),
      ratedAt: z.string(),
    })
    .nullable(),
  team: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      party: Party.nullable(),
      name: z.string(),
      userId: z.string().nullable(),
    }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      due: IsoDate,
      doneOn: IsoDate.nullable(),
      slipDays: z.number(),
    }),
  ),
  costs: z.array(
    z.object({
      id: z.string(),
      period: z.number(),
      amount: z.number(),
      note: z.string(),
      enteredAt: z.string(),
    }),
  ),
  checklists: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['gate', 'supervision']),
      complete: z.boolean(),
      items: z.array(
        z.object({
          id: z.string(),
          ticked: z.boolean(),
          /** references: names, ids, and `file:<id>` for an uploaded file of the item */
          evidence: z.array(z.string()),
          tickedAt: z.string().nullable(),
          /** the evidence files uploaded for the item (download: GET /api/projects/{id}/files/{fileId}) */
          files: z.array(Evidence),
        }),
      ),
    }),
  ),
  gates: z.array(
    z.object({
      id: z.string(),
      party: Party,
      passed: z.boolean(),
      passedAt: z.string().nullable(),
      passedBy: z.string().nullable(),
    }),
  ),
  status: z.object({ light: Light, reasons: z.array(LightReasonView) }),
  rollup: z.object({
    periods: z.array(PeriodRollupView),
    budgetToDate: z.number(),
    actualToDate: z.number(),
  }),
  changes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(RECORDED_CHANGE_KINDS),
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
      reason: z.string(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ProjectView = z.infer<typeof ProjectView>;

/** GET /api/plans/:id/projects: the plan's projects and their roll-up per plan period. */
export const PlanProjects = z.object({
  projects: z.array(ProjectSummary),
  rollup: z.object({
    periods: z.array(PeriodRollupView),
    planned: z.number(),
    actual: z.number(),
    lights: z.record(Light, z.number()),
    projects: z.number(),
    /** the KPI targets the projects serve, each with its projects and its worst light */
    targets: z.array(
      z.object({
        kpi: z.string(),
        name: Text,
        unit: z.string(),
        projects: z.array(z.object({ id: z.string(), improvement: z.number(), light: Light })),
        light: Light,
      }),
    ),
  }),
});
export type PlanProjects = z.infer<typeof PlanProjects>;

/** `error.details` of a 400 refused delivery write: every problem, each naming the field. */
export const DeliveryProblems = z.object({
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});

// ── provider invitations ───────────────────────────────────────────────────────────────────────────────────
/** POST /api/projects/:id/invitations: invite a service-provider organisation to the project. */
export const InviteProvider = z.object({
  providerOrgId: z.uuid(),
  /** recorded in the project's change history */
  reason: z.string().trim().max(2000).optional(),
});
export type InviteProvider = z.infer<typeof InviteProvider>;

/** DELETE /api/projects/:id/invitations/:invitationId: revoke (the provider's members are refused at once). */
export const RevokeInvitation = z.object({ reason: z.string().trim().max(2000).optional() });

export const PROJECT_INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export const ProjectInvitation = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: Text,
  /** the enterprise that owns the project */
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  status: z.enum(PROJECT_INVITATION_STATUSES),
  invitedAt: z.string(),
  invitedBy: z.string().nullable(),
  respondedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ProjectInvitation = z.infer<typeof ProjectInvitation>;
export const ProjectInvitations = z.object({ invitations: z.array(ProjectInvitation) });
export type ProjectInvitations = z.infer<typeof ProjectInvitations>;

// ── the portfolio ──────────────────────────────────────────────────────────────────────────────────────────
/** GET /api/portfolio/projects: the projects of the enterprises an authority or provider oversees. */
export const PortfolioProjects = z.object({
  projects: z.array(ProjectSummary.extend({ enterpriseId: z.string(), enterpriseName: z.string() })),
  lights: z.record(Light, z.number()),
  /** planned against actual spend and late milestones per calendar quarter, over every project */
  quarters: z.array(
    z.object({
      year: z.number(),
      quarter: z.number(),
      planned: z.number(),
      actual: z.number(),
      late: z.number(),
    }),
  ),
  /** the enterprises overseen (at most 500, by name) */
  enterprises: z.number(),
  truncated: z.boolean(),
});
export type PortfolioProjects = z.infer<typeof PortfolioProjects>;
