/**
 * Hostile JSON to every route's body schema (issue 18), with fast-check: each zod shape a route validates its JSON body
 * with, taken from the server's route list (`app.declaredRoutes`), so a new route is covered without editing a test,
 * gets 10,000 generated values shaped like it but wrong in places, at any depth (zod-arbitrary.ts), through safeParse.
 * It never throws, answers within a bounded time, and every refusal names where (an issue path that leads into the
 * value) and what (a message). The schemas are shared out between test files (`shard` of `shards`) so that each
 * file takes well under 20 s; the same values through the real routes: tests/api/route-bodies.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DeclaredRoute } from '../../src/server/access/access-hook.ts';
import { useApiApp } from './api-app.ts';
import { pathLeadsInto, shapedJson, type Json } from './zod-arbitrary.ts';

const SCHEMA_RUNS = 10_000;
/** far above what one check takes */
const SCHEMA_BOUND_MS = 1_000;

type BodyRoute = DeclaredRoute & { body: z.ZodType };

/** One route per body schema, in the server's order. */
function bodySchemaRoutes(routes: readonly DeclaredRoute[]): BodyRoute[] {
  const seen = new Set<unknown>();
  return routes.filter((r): r is BodyRoute => {
    if (r.body === undefined || r.method === 'HEAD' || seen.has(r.body)) return false;
    seen.add(r.body);
    return true;
  });
}

/** The describe block of the schemas numbered `shard` modulo `shards`. */
export function describeBodySchemas(shard: number, shards: number): void {
  describe(`route body schemas ${shard + 1} of ${shards}, 10,000 generated values each`, () => {
    const api = useApiApp('pglite', { packs: 'all' });

    // the whole run's limit, far above its ~10 s alone (a busy machine makes it slower); each value has its own bound
    it('no schema throws or hangs, and every refusal names where and what', { timeout: 180_000 }, () => {
      const all = bodySchemaRoutes(api.app.declaredRoutes);
      expect(all.length).toBeGreaterThan(30);
      for (const route of all.filter((_, i) => i % shards === shard)) {
        const schema = route.body;
        const what = `${route.method} ${route.url}`;
        fc.assert(
          fc.property(shapedJson(schema), (value: Json) => {
            const started = performance.now();
            const result = schema.safeParse(value);
            const elapsed = performance.now() - started;
            // plain checks first, one expect when something is wrong: expect per issue made the run 3× slower
            if (elapsed >= SCHEMA_BOUND_MS) expect(elapsed, what).toBeLessThan(SCHEMA_BOUND_MS);
            if (result.success) return;
            const unnamed = result.error.issues.filter(
              (issue) => issue.message.trim() === '' || !pathLeadsInto(value, issue.path),
            );
            if (result.error.issues.length === 0 || unnamed.length > 0)
              expect({ what, issues: result.error.issues }).toEqual({ what, issues: [] });
          }),
          { numRuns: SCHEMA_RUNS },
        );
      }
    });
  });
}
