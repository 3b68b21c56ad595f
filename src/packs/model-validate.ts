import type { PackKindValidator } from './pack-validators.ts';
import { loadIndicatorSystemPack } from './model-load.ts';
import { relative } from 'node:path';

/** `tupu pack validate` for `kind: model` packs: each folder loaded on its own, every problem with file and line. */
export const validateIndicatorSystemPacks: PackKindValidator = async (_root, folders) => {
  const out = {
    problems: [] as Awaited<ReturnType<PackKindValidator>>['problems'],
    summaries: [] as string[],
  };
  for (const f of folders) {
    const r = await loadIndicatorSystemPack(f.dir, relative(process.cwd(), f.dir) || f.dir);
    if (!r.ok) out.problems.push(...r.problems);
    else {
      const m = r.model;
      const size =
        m.family === 'points'
          ? `${m.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.questions)).length} questions, ${m.scenes.length} scenes`
          : m.family === 'staged'
            ? `${m.areas.length} areas, ${m.areas.flatMap((a) => a.subdomains).length} sub-domains`
            : `${m.parts.flatMap((p) => p.groups.flatMap((g) => g.items)).length} items`;
      out.summaries.push(`model ${m.meta.id}@${m.meta.version} (${m.family}) ${size}`);
    }
  }
  return out;
};
