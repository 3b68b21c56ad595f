/**
 * The project roll-up of an authority with 2,000 projects (200 enterprises × 10, each project with 4 milestones, 6
 * cost entries and a gate passed): p95 of the portfolio roll-up (four queries, grouped once in memory) beside a
 * baseline measured in the same run — the same roll-up read project by project (each project's page query), as a
 * naive list would. Target: under 300 ms on PostgreSQL (DATABASE_URL; PGlite in memory without it). Its rows are
 * removed at the end.
 */
import { eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import {
  deliveryCostEntries,
  deliveryGatePasses,
  deliveryMilestones,
  deliveryProjects,
  organisations,
} from '../src/db/schema.ts';
import { rollupByQuarter, rollupProject } from '../src/core/delivery/rollup.ts';
import { portfolioRollup } from '../src/features/delivery/portfolio-rollup.ts';
import { factsOf, calendarOf } from '../src/features/delivery/project-facts.ts';
import { deliveryRepository } from '../src/features/delivery/repository.ts';
import { testTenant } from '../tests/support/tenant.ts';

const ENTERPRISES = 200;
const PER_ENTERPRISE = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
const TARGET_MS = 300;

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

async function time(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

export default async function bench(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  const { db } = database;
  const [authority] = await db
    .insert(organisations)
    .values({ kind: 'authority', name: '示范市工信局（基准）' })
    .returning();
  const enterprises = await db
    .insert(organisations)
    .values(
      Array.from({ length: ENTERPRISES }, (_, k) => ({
        kind: 'enterprise' as const,
        name: `基准企业 ${k}`,
        parentId: authority!.id,
      })),
    )
    .returning();
  const seedStarted = performance.now();
  for (const [e, org] of enterprises.entries()) {
    const projects = await db
      .insert(deliveryProjects)
      .values(
        Array.from({ length: PER_ENTERPRISE }, (_, k) => ({
          orgId: org.id,
          initiativeId: `I-${k}`,
          scenario: `GEN-${k}`,
          name: { zh: `项目 ${k}`, en: `Project ${k}` },
          scope: { zh: '范围', en: 'Scope' },
          budget: [10, 10, 10, 10, 0, 0, 0, 0],
          startPeriod: 0,
          finishPeriod: 3,
          calendar: { start: { year: 2026, quarter: 1 + (e % 4) }, periodsPerYear: 4 },
          packId: 'default-2024',
        })),
      )
      .returning({ id: deliveryProjects.id });
    const under = projects.map((p) => ({ orgId: org.id, projectId: p.id }));
    await db.insert(deliveryMilestones).values(
      under.flatMap((u, k) =>
        [0, 1, 2, 3].map((m) => ({
          ...u,
          title: `M${m}`,
          due: `2026-${String(2 + m * 3).padStart(2, '0')}-15`,
          // the last one due today; one in seven projects has an older one open (late)
          doneOn:
            m === 3 || (m === 2 && k % 7 === 0) ? null : `2026-${String(3 + m * 3).padStart(2, '0')}-01`,
        })),
      ),
    );
    await db
      .insert(deliveryCostEntries)
      .values(
        under.flatMap((u, k) =>
          [0, 0, 1, 1, 2, 3].map((period) => ({ ...u, period, amount: k % 3 === 1 ? 8 : 5 })),
        ),
      );
    await db
      .insert(deliveryGatePasses)
      .values(under.map((u) => ({ ...u, gateId: 'diagnosis', party: 'provider' })));
  }
  const seeded = (performance.now() - seedStarted) / 1000;

  const tenants = enterprises.map((o) => testTenant(o.id));
  const deps = { repo: deliveryRepository(db), now: () => new Date('2026-11-15T00:00:00Z') };
  const today = '2026-11-15';
  const result = await portfolioRollup(deps, tenants); // warm-up, and a check of what it sums
  if (result.projects.length !== ENTERPRISES * PER_ENTERPRISE)
    throw new Error(`rolled up ${result.projects.length} projects`);

  /** The baseline: the same roll-up, each project read on its own as its page does (seven queries a project). */
  const perProject = async () => {
    const rollups = [];
    for (const tenant of tenants) {
      const ids = await db
        .select({ id: deliveryProjects.id })
        .from(deliveryProjects)
        .where(eq(deliveryProjects.orgId, tenant));
      for (const { id } of ids) {
        const b = (await deps.repo.findProject(tenant, id))!;
        rollups.push({
          rollup: rollupProject(factsOf(b.project, b.milestones, b.costs), today),
          calendar: calendarOf(b.project),
        });
      }
    }
    return rollupByQuarter(rollups);
  };
  const baseline = await time(BASELINE_RUNS, perProject);
  const batched = await time(RUNS, () => portfolioRollup(deps, tenants));

  const fmt = (xs: number[]) =>
    `p95 ${p95(xs).toFixed(1).padStart(8)} ms  (median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1)} ms, ${xs.length} runs)`;
  console.log(
    `database: ${database.engine}; ${ENTERPRISES * PER_ENTERPRISE} projects of ${ENTERPRISES} enterprises ` +
      `(seeded in ${seeded.toFixed(1)} s); lights ${JSON.stringify(result.lights)}; ${result.quarters.length} quarters`,
  );
  console.log(`baseline: project by project        ${fmt(baseline)}`);
  console.log(
    `portfolio roll-up (4 queries)       ${fmt(batched)}  ratio ${(p95(batched) / p95(baseline)).toFixed(3)}`,
  );
  console.log(
    `target < ${TARGET_MS} ms on PostgreSQL: ${p95(batched) < TARGET_MS ? 'met' : 'NOT met'}` +
      (database.engine === 'postgres'
        ? ''
        : ' (this run is PGlite; set DATABASE_URL for the PostgreSQL figure)'),
  );
  // the rows written go again (the organisations' rows cascade to their projects): a rerun starts the same
  await db
    .delete(organisations)
    .where(inArray(organisations.id, [authority!.id, ...enterprises.map((o) => o.id)]));
  await database.close();
}
