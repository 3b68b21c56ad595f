/**
 * Planning API (制定转型规划, guide 二(一)): plans made from an enterprise profile, chosen pain points and an optional
 * diagnosis; editable assumptions with their origins; the optimal roadmap (HiGHS in the solver thread), the greedy
 * baseline and the budget frontier; per-initiative appraisal; a risk register; what-if copies and their comparison.
 * Every plan belongs to the caller's organisation (the tenant): any other id is 404. The access hook lets viewers
 * read and editors and admins write; each route is schema → one use case → presenter.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
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
import type { Db } from '../../db/client.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { member } from '../../server/access/caller.ts';
import { closeSolverThread } from '../../solver/solver-thread.ts';
import { solveBudgetFrontier } from '../../solver/solve-frontier.ts';
import { solvePlan as solveOptimal } from '../../solver/solve-plan.ts';
import { addRisk } from './add-risk.ts';
import { comparePlans } from './compare-plans.ts';
import { copyPlan } from './copy-plan.ts';
import { createPlan } from './create-plan.ts';
import { deletePlan } from './delete-plan.ts';
import { planDocumentRoutes } from './document-routes.ts';
import { listPlans } from './list-plans.ts';
import { loadPlan } from './load-plan.ts';
import { planOptions } from './plan-options.ts';
import { presentComparison, presentPlan, presentPlanOptions, presentPlanSummary } from './presenter.ts';
import { removeRisk } from './remove-risk.ts';
import { replaceRisk } from './replace-risk.ts';
import { planRepository } from './repository.ts';
import { requestAborted } from '../../server/request-aborted.ts';
import { solvePlan } from './solve-plan.ts';
import { updatePlan } from './update-plan.ts';

const IdParams = z.object({ id: z.uuid() });
const RiskParams = IdParams.extend({ riskId: z.string().min(1) });
const tags = ['plans'];

export function planRoutes(db: Db, atlases: AtlasCatalog): FastifyPluginAsyncZod {
  // each request's repository records its changes in the audit trail as the caller's
  const repoOf = (request: FastifyRequest) => planRepository(db, memberAuditScope(request));
  const solver = { optimal: solveOptimal, frontier: solveBudgetFrontier };
  const now = () => new Date();

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
      async (request) =>
        presentPlanOptions(
          await planOptions({ atlases, repo: repoOf(request) }, member(request).tenant, request.query.pack),
        ),
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
      async (request) => ({
        plans: (await listPlans(repoOf(request), member(request).tenant)).map(presentPlanSummary),
      }),
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
        const { tenant, user } = member(request);
        const plan = await createPlan({ atlases, repo: repoOf(request), now }, tenant, user.id, request.body);
        return reply.status(201).send(presentPlan(plan));
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
      async (request) =>
        presentPlan(await loadPlan(repoOf(request), member(request).tenant, request.params.id)),
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
      async (request) =>
        presentPlan(
          await updatePlan(repoOf(request), member(request).tenant, request.params.id, request.body),
        ),
    );

    app.delete(
      '/api/plans/:id',
      { config: { access: 'write' }, schema: { tags, summary: 'Delete a plan', params: IdParams } },
      async (request, reply) => {
        await deletePlan(repoOf(request), member(request).tenant, request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/plans/:id/solve',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'Optimal roadmap (HiGHS, raced against CBC when installed; time limit default 10 s), greedy baseline and budget frontier',
          params: IdParams,
          body: SolveRequest.nullish(),
          response: { 200: PlanView },
        },
      },
      async (request, reply) =>
        presentPlan(
          await solvePlan({ repo: repoOf(request), solver, now }, member(request).tenant, request.params.id, {
            timeLimitSeconds: request.body?.timeLimitSeconds,
            frontier: request.body?.frontier,
            // a closed tab stops the solvers instead of leaving them busy for nobody
            signal: requestAborted(reply),
          }),
        ),
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
        const { tenant, user } = member(request);
        const copy = await copyPlan(repoOf(request), tenant, user.id, request.params.id, request.body?.title);
        return reply.status(201).send(presentPlan(copy));
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
      async (request) =>
        presentComparison(await comparePlans(repoOf(request), member(request).tenant, request.params.id)),
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
        const plan = await addRisk(repoOf(request), member(request).tenant, request.params.id, request.body);
        return reply.status(201).send(presentPlan(plan));
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
        const { id, riskId } = request.params;
        return presentPlan(
          await replaceRisk(repoOf(request), member(request).tenant, id, riskId, request.body),
        );
      },
    );

    app.delete(
      '/api/plans/:id/risks/:riskId',
      {
        config: { access: 'write' },
        schema: { tags, summary: 'Remove a risk', params: RiskParams, response: { 200: PlanView } },
      },
      async (request) => {
        const { id, riskId } = request.params;
        return presentPlan(await removeRisk(repoOf(request), member(request).tenant, id, riskId));
      },
    );
  };
}
