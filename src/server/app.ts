import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, TrustProxy } from '../config.ts';
import type { AtlasCatalog } from '../core/atlas/types.ts';
import type { Database } from '../db/client.ts';
import { refuseControlCharacters } from './control-characters.ts';
import { installPasswordChangeGate } from './sessions/password-change-gate.ts';
import { installAccess, type DeclaredRoute } from './access/access-hook.ts';
import { installAuditFallback } from '../features/audit/audit-fallback.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { assessmentOwnership } from '../features/assessments/ownership.ts';
import { organisationOwnership } from '../features/organisations/ownership.ts';
import { planOwnership } from '../features/plans/ownership.ts';
import { projectInvitationOwnership, projectOwnership } from '../features/delivery/ownership.ts';
import { deliveryRoutes } from '../features/delivery/routes.ts';
import type { ProviderEligibility } from '../features/delivery/deps.ts';
import { deliveryFileRoutes } from '../features/delivery/file-routes.ts';
import { deliveryPortfolioRoutes } from '../features/delivery/portfolio-routes.ts';
import { deliveryReportRoutes } from '../features/delivery/report-routes.ts';
import type { DeliveryPack } from '../core/delivery/pack-schema.ts';
import { loadDeliveryPackOrThrow } from '../packs/delivery-pack.ts';
import { installErrorHandling } from './error-handler.ts';
import type { KpiCatalogue } from '../core/kpi/catalogue-schema.ts';
import { loadKpiPackOrThrow } from '../packs/kpi-pack.ts';
import { kpiOwnership, ledgerImportOwnership } from '../features/evaluation/ownership.ts';
import { evaluationRoutes } from '../features/evaluation/routes.ts';
import { loggerOptions } from './log-redaction.ts';
import { diagnosisRoutes } from '../features/assessments/routes.ts';
import type { IndicatorSystemCatalog } from '../features/assessments/indicator-system-index.ts';
import { atlasRoutes } from '../features/atlas/routes.ts';
import { authRoutes } from '../features/auth/routes.ts';
import { backupRoutes } from '../features/backup/routes.ts';
import { installOriginCheck } from './origin-check.ts';
import { serveWebApp } from './web-app-serving.ts';
import { healthRoutes } from './health-routes.ts';
import { invitationRoutes } from '../features/organisations/invitation-routes.ts';
import { memberRoutes } from '../features/organisations/member-routes.ts';
import { organisationRoutes } from '../features/organisations/routes.ts';
import { planRoutes } from '../features/plans/routes.ts';
import { portfolioRoutes } from '../features/portfolio/routes.ts';
import type { ProviderDeps, ProviderPacks } from '../features/providers/deps.ts';
import { pilotPoolEligibility } from '../features/providers/pilot-pool-check.ts';
import { loadProviderPacksOrThrow } from '../features/providers/load-packs.ts';
import { poolOwnership, providerOwnership } from '../features/providers/ownership.ts';
import { providerRoutes } from '../features/providers/routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { VERSION } from './version.ts';
import type { ModelMapping } from '../core/mapping/mapping-schema.ts';
import { modelMappingRoutes } from '../features/model-mapping/routes.ts';
import { DEFAULT_MAPPING_PACK, loadMappingPackOrThrow } from '../packs/mapping-pack.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** every /api route with the access it declares, as registered (the route-walk test reads it) */
    declaredRoutes: readonly DeclaredRoute[];
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  /** the scenario atlases loaded from packs/atlas (empty when none are given) */
  atlases?: AtlasCatalog;
  /** the indicator systems loaded from packs/models (empty when none are given) */
  models?: IndicatorSystemCatalog;
  /** the delivery pack projects follow (default: packs/delivery/default-2024 of the packs folder) */
  deliveryPack?: DeliveryPack;
  /** the provider classes and grading model (default: packs/providers/tzjei-010-2023, packs/grading/provider-grading-2024) */
  providerPacks?: ProviderPacks;
  /** the KPI catalogue evaluation computes (default: packs/kpis/guide-2024 of the packs folder) */
  kpiCatalogue?: KpiCatalogue;
  /** the crosswalk between models for estimates on other models (default: packs/mappings/guide-2024) */
  modelMapping?: ModelMapping;
  /** where log lines go instead of standard output (tests capture them) */
  logStream?: { write: (line: string) => void };
  /** the clock the sign-in throttle reads (tests move it on instead of waiting); default the system's */
  clock?: () => Date;
}

/**
 * The HTTP application: API under /api, OpenAPI at /api/openapi.json, reference at /api/docs, and the built web
 * app for every other path. Accounts, sessions, failed sign-in counts (auth/sign-in-throttle.ts), diagnoses and
 * plans live in the database, so several instances can run behind a load balancer against one PostgreSQL and
 * share them; one thing is per process: the solver threads (see solver/solver-thread.ts: each instance solves its
 * own requests with its own threads and queue).
 */
export async function buildApp({
  config,
  database,
  atlases = new Map(),
  models = new Map(),
  deliveryPack,
  providerPacks,
  kpiCatalogue,
  modelMapping,
  logStream,
  clock,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: config.bodyLimit,
    trustProxy: fastifyTrustProxy(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webApp = existsSync(join(config.webDir, 'index.html'));
  installErrorHandling(app, { spaIndex: webApp });
  // before every route: security headers on every answer, then the cross-site check on every change
  await registerSecurityHeaders(app, { https: config.secureCookies });
  installOriginCheck(app, config.publicOrigins);
  refuseControlCharacters(app);

  await app.register(cookie);
  installPasswordChangeGate(app, database.db);
  // default deny: every /api route below must declare its access, decided before its body is validated
  app.decorate(
    'declaredRoutes',
    installAccess(app, database.db, [
      assessmentOwnership,
      planOwnership,
      projectOwnership,
      projectInvitationOwnership,
      organisationOwnership,
      providerOwnership,
      poolOwnership,
      ledgerImportOwnership,
      kpiOwnership,
    ]),
  );
  // no write goes unaudited: one record for each successful write whose use case recorded no event of its own
  installAuditFallback(app, database.db);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tupu 图谱 API',
        description:
          'Digital transformation of manufacturing: atlas, diagnosis, planning, delivery, evaluation',
        version: VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes(database));
  await app.register(authRoutes(database.db, config, clock));
  await app.register(atlasRoutes(atlases));
  await app.register(diagnosisRoutes(database.db, models, atlases, config));
  await app.register(
    modelMappingRoutes(
      database.db,
      models,
      atlases,
      modelMapping ?? (await loadMappingPackOrThrow(join(config.packsDir, DEFAULT_MAPPING_PACK), models)),
    ),
  );
  await app.register(planRoutes(database.db, atlases));
  const delivery =
    deliveryPack ?? (await loadDeliveryPackOrThrow(join(config.packsDir, 'delivery', 'default-2024')));
  const providerDeps: ProviderDeps = {
    db: database.db,
    packs: providerPacks ?? (await loadProviderPacksOrThrow(config.packsDir)),
    atlases,
    deliveryPack: delivery,
    now: clock ?? (() => new Date()),
  };
  // whom an enterprise may invite to a project: a member of the pool its pilot requires, if any (providers feature)
  const providerEligibility: ProviderEligibility = async ({ enterprise, providerOrgId }) => {
    const eligibility = await pilotPoolEligibility(providerDeps, enterprise, providerOrgId);
    return eligibility.eligible ? [] : [{ field: 'providerOrgId', message: eligibility.message }];
  };
  await app.register(deliveryRoutes(database.db, delivery, undefined, providerEligibility));
  await app.register(deliveryFileRoutes(database.db, delivery, config));
  await app.register(deliveryPortfolioRoutes(database.db, models, delivery));
  await app.register(deliveryReportRoutes(database.db, delivery));
  await app.register(providerRoutes(providerDeps));
  await app.register(organisationRoutes(database.db));
  await app.register(memberRoutes(database.db));
  await app.register(invitationRoutes(database.db, config, clock));
  await app.register(portfolioRoutes(database.db, models));
  await app.register(backupRoutes(database.db, config.backupPassphrase));
  await app.register(auditRoutes(database.db));
  await app.register(
    evaluationRoutes(
      database.db,
      kpiCatalogue ?? (await loadKpiPackOrThrow(join(config.packsDir, 'kpis', 'guide-2024'))),
      clock,
    ),
  );

  if (webApp) await serveWebApp(app, config.webDir);
  return app;
}

/**
 * Fastify's form of the TUPU_TRUST_PROXY setting. A hop count is passed as a function: Fastify 5 ignores a bare
 * number (it trusts nothing then), while the function keeps the usual meaning — believe the nearest `hops` proxies,
 * so the client address is the one the outermost trusted proxy added to X-Forwarded-For.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'boolean') return trust;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  return trust.addresses;
}
