/**
 * Cross-model estimate benchmark (issue "Diagnosis breadth"): one assessment of every mapped model, diagnosed, then
 * estimated onto every other model the mapping links (estimateOnModels) — the work behind GET
 * /api/assessments/:id/other-models after the diagnosis. p50/p95 per source model over varied answer sets, beside the
 * diagnosis of the same assessment measured in the same run (the baseline the page already pays).
 * Target: the estimate under 20 ms p95.
 */
import { join } from 'node:path';
import { diagnose } from '../src/core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../src/core/diagnosis/model-schema.ts';
import { answersFor } from '../src/core/diagnosis/sample-answers.ts';
import { estimateOnModels } from '../src/core/mapping/estimate.ts';
import { DEFAULT_MAPPING_PACK, loadMappingPackOrThrow } from '../src/packs/mapping-pack.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById } from '../src/packs/model-load.ts';

const RUNS = 200;
const TARGET_MS = 20;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};

export default async function bench(): Promise<void> {
  const packs = join(import.meta.dirname, '..', 'packs');
  const models = new Map<string, IndicatorSystem>();
  for (const id of await listIndicatorSystemPacks(join(packs, 'models'))) {
    const loaded = await loadIndicatorSystemById(join(packs, 'models'), id);
    if (loaded.ok) models.set(id, loaded.model);
  }
  const mapping = await loadMappingPackOrThrow(join(packs, DEFAULT_MAPPING_PACK), models);
  console.log(
    `mapping ${mapping.meta.id} ${mapping.meta.version}: ${mapping.concepts.length} concepts over ${mapping.meta.models.length} models; ${RUNS} assessments per model`,
  );
  console.log(
    'source model                      targets  diagnose p50/p95 ms   estimate p50/p95 ms   target',
  );
  let met = 0;
  let all = 0;
  for (const id of mapping.meta.models) {
    const model = models.get(id);
    if (!model) continue;
    const diagnoseMs: number[] = [];
    const estimateMs: number[] = [];
    let targets = 0;
    for (let k = 0; k < RUNS; k++) {
      const t0 = performance.now();
      const { result } = diagnose(model, answersFor(model, k));
      const t1 = performance.now();
      const estimate = estimateOnModels(mapping, { model, result }, models);
      const t2 = performance.now();
      diagnoseMs.push(t1 - t0);
      estimateMs.push(t2 - t1);
      targets = estimate.estimates.length;
    }
    const p95 = percentile(estimateMs, 0.95);
    all++;
    if (p95 < TARGET_MS) met++;
    console.log(
      [
        id.padEnd(33),
        String(targets).padEnd(8),
        `${percentile(diagnoseMs, 0.5).toFixed(2)} / ${percentile(diagnoseMs, 0.95).toFixed(2)}`.padEnd(21),
        `${percentile(estimateMs, 0.5).toFixed(2)} / ${p95.toFixed(2)}`.padEnd(21),
        p95 < TARGET_MS ? 'MET' : 'not met',
      ].join(' '),
    );
  }
  console.log(`\nSummary: estimate p95 under ${TARGET_MS} ms for ${met} of ${all} source models`);
}
