/**
 * Scenario atlas: load + validate of a generated pack of 2,000 scenarios and 10,000 links, as a ratio to a plain
 * YAML parse of the same files; then the graph and query operations, each as a ratio to one plain breadth-first
 * walk over all links (the least any whole-graph operation must do).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { atlasGraph } from '../src/core/atlas/graph-view.ts';
import {
  neighbours,
  prerequisites,
  shortestChain,
  topologicalOrder,
  unlocks,
} from '../src/core/atlas/graph.ts';
import type { Link, Scenario } from '../src/core/atlas/pack-schema.ts';
import { filterScenarios } from '../src/core/atlas/query.ts';
import type { Atlas } from '../src/core/atlas/types.ts';
import { ATLAS_FILES } from '../src/packs/atlas-check.ts';
import { loadAtlasPack } from '../src/packs/atlas-load.ts';

const SCENARIOS = 2_000;
const LINKS = 10_000;
const CATEGORIES = [
  ['research-design', 'RD'],
  ['production', 'PM'],
  ['operations-service', 'OM'],
  ['business-management', 'BM'],
  ['supply-chain', 'SC'],
  ['cross-link', 'CX'],
] as const;
const CHAINS = ['tool', 'data', 'model'] as const;

/** small deterministic PRNG (mulberry32) so every run measures the same atlas */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t = (zh: string, en: string) => ({ zh, en });
const cite = { source: '制造业企业数字化转型实施指南（2024）', section: '附件1' };

function generatePack(): Record<string, unknown> {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const vocabulary = {
    categories: CATEGORIES.map(([id, code]) => ({
      id,
      code,
      name: t(`类别${code}`, `Category ${code}`),
      description: t('说明', 'About'),
      citation: cite,
    })),
    valueTags: ['quality', 'cost', 'efficiency', 'green', 'safety', 'new-model'].map((id) => ({
      id,
      name: t(id, id),
      description: t(id, id),
    })),
    enterpriseTypes: ['leader', 'large', 'sme', 'micro'].map((id) => ({
      id,
      name: t(id, id),
      description: t(id, id),
    })),
    chains: CHAINS.map((id) => ({ id, name: t(`${id}链`, `${id} chain`), description: t(id, id) })),
  };
  const painPoints = Array.from({ length: 60 }, (_, i) => ({
    id: `pain-${i}`,
    name: t(`痛点${i}`, `Pain ${i}`),
    category: CATEGORIES[i % 6]![0],
  }));
  const kpis = Array.from({ length: 40 }, (_, i) => ({
    id: `kpi-${i}`,
    name: t(`指标${i}`, `KPI ${i}`),
    unit: '%',
    direction: i % 2 ? 'up' : 'down',
    valueTag: vocabulary.valueTags[i % 6]!.id,
  }));
  const list = (what: string, i: number) =>
    Array.from({ length: 4 }, (_, k) =>
      t(`${what}${i}-${k} 设备运行数据`, `${what} ${i}-${k} equipment data`),
    );
  const scenarios: Scenario[] = Array.from({ length: SCENARIOS }, (_, i) => {
    const [category, code] = CATEGORIES[i % 6]!;
    return {
      code: `GEN-${code}-${String(Math.floor(i / 6) + 1).padStart(3, '0')}`,
      name: t(`场景${i}`, `Scenario ${i}`),
      category,
      description: t(
        `场景${i}的说明：基于工业互联网平台打通设计、计划、加工、检测等数据。`,
        `Scenario ${i}: connect design, planning, machining and inspection data on a platform.`,
      ),
      painPoints: [`pain-${i % 60}`, `pain-${(i * 7) % 60}`].filter((v, k, a) => a.indexOf(v) === k),
      elements: {
        data: list('数据', i),
        models: list('模型', i),
        tools: list('工具', i),
        skills: list('技能', i),
      },
      infrastructure: [t('工业互联网平台', 'Industrial internet platform')],
      valueTags: [pick(vocabulary.valueTags).id],
      kpis: [`kpi-${i % 40}`],
      enterpriseTypes: ['large', 'sme'],
      citation: cite,
    };
  });
  const seen = new Set<string>();
  const links: Link[] = [];
  while (links.length < LINKS) {
    const a = Math.floor(rnd() * SCENARIOS);
    const b = Math.floor(rnd() * SCENARIOS);
    if (a === b) continue;
    const prerequisite = rnd() < 0.3;
    const [from, to] = prerequisite ? [Math.min(a, b), Math.max(a, b)] : [a, b]; // prerequisites only go forward: acyclic
    const chain = pick(CHAINS);
    const key = `${from}-${to}-${chain}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({
      from: scenarios[from]!.code,
      to: scenarios[to]!.code,
      chain,
      flow: t(`流转${from}`, `flow ${from}`),
      prerequisite,
    });
  }
  return {
    [ATLAS_FILES.meta]: {
      kind: 'atlas',
      id: 'bench-atlas',
      version: '1.0.0',
      title: t('基准图谱', 'Benchmark atlas'),
      language: 'zh-CN',
      publisher: 'Tupu bench',
      source: cite,
      industry: { code: 'GEN', name: t('通用', 'General') },
    },
    [ATLAS_FILES.vocabulary]: vocabulary,
    [ATLAS_FILES.painPoints]: { painPoints },
    [ATLAS_FILES.kpis]: { kpis },
    [ATLAS_FILES.scenarios]: { scenarios },
    [ATLAS_FILES.links]: { links },
  };
}

async function time<T>(runs: number, f: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await f();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)]!, result: result as T };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

export default async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tupu-atlas-bench-'));
  try {
    const files = generatePack();
    let bytes = 0;
    for (const [name, data] of Object.entries(files)) {
      const text = stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
      bytes += Buffer.byteLength(text);
      await writeFile(join(dir, name), text);
    }
    console.log(`generated ${SCENARIOS} scenarios, ${LINKS} links, ${(bytes / 1e6).toFixed(1)} MB of YAML`);

    const baseline = await time(3, async () => {
      for (const name of Object.keys(files)) parse(await readFile(join(dir, name), 'utf8'));
    });
    const loaded = await time(3, () => loadAtlasPack(dir, { resolve: () => Promise.resolve(undefined) }));
    if (!loaded.result.ok)
      throw new Error(
        `bench atlas has problems: ${loaded.result.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('; ')}`,
      );
    const atlas: Atlas = loaded.result.atlas;
    console.log(`plain YAML parse (baseline)   ${fmt(baseline.ms)}`);
    console.log(
      `load + validate               ${fmt(loaded.ms)}  = ${(loaded.ms / baseline.ms).toFixed(2)}× baseline  (target < 1000 ms: ${loaded.ms < 1000 ? 'met' : 'NOT met'})`,
    );

    // graph operations, against one plain BFS over all links
    const codes = atlas.scenarios.map((s) => s.code);
    const out = new Map<string, string[]>();
    for (const l of atlas.links) out.set(l.from, [...(out.get(l.from) ?? []), l.to]);
    const bfs = await time(5, () => {
      const seen = new Set([codes[0]!]);
      const queue = [codes[0]!];
      for (let i = 0; i < queue.length; i++)
        for (const n of out.get(queue[i]!) ?? []) if (!seen.has(n) && seen.add(n)) queue.push(n);
      return seen.size;
    });
    console.log(`plain BFS over all links (baseline)   ${fmt(bfs.ms)}`);
    const sample = codes.filter((_, i) => i % 10 === 0); // 200 scenarios
    const ops: [string, number, () => unknown][] = [
      ['index (first query after load)', 1, () => neighbours(atlas, codes[0]!)],
      ['neighbours × 2000', SCENARIOS, () => codes.forEach((c) => neighbours(atlas, c))],
      ['prerequisites × 200', sample.length, () => sample.forEach((c) => prerequisites(atlas, c))],
      ['unlocks × 200', sample.length, () => sample.forEach((c) => unlocks(atlas, c))],
      [
        'shortest chain × 200',
        sample.length,
        () => sample.forEach((c, i) => shortestChain(atlas, c, sample[(i * 37) % sample.length]!)),
      ],
      [
        'shortest chain (data only) × 200',
        sample.length,
        () => sample.forEach((c, i) => shortestChain(atlas, c, sample[(i * 37) % sample.length]!, ['data'])),
      ],
      ['topological order of all 2000', 1, () => topologicalOrder(atlas, codes)],
      ['topological order of 200', 1, () => topologicalOrder(atlas, sample)],
      [
        'search q=场景N × 100',
        100,
        () => {
          for (let i = 0; i < 100; i++) filterScenarios(atlas, { q: `场景${i}` });
        },
      ],
      [
        'filter by element × 100',
        100,
        () => {
          for (let i = 0; i < 100; i++) filterScenarios(atlas, { element: `数据${i}-1`, category: 'PM' });
        },
      ],
      ['graph view (ECharts shape)', 1, () => atlasGraph(atlas)],
    ];
    for (const [name, count, f] of ops) {
      const r = await time(name.startsWith('index') ? 1 : 3, f);
      const per = r.ms / count;
      console.log(
        `${name.padEnd(36)} ${fmt(r.ms).padStart(10)}  (${(per * 1000).toFixed(1)} µs each = ${(per / bfs.ms).toFixed(2)}× one BFS)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
