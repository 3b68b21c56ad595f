import { describe, expect, it } from 'vitest';
import { computeKpi } from '../core/kpi/compute.ts';
import { parseExpression } from '../core/kpi/expression.ts';
import { loadAtlasPacks } from './atlas-load.ts';
import { DEFAULT_KPI_PACK, loadKpiPack } from './kpi-pack.ts';
import { validatePacks } from './pack-validators.ts';
import { formatProblem } from './yaml-source.ts';

const BROKEN = 'src/packs/fixtures/kpis/broken';

describe('KPI catalogue packs', () => {
  it('loads the shipped catalogue: the guide six and the scenario KPIs, every formula parsed', async () => {
    const r = await loadKpiPack(DEFAULT_KPI_PACK);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const ids = r.catalogue.kpis.map((k) => k.id);
    expect(ids.slice(0, 6)).toEqual([
      'revenue-growth',
      'profit-margin',
      'rd-cycle',
      'production-efficiency',
      'inventory-turnover',
      'customer-satisfaction',
    ]);
    expect(ids).toEqual(
      expect.arrayContaining([
        'oee',
        'first-pass-yield',
        'on-time-delivery',
        'energy-per-output',
        'failure-downtime-rate',
        'inventory-days',
      ]),
    );
    for (const k of r.catalogue.kpis) expect(parseExpression(k.formula).ok).toBe(true);
    expect(r.catalogue.meta.sources.map((s) => s.section)).toContain('二（三）开展成效评估');
  });

  it('names only scenarios and KPIs the shipped atlas has, and each scenario lists the KPI it is tied to', async () => {
    const [kpis, atlas] = await Promise.all([loadKpiPack(DEFAULT_KPI_PACK), loadAtlasPacks('packs/atlas')]);
    if (!kpis.ok || !atlas.ok) throw new Error('packs do not load');
    const scenarios = new Map<string, readonly string[]>();
    const atlasKpis = new Set<string>();
    for (const a of atlas.catalog.values()) {
      for (const s of a.scenarios) scenarios.set(s.code, s.kpis);
      for (const k of a.kpis) atlasKpis.add(k.id);
    }
    const wrong: string[] = [];
    for (const k of kpis.catalogue.kpis) {
      if (k.atlasKpi && !atlasKpis.has(k.atlasKpi)) wrong.push(`${k.id}: atlas has no KPI ${k.atlasKpi}`);
      if (k.scenarios.length === 0) wrong.push(`${k.id}: measures no scenario`);
      for (const code of k.scenarios) {
        const listed = scenarios.get(code);
        if (!listed) wrong.push(`${k.id}: atlas has no scenario ${code}`);
        else if (k.atlasKpi && !listed.includes(k.atlasKpi))
          wrong.push(`${k.id}: ${code} does not list ${k.atlasKpi}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reports a formula naming an unknown field, a syntax error and a bad period at file:line', async () => {
    const r = await loadKpiPack(BROKEN);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'src/packs/fixtures/kpis/broken/kpis.yaml:20: kpis.1.period: Invalid option: expected one of "month"|"quarter"|"year"',
      'src/packs/fixtures/kpis/broken/kpis.yaml:11: kpis.0.formula: column 1: unknown field total_profit (not in fields)',
      'src/packs/fixtures/kpis/broken/kpis.yaml:19: kpis.1.formula: column 41: expected ")", found the end of the formula',
    ]);
  });

  it('computes the shipped OEE, inventory turnover and days from ledger rows', async () => {
    const r = await loadKpiPack(DEFAULT_KPI_PACK);
    if (!r.ok) throw new Error('does not load');
    const kpi = (id: string) => r.catalogue.kpis.find((k) => k.id === id)!;
    const rows = [
      {
        ref: 2,
        date: '2025-01-07',
        values: {
          planned_busy_time: 960,
          actual_production_time: 800,
          standard_time: 720,
          produced_quantity: 1000,
          good_quantity: 950,
        },
      },
      { ref: 3, date: '2025-01-31', values: { sales_cost: 600_000, inventory_balance: 200_000 } },
      { ref: 4, date: '2025-01-15', values: { inventory_balance: 400_000 } },
    ];
    const value = (id: string) => {
      const c = computeKpi(kpi(id), r.catalogue.fields, rows);
      if (!c.ok || !c.values[0]?.ok) throw new Error(`${id} does not compute`);
      return [Number(c.values[0].value.toFixed(4)), c.values[0].rows];
    };
    expect(value('oee')).toEqual([71.25, [2]]);
    expect(value('inventory-turnover')).toEqual([2, [3, 4]]);
    expect(value('inventory-days')).toEqual([15.5, [3, 4]]);
  });

  it('is a kind `tupu pack validate` knows', async () => {
    const ok = await validatePacks('packs/kpis');
    expect(ok.problems).toEqual([]);
    expect(ok.summaries).toEqual([
      expect.stringMatching(/^kpis guide-2024@1\.0\.0 12 KPIs over \d+ data fields$/),
    ]);
    const broken = await validatePacks(BROKEN);
    expect(broken.problems.length).toBeGreaterThan(0);
  });
});
