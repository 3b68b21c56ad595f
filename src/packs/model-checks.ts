import type {
  ChecklistFile,
  ChecklistIndicatorSystem,
  DomainsFile,
  IndicatorsFile,
  IndicatorSystemMeta,
  PointsLevelsFile,
  PointsIndicatorSystem,
  ScenesFile,
  StagedLevelsFile,
  StagedIndicatorSystem,
} from '../core/diagnosis/model-schema.ts';
import { questionBest } from '../core/diagnosis/points-flat.ts';

/** Report a problem at a path of the file being checked. */
export type Locate = (path: readonly PropertyKey[], message: string) => void;
interface Checked<T> {
  value: T;
  at: Locate;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function uniqueIds(at: Locate, entries: { id: string; path: PropertyKey[] }[], what: string): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) at([...e.path, 'id'], `duplicate ${what} id "${e.id}"`);
    seen.add(e.id);
  }
}

/** Cross-file rules of a points model; returns the model (problems are reported through `at`). */
export function checkPointsIndicatorSystem(
  meta: IndicatorSystemMeta,
  ind: Checked<IndicatorsFile>,
  lev: Checked<PointsLevelsFile>,
  sc: Checked<ScenesFile> | null,
): PointsIndicatorSystem | null {
  let ok = true;
  const fail =
    (at: Locate): Locate =>
    (p, m) => {
      ok = false;
      at(p, m);
    };
  const at = fail(ind.at);
  const dims = ind.value.dimensions;
  uniqueIds(
    at,
    dims.map((d, i) => ({ id: d.id, path: ['dimensions', i] })),
    'dimension',
  );
  const indicators: { id: string; path: PropertyKey[] }[] = [];
  const questions: { id: string; path: PropertyKey[] }[] = [];
  let total = 0;
  dims.forEach((d, di) => {
    let dimSum = 0;
    d.indicators.forEach((indi, ii) => {
      const ipath = ['dimensions', di, 'indicators', ii];
      indicators.push({ id: indi.id, path: ipath });
      let indSum = 0;
      indi.questions.forEach((q, qi) => {
        const qpath = [...ipath, 'questions', qi];
        questions.push({ id: q.id, path: qpath });
        if (q.type === 'single' || q.type === 'multi') {
          q.options.forEach((o, oi) => {
            const letter = String.fromCharCode(65 + oi);
            if (o.id !== letter)
              at(
                [...qpath, 'options', oi, 'id'],
                `options must be lettered A, B, C … in order: expected ${letter}, got ${o.id}`,
              );
            if (o.exclusive && o.points !== 0)
              at([...qpath, 'options', oi, 'points'], 'an exclusive ("无") option must score 0');
          });
          if (q.options.filter((o) => o.exclusive).length > 1)
            at([...qpath, 'options'], 'at most one exclusive option');
        }
        if (q.type === 'ratio') {
          q.bands.forEach((b, bi) => {
            const prev = q.bands[bi - 1];
            if (prev && !(b.upTo > prev.upTo)) at([...qpath, 'bands', bi, 'upTo'], 'band bounds must ascend');
            if (prev && b.points < prev.points)
              at([...qpath, 'bands', bi, 'points'], 'band points must not decrease');
          });
          if (q.bands[q.bands.length - 1]?.upTo !== 100)
            at([...qpath, 'bands'], 'the last band must end at 100');
        }
        indSum += questionBest(q);
      });
      if (!near(indSum, indi.points))
        at(
          [...ipath, 'points'],
          `indicator ${indi.id} declares ${indi.points} points, its questions can score ${+indSum.toFixed(6)}`,
        );
      dimSum += indi.points;
    });
    if (!near(dimSum, d.points))
      at(
        ['dimensions', di, 'points'],
        `dimension ${d.id} declares ${d.points} points, its indicators add up to ${+dimSum.toFixed(6)}`,
      );
    total += d.points;
  });
  uniqueIds(at, indicators, 'indicator');
  uniqueIds(at, questions, 'question');

  const scenes = sc?.value.scenes ?? [];
  let sceneMax = 0;
  if (sc) {
    const sat = fail(sc.at);
    uniqueIds(
      sat,
      sc.value.groups.map((g, i) => ({ id: g.id, path: ['groups', i] })),
      'scene group',
    );
    uniqueIds(
      sat,
      scenes.map((s, i) => ({ id: s.id, path: ['scenes', i] })),
      'scene',
    );
    const groups = new Set(sc.value.groups.map((g) => g.id));
    sceneMax = scenes[0]?.levels.length ?? 0;
    scenes.forEach((s, i) => {
      if (!groups.has(s.group)) sat(['scenes', i, 'group'], `unknown scene group "${s.group}"`);
      if (s.levels.length !== sceneMax)
        sat(['scenes', i, 'levels'], `every scene needs ${sceneMax} level descriptors`);
    });
  }
  const lat = fail(lev.at);
  const levels = lev.value.levels;
  uniqueIds(
    lat,
    levels.map((l, i) => ({ id: l.id, path: ['levels', i] })),
    'level',
  );
  const constrainedCount = scenes.filter((s) => s.constrained).length;
  levels.forEach((l, i) => {
    const p = ['levels', i];
    const prev = levels[i - 1];
    if (prev) {
      for (const key of ['minScore', 'sceneLevel', 'minScenes', 'minConstrainedScenes'] as const)
        if (l[key] < prev[key])
          lat([...p, key], `${key} must not decrease from one level to the next (${prev[key]} → ${l[key]})`);
    }
    if (l.minScore > total + 1e-9)
      lat([...p, 'minScore'], `minScore ${l.minScore} exceeds the model's maximum ${total}`);
    if (l.minConstrainedScenes > l.minScenes)
      lat([...p, 'minConstrainedScenes'], 'minConstrainedScenes cannot exceed minScenes');
    if (l.minScenes > scenes.length)
      lat([...p, 'minScenes'], `minScenes ${l.minScenes} exceeds the ${scenes.length} scenes`);
    if (l.minConstrainedScenes > constrainedCount)
      lat(
        [...p, 'minConstrainedScenes'],
        `minConstrainedScenes ${l.minConstrainedScenes} exceeds the ${constrainedCount} 约束性 scenes`,
      );
    if (l.sceneLevel > sceneMax)
      lat([...p, 'sceneLevel'], `sceneLevel ${l.sceneLevel} exceeds the scene levels (0–${sceneMax})`);
    if (l.minScenes > 0 && l.sceneLevel < 1)
      lat([...p, 'sceneLevel'], 'a scene count needs a sceneLevel ≥ 1');
  });
  if (!ok) return null;
  return {
    family: 'points',
    meta,
    dimensions: dims,
    sceneGroups: sc?.value.groups ?? [],
    scenes,
    sceneMax,
    levels,
  };
}

export function checkStagedIndicatorSystem(
  meta: IndicatorSystemMeta,
  lev: Checked<StagedLevelsFile>,
  dom: Checked<DomainsFile>,
): StagedIndicatorSystem | null {
  let ok = true;
  const fail =
    (at: Locate): Locate =>
    (p, m) => {
      ok = false;
      at(p, m);
    };
  const lat = fail(lev.at);
  const dat = fail(dom.at);
  const rules = lev.value;
  uniqueIds(
    lat,
    rules.levels.map((l, i) => ({ id: l.id, path: ['levels', i] })),
    'level',
  );
  rules.levels.forEach((l, i) => {
    const prev = rules.levels[i - 1];
    if (prev && !(l.minS > prev.minS)) lat(['levels', i, 'minS'], 'level intervals must ascend (minS)');
  });
  rules.grades.forEach((g, i) => {
    const prev = rules.grades[i - 1];
    if (prev && !(g.value > prev.value)) lat(['grades', i, 'value'], 'grades must ascend');
  });
  if (rules.grades[0]?.value !== 0) lat(['grades', 0, 'value'], 'the lowest grade must be 0');
  if (rules.grades[rules.grades.length - 1]?.value !== 1) lat(['grades'], 'the highest grade must be 1');
  const tables = rules.weightTables.map((t) => t.id);
  if (rules.aggregate === 'weighted' && tables.length === 0)
    lat(['weightTables'], 'weighted aggregation needs at least one weight table');
  uniqueIds(
    lat,
    rules.weightTables.map((t, i) => ({ id: t.id, path: ['weightTables', i] })),
    'weight table',
  );

  const areas = dom.value.areas;
  uniqueIds(
    dat,
    areas.map((a, i) => ({ id: a.id, path: ['areas', i] })),
    'area',
  );
  const subs: { id: string; path: PropertyKey[] }[] = [];
  const reqs: { id: string; path: PropertyKey[] }[] = [];
  const sums = new Map<string, number>(tables.map((t) => [t, 0]));
  areas.forEach((a, ai) =>
    a.subdomains.forEach((s, si) => {
      const sp = ['areas', ai, 'subdomains', si];
      subs.push({ id: s.id, path: sp });
      s.requirements.forEach((r, ri) => {
        reqs.push({ id: r.id, path: [...sp, 'requirements', ri] });
        if (r.level > rules.levels.length)
          dat(
            [...sp, 'requirements', ri, 'level'],
            `level ${r.level} beyond the ${rules.levels.length} levels`,
          );
      });
      if (rules.aggregate === 'weighted') {
        const w = s.weights ?? {};
        for (const t of tables) {
          const v = w[t];
          if (v === undefined) dat([...sp, 'weights'], `missing weight for table ${t}`);
          else sums.set(t, (sums.get(t) ?? 0) + v);
        }
        for (const k of Object.keys(w))
          if (!tables.includes(k)) dat([...sp, 'weights', k], `unknown weight table ${k}`);
      } else if (s.weights) dat([...sp, 'weights'], 'mean-of-areas models take no weights');
    }),
  );
  for (const [t, total] of sums)
    if (!near(total, 1)) dat(['areas'], `weights of table ${t} add up to ${+total.toFixed(6)}, not 1`);
  uniqueIds(dat, subs, 'sub-domain');
  uniqueIds(dat, reqs, 'requirement');
  if (!ok) return null;
  return { family: 'staged', meta, rules, areas };
}

export function checkChecklistIndicatorSystem(
  meta: IndicatorSystemMeta,
  cl: Checked<ChecklistFile>,
): ChecklistIndicatorSystem | null {
  let ok = true;
  const at: Locate = (p, m) => {
    ok = false;
    cl.at(p, m);
  };
  const c = cl.value;
  uniqueIds(
    at,
    c.conformance.map((g, i) => ({ id: g.id, path: ['conformance', i] })),
    'conformance',
  );
  const value = (id: string) => c.conformance.find((g) => g.id === id)?.value ?? 0;
  if (!(value('met') === 1 && value('met') >= value('partly') && value('partly') >= value('not')))
    at(['conformance'], 'conformance values must be met = 1 ≥ partly ≥ not');
  uniqueIds(
    at,
    c.parts.map((p, i) => ({ id: p.id, path: ['parts', i] })),
    'part',
  );
  const groups: { id: string; path: PropertyKey[] }[] = [];
  const items: { id: string; path: PropertyKey[] }[] = [];
  c.parts.forEach((p, pi) =>
    p.groups.forEach((g, gi) => {
      groups.push({ id: g.id, path: ['parts', pi, 'groups', gi] });
      g.items.forEach((it, ii) => items.push({ id: it.id, path: ['parts', pi, 'groups', gi, 'items', ii] }));
    }),
  );
  uniqueIds(at, groups, 'group');
  uniqueIds(at, items, 'item');
  if (!ok) return null;
  return { family: 'checklist', meta, conformance: c.conformance, parts: c.parts };
}
