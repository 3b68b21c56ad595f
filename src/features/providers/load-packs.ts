import { join } from 'node:path';
import { loadIndicatorSystemById } from '../../packs/model-load.ts';
import { loadProviderClassesPack } from '../../packs/provider-pack.ts';
import { formatProblem } from '../../packs/yaml-source.ts';
import type { ProviderPacks } from './deps.ts';

/** The default packs: T/ZJEI 010-2023 classes (packs/providers) and the grading model (packs/grading). */
export async function loadProviderPacksOrThrow(
  packsDir: string,
  classesId = 'tzjei-010-2023',
  gradingId = 'provider-grading-2024',
): Promise<ProviderPacks> {
  const classes = await loadProviderClassesPack(join(packsDir, 'providers', classesId));
  const grading = await loadIndicatorSystemById(join(packsDir, 'grading'), gradingId);
  const problems = [...(classes.ok ? [] : classes.problems), ...(grading.ok ? [] : grading.problems)];
  if (!classes.ok || !grading.ok)
    throw new Error(`the provider packs do not load:\n${problems.map(formatProblem).join('\n')}`);
  return { classes: classes.pack, grading: grading.model };
}
