/**
 * Hostile JSON through the real routes (issue 18), with fast-check: every route that takes a JSON body, from the
 * server's route list (`app.declaredRoutes`, each with the zod shape it validates with), gets generated bodies shaped
 * like its schema but wrong in places (tests/support/zod-arbitrary.ts), with app.inject on both engines as the demo
 * CIO. Never a 500, never a hang, and every refusal is `{ error: { code, message } }`, a validation error naming the
 * body and the path inside it. RUNS_PER_ROUTE bodies per route, not 10,000: a request costs a session, membership and
 * ownership lookup (~3 ms); the schemas themselves get 10,000 values each in route-body-schemas-*.property.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PlanProjects } from '../../src/contracts/delivery.ts';
import type { AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import type { DeclaredRoute } from '../../src/server/access/access-hook.ts';
import { signInDemoRoles, useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';
import { shapedJson, type Json } from '../support/zod-arbitrary.ts';

const RUNS_PER_ROUTE = 25;
const ITEM = '网络建设';
/** far above what one refused request takes */
const REQUEST_BOUND_MS = 10_000;

/**
 * Routes not sent random bodies: signing in and out, and the password (they end the session the walk goes on with);
 * solving (a valid body asks the solver for up to minutes); submitting and reopening (they lock the answers the walk
 * writes next). Their schemas still get their 10,000 values.
 */
const NOT_WALKED = [/^\/api\/auth\//, /\/solve$/, /\/frontier$/, /\/submit$/, /\/reopen$/, /^\/api\/backup/];

type Schema = z.ZodType;
const bodyRoutes = (routes: readonly DeclaredRoute[]) =>
  routes.filter((r): r is DeclaredRoute & { body: Schema } => r.body !== undefined && r.method !== 'HEAD');

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

describe.each(testEngines())('route bodies under generated JSON on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;
  let ids: { assessment: string; plan: string; risk: string; project: string; org: string };

  beforeAll(async () => {
    const roles = await signInDemoRoles(api);
    cio = roles.cio;
    const a = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '随机请求',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const p = await api.call<PlanView>(cio, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const solved = await api.call(cio, 'POST', `/api/plans/${p.body.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    const projects = await api.call<PlanProjects>(cio, 'POST', `/api/plans/${p.body.id}/projects`, {});
    expect(projects.status, JSON.stringify(projects.body)).toBe(201);
    ids = {
      assessment: a.body.id,
      plan: p.body.id,
      risk: p.body.risks[0]!.id,
      project: projects.body.projects[0]!.id,
      org: roles.orgId,
    };
  });

  /** The route's URL with its parameters filled by the CIO's own records; undefined when one cannot be. */
  const urlOf = (url: string): string | undefined => {
    const fills: [RegExp, string][] = [
      [
        /^\/api\/assessments\/:id\/answers\/:itemId/,
        `/api/assessments/${ids.assessment}/answers/${encodeURIComponent(ITEM)}`,
      ],
      [/^\/api\/assessments\/:id/, `/api/assessments/${ids.assessment}`],
      [/^\/api\/plans\/:id\/risks\/:riskId/, `/api/plans/${ids.plan}/risks/${ids.risk}`],
      [/^\/api\/plans\/:id\/initiatives\/:initiativeId/, `/api/plans/${ids.plan}/initiatives/GEN-PM-01`],
      [/^\/api\/plans\/:id/, `/api/plans/${ids.plan}`],
      [
        /^\/api\/projects\/:id\/checklists\/:checklistId\/items\/:itemId/,
        `/api/projects/${ids.project}/checklists/diagnosis/items/pain-points`,
      ],
      [/^\/api\/projects\/:id/, `/api/projects/${ids.project}`],
      [/^\/api\/kpis\/:id\/manual-values\/:period/, '/api/kpis/profit-margin/manual-values/2025-01'],
      [/^\/api\/organisations\/:orgId/, `/api/organisations/${ids.org}`],
    ];
    const fill = fills.find(([pattern]) => pattern.test(url));
    const filled = fill ? url.replace(fill[0], fill[1]) : url;
    return filled.includes(':') ? undefined : filled;
  };

  // the whole walk's limit, far above its ~8 s alone (a busy machine makes it slower); each request has its own bound
  it(
    `never answers 500, and every refusal is structured (${RUNS_PER_ROUTE} bodies per route)`,
    { timeout: 180_000 },
    async () => {
      const routes = bodyRoutes(api.app.declaredRoutes).filter((r) => !NOT_WALKED.some((x) => x.test(r.url)));
      const walked = routes.flatMap((r) => {
        const url = urlOf(r.url);
        return url ? [{ ...r, path: url }] : [];
      });
      expect(walked.length).toBeGreaterThan(30);
      for (const route of walked) {
        await fc.assert(
          fc.asyncProperty(shapedJson(route.body), async (value: Json) => {
            const started = performance.now();
            const res = await api.app.inject({
              method: route.method,
              url: route.path,
              headers: { cookie: cio, 'content-type': 'application/json' },
              payload: JSON.stringify(value),
            });
            const what = `${route.method} ${route.url} ${JSON.stringify(value).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(performance.now() - started, what).toBeLessThan(REQUEST_BOUND_MS);
            expect(res.statusCode, what).toBeLessThan(500);
            if (res.statusCode < 400) return;
            const { error } = res.json<ErrorBody>();
            expect(typeof error?.code, what).toBe('string');
            expect(typeof error?.message === 'string' && error.message.length > 0, what).toBe(true);
            if (error?.code === 'validation_error') {
              expect(error.message, what).toMatch(/^Invalid (body|params|querystring|headers)/);
              // each problem names where and what; a long list ends with one entry saying how many were left out
              const details = error.details as { where?: unknown; path?: unknown; omitted?: unknown }[];
              expect(details.length, what).toBeGreaterThan(0);
              const unnamed = details.filter(
                (d) =>
                  !(typeof d.path === 'string' && typeof d.where === 'string') &&
                  typeof d.omitted !== 'number',
              );
              expect(unnamed, what).toEqual([]);
            }
          }),
          { numRuns: RUNS_PER_ROUTE },
        );
      }
    },
  );
});
