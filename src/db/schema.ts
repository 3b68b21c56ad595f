import { sql } from 'drizzle-orm';
import { ORGANISATION_KINDS, ROLES } from '../contracts/auth.ts';
import {
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn as AnyColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The one PostgreSQL schema. Every tenant-owned table carries `org_id` (the organisation that owns the row),
 * so a distributed PostgreSQL (Citus) can shard on it. `organisations` and `users` are shared reference tables.
 */

export { ORGANISATION_KINDS, ROLES };
export type { OrganisationKind, Role } from '../contracts/auth.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    name: text('name').notNull(),
    /** an authority, park or association that this organisation belongs to (a pilot region, say) */
    parentId: uuid('parent_id'),
    /** administrative region code (GB/T 2260), e.g. 330100 */
    regionCode: text('region_code'),
    /** optimistic concurrency: bumped by every rename; a rename of an older version answers 409 stale_version */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_parent_idx').on(t.parentId)],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** a one-time password must be changed at first sign-in */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  locale: text('locale').notNull().default('zh-CN'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not hand out sessions */
    tokenHash: text('token_hash').primaryKey(),
    /** the organisation the session acts for */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * An invitation to join an organisation with a role, by email (组织与成员). Nobody becomes a member until the
 * invitee accepts; an unknown email gets its account only then. The one-time code is stored only as its SHA-256.
 * Status: accepted, declined or revoked when that time is set, else expired after `expires_at`, else pending.
 */
export const invitations = pgTable(
  'invitations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** lower-case */
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    codeHash: text('code_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('invitations_id_idx').on(t.id),
    index('invitations_code_idx').on(t.codeHash),
    index('invitations_email_idx').on(t.email),
  ],
);

/**
 * Failed sign-ins, counted per e-mail and client address together (`scope` 'pair') and per client address across
 * e-mails ('address', `email` empty), so that every instance behind a load balancer sees one count and a restart
 * keeps it (src/server/auth/sign-in-throttle.ts). Not a tenant table, hence no `org_id`: a failed sign-in belongs
 * to no organisation — its e-mail may name nobody — and the count must hold across all of them. Not backed up,
 * like sessions: it is short-lived protection, not data.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    scope: text('scope', { enum: ['pair', 'address'] }).notNull(),
    /** the e-mail as typed, trimmed and lower-cased; '' for an address's own count */
    email: text('email').notNull(),
    /** the client address (TUPU_TRUST_PROXY says whose X-Forwarded-For to believe) */
    address: text('address').notNull(),
    /** failures since the count last started (it starts over a day after the last one, or on a success) */
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    /** no try is admitted before this time */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.email, t.address] }),
    index('sign_in_failures_last_idx').on(t.lastFailureAt),
  ],
);

// ── Diagnosis 评估诊断 ─────────────────────────────────────────────────────────────────────────────────────

export const ASSESSMENT_MODES = ['self', 'assessor'] as const;
export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
/** respondents the guide names in 二（三）: 企业管理者、各业务部门责任人、一线技术工人 */
export const RESPONDENT_ROLES = ['manager', 'department_head', 'frontline'] as const;

/** One assessment of an organisation against one indicator system (model pack id + version). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    modelId: text('model_id').notNull(),
    modelVersion: text('model_version').notNull(),
    mode: text('mode', { enum: ASSESSMENT_MODES }).notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    /** model-specific profile, e.g. { "processType": "discrete" } for staged models */
    profile: jsonb('profile').notNull().default({}),
    /** the scored result frozen at submission */
    result: jsonb('result'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** optimistic concurrency: bumped by every change of the assessment itself (assignments, profile, status) */
    version: integer('version').notNull().default(1),
    /** the last answer save's number: each saved answer takes it as its version (unique, so never reused) */
    answersVersion: integer('answers_version').notNull().default(1),
  },
  (t) => [index('assessments_org_model_idx').on(t.orgId, t.modelId, t.createdAt)],
);

/** The answer to one item (question, scene, requirement, checklist item); the assessor's check kept beside it. */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: jsonb('value'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    /** assessor mode: verified (value stands) or corrected (verifiedValue replaces it for scoring) */
    verification: text('verification', { enum: ['verified', 'corrected'] }),
    verifiedValue: jsonb('verified_value'),
    verificationReason: text('verification_reason'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** optimistic concurrency per answer: the assessment's answers_version of its last save (other items are independent) */
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.itemId] })],
);

/** Which respondent role answers which section (dimension) of an assessment, optionally a named user. */
export const assessmentAssignments = pgTable(
  'assessment_assignments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    sectionId: text('section_id').notNull(),
    respondentRole: text('respondent_role', { enum: RESPONDENT_ROLES }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.sectionId] })],
);

/** The assessment's history: created, submitted, reopened (with a reason), … */
export const assessmentEvents = pgTable(
  'assessment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['created', 'submitted', 'reopened'] }).notNull(),
    note: text('note'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_events_assessment_idx').on(t.orgId, t.assessmentId, t.at)],
);

/**
 * Evidence files attached to an assessment item, kept in the database (no extra storage to run). The bytes of a file
 * are in evidence_chunks; `content` holds those of files stored before chunking (empty for chunked ones). A file is
 * listed once `complete`: its row is written first, its chunks next, then it is marked complete (see
 * repositories/evidence.ts).
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** the assessment the file is evidence for; null for a project's file (delivery-extra) */
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
    /** the delivery project whose checklist item the file is evidence for (item_id `<checklist>.<item>`) */
    projectId: uuid('project_id'),
    itemId: text('item_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** false while the upload is being written; such a file is not listed, and not kept past an hour */
    complete: boolean('complete').notNull().default(true),
  },
  (t) => [
    index('evidence_files_item_idx').on(t.orgId, t.assessmentId, t.itemId),
    // delivery-extra: a file is an assessment's or a project's, never both (the project's key is declared below it)
    index('evidence_files_project_idx').on(t.orgId, t.projectId, t.itemId),
    check('evidence_files_one_owner', sql`(${t.assessmentId} is null) <> (${t.projectId} is null)`),
    foreignKey({
      columns: [t.orgId, t.projectId] as [AnyColumn, AnyColumn],
      foreignColumns: [deliveryProjects.orgId, deliveryProjects.id],
    }).onDelete('cascade'),
  ],
);

/** The bytes of an evidence file in pieces of at most 256 KB, numbered from 0 (see repositories/evidence.ts). */
export const evidenceChunks = pgTable(
  'evidence_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [uniqueIndex('evidence_chunks_file_seq_idx').on(t.evidenceId, t.seq)],
);

// ── Planning 制定转型规划 ──────────────────────────────────────────────────────────────────────────────────

/** A transformation plan; what-if copies point at the plan they were copied from. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    copiedFrom: uuid('copied_from'),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    atlasPackId: text('atlas_pack_id').notNull(),
    /** enterprise profile: industry, process/discrete, size, revenue, enterprise type */
    profile: jsonb('profile').notNull().default({}),
    /** horizon, periods per year, discount rate, benefit years, budget, capacity */
    settings: jsonb('settings').notNull().default({}),
    /** initiatives with their assumptions and where each number came from */
    initiatives: jsonb('initiatives').notNull().default([]),
    /** plan-level risk register */
    risks: jsonb('risks').notNull().default([]),
    /** the last solved roadmap (status, schedule, reasons, greedy, frontier) */
    solution: jsonb('solution'),
    /** the plan document's sections as edited before export */
    document: jsonb('document'),
    /** optimistic concurrency: bumped by every edit (title, settings, initiatives, risks, document sections) */
    version: integer('version').notNull().default(1),
    /** the version at which each part last changed: `title`, `settings`, `initiatives.<id>`, `risks.<id>`, `document.<lang>.<section>` */
    fieldVersions: jsonb('field_versions').notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_org_idx').on(t.orgId, t.updatedAt)],
);

// ── Delivery 组织落地实施 ─────────────────────────────────────────────────────────────────────────────────

/**
 * A project made from a scheduled initiative of a plan (guide 二（二）). Keyed by (org_id, id), as are the rows
 * beneath it. Budget per plan period; dates as plan periods (the plan's calendar copied in, so the project reads
 * alone); the KPI targets and risks it was given by the plan.
 */
export const deliveryProjects = pgTable(
  'delivery_projects',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    initiativeId: text('initiative_id').notNull(),
    scenario: text('scenario').notNull(),
    /** LocalizedText */
    name: jsonb('name').notNull(),
    scope: jsonb('scope').notNull(),
    /** the provider delivering it (a name or, once the pool exists, a provider organisation id) */
    provider: text('provider'),
    /** budget per plan period, 万元 */
    budget: jsonb('budget').notNull(),
    startPeriod: integer('start_period').notNull(),
    finishPeriod: integer('finish_period').notNull(),
    /** the plan's calendar: { start: { year, quarter }, periodsPerYear } */
    calendar: jsonb('calendar').notNull(),
    kpiTargets: jsonb('kpi_targets').notNull().default([]),
    risks: jsonb('risks').notNull().default([]),
    /** periods 0 … closed_through are closed for cost booking; null while none is */
    closedThrough: integer('closed_through'),
    /** the delivery pack the gates and checklists come from */
    packId: text('pack_id').notNull(),
    /**
     * 验收满意度: the enterprise's rating (1 … 5) of its provider's work, given once the last gate (竣工验收) passed;
     * it feeds the provider's grade (工作实效). Null while not rated.
     */
    acceptanceRating: integer('acceptance_rating'),
    acceptanceComment: text('acceptance_comment'),
    acceptanceRatedBy: uuid('acceptance_rated_by').references(() => users.id, { onDelete: 'set null' }),
    acceptanceRatedAt: timestamp('acceptance_rated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    fieldVersions: jsonb('field_versions').notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('delivery_projects_plan_initiative_idx').on(t.orgId, t.planId, t.initiativeId),
  ],
);

const projectKey = (t: { orgId: AnyColumn; projectId: AnyColumn }) =>
  foreignKey({
    columns: [t.orgId, t.projectId] as [AnyColumn, AnyColumn],
    foreignColumns: [deliveryProjects.orgId, deliveryProjects.id],
  }).onDelete('cascade');

/** The project's team: a role of the delivery pack, a person, and the user account when they have one. */
export const deliveryTeamMembers = pgTable(
  'delivery_team_members',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.id] }), projectKey(t)],
);

export const deliveryMilestones = pgTable(
  'delivery_milestones',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    /** ISO date */
    due: text('due').notNull(),
    /** ISO date it was done; null while open */
    doneOn: text('done_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.id] }), projectKey(t)],
);

/** Spend booked against a plan period (万元); a correction is a negative entry, entries are never edited. */
export const deliveryCostEntries = pgTable(
  'delivery_cost_entries',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    period: integer('period').notNull(),
    amount: doublePrecision('amount').notNull(),
    note: text('note').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.id] }), projectKey(t)],
);

/**
 * A ticked item of a gate's or a supervision checklist, with its evidence: references (ids or names) of evidence
 * files. The assessments' evidence store is keyed by assessment, so project files are referenced, not stored, here.
 */
export const deliveryTicks = pgTable(
  'delivery_ticks',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    checklistId: text('checklist_id').notNull(),
    itemId: text('item_id').notNull(),
    evidence: jsonb('evidence').notNull().default([]),
    tickedBy: uuid('ticked_by').references(() => users.id, { onDelete: 'set null' }),
    tickedAt: timestamp('ticked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.checklistId, t.itemId] }), projectKey(t)],
);

/** A gate passed: by whom, for which party, when. */
export const deliveryGatePasses = pgTable(
  'delivery_gate_passes',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    gateId: text('gate_id').notNull(),
    party: text('party').notNull(),
    passedBy: uuid('passed_by').references(() => users.id, { onDelete: 'set null' }),
    passedAt: timestamp('passed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.gateId] }), projectKey(t)],
);

/** Changes during delivery (scope, budget, provider, dates): who, when, why, from what to what. */
export const deliveryChanges = pgTable(
  'delivery_changes',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.id] }), projectKey(t)],
);

// ── Providers 服务商资源池 ────────────────────────────────────────────────────────────────────────────────

/**
 * A service provider's profile (服务商画像), one per provider organisation: classes and types, capabilities by atlas
 * scenario code, industries, regions, products, references, certifications (`profile`, the domain's ProviderProfile
 * without its id and name, which are the organisation's), and the typed answers of the grading model
 * (`grading_answers`; 工作实效 is computed, never stored here). Versioned per part like the other records.
 */
export const providerProfiles = pgTable(
  'provider_profiles',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    profile: jsonb('profile').notNull(),
    gradingAnswers: jsonb('grading_answers').notNull().default({}),
    version: integer('version').notNull().default(1),
    fieldVersions: jsonb('field_versions').notNull().default({}),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId] })],
);

/**
 * A pool an authority opens (city-wide or per sub-industry): the domain's PoolDefinition without its id, whether its
 * pilot requires providers from the pool, and a version that moves with every step (a cache key for matching).
 */
export const providerPools = pgTable(
  'provider_pools',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    definition: jsonb('definition').notNull(),
    requiredForPilot: boolean('required_for_pilot').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('provider_pools_id_idx').on(t.id)],
);

/**
 * Every accepted step of a pool's memberships, in order (the domain's MembershipCommand): the pool's state is their
 * replay through `poolStep`. Kept with the pool's organisation (the authority); refused steps are never stored.
 */
export const providerPoolSteps = pgTable(
  'provider_pool_steps',
  {
    orgId: uuid('org_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    seq: integer('seq').notNull(),
    providerId: uuid('provider_id').notNull(),
    command: jsonb('command').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.poolId, t.seq] }),
    foreignKey({
      columns: [t.orgId, t.poolId],
      foreignColumns: [providerPools.orgId, providerPools.id],
    }).onDelete('cascade'),
    index('provider_pool_steps_provider_idx').on(t.providerId),
  ],
);

// ── Delivery: provider invitations 服务商邀请 (delivery-extra) ──────────────────────────────────────────────

export const PROJECT_INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;

/**
 * A service-provider organisation invited to one project of an enterprise (keyed by the enterprise's org_id). While
 * `accepted`, the provider's members reach that project only (Ownership.sharedWith); revoking ends it at their next
 * request. At most one open (pending or accepted) invitation per provider and project.
 */
export const deliveryProviderInvitations = pgTable(
  'delivery_provider_invitations',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerOrgId: uuid('provider_org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PROJECT_INVITATION_STATUSES }).notNull().default('pending'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.projectId, t.id] }),
    projectKey(t),
    uniqueIndex('delivery_provider_invitations_open_idx')
      .on(t.orgId, t.projectId, t.providerOrgId)
      .where(sql`status in ('pending', 'accepted')`),
    index('delivery_provider_invitations_provider_idx').on(t.providerOrgId, t.status),
  ],
);

// ── Evaluation 成效评估: ledgers and KPI values (evaluation) ───────────────────────────────────────────────

/**
 * A ledger file uploaded for import, before its columns are mapped: its preview (headers, the rows counted) and its
 * bytes in chunks (ledger_upload_chunks), kept until it is imported or it expires.
 */
export const ledgerUploads = pgTable(
  'ledger_uploads',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    layout: text('layout').notNull(),
    headers: jsonb('headers').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const ledgerUploadChunks = pgTable(
  'ledger_upload_chunks',
  {
    orgId: uuid('org_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    seq: integer('seq').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.uploadId, t.seq] }),
    foreignKey({
      columns: [t.orgId, t.uploadId],
      foreignColumns: [ledgerUploads.orgId, ledgerUploads.id],
    }).onDelete('cascade'),
  ],
);

/** A ledger imported: the file, its kind and mapping, what was stored and the problems of rows left out. */
export const ledgerImports = pgTable(
  'ledger_imports',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    kind: text('kind').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** of the file's bytes: the same file is not imported twice (its rows would count twice) */
    sha256: text('sha256').notNull(),
    layout: text('layout').notNull(),
    mapping: jsonb('mapping').notNull(),
    rowCount: integer('row_count').notNull(),
    dateFrom: text('date_from'),
    dateTo: text('date_to'),
    status: text('status', { enum: ['complete', 'partial'] }).notNull(),
    problems: jsonb('problems').notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('ledger_imports_file_idx').on(t.orgId, t.sha256),
  ],
);

/** The rows of an import, mapped onto the catalogue's data fields in their common units; `row` as the file numbers it. */
export const ledgerRows = pgTable(
  'ledger_rows',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    /** ISO YYYY-MM-DD */
    date: text('date').notNull(),
    values: jsonb('values').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.row] }),
    foreignKey({
      columns: [t.orgId, t.importId],
      foreignColumns: [ledgerImports.orgId, ledgerImports.id],
    }).onDelete('cascade'),
    index('ledger_rows_date_idx').on(t.orgId, t.date),
  ],
);

/** The column mapping last used for a file layout (a hash of its sorted, normalised headers), per organisation. */
export const ledgerMappings = pgTable(
  'ledger_mappings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    layout: text('layout').notNull(),
    kind: text('kind').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.layout] })],
);

/** A KPI value typed in for a period (marked manual, with who entered it); computed values are never stored. */
export const kpiManualValues = pgTable(
  'kpi_manual_values',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kpiId: text('kpi_id').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kpiId, t.period] })],
);

// ── Portfolio: result sharing 诊断结果共享 (portfolio) ─────────────────────────────────────────────────────────

/**
 * An enterprise's consent to let an authority (the pilot authority above it) read its latest submitted diagnosis
 * result in full from the authority's portfolio: who gave it and when, and who withdrew it and when. Each grant is
 * its own row (the history stays); at most one open (not revoked) grant per enterprise and authority.
 */
export const resultShares = pgTable(
  'result_shares',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    authorityOrgId: uuid('authority_org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    sharedBy: uuid('shared_by').references(() => users.id, { onDelete: 'set null' }),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('result_shares_open_idx')
      .on(t.orgId, t.authorityOrgId)
      .where(sql`revoked_at is null`),
    index('result_shares_authority_idx').on(t.authorityOrgId),
  ],
);

// ── Audit 审计日志 (audit) ───────────────────────────────────────────────────────────────────────────────────

/**
 * Every write, kept in the organisation it touched: who (the user's id, and their name as it was then: a user
 * deleted later still reads), when, what (the action, the entity), the small before and after snapshots, and the
 * request. Append-only: a trigger (migration audit_append_only) refuses UPDATE and DELETE, except when a whole
 * organisation is deleted (`tupu.audit_purge` set for that transaction, see src/features/audit/audit-purge.ts).
 * No foreign key to users: the trail must outlive them, and `set null` would be an update.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** null for a change nobody signed in made (the operator's command line) */
    actorUserId: uuid('actor_user_id'),
    actorDisplay: text('actor_display').notNull(),
    /** `<entity>.<verb>`, e.g. assessment.answer.save; `http.<method>` for the server's fallback record */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('audit_events_org_at_idx').on(t.orgId, t.at),
    index('audit_events_request_idx').on(t.orgId, t.requestId),
  ],
);
