/**
 * Provider API (服务商资源池, 供需对接; guide 五（四）): a provider's own profile, the directory, grades, matching
 * for an initiative, a plan initiative or a project with "why not", pools with their memberships, and an
 * authority's supply against demand. Each route is schema → declared access → one use case → presenter.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DerivedMatchRequest,
  GradingModelView,
  MatchAnswer,
  MatchWithWhyNot,
  OpenPool,
  PilotPoolEligibility,
  PoolList,
  PoolStepRequest,
  PoolView,
  ProviderDirectory,
  ProviderDirectoryQuery,
  ProviderClassesView,
  ProviderGrade,
  ProviderProfileView,
  SaveProviderProfile,
  SupplyDemandView,
} from '../../contracts/providers.ts';
import { MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import { member } from '../../server/access/caller.ts';
import { attachment, XLSX_TYPE } from '../assessments/downloads.ts';
import { refuseOversized } from '../assessments/upload-limits.ts';
import { exportDirectory } from './export-directory.ts';
import { importProfile } from './import-profile.ts';
import { badRequest } from '../../server/app-error.ts';
import { orStale } from '../../server/versioned-save.ts';
import type { ProviderDeps } from './deps.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { listPools } from './list-pools.ts';
import { listProviders } from './list-providers.ts';
import { matchPlanInitiative } from './match-plan-initiative.ts';
import { matchProject } from './match-project.ts';
import { matchProviders } from './match-providers.ts';
import { openPool } from './open-pool.ts';
import { pilotPoolEligibility } from './pilot-pool-check.ts';
import { presentPool, presentProfile, presentSummary } from './presenter.ts';
import { gradingModelView } from './grading-model.ts';
import { providerClasses } from './provider-classes.ts';
import { providerGrade } from './provider-grade.ts';
import { saveProfile } from './save-profile.ts';
import { requireProvider, showOwnProfile, showProvider } from './show-provider.ts';
import { stepPoolMembership } from './step-pool.ts';
import { authoritySupplyDemand } from './supply-demand.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['providers'];

export function providerRoutes(deps: ProviderDeps): FastifyPluginAsyncZod {
  // a write's use case records it in the audit trail as the caller's
  const audited = (request: FastifyRequest): ProviderDeps => ({ ...deps, audit: memberAuditScope(request) });
  const ownProfile = async (caller: Parameters<typeof showOwnProfile>[1]) => {
    const { world, provider } = await showOwnProfile(deps, caller);
    return presentProfile(provider, world.pools);
  };
  const poolView = async (id: string, viewer: string) => {
    const { pools, names } = await listPools(deps, id);
    return presentPool(pools[0]!, viewer, names);
  };

  return async (app) => {
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1024 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/providers.xlsx',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'The provider directory as an Excel workbook (sheets 服务商 and 产品), with the filters of GET /api/providers',
          querystring: ProviderDirectoryQuery,
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportDirectory(deps, request.query);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(fileName))
          .header('cache-control', 'no-store')
          .send(content);
      },
    );

    app.post(
      '/api/provider-profile/import',
      {
        config: { access: 'write' },
        bodyLimit: MAX_UPLOAD_BYTES + 1024,
        onRequest: refuseOversized,
        schema: {
          tags,
          summary:
            "Import the own rows of a directory workbook (.xlsx, the export's layout) into the own profile at `version`; every problem as file/sheet!cell, nothing saved",
          querystring: z.object({
            fileName: z.string().trim().min(1).max(200).default('providers.xlsx'),
            version: z.coerce.number().int().min(0).optional(),
          }),
          response: { 200: ProviderProfileView },
        },
      },
      async (request) => {
        const caller = member(request);
        const content = request.body;
        if (!Buffer.isBuffer(content))
          throw badRequest(
            'Send the workbook as the request body with Content-Type: application/octet-stream',
          );
        await orStale(
          'provider profile',
          () =>
            importProfile(
              audited(request),
              caller,
              { content, fileName: request.query.fileName },
              request.query.version,
            ),
          () => ownProfile(caller),
        );
        return ownProfile(caller);
      },
    );

    app.get(
      '/api/provider-profile',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "The caller's own provider profile (a service-provider organisation); version 0 before the first save",
          response: { 200: ProviderProfileView },
        },
      },
      async (request) => ownProfile(member(request)),
    );

    app.put(
      '/api/provider-profile',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'Save the own provider profile at `version`: types and categories of the classes pack, capabilities by atlas scenario code, GB/T 4754 industries, GB/T 2260 regions, products, references, certifications, typed grading answers',
          body: SaveProviderProfile,
          response: { 200: ProviderProfileView },
        },
      },
      async (request) => {
        const caller = member(request);
        requireProvider(caller);
        const { provider } = await showProvider(deps, caller.tenant);
        await orStale(
          'provider profile',
          () => saveProfile(audited(request), caller.tenant, caller.user.id, provider.org.name, request.body),
          () => ownProfile(caller),
        );
        return ownProfile(caller);
      },
    );

    app.get(
      '/api/providers',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The provider directory, filtered by name, type, scenario, industry, region and pool',
          querystring: ProviderDirectoryQuery,
          response: { 200: ProviderDirectory },
        },
      },
      async (request) => {
        const { world, providers } = await listProviders(deps, request.query);
        return { providers: providers.map((p) => presentSummary(p, world.pools)), total: providers.length };
      },
    );

    app.get(
      '/api/providers/classes',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'The provider classes (大类), types (类型) and pilot categories of the loaded provider-classes pack, with zh and en names',
          response: { 200: ProviderClassesView },
        },
      },
      async () => providerClasses(deps),
    );

    app.get(
      '/api/providers/grading-model',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'The grading model a provider answers on its profile (questions and form sections), with the 工作实效 questions computed from finished projects',
          response: { 200: GradingModelView },
        },
      },
      async () => gradingModelView(deps),
    );

    app.get(
      '/api/providers/:id',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: "A provider's profile and its standing in pools",
          params: IdParams,
          response: { 200: ProviderProfileView },
        },
      },
      async (request) => {
        const { world, provider } = await showProvider(deps, request.params.id);
        const view = presentProfile(provider, world.pools);
        // the typed grading answers are the provider's own (others see its grade)
        return member(request).tenant === provider.org.id ? view : { ...view, gradingAnswers: {} };
      },
    );

    app.get(
      '/api/providers/:id/grade',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "A provider's grade (the grading model by the diagnosis engine; 工作实效 from finished projects): its own with the breakdown, a pool member's for everyone",
          params: IdParams,
          response: { 200: ProviderGrade },
        },
      },
      async (request) => providerGrade(deps, member(request), request.params.id),
    );

    app.get(
      '/api/providers/:id/eligibility',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "Whether the caller's enterprise may engage the provider: a member of a pool its pilot requires, or no pool required",
          params: IdParams,
          response: { 200: PilotPoolEligibility },
        },
      },
      async (request) => pilotPoolEligibility(deps, member(request).tenant, request.params.id),
    );

    app.post(
      '/api/providers/match',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'Providers ranked for an initiative, each score broken down by factor, with filters; `whyNot` explains one provider',
          body: MatchWithWhyNot,
          response: { 200: MatchAnswer },
        },
      },
      async (request) =>
        matchProviders(deps, request.body.initiative, request.body.options, request.body.whyNot),
    );

    app.post(
      '/api/plans/:id/initiatives/:initiativeId/providers',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Providers ranked for one initiative of the plan (its scenario and capex), with why-not',
          params: IdParams.extend({ initiativeId: z.string().min(1).max(100) }),
          body: DerivedMatchRequest,
          response: { 200: MatchAnswer },
        },
      },
      async (request) =>
        matchPlanInitiative(
          deps,
          member(request).tenant,
          request.params.id,
          request.params.initiativeId,
          request.body,
        ),
    );

    app.post(
      '/api/projects/:id/providers',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Providers ranked for the project (its scenario and budget), with why-not',
          params: IdParams,
          body: DerivedMatchRequest,
          response: { 200: MatchAnswer },
        },
      },
      async (request) => matchProject(deps, member(request).tenant, request.params.id, request.body),
    );

    app.get(
      '/api/pools',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Provider pools, with quotas and members per type',
          response: { 200: PoolList },
        },
      },
      async (request) => {
        const { pools, names } = await listPools(deps);
        const viewer = member(request).tenant;
        return {
          pools: pools.map((p) => {
            const { memberships: _m, ...view } = presentPool(p, viewer, names);
            return view;
          }),
        };
      },
    );

    app.post(
      '/api/pools',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'An authority opens a pool: city-wide or per sub-industry, quotas per provider type, the 公示 period, whether its pilot requires the pool',
          body: OpenPool,
          response: { 201: PoolView },
        },
      },
      async (request, reply) => {
        const caller = member(request);
        const pool = await openPool(audited(request), caller, request.body);
        return reply.status(201).send(await poolView(pool.id, caller.tenant));
      },
    );

    app.get(
      '/api/pools/:id',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'A pool: its opener sees every application with its history, a provider its own, everyone its members and those under 公示',
          params: IdParams,
          response: { 200: PoolView },
        },
      },
      async (request) => poolView(request.params.id, member(request).tenant),
    );

    app.post(
      '/api/pools/:id/steps',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "One step of a membership: the provider's apply, appeal, withdraw; the authority's review, object, admit, warn, order-rectification, rectified, remove, decide-appeal",
          params: IdParams,
          body: PoolStepRequest,
          response: { 200: PoolView },
        },
      },
      async (request) => {
        const caller = member(request);
        await stepPoolMembership(audited(request), caller, request.params.id, request.body);
        return poolView(request.params.id, caller.tenant);
      },
    );

    app.get(
      '/api/supply-demand',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "An authority's supply against demand: scenarios its enterprises' plans need, the providers covering them (of a pool when given), the uncovered",
          querystring: z.object({ poolId: z.uuid().optional() }),
          response: { 200: SupplyDemandView },
        },
      },
      async (request) => authoritySupplyDemand(deps, member(request), request.query.poolId),
    );
  };
}
