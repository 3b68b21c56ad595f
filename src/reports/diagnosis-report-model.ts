import type { Atlas } from '../core/atlas/types.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { DiagnosisResult, DimensionScore, SceneResult } from '../core/diagnosis/result.ts';
import { levelRule } from '../core/diagnosis/level-rule.ts';
import { addedOptions } from '../core/diagnosis/option-labels.ts';
import { textIn } from '../core/shared/text.ts';
import { indicatorSystemItems, indicatorSystemNames } from './diagnosis-report-items.ts';
import { reportText, type ReportLang } from './diagnosis-report-text.ts';

export type { ReportLang } from './diagnosis-report-text.ts';

/** Everything a diagnosis report is made from; plain data (the API passes database rows, the CLI files). */
export interface DiagnosisReportInput {
  model: IndicatorSystem;
  result: DiagnosisResult;
  organisation: { name: string; kind?: string };
  assessment: {
    title: string;
    mode: 'self' | 'assessor';
    submittedAt?: Date | string | null;
    createdAt?: Date | string | null;
  };
  /** the atlas pack the model's scenario codes point to (model.meta.atlas); without it codes are shown bare */
  atlas?: Atlas;
  /** an earlier diagnosis of the same organisation against the same model */
  previous?: DiagnosisResult;
  evidence?: { itemId: string; fileName: string; size: number; uploadedAt: Date | string }[];
  lang: ReportLang;
  /** the date printed when the assessment has none (the caller's "now"; keeps this function pure) */
  generatedAt?: Date | string;
}

export interface ScenarioRef {
  code: string;
  name: string;
  category: string;
}
export interface RateRow {
  id: string;
  name: string;
  score: number;
  max: number;
  /** score / max in percent (0 when max is 0) */
  percent: number;
}
export interface LevelRow {
  name: string;
  requirement: string;
  status: string;
  reached: boolean;
  /** staged family: the level's weighted score */
  score?: number;
  /** points family: where the enterprise stands against each condition of the level, met ✓ or not ✗ */
  position?: string;
}
export type DetailSection =
  | {
      kind: 'scenes';
      sceneMax: number;
      rows: (SceneResult & { groupName: string; levelLabel: string })[];
    }
  | { kind: 'subdomains'; rows: (RateRow & { parent: string })[] }
  | { kind: 'groups'; rows: (RateRow & { parent: string })[] };
export interface GapRow {
  itemId: string;
  name: string;
  current: string;
  best: string;
  lostPoints: number;
  scenarios: ScenarioRef[];
}
export interface TodoRow {
  step: number;
  itemId: string;
  kind: 'question' | 'scene' | 'requirement';
  name: string;
  from: string;
  to: string;
  gain: number;
  scenarios: ScenarioRef[];
}

/** The diagnosis report as plain data, every text already in the report's language. */
export interface DiagnosisReport {
  lang: ReportLang;
  family: DiagnosisResult['family'];
  cover: {
    title: string;
    organisation: string;
    organisationKind: string | null;
    assessmentTitle: string;
    modelTitle: string;
    modelVersion: string;
    date: string;
    mode: string;
  };
  summary: {
    score: number;
    maxScore: number;
    percent: number;
    levelName: string | null;
    reading: string;
    strengths: RateRow[];
    weaknesses: RateRow[];
  };
  level: {
    rows: LevelRow[];
    /** plain-language explanation of what the next level requires */
    explanation: string[];
  };
  dimensions: RateRow[];
  detail: DetailSection;
  gaps: {
    rows: GapRow[];
    /** gaps not listed (beyond the limit) */
    more: number;
    /** scenarios ranked by the lost points of the gaps they address */
    scenarios: (ScenarioRef & { lostPoints: number; items: string[] })[];
  };
  todo: { target: string | null; intro: string; rows: TodoRow[] };
  comparison: {
    previousScore: number;
    previousLevel: string | null;
    score: number;
    level: string | null;
    rows: (RateRow & { previousPercent: number; delta: number })[];
  } | null;
  evidence: {
    itemId: string;
    itemName: string;
    files: { fileName: string; size: number; uploadedAt: string }[];
  }[];
  methods: { source: string; publisher: string; uncertainty: string[]; scoring: string; disclaimer: string };
}

/** How many gaps the report lists individually. */
export const GAP_LIMIT = 20;

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
/** A number as the report prints it: at most 3 decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(round(n, 3));
}
/** File size in words: B, KB, MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

const rate = (score: number, max: number) => (max > 0 ? round((score / max) * 100, 1) : 0);

function isoDate(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? (typeof d === 'string' ? d : null) : date.toISOString().slice(0, 10);
}

/** Build the report: pure, deterministic, every section present (empty where the data has nothing). */
export function buildDiagnosisReport(input: DiagnosisReportInput): DiagnosisReport {
  const { model, result, lang } = input;
  const t = reportText(lang);
  const names = indicatorSystemNames(model, lang);
  const items = indicatorSystemItems(model, lang);
  const nameOf = (id: string, fallback: string) => names.get(id) ?? fallback;
  const scenarioRef = scenarioLookup(input.atlas, lang);
  const modelTitle = model.meta.title[lang];
  const org = input.organisation.name;

  const toRow = (d: DimensionScore): RateRow => ({
    id: d.id,
    name: nameOf(d.id, d.name),
    score: d.score,
    max: d.max,
    percent: rate(d.score, d.max),
  });
  const dimensions = result.dimensions.map(toRow);
  const ranked = [...dimensions].filter((d) => d.max > 0).sort((a, b) => b.percent - a.percent);
  const strengths = ranked.slice(0, Math.min(2, Math.floor(ranked.length / 2)));
  const weaknesses = ranked
    .slice(-Math.min(2, Math.ceil(ranked.length / 2)))
    .filter((d) => !strengths.includes(d))
    .reverse();
  const levelName = result.level ? nameOf(result.level.id, result.level.name) : null;

  const next = result.nextLevel;
  const todoRows: TodoRow[] =
    next?.reachable === true
      ? next.changes.map((c, i) => {
          const item = items.get(c.itemId);
          const show = item?.show ?? ((v) => (v === null ? t.noAnswer : String(v)));
          const added = addedOptions(c.from, c.to);
          return {
            step: i + 1,
            itemId: c.itemId,
            kind: c.kind,
            name: item?.name ?? c.name,
            from: show(c.from),
            to: added !== null && added.length > 0 ? `${t.added}${t.colon}${show(added)}` : show(c.to),
            gain: c.gain,
            scenarios: c.scenarios.map(scenarioRef),
          };
        })
      : [];
  const targetName = next?.target ? nameOf(next.target.id, next.target.name) : null;
  const totalGain = round(
    todoRows.reduce((s, r) => s + r.gain, 0),
    3,
  );

  const reading: string[] = [];
  if (result.family === 'checklist')
    reading.push(
      t.readingChecklist(org, modelTitle, formatNumber(round(result.percent, 1)), result.gaps.length),
    );
  else if (levelName !== null)
    reading.push(
      t.readingLevel(
        org,
        modelTitle,
        formatNumber(result.score),
        formatNumber(result.maxScore),
        formatNumber(round(result.percent, 1)),
        levelName,
      ),
    );
  else
    reading.push(
      t.readingNoLevel(
        org,
        modelTitle,
        formatNumber(result.score),
        formatNumber(result.maxScore),
        formatNumber(round(result.percent, 1)),
      ),
    );
  const strongest = ranked[0];
  const weakest = ranked[ranked.length - 1];
  if (strongest && weakest && strongest !== weakest)
    reading.push(
      t.readingDims(
        t.dimRate(strongest.name, formatNumber(strongest.percent)),
        t.dimRate(weakest.name, formatNumber(weakest.percent)),
      ),
    );
  if (next?.reachable === true && targetName !== null)
    reading.push(t.readingNext(targetName, todoRows.length));
  else if (next === null && result.family !== 'checklist' && result.level !== null)
    reading.push(t.readingTop);

  const gapRows: GapRow[] = result.gaps.slice(0, GAP_LIMIT).map((g) => {
    const item = items.get(g.itemId);
    const show = item?.brief ?? ((v) => (v === null ? t.noAnswer : String(v)));
    // a multiple choice's best answer as what it adds to the options chosen ("新增：D. …；E. …"), not all of them
    const added = addedOptions(g.current, g.best);
    return {
      itemId: g.itemId,
      name: item?.name ?? g.name,
      current: show(g.current),
      best:
        added !== null && added.length > 0 && (g.current as string[]).length > 0
          ? `${t.added}${t.colon}${show(added)}`
          : show(g.best),
      lostPoints: g.lostPoints,
      scenarios: g.scenarios.map(scenarioRef),
    };
  });
  const byScenario = new Map<string, ScenarioRef & { lostPoints: number; items: string[] }>();
  for (const g of result.gaps)
    for (const code of g.scenarios) {
      const entry = byScenario.get(code) ?? { ...scenarioRef(code), lostPoints: 0, items: [] };
      entry.lostPoints = round(entry.lostPoints + g.lostPoints, 3);
      const label = items.get(g.itemId)?.short ?? g.itemId;
      if (!entry.items.includes(label)) entry.items.push(label);
      byScenario.set(code, entry);
    }

  return {
    lang,
    family: result.family,
    cover: {
      title: t.title,
      organisation: org,
      organisationKind:
        input.organisation.kind !== undefined
          ? (t.orgKinds[input.organisation.kind] ?? input.organisation.kind)
          : null,
      assessmentTitle: input.assessment.title,
      modelTitle,
      modelVersion: model.meta.version,
      date:
        isoDate(input.assessment.submittedAt) ??
        isoDate(input.assessment.createdAt) ??
        isoDate(input.generatedAt) ??
        '—',
      mode: t.modes[input.assessment.mode],
    },
    summary: {
      score: result.score,
      maxScore: result.maxScore,
      percent: round(result.percent, 1),
      levelName,
      reading: reading.join(t.sentenceGap),
      strengths,
      weaknesses,
    },
    level: levelSection(input, targetName),
    dimensions,
    detail: detailSection(model, result, lang, nameOf),
    gaps: {
      rows: gapRows,
      more: Math.max(0, result.gaps.length - GAP_LIMIT),
      scenarios: [...byScenario.values()].sort(
        (a, b) => b.lostPoints - a.lostPoints || a.code.localeCompare(b.code),
      ),
    },
    todo: {
      target: targetName,
      intro: todoIntro(t, result, targetName, levelName, todoRows.length, totalGain),
      rows: todoRows,
    },
    comparison: input.previous ? comparisonSection(input.previous, result, dimensions, nameOf) : null,
    evidence: evidenceSection(input.evidence ?? [], items),
    methods: {
      source: [model.meta.source.source, model.meta.source.section, model.meta.source.note]
        .flatMap((s) => (s !== undefined ? [textIn(s, lang)] : []))
        .join(t.listSep),
      publisher: textIn(model.meta.publisher, lang),
      uncertainty: model.meta.uncertainty.map((u) => textIn(u, lang)),
      scoring: t.familyNote[model.family],
      disclaimer: t.disclaimer,
    },
  };
}

function todoIntro(
  t: ReturnType<typeof reportText>,
  result: DiagnosisResult,
  targetName: string | null,
  levelName: string | null,
  count: number,
  totalGain: number,
): string {
  const next = result.nextLevel;
  if (result.family === 'checklist') return t.checklistNoLevels;
  if (next === null) return t.topLevel(levelName ?? '');
  if (!next.reachable) return t.unreachable(targetName ?? '', next.why ? t.why(next.why) : next.reason);
  return t.todoIntro(targetName ?? next.target.name, count, formatNumber(totalGain));
}

function scenarioLookup(atlas: Atlas | undefined, lang: ReportLang): (code: string) => ScenarioRef {
  const categories = new Map(atlas?.vocabulary.categories.map((c) => [c.id, c.name[lang]]) ?? []);
  const scenarios = new Map(atlas?.scenarios.map((s) => [s.code, s]) ?? []);
  return (code) => {
    const s = scenarios.get(code);
    return s
      ? { code, name: s.name[lang], category: categories.get(s.category) ?? s.category }
      : { code, name: code, category: '' };
  };
}

function levelSection(input: DiagnosisReportInput, targetName: string | null): DiagnosisReport['level'] {
  const { model, result, lang } = input;
  const t = reportText(lang);
  const explanation: string[] = [];
  const next = result.nextLevel;
  if (model.family === 'points') {
    // the same rule and position the web result page shows (src/core/diagnosis/level-rule.ts)
    const rule = levelRule(model, result);
    const rows = model.levels.map((l, i) => {
      const r = rule[i];
      return {
        name: l.name[lang],
        requirement: t.pointsGate(l.minScore, l.minScenes, l.sceneLevel, l.minConstrainedScenes),
        reached: r?.reached ?? false,
        status: r?.reached ? t.reached : t.notReached,
        ...(r ? { position: t.pointsPosition(r.conditions) } : {}),
      };
    });
    const target = model.levels.find((l) => l.id === next?.target?.id);
    if (target && targetName !== null) {
      const at = result.scenes.filter((s) => s.level >= target.sceneLevel);
      explanation.push(
        t.nextNeeds(
          targetName,
          t.pointsGate(target.minScore, target.minScenes, target.sceneLevel, target.minConstrainedScenes),
        ),
        t.pointsNow(
          formatNumber(result.score),
          at.length,
          at.filter((s) => s.constrained).length,
          target.sceneLevel,
        ),
      );
    }
    return { rows, explanation };
  }
  if (model.family === 'staged') {
    const pass = formatNumber(model.rules.passScore);
    const rows = model.rules.levels.map((l) => {
      const ls = result.levelScores.find((x) => x.id === l.id);
      const reached =
        result.level !== null &&
        l.minS <= (model.rules.levels.find((x) => x.id === result.level?.id)?.minS ?? -1);
      return {
        name: l.name[lang],
        requirement: t.stagedGate(formatNumber(l.minS), pass),
        reached,
        status: !ls ? t.notReached : ls.passed ? (ls.counted ? t.passed : t.notCounted) : t.notPassed,
        score: ls?.score ?? 0,
      };
    });
    const target = model.rules.levels.find((l) => l.id === next?.target?.id);
    if (target && targetName !== null)
      explanation.push(
        t.nextNeeds(targetName, t.stagedGate(formatNumber(target.minS), pass)),
        t.stagedNow(formatNumber(result.score)),
      );
    return { rows, explanation };
  }
  return { rows: [], explanation: [t.checklistNoLevels] };
}

function detailSection(
  model: IndicatorSystem,
  result: DiagnosisResult,
  lang: ReportLang,
  nameOf: (id: string, fallback: string) => string,
): DetailSection {
  const t = reportText(lang);
  if (model.family === 'points')
    return {
      kind: 'scenes',
      sceneMax: model.sceneMax,
      rows: result.scenes.map((s) => ({
        ...s,
        name: nameOf(s.id, s.name),
        groupName: nameOf(s.group, s.group),
        levelLabel: t.sceneLevelN(s.level),
      })),
    };
  const parentOf = new Map<string, string>();
  if (model.family === 'staged')
    for (const a of model.areas) for (const s of a.subdomains) parentOf.set(s.id, a.name[lang]);
  else for (const p of model.parts) for (const g of p.groups) parentOf.set(g.id, p.name[lang]);
  const rows = result.subDimensions.map((d) => ({
    id: d.id,
    name: nameOf(d.id, d.name),
    score: d.score,
    max: d.max,
    percent: rate(d.score, d.max),
    parent: parentOf.get(d.id) ?? '',
  }));
  return model.family === 'staged' ? { kind: 'subdomains', rows } : { kind: 'groups', rows };
}

function comparisonSection(
  previous: DiagnosisResult,
  result: DiagnosisResult,
  dimensions: RateRow[],
  nameOf: (id: string, fallback: string) => string,
): NonNullable<DiagnosisReport['comparison']> {
  return {
    previousScore: previous.score,
    previousLevel: previous.level ? nameOf(previous.level.id, previous.level.name) : null,
    score: result.score,
    level: result.level ? nameOf(result.level.id, result.level.name) : null,
    rows: dimensions.map((d) => {
      const p = previous.dimensions.find((x) => x.id === d.id);
      const previousPercent = p ? rate(p.score, p.max) : 0;
      return { ...d, previousPercent, delta: round(d.percent - previousPercent, 1) };
    }),
  };
}

function evidenceSection(
  evidence: NonNullable<DiagnosisReportInput['evidence']>,
  items: Map<string, { name: string }>,
): DiagnosisReport['evidence'] {
  const byItem = new Map<string, DiagnosisReport['evidence'][number]>();
  for (const e of evidence) {
    const entry = byItem.get(e.itemId) ?? {
      itemId: e.itemId,
      itemName: items.get(e.itemId)?.name ?? e.itemId,
      files: [],
    };
    entry.files.push({ fileName: e.fileName, size: e.size, uploadedAt: isoDate(e.uploadedAt) ?? '' });
    byItem.set(e.itemId, entry);
  }
  const order = [...items.keys()];
  const pos = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...byItem.values()].sort(
    (a, b) => pos(a.itemId) - pos(b.itemId) || a.itemId.localeCompare(b.itemId),
  );
}
