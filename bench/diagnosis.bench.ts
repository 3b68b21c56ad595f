/**
 * Diagnosis benchmark.
 *  1. Core: SME assessments per second (score + level + gaps + exact next-level search), against a bare loop that only
 *     sums the same option points (the cheapest possible "scoring").
 *  2. Batch: N filled .xlsx answer sheets (BENCH_SHEETS, default 1000) scored into one results workbook, as
 *     `tupu score --answers <dir>` does; time and peak memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreOne } from '../src/cli/commands/score.ts';
import type { PointsIndicatorSystem } from '../src/core/diagnosis/model-schema.ts';
import type { PointsAnswers, QuestionAnswer } from '../src/core/diagnosis/points-answers.ts';
import { pointsResult } from '../src/core/diagnosis/points-diagnose.ts';
import { flatQuestions } from '../src/core/diagnosis/points-flat.ts';
import type { SheetProblem } from '../src/packs/model-answers-read.ts';
import { loadIndicatorSystemById } from '../src/packs/model-load.ts';
import { resultsWorkbook, type ScoredSheet } from '../src/packs/model-results-book.ts';
import { ANSWER_COL, SHEET } from '../src/packs/model-sheet-layout.ts';
import { answerTemplate } from '../src/packs/model-sheet-template.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function randomAnswers(model: PointsIndicatorSystem, r: () => number): PointsAnswers {
  const questions = flatQuestions(model).map(({ def }): QuestionAnswer => {
    if (def.type === 'single') return { type: 'single', index: Math.floor(r() * def.options.length) };
    if (def.type === 'multi') {
      const chosen = def.options.map((_, i) => i).filter((i) => i > 0 && r() < 0.4);
      return { type: 'multi', chosen: chosen.length ? chosen : [0] };
    }
    return { type: 'ratio', percent: Math.round(r() * 100) };
  });
  return { questions, scenes: model.scenes.map(() => Math.floor(r() * 5)) };
}

export default async function bench(): Promise<void> {
  const loaded = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  if (!loaded.ok || loaded.model.family !== 'points') throw new Error('SME pack does not load');
  const model = loaded.model;
  const r = rng(42);
  const sample = Array.from({ length: 2000 }, () => randomAnswers(model, r));

  // baseline: sum option points directly (no caps, no bands, no levels)
  const flat = flatQuestions(model);
  const points = flat.map(({ def }) =>
    def.type === 'ratio' ? def.bands.map((b) => b.points) : def.options.map((o) => o.points),
  );
  let sink = 0;
  const runFor = (ms: number, body: (a: PointsAnswers) => void) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms)
      for (const a of sample) {
        body(a);
        n++;
      }
    return n / ((performance.now() - t0) / 1000);
  };
  const base = runFor(700, (a) => {
    a.questions.forEach((q, i) => {
      const p = points[i] ?? [];
      if (q.type === 'single') sink += p[q.index ?? 0] ?? 0;
      else if (q.type === 'multi') for (const j of q.chosen) sink += p[j] ?? 0;
      else sink += p[Math.min(p.length - 1, Math.floor((q.percent ?? 0) / 25))] ?? 0;
    });
  });
  const scoreOnly = runFor(700, (a) => (sink += pointsResult(model, a, false).score));
  const full = runFor(1500, (a) => (sink += pointsResult(model, a, true).nextLevel ? 1 : 0));
  console.log(`core  baseline (bare point sum):          ${Math.round(base).toLocaleString()} assessments/s`);
  console.log(
    `core  score + level + gaps:               ${Math.round(scoreOnly).toLocaleString()} assessments/s (${(base / scoreOnly).toFixed(1)}× slower than baseline)`,
  );
  console.log(
    `core  … + exact next-level search:        ${Math.round(full).toLocaleString()} assessments/s (${(base / full).toFixed(1)}× slower than baseline)`,
  );

  // batch
  const N = Number(process.env.BENCH_SHEETS ?? 1000);
  const dir = await mkdtemp(join(tmpdir(), 'tupu-bench-sheets-'));
  try {
    const wb = answerTemplate(model);
    const ws = wb.getWorksheet(SHEET.answers);
    const sc = wb.getWorksheet(SHEET.scenes);
    if (!ws || !sc) throw new Error('template sheets missing');
    const tGen = performance.now();
    for (let i = 0; i < N; i++) {
      const a = randomAnswers(model, r);
      flat.forEach(({ def }, qi) => {
        const q = a.questions[qi];
        const cell = ws.getRow(qi + 2).getCell(ANSWER_COL);
        if (!q) return;
        if (q.type === 'single' && def.type === 'single') cell.value = def.options[q.index ?? 0]?.id ?? 'A';
        else if (q.type === 'multi' && def.type === 'multi')
          cell.value = q.chosen.map((j) => def.options[j]?.id).join(',');
        else if (q.type === 'ratio') cell.value = q.percent;
      });
      a.scenes.forEach((lv, si) => (sc.getRow(si + 2).getCell(4 + model.sceneMax).value = lv));
      await wb.xlsx.writeFile(join(dir, `sheet-${String(i).padStart(5, '0')}.xlsx`));
    }
    const genS = (performance.now() - tGen) / 1000;
    let peakHeap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const scored: ScoredSheet[] = [];
    const errors: SheetProblem[] = [];
    for (let i = 0; i < N; i++) {
      const f = `sheet-${String(i).padStart(5, '0')}.xlsx`;
      const res = await scoreOne(model, join(dir, f), f);
      if (res.scored) scored.push(res.scored);
      errors.push(...res.problems);
      if (i % 50 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    await resultsWorkbook(model, scored, errors).xlsx.writeFile(join(dir, 'results.xlsx'));
    const secs = (performance.now() - t0) / 1000;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const maxRss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `batch generated ${N} sheets in ${genS.toFixed(1)} s (baseline: writing = ${((genS / N) * 1000).toFixed(1)} ms/sheet)`,
    );
    console.log(
      `batch scored ${scored.length}/${N} sheets into one workbook in ${secs.toFixed(1)} s = ${((secs / N) * 1000).toFixed(1)} ms/sheet ` +
        `(${(secs / genS).toFixed(2)}× the time to write them); ${errors.length} problems`,
    );
    console.log(`batch peak heap ${(peakHeap / 1024 / 1024).toFixed(0)} MB, max RSS ${maxRss.toFixed(0)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (sink === -1) console.log('');
}
