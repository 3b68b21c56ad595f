import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessments, memberships, organisations, plans, type Role } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';

/**
 * Read-only queries over the enterprises an organisation looks after: which they are, and a summary of each one's
 * latest assessment and plan. The caller decides the scope (see load-portfolio.ts); these queries
 * never look beyond it.
 */

/**
 * Whose enterprises: every enterprise (the platform), or those anywhere under one organisation (`rootId`, the tenant, for its
 * administrators — a pilot authority's own enterprises and its providers' clients; null for other members) together
 * with those one user is a member of (`memberUserId`: the clients a consultant was invited into).
 */
export type PortfolioScope = 'all' | { rootId: TenantId | null; memberUserId: string };

function enterprisesIn(scope: PortfolioScope): SQL {
  const enterprise = eq(organisations.kind, 'enterprise');
  if (scope === 'all') return enterprise;
  const member = inArray(organisations.id, orgsOfMember(scope.memberUserId));
  const looksAfter =
    scope.rootId === null ? member : or(inArray(organisations.id, descendantsOf(scope.rootId)), member)!;
  return and(enterprise, looksAfter)!;
}

/** Every organisation below `root` (children, their children …), as a sub-select; `union` stops on any cycle. */
const descendantsOf = (root: TenantId): SQL =>
  sql`(with recursive tree(id) as (select id from organisations where parent_id = ${root} union select o.id from organisations o join tree on o.parent_id = tree.id) select id from tree)`;

/** The organisations `userId` is a member of, as a sub-select. */
const orgsOfMember = (userId: string): SQL =>
  sql`(select ${memberships.orgId} from ${memberships} where ${memberships.userId} = ${userId})`;

/** `name contains q` without regard to case; plain text (no LIKE wildcards to escape). */
const nameContains = (q: string): SQL => sql`position(lower(${q}) in lower(${organisations.name})) > 0`;

export interface EnterpriseRow {
  id: string;
  name: string;
  regionCode: string | null;
  parentId: string | null;
}

/** The scope's enterprises whose name contains `q`, by name: at most `limit` of them, and how many match. */
export async function listPortfolioEnterprises(
  db: Db,
  scope: PortfolioScope,
  q: string,
  limit: number,
): Promise<{ rows: EnterpriseRow[]; matching: number }> {
  const where = q ? and(enterprisesIn(scope), nameContains(q))! : enterprisesIn(scope);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(limit);
  const [counted] = await db.select({ n: count() }).from(organisations).where(where);
  return { rows, matching: Number(counted?.n ?? 0) };
}

export interface LatestAssessmentRow {
  orgId: string;
  id: string;
  title: string;
  modelId: string;
  status: 'draft' | 'submitted';
  score: number | null;
  maxScore: number | null;
  levelId: string | null;
  levelName: string | null;
  createdAt: Date;
  submittedAt: Date | null;
}

const frozen = {
  score: sql<number | null>`(${assessments.result}->>'score')::float8`,
  maxScore: sql<number | null>`(${assessments.result}->>'maxScore')::float8`,
  levelId: sql<string | null>`${assessments.result}->'level'->>'id'`,
  levelName: sql<string | null>`${assessments.result}->'level'->>'name'`,
};

/** Each organisation's newest assessment (draft or submitted) among `orgIds`. */
export async function latestAssessments(db: Db, orgIds: readonly string[]): Promise<LatestAssessmentRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([assessments.orgId], {
      orgId: assessments.orgId,
      id: assessments.id,
      title: assessments.title,
      modelId: assessments.modelId,
      status: assessments.status,
      ...frozen,
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .where(inArray(assessments.orgId, [...orgIds]))
    .orderBy(assessments.orgId, desc(assessments.createdAt), desc(assessments.id));
  return rows.map((r) => ({
    ...r,
    score: r.score === null ? null : Number(r.score),
    maxScore: r.maxScore === null ? null : Number(r.maxScore),
  }));
}

export interface LatestPlanRow {
  orgId: string;
  id: string;
  title: string;
  status: string | null;
  objective: number | null;
  updatedAt: Date;
}

/** Each organisation's most recently changed plan among `orgIds`, with its last solution's status and NPV. */
export async function latestPlans(db: Db, orgIds: readonly string[]): Promise<LatestPlanRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([plans.orgId], {
      orgId: plans.orgId,
      id: plans.id,
      title: plans.title,
      status: sql<string | null>`${plans.solution}->'result'->>'status'`,
      objective: sql<number | null>`(${plans.solution}->'result'->>'objective')::float8`,
      updatedAt: plans.updatedAt,
    })
    .from(plans)
    .where(inArray(plans.orgId, [...orgIds]))
    .orderBy(plans.orgId, desc(plans.updatedAt), desc(plans.id));
  return rows.map((r) => ({ ...r, objective: r.objective === null ? null : Number(r.objective) }));
}

/** How many assessments and plans each of `orgIds` has (organisations with none are absent). */
export async function countAssessmentsAndPlans(
  db: Db,
  orgIds: readonly string[],
): Promise<{ assessments: Map<string, number>; plans: Map<string, number> }> {
  if (orgIds.length === 0) return { assessments: new Map(), plans: new Map() };
  const ids = [...orgIds];
  const [a, p] = await Promise.all([
    db
      .select({ orgId: assessments.orgId, n: count() })
      .from(assessments)
      .where(inArray(assessments.orgId, ids))
      .groupBy(assessments.orgId),
    db
      .select({ orgId: plans.orgId, n: count() })
      .from(plans)
      .where(inArray(plans.orgId, ids))
      .groupBy(plans.orgId),
  ]);
  return {
    assessments: new Map(a.map((r) => [r.orgId, Number(r.n)])),
    plans: new Map(p.map((r) => [r.orgId, Number(r.n)])),
  };
}

/** The user's role in each of `orgIds` they belong to. */
export async function rolesIn(db: Db, userId: string, orgIds: readonly string[]): Promise<Map<string, Role>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.orgId, [...orgIds])));
  return new Map(rows.map((r) => [r.orgId, r.role]));
}

export interface PortfolioCounts {
  enterprises: number;
  diagnosed: number;
  planned: number;
}

/** Over the whole scope: enterprises, those with a submitted assessment, those with a plan. */
export async function portfolioCounts(db: Db, scope: PortfolioScope): Promise<PortfolioCounts> {
  const inScope = db.select({ id: organisations.id }).from(organisations).where(enterprisesIn(scope));
  const [row] = await db
    .select({
      enterprises: count(),
      diagnosed: sql<number>`(select count(distinct ${assessments.orgId})::int from ${assessments}
        where ${assessments.status} = 'submitted' and ${assessments.orgId} in ${inScope})`,
      planned: sql<number>`(select count(distinct ${plans.orgId})::int from ${plans}
        where ${plans.orgId} in ${inScope})`,
    })
    .from(organisations)
    .where(enterprisesIn(scope));
  return {
    enterprises: Number(row?.enterprises ?? 0),
    diagnosed: Number(row?.diagnosed ?? 0),
    planned: Number(row?.planned ?? 0),
  };
}

export interface LevelCountRow {
  modelId: string;
  levelId: string | null;
  levelName: string | null;
  enterprises: number;
}

/**
 * Over the whole scope, per model: how many enterprises stand at each level, each enterprise counted once at the
 * level of its latest submitted assessment of that model.
 */
export async function levelDistribution(db: Db, scope: PortfolioScope): Promise<LevelCountRow[]> {
  const inScope = db.select({ id: organisations.id }).from(organisations).where(enterprisesIn(scope));
  const latest = db
    .selectDistinctOn([assessments.orgId, assessments.modelId], {
      modelId: assessments.modelId,
      levelId: frozen.levelId.as('level_id'),
      levelName: frozen.levelName.as('level_name'),
    })
    .from(assessments)
    .where(and(eq(assessments.status, 'submitted'), inArray(assessments.orgId, inScope)))
    .orderBy(
      assessments.orgId,
      assessments.modelId,
      desc(assessments.submittedAt),
      desc(assessments.createdAt),
    )
    .as('latest');
  const rows = await db
    .select({
      modelId: latest.modelId,
      levelId: latest.levelId,
      levelName: sql<string | null>`min(${latest.levelName})`,
      enterprises: count(),
    })
    .from(latest)
    .groupBy(latest.modelId, latest.levelId)
    .orderBy(latest.modelId, latest.levelId);
  return rows.map((r) => ({ ...r, enterprises: Number(r.enterprises) }));
}

/** The scope's enterprise `id` (its name), or undefined when it is not in the scope (or not an enterprise). */
export async function portfolioEnterprise(
  db: Db,
  scope: PortfolioScope,
  id: string,
): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(and(enterprisesIn(scope), eq(organisations.id, id)))
    .limit(1);
  return row;
}

export interface SubmittedResultRow {
  orgId: string;
  id: string;
  title: string;
  modelId: string;
  submittedAt: Date | null;
  /** the result frozen at submission (DiagnosisResult) */
  result: unknown;
}

/**
 * Each of `tenants`' latest submitted assessment with its frozen result (score, dimensions, gaps). Only for tenants
 * whose results the caller may read (see resultsVisibleTo in load-portfolio.ts).
 */
export async function latestSubmittedResults(
  db: Db,
  tenants: readonly TenantId[],
): Promise<SubmittedResultRow[]> {
  if (tenants.length === 0) return [];
  return db
    .selectDistinctOn([assessments.orgId], {
      orgId: assessments.orgId,
      id: assessments.id,
      title: assessments.title,
      modelId: assessments.modelId,
      submittedAt: assessments.submittedAt,
      result: assessments.result,
    })
    .from(assessments)
    .where(and(eq(assessments.status, 'submitted'), inArray(assessments.orgId, [...tenants])))
    .orderBy(assessments.orgId, desc(assessments.submittedAt), desc(assessments.createdAt));
}
