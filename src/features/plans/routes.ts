/**
 * Planning API (制定转型规划, guide 二(一)): plans made from an enterprise profile, chosen pain points and an optional
 * diagnosis; editable assumptions with their origins; the optimal roadmap (HiGHS in the solver thread), the greedy
 * baseline and the budget frontier; per-initiative appraisal; a risk register; what-if copies and their comparison.
 * Every plan belongs to the session's organisation: any other id is 404. Viewers read; editors and admins write.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Atlas, AtlasCatalog } from '../../core/atlas/types.ts';
import { defaultSettings } from '../../core/planning/candidates-defaults.ts';
import { buildCandidates } from '../../core/planning/candidates.ts';
import {
  CreatePlan,
  PlanComparison,
  PlanOptions,
  PlanSummary,
  PlanView,
  RiskInput,
  SaveRisk,
  SolveRequest,
  UpdatePlan,
} from '../../contracts/planning.ts';
import type { PlanSettings } from '../../contracts/planning.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../../server/sessions/accounts.ts';
import {
  changePlan,
  deletePlan,
  findPlan,
  findSubmittedAssessment,
  insertPlan,
  listPlans,
  listSubmittedAssessments,
  saveSolution,
  type PlanChange,
  type PlanRow,
} from './repository.ts';
import { closeSolverThread } from '../../solver/solver-thread.ts';
import { badRequest, notFound } from '../../server/app-error.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { requireWriter } from '../../server/access/policies.ts';
import { planDocumentRoutes } from './document-routes.ts';
import { documentToStore } from './plan-document.ts';
import { orStale, requireVersion } from '../../server/versioned-save.ts';
import {
  comparisonEntry,
  defaultRisks,
  gapsFromDiagnosis,
  planFamily,
  planUpdate,
  presentPlan,
  readPlan,
  riskAdd,
  riskRemove,
  riskReplace,
  solveStoredPlan,
  validInstance,
  type StoredPlan,
} from './plans.ts';

const IdParams = z.object({ id: z.uuid() });
const RiskParams = IdParams.extend({ riskId: z.string().min(1) });
const tags = ['plans'];

/** Settings with the chosen horizon: per-period lists are cut or extended (repeating their last value). */
function resize(values: readonly number[], periods: number): number[] {
  const last = values[values.length - 1] ?? 0;
  return Array.from({ length: periods }, (_, t) => values[t] ?? last);
}

export function planRoutes(db: Db, atlases: AtlasCatalog): FastifyPluginAsyncZod {
  const atlasOf = (packId: string): Atlas => {
    const atlas = atlases.get(packId);
    if (!atlas) throw badRequest(`Unknown atlas pack ${packId}`, { available: [...atlases.keys()] });
    return atlas;
  };
  const load = async (
    request: FastifyRequest,
    id: string,
    access: 'read' | 'write',
  ): Promise<{ session: SessionView; plan: StoredPlan }> => {
    const session = await requireSession(db, request);
    if (access === 'write') await requireWriter(db, session);
    const row = await findPlan(db, session.orgId, id);
    if (!row) throw notFound('Plan');
    return { session, plan: readPlan(row) };
  };
  const saved = (row: PlanRow | undefined): PlanView => {
    if (!row) throw notFound('Plan');
    return presentPlan(readPlan(row));
  };
  /** One save under the plan's row lock; a stale one answers 409 stale_version with the plan as it is now. */
  const change = (session: SessionView, id: string, make: (row: PlanRow) => PlanChange): Promise<PlanView> =>
    orStale(
      'plan',
      async () => saved(await changePlan(db, session.orgId, id, make)),
      async () => saved(await findPlan(db, session.orgId, id)),
    );

  return async (app) => {
    app.addHook('onClose', async () => closeSolverThread());
    await app.register(planDocumentRoutes(db, atlases));

    app.get(
      '/api/plans/options',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'What a new plan can start from: packs, pain points by category, submitted assessments',
          querystring: z.object({ pack: z.string().optional() }),
          response: { 200: PlanOptions },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const packId =
          request.query.pack ?? (atlases.has('guide-2024') ? 'guide-2024' : [...atlases.keys()][0]);
        if (packId === undefined) throw notFound('Atlas pack');
        const atlas = atlasOf(packId);
        const assessments = await listSubmittedAssessments(db, session.orgId);
        return {
          packs: [...atlases.values()].map((a) => ({ id: a.meta.id, title: a.meta.title })),
          pack: packId,
          categories: atlas.vocabulary.categories.map((c) => ({ id: c.id, name: c.name })),
          painPoints: atlas.painPoints.map((p) => ({
            id: p.id,
            name: p.name,
            category: p.category,
            scenarios: atlas.scenarios.filter((s) => s.painPoints.includes(p.id)).length,
          })),
          enterpriseTypes: atlas.vocabulary.enterpriseTypes.map((t) => ({ id: t.id, name: t.name })),
          assessments: assessments.map((a) => ({
            id: a.id,
            title: a.title,
            submittedAt: a.submittedAt?.toISOString() ?? null,
            gaps: gapsFromDiagnosis(a.result).length,
          })),
        };
      },
    );

    app.get(
      '/api/plans',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: "The organisation's plans",
          response: { 200: z.object({ plans: z.array(PlanSummary) }) },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const rows = await listPlans(db, session.orgId);
        return {
          plans: rows.map((row) => {
            const plan = readPlan(row);
            return {
              id: row.id,
              title: row.title,
              copiedFrom: row.copiedFrom,
              atlasPackId: row.atlasPackId,
              enterpriseType: plan.profile.enterpriseType,
              initiativeCount: plan.initiatives.length,
              status: plan.solution?.result.status ?? null,
              objective: plan.solution?.result.objective ?? null,
              updatedAt: row.updatedAt.toISOString(),
            };
          }),
        };
      },
    );

    app.post(
      '/api/plans',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Create a plan: candidates from pain points and diagnosis gaps, default assumptions',
          body: CreatePlan,
          response: { 201: PlanView },
        },
      },
      async (request, reply) => {
        const session = await requireSession(db, request);
        await requireWriter(db, session);
        const body = request.body;
        const atlas = atlasOf(body.atlasPackId);
        let gaps: { name: string; scenarios: string[] }[] = [];
        if (body.assessmentId !== undefined) {
          const assessment = await findSubmittedAssessment(db, session.orgId, body.assessmentId);
          if (!assessment) throw notFound('Submitted assessment');
          gaps = gapsFromDiagnosis(assessment.result);
        }
        if (body.painPoints.length === 0 && gaps.length === 0)
          throw badRequest('Choose at least one pain point or a submitted assessment with gaps');
        const { candidates, unmatchedPainPoints } = buildCandidates({
          atlas,
          profile: body.profile,
          painPoints: body.painPoints,
          gaps,
          periods: body.settings?.periods,
        });
        const unknown = unmatchedPainPoints.filter((p) => !atlas.painPoints.some((k) => k.id === p));
        if (unknown.length > 0)
          throw badRequest(`Unknown pain point${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`, {
            unknown,
          });
        const base = defaultSettings(body.profile);
        const given = body.settings ?? {};
        const periods = given.periods ?? base.periods;
        const settings: PlanSettings = {
          periods,
          periodsPerYear: given.periodsPerYear ?? base.periodsPerYear,
          discountRate: given.discountRate ?? base.discountRate,
          benefitYears: given.benefitYears ?? base.benefitYears,
          budget: resize(given.budget ?? base.budget, periods),
          ...((given.capacity ?? base.capacity)
            ? { capacity: resize(given.capacity ?? base.capacity ?? [], periods) }
            : {}),
        };
        validInstance({ profile: body.profile, initiatives: candidates, settings });
        const row = await insertPlan(db, {
          orgId: session.orgId,
          title: body.title,
          atlasPackId: body.atlasPackId,
          assessmentId: body.assessmentId ?? null,
          profile: { ...body.profile, painPoints: body.painPoints, gaps },
          settings,
          initiatives: candidates,
          risks: defaultRisks(),
          createdBy: session.user.id,
        });
        return reply.status(201).send(saved(row));
      },
    );

    app.get(
      '/api/plans/:id',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'A plan with appraisal, risk summary and last solution',
          params: IdParams,
          response: { 200: PlanView },
        },
      },
      async (request) => presentPlan((await load(request, request.params.id, 'read')).plan),
    );

    app.patch(
      '/api/plans/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'Update title, settings and initiative assumptions of the version edited; 400 with every problem keeps the saved plan',
          description:
            'Send `version` from the last read (400 version_required without it). Initiatives are matched by id; those ' +
            'left out are kept. A part (title, settings, an initiative) someone else changed since that version ' +
            'answers 409 stale_version with what changed and the current plan; changes to other parts are kept.',
          params: IdParams,
          body: UpdatePlan,
          response: { 200: PlanView },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const version = requireVersion(request.body.version, 'plan');
        return change(session, plan.row.id, (row) => planUpdate(row, request.body, version));
      },
    );

    app.delete(
      '/api/plans/:id',
      { config: { access: 'write' }, schema: { tags, summary: 'Delete a plan', params: IdParams } },
      async (request, reply) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        await deletePlan(db, session.orgId, plan.row.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/plans/:id/solve',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Optimal roadmap (HiGHS, time limit default 10 s), greedy baseline and budget frontier',
          params: IdParams,
          body: SolveRequest.nullish(),
          response: { 200: PlanView },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const solution = await solveStoredPlan(plan, {
          timeLimitSeconds: request.body?.timeLimitSeconds,
          frontier: request.body?.frontier,
        });
        await saveSolution(db, session.orgId, plan.row.id, solution);
        return presentPlan({ ...plan, solution });
      },
    );

    app.post(
      '/api/plans/:id/copy',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'What-if copy of a plan (same inputs, solution and document edits), to change and compare',
          params: IdParams,
          body: z.object({ title: z.string().trim().min(1).max(200).optional() }).nullish(),
          response: { 201: PlanView },
        },
      },
      async (request, reply) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const row = await insertPlan(db, {
          orgId: session.orgId,
          title: request.body?.title ?? `${plan.row.title}（副本）`,
          atlasPackId: plan.row.atlasPackId,
          copiedFrom: plan.row.id,
          assessmentId: plan.row.assessmentId,
          profile: plan.row.profile,
          settings: plan.row.settings,
          initiatives: plan.row.initiatives,
          risks: plan.row.risks,
          solution: plan.row.solution,
          document: documentToStore(plan.row.document),
          createdBy: session.user.id,
        });
        return reply.status(201).send(saved(row));
      },
    );

    app.get(
      '/api/plans/:id/compare',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The plan beside its original and what-if copies: objective, selected set, budget use',
          params: IdParams,
          response: { 200: PlanComparison },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'read');
        const family = planFamily(await listPlans(db, session.orgId), plan.row.id);
        return { baseId: plan.row.id, plans: family.map((row) => comparisonEntry(readPlan(row))) };
      },
    );

    app.post(
      '/api/plans/:id/risks',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Add a risk (likelihood × impact, mitigation)',
          params: IdParams,
          body: RiskInput,
          response: { 201: PlanView },
        },
      },
      async (request, reply) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const view = await change(session, plan.row.id, (row) => riskAdd(row, request.body));
        return reply.status(201).send(view);
      },
    );

    app.put(
      '/api/plans/:id/risks/:riskId',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'Replace a risk, edited at `version` (required; 409 stale_version when someone changed it since)',
          params: RiskParams,
          body: SaveRisk,
          response: { 200: PlanView },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const { riskId } = request.params;
        const { version: sent, ...risk } = request.body;
        const version = requireVersion(sent, 'plan');
        return change(session, plan.row.id, (row) => riskReplace(row, riskId, risk, version));
      },
    );

    app.delete(
      '/api/plans/:id/risks/:riskId',
      {
        config: { access: 'write' },
        schema: { tags, summary: 'Remove a risk', params: RiskParams, response: { 200: PlanView } },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        return change(session, plan.row.id, (row) => riskRemove(row, request.params.riskId));
      },
    );
  };
}
