import type { StagedIndicatorSystem } from './model-schema.ts';

/** What tailoring whole capability areas out of a staged model gives: the sub-domains to declare not applicable. */
export interface AreaTailoring {
  /** sub-domain ids to put in the assessment's `notApplicable` (model order) */
  notApplicable: string[];
  /** areas that could not be tailored out, and why (English, for logs and the CLI) */
  problems: { areaId: string; message: string }[];
}

/**
 * Tailor whole capability areas (能力域) out of a staged model — e.g. a production enterprise drops 数字化服务 of
 * GB/T 43439. An area can be tailored out only if every one of its sub-domains is `tailorable`; its sub-domains are
 * then not applicable and the scoring (`effectiveWeights`) scales the remaining weights proportionally so they sum
 * to 1. Unknown or untailorable areas are reported and left in. Pure: the model is not changed.
 */
export function tailorAreas(model: StagedIndicatorSystem, areaIds: readonly string[]): AreaTailoring {
  const wanted = new Set(areaIds);
  const problems: AreaTailoring['problems'] = [];
  const known = new Set(model.areas.map((a) => a.id));
  for (const id of wanted)
    if (!known.has(id))
      problems.push({
        areaId: id,
        message: `unknown capability area "${id}" of model ${model.meta.id}; known: ${[...known].join(', ')}`,
      });
  const notApplicable: string[] = [];
  const kept = model.areas.filter((a) => !wanted.has(a.id)).length;
  for (const a of model.areas) {
    if (!wanted.has(a.id)) continue;
    const fixed = a.subdomains.filter((s) => !s.tailorable).map((s) => s.id);
    if (fixed.length > 0) {
      problems.push({
        areaId: a.id,
        message: `capability area ${a.id} cannot be tailored out: sub-domain(s) ${fixed.join(', ')} are not tailorable`,
      });
      continue;
    }
    notApplicable.push(...a.subdomains.map((s) => s.id));
  }
  if (kept === 0 && model.areas.length > 0)
    return {
      notApplicable: [],
      problems: [
        ...problems,
        { areaId: '(all)', message: 'every capability area cannot be tailored out at once' },
      ],
    };
  return { notApplicable, problems };
}
