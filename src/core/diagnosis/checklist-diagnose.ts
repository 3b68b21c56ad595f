import type { AnswerProblem, Assessment } from './assessment.ts';
import type { ChecklistIndicatorSystem } from './model-schema.ts';
import { tidy } from './numbers.ts';
import type { DiagnosisResult, DimensionScore, Gap } from './result.ts';

/** Conformance of one checklist item; n.a. items leave the denominator. */
export type Conformance = 'met' | 'partly' | 'not' | 'na';
const NA_WORDS = ['na', 'n/a', 'n.a.', '不适用', 'not applicable'];

/** Read one conformance answer: the id (met / partly / not / na) or the pack's Chinese / English grade name. */
export function readConformance(model: ChecklistIndicatorSystem, raw: unknown): Conformance | null {
  if (typeof raw !== 'string') return null;
  const v = raw.trim().toLowerCase();
  if (NA_WORDS.includes(v)) return 'na';
  for (const g of model.conformance)
    if (v === g.id || v === g.name.zh.toLowerCase() || v === g.name.en.toLowerCase()) return g.id;
  return null;
}

export function readChecklistAnswers(
  model: ChecklistIndicatorSystem,
  assessment: Pick<Assessment, 'answers'>,
): { answers: Map<string, Conformance>; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const answers = new Map<string, Conformance>();
  const known = new Set<string>();
  const allowed = [
    ...model.conformance.map((g) => `${g.id} (${g.name.zh} / ${g.name.en})`),
    'na (不适用 / not applicable)',
  ].join(', ');
  for (const p of model.parts)
    for (const g of p.groups)
      for (const it of g.items) {
        known.add(it.id);
        const raw = assessment.answers[it.id];
        if (raw === undefined || raw === '') {
          problems.push({ itemId: it.id, message: 'missing required answer' });
          continue;
        }
        const c = readConformance(model, raw);
        if (c === null)
          problems.push({
            itemId: it.id,
            message: `unknown answer ${JSON.stringify(raw)}; allowed: ${allowed}`,
          });
        else answers.set(it.id, c);
      }
  for (const id of Object.keys(assessment.answers))
    if (!known.has(id))
      problems.push({ itemId: id, message: `unknown item "${id}" (not in model ${model.meta.id})` });
  return { answers, problems };
}

/** Conformance rate per group, per part and overall; n.a. excluded from every denominator; unanswered counts as not met. */
export function checklistResult(
  model: ChecklistIndicatorSystem,
  answers: ReadonlyMap<string, Conformance>,
): DiagnosisResult {
  const value = (c: Conformance) => model.conformance.find((g) => g.id === c)?.value ?? 0;
  const dimensions: DimensionScore[] = [];
  const subDimensions: DimensionScore[] = [];
  const gaps: Gap[] = [];
  let score = 0;
  let max = 0;
  for (const p of model.parts) {
    let ps = 0;
    let pm = 0;
    for (const g of p.groups) {
      let gs = 0;
      let gm = 0;
      for (const it of g.items) {
        const c = answers.get(it.id) ?? 'not';
        if (c === 'na') continue;
        const v = value(c);
        gs += v;
        gm += 1;
        if (v < 1)
          gaps.push({
            itemId: it.id,
            name: it.text.zh,
            current: c,
            best: 'met',
            lostPoints: tidy(1 - v),
            scenarios: g.scenarios,
          });
      }
      subDimensions.push({ id: g.id, name: g.name.zh, score: tidy(gs), max: gm });
      ps += gs;
      pm += gm;
    }
    dimensions.push({ id: p.id, name: p.name.zh, score: tidy(ps), max: pm });
    score += ps;
    max += pm;
  }
  gaps.sort((x, y) => y.lostPoints - x.lostPoints);
  return {
    model: { id: model.meta.id, version: model.meta.version },
    family: 'checklist',
    score: tidy(score),
    maxScore: max,
    percent: max > 0 ? tidy((score / max) * 100) : 0,
    level: null,
    dimensions,
    subDimensions,
    scenes: [],
    levelScores: [],
    gaps,
    nextLevel: {
      reachable: false,
      target: null,
      reason: 'a checklist has no levels: every gap is a requirement to meet',
      why: { kind: 'no-levels' },
    },
  };
}

export function diagnoseChecklist(
  model: ChecklistIndicatorSystem,
  assessment: Pick<Assessment, 'answers'>,
): { result: DiagnosisResult; problems: AnswerProblem[] } {
  const { answers, problems } = readChecklistAnswers(model, assessment);
  return { result: checklistResult(model, answers), problems };
}
